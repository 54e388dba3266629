"""photos-32's surrogate decoder at the tuned LatentDAPS preset, against the preset, in one process (alternating).
usage: python train/surrogate_photos.py OUT_JSON [THREADS]   held-out images 8-15, one particle (phase retrieval: best of 4
on images 8-11, as the benchmark chapter's sweeps), seed 0; seconds are the sampler's own, the ratio is what counts."""
import sys, json, os, time, platform
from pathlib import Path
import torch
import latentinv.all
from latentinv.priors import load_prior
from latentinv.sampler import get_sampler, preset
from latentinv.evaluation import heldout_problem
from latentinv.metrics import evaluate, mean_over_images
th = int(sys.argv[2]) if len(sys.argv) > 2 else 1; torch.set_num_threads(th)
out = Path(sys.argv[1]); rows = json.loads(out.read_text()) if out.exists() else []
prior = load_prior('photos-32')
for task in ('sr4', 'box_inpainting', 'gaussian_blur', 'phase_retrieval'):
    pr4 = task == 'phase_retrieval'
    x, op, y = heldout_problem(prior, task, 4 if pr4 else 8, 0.05, seed=0, start=8)
    for cand in ('preset', 'sur'):
        if any(r['task'] == task and r['cand'] == cand for r in rows): continue
        hp = preset('latent-daps', task, 'photos-32', **({'surrogate': True} if cand == 'sur' else {}))
        res = get_sampler('latent-daps', **hp).solve(prior, op, y, particles=4 if pr4 else 1, seed=0, progress=False)
        m = mean_over_images(evaluate(res, x, op, y, perceptual=False))
        rows.append(dict(task=task, cand=cand, seconds=res.seconds, psnr=m['best_psnr' if pr4 else 'selected_psnr'],
                         decoder_vjp=res.nfe['decoder_vjp'], threads=th, load=os.getloadavg()[0], cpu=platform.processor() or platform.machine()))
        out.write_text(json.dumps(rows, indent=1)); print(json.dumps(rows[-1]), flush=True)
