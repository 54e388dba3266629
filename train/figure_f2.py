"""The shipped photos-32's results on held-out images 2-9, kept as images for the training and DAPS chapters' figure.
usage: python train/figure_f2.py OUT_SAFETENSORS TASK [TASK ...]
The protocol of table_f2.py (the presets, held-out images 2-9, 4 particles, sigma_y 0.05, seed 2, one thread): per task it
stores the truth, the measurement as a picture, the classical baseline, the residual-selected sample, the posterior mean
and the per-pixel std of the 4 particles (all float16) and prints the table's numbers recomputed from them. The file is
rewritten (atomically) after every task; tasks already in it are skipped, so an interrupted run resumes."""
import sys, json, time
from pathlib import Path
import torch
from safetensors.torch import save_file, load_file
import latentinv.all  # registers every sampler
from latentinv.priors import load_prior
from latentinv.sampler import get_sampler, preset
from latentinv.evaluation import heldout_problem, score_baseline, measurement_picture
from latentinv.metrics import psnr
torch.set_num_threads(1)
out_path = Path(sys.argv[1]); prior = load_prior('photos-32')
store = load_file(str(out_path)) if out_path.exists() else {}
for task in sys.argv[2:]:
    if f'{task}/std' in store: print(task, 'already kept', flush=True); continue
    t0 = time.time(); kw = preset('latent-daps', task, 'photos-32')
    x, op, y = heldout_problem(prior, task, 8, 0.05, seed=2, start=2)
    base, xb = score_baseline(op, x, y)
    res = get_sampler('latent-daps', **kw).solve(prior, op, y, particles=4, seed=2, progress=False)
    parts = dict(truth=x, measurement=measurement_picture(op, y), baseline=xb, selected=res.selected(),
                 mean=res.mean(), std=res.std())
    store.update({f'{task}/{k}': v.detach().to(torch.float16).contiguous() for k, v in parts.items()})
    out_path.parent.mkdir(parents=True, exist_ok=True); tmp = out_path.with_suffix('.tmp')
    save_file(store, str(tmp)); tmp.replace(out_path)                     # never a half-written file
    print(json.dumps(dict(task=task, baseline=base['psnr'], selected=psnr(res.selected(), x).mean().item(),
                          mean_of_4=psnr(res.mean(), x).mean().item(), seconds=round(time.time() - t0, 1))), flush=True)
