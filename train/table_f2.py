"""The training chapter's table for a prior folder at its presets: held-out images 2-9, 4 particles, sigma_y 0.05, seed 2.
usage: python train/table_f2.py PRIOR_DIR OUT_JSON TASK [TASK ...]
per task: baseline; LatentDAPS at the photos-32 preset (lr, momentum, refine as in latent-daps.yaml): residual-selected,
mean of the 4 particles and oracle, and where the preset refines, the same before the pixel-space step (JSON after every task)."""
import sys, json, time
from pathlib import Path
import torch
import latentinv.all  # registers every sampler
from latentinv.priors import load_prior
from latentinv.sampler import get_sampler, preset
from latentinv.evaluation import heldout_problem, score_baseline
from latentinv.metrics import evaluate, mean_over_images, psnr
torch.set_num_threads(1)
prior = load_prior(sys.argv[1]); out_path = Path(sys.argv[2])
out = json.loads(out_path.read_text()) if out_path.exists() else {}
for task in sys.argv[3:]:
    t0 = time.time(); kw = preset('latent-daps', task, 'photos-32')
    x, op, y = heldout_problem(prior, task, 8, 0.05, seed=2, start=2)
    row = dict(task=task, lr=kw['lr'], momentum=kw['momentum'], refine=kw.get('refine'), baseline=score_baseline(op, x, y)[0]['psnr'])
    res = get_sampler('latent-daps', **kw).solve(prior, op, y, particles=4, seed=2, progress=False)
    ev = mean_over_images(evaluate(res, x, op, y, perceptual=False))
    row.update(selected=ev['selected_psnr'], mean_of_4=psnr(res.mean(), x).mean().item(), oracle=ev['best_psnr'],
               nfe=dict(res.nfe), seconds=round(res.seconds, 1))
    if res.unrefined is not None:
        row['unrefined_selected'] = mean_over_images(evaluate(res.unrefined, x, op, y, perceptual=False))['selected_psnr']
        row['unrefined_mean_of_4'] = psnr(res.unrefined.mean(0), x).mean().item()
    row['wall_seconds'] = round(time.time() - t0, 1); out[task] = row
    out_path.write_text(json.dumps(out, indent=1)); print(json.dumps(row), flush=True)
