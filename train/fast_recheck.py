"""Re-check the photos-32 fast variants on the retrained prior with the benchmark chapter's compare_variant (held-out images
16-31, alternating preset / variant in one process), and the surrogate decoder at the preset on sr4 the same way.
usage: python train/fast_recheck.py OUT_JSON [THREADS]"""
import sys, json, math, statistics
from pathlib import Path
import torch
import latentinv.all
from latentinv.bench import compare_variant, _t975, machine
from latentinv.priors import load_prior
from latentinv.sampler import get_sampler, preset
from latentinv.evaluation import heldout_problem
from latentinv.metrics import evaluate
th = int(sys.argv[2]) if len(sys.argv) > 2 else 1; torch.set_num_threads(th)
out = Path(sys.argv[1]); rows = json.loads(out.read_text()) if out.exists() else []
done = {(r['task'], r['variant']) for r in rows}
for task in ('sr4', 'box_inpainting'):
    if (task, 'fast') not in done:
        rows.append(compare_variant('photos-32', task)); out.write_text(json.dumps(rows, indent=1)); print(json.dumps({k: rows[-1][k] for k in ('task', 'time_ratio', 'dpsnr', 'dpsnr_ci')}), flush=True)
if ('sr4', 'surrogate') not in done:                       # compare_variant's protocol with the surrogate as the variant
    prior = load_prior('photos-32'); n = 16
    x, op, y = heldout_problem(prior, 'sr4', n_images=n, seed=5, start=16)
    r = dict(prior='photos-32', task='sr4', variant='surrogate', images=n, particles=1, start=16, seconds={})
    for name, hp in (('preset', preset('latent-daps', 'sr4', 'photos-32')), ('surrogate', preset('latent-daps', 'sr4', 'photos-32', surrogate=True))):
        res = get_sampler('latent-daps', **hp).solve(prior, op, y, particles=1, seed=0, progress=False)
        r['seconds'][name] = [res.seconds]; r[f'psnr_{name}'] = evaluate(res, x, perceptual=False)['selected_psnr'].tolist()
    d = torch.tensor(r['psnr_surrogate']) - torch.tensor(r['psnr_preset'])
    r.update(time_ratio=r['seconds']['surrogate'][0] / r['seconds']['preset'][0], dpsnr=d.mean().item(),
             dpsnr_ci=_t975(n - 1) * d.std().item() / math.sqrt(n), machine=machine())
    rows.append(r); out.write_text(json.dumps(rows, indent=1)); print(json.dumps({k: r[k] for k in ('task', 'time_ratio', 'dpsnr', 'dpsnr_ci')}), flush=True)
