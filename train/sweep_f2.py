"""Score a photos-32 snapshot the way the training chapter's table does, writing JSON after every task.
usage: python train/sweep_f2.py PRIOR_DIR OUT_JSON [--fixed] [--threads N] TASK [TASK ...]
per task: lr x momentum swept on held-out images 0-1 (seed 1, one particle), or with --fixed the f=4 snapshot's values;
a refine weight from 0.03/0.1/0.3/1 picked on the same images (linear tasks); then held-out images 2-9, 4 particles,
sigma_y 0.05, seed 2: baseline, residual-selected, mean of the 4 particles, oracle, and refined."""
import sys, json, time, argparse
from pathlib import Path
import torch
import latentinv.all  # registers every sampler
from latentinv.priors import load_prior
from latentinv.sampler import get_sampler, preset, refine_samples
from latentinv.evaluation import heldout_problem, score_baseline, sweep
from latentinv.metrics import evaluate, mean_over_images, psnr

p = argparse.ArgumentParser(); p.add_argument('prior'); p.add_argument('out'); p.add_argument('--fixed', action='store_true')
p.add_argument('--threads', type=int, default=1); p.add_argument('tasks', nargs='+'); a = p.parse_args()
torch.set_num_threads(a.threads)
GRID = dict(lr=[3e-6, 1e-5, 3e-5, 1e-4, 3e-4], momentum=[0.5, 0.9])
GAMMAS = [0.03, 0.1, 0.3, 1.0]
F4 = {q['task']: q for q in json.loads((Path(__file__).resolve().parent.parent / 'nbs/data/photos32_retrain.json').read_text())['snapshot']['rows']}
prior = load_prior(a.prior)
out = json.loads(Path(a.out).read_text()) if Path(a.out).exists() else {}
sel_psnr = lambda s, x, op, y: mean_over_images(evaluate(s, x, op, y, perceptual=False))['selected_psnr']
for task in a.tasks:
    t0 = time.time(); row = dict(task=task)
    if a.fixed: hp = dict(lr=F4[task]['lr'], momentum=F4[task]['momentum'])
    else:
        rows = sweep(prior, task, GRID, base=preset('latent-daps', task, 'photos-32'), n_images=2, seed=1)
        hp = {k: rows[0][k] for k in GRID}; row['sweep'] = [{k: r[k] for k in (*GRID, 'psnr')} for r in rows]
    row.update(hp); kw = preset('latent-daps', task, 'photos-32', **hp)
    x, op, y = heldout_problem(prior, task, 2, 0.05, seed=1)
    if op.is_linear:
        res = get_sampler('latent-daps', **kw).solve(prior, op, y, particles=1, seed=1)
        tune = {g: sel_psnr(refine_samples(op, y, res.samples, g).clamp(-1, 1), x, op, y) for g in GAMMAS}
        row['refine_tuning_images_0_1'] = {'none': sel_psnr(res.samples, x, op, y), **{str(g): v for g, v in tune.items()}}
        row['refine'] = max(tune, key=tune.get)
    x, op, y = heldout_problem(prior, task, 8, 0.05, seed=2, start=2)
    row['baseline'] = score_baseline(op, x, y)[0]['psnr']
    res = get_sampler('latent-daps', **kw).solve(prior, op, y, particles=4, seed=2)
    ev = mean_over_images(evaluate(res, x, op, y, perceptual=False))
    row.update(selected=ev['selected_psnr'], mean_of_4=psnr(res.mean(), x).mean().item(), oracle=ev['best_psnr'],
               seconds_32_chains=round(res.seconds, 1))
    if op.is_linear: row['refined_selected'] = sel_psnr(refine_samples(op, y, res.samples, row['refine']).clamp(-1, 1), x, op, y)
    row['wall_seconds'] = round(time.time() - t0, 1); out[task] = row
    Path(a.out).write_text(json.dumps(out, indent=1)); print(json.dumps({k: v for k, v in row.items() if k != 'sweep'}), flush=True)
