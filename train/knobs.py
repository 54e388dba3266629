"""Score a photos-32 snapshot on one task with sampler settings beyond lr and momentum, one setting at a time.
usage: python train/knobs.py PRIOR_DIR SWEEP_JSON OUT_JSON TASK 'KEY=VALUE[,KEY=VALUE]' ...
lr and momentum from the snapshot's sweep JSON; held-out images 2-9, 4 particles, sigma_y 0.05, seed 2 (as sweep_f2.py);
reports the residual-selected PSNR, the mean of the 4 particles, NFE and seconds per setting (JSON after every setting)."""
import sys, json, time, yaml
from pathlib import Path
import torch
import latentinv.all  # registers every sampler
from latentinv.priors import load_prior
from latentinv.sampler import get_sampler, preset
from latentinv.evaluation import heldout_problem, score_baseline
from latentinv.metrics import evaluate, mean_over_images, psnr
torch.set_num_threads(1)
prior_dir, sw, out_path, task = sys.argv[1], json.loads(Path(sys.argv[2]).read_text()), Path(sys.argv[3]), sys.argv[4]
prior = load_prior(prior_dir)
out = json.loads(out_path.read_text()) if out_path.exists() else {}
x, op, y = heldout_problem(prior, task, 8, 0.05, seed=2, start=2)
out.setdefault(task, {})['baseline'] = score_baseline(op, x, y)[0]['psnr']
for spec in sys.argv[5:]:
    over = {k: yaml.safe_load(v) for k, v in (kv.split('=') for kv in spec.split(',') if kv)}
    kw = preset('latent-daps', task, 'photos-32', **{'lr': sw[task]['lr'], 'momentum': sw[task]['momentum'], **over})
    t0 = time.time(); res = get_sampler('latent-daps', **kw).solve(prior, op, y, particles=4, seed=2)
    ev = mean_over_images(evaluate(res, x, op, y, perceptual=False))
    out[task][spec or 'preset'] = dict(selected=ev['selected_psnr'], mean_of_4=psnr(res.mean(), x).mean().item(),
                                       nfe=dict(res.nfe), seconds=round(time.time() - t0, 1))
    out_path.write_text(json.dumps(out, indent=1)); print(task, spec, json.dumps(out[task][spec or 'preset']), flush=True)
