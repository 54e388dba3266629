"""Box inpainting, PSNR over all pixels, the known pixels and the hole: the baseline, particle 0, the mean of 4 particles,
and the mean with the known pixels replaced by y; LatentDAPS at the box preset (lr 1e-5, momentum 0.9) with overrides.
usage: python train/box_regions.py PRIOR_DIR OUT_JSON THREADS "" "KEY=VALUE,..." ...  (held-out images 2-9, seed 2)"""
import sys, json, time, yaml
from pathlib import Path
import torch
import latentinv.all
from latentinv.priors import load_prior
from latentinv.sampler import get_sampler, preset, refine_samples
from latentinv.evaluation import heldout_problem, score_baseline
from latentinv.metrics import psnr
torch.set_num_threads(int(sys.argv[3]) if len(sys.argv) > 3 else 2)
prior = load_prior(sys.argv[1]); out_path = Path(sys.argv[2])
out = json.loads(out_path.read_text()) if out_path.exists() else {}
x, op, y = heldout_problem(prior, 'box_inpainting', 8, 0.05, seed=2, start=2)
m = op.mask.to(x)                       # (8,1,H,W) 1 known
def region(est):                        # est (8,C,H,W)
    e2 = (est.clamp(-1, 1) - x) ** 2
    def p(w): return (10 * torch.log10(4 / ((e2 * w).sum((1, 2, 3)) / (w.expand_as(e2).sum((1, 2, 3)))))).mean().item()
    return dict(all=psnr(est.clamp(-1, 1), x).mean().item(), known=p(m), hole=p(1 - m))
_, xb = score_baseline(op, x, y); pass
out['baseline'] = region(xb)
print('baseline', out['baseline'], flush=True)
for spec in sys.argv[4:]:
    over = {k: yaml.safe_load(v) for k, v in (kv.split('=') for kv in spec.split(',') if kv)}
    kw = preset('latent-daps', 'box_inpainting', 'photos-32', **{'lr': 1e-5, 'momentum': 0.9, **over})
    t0 = time.time(); res = get_sampler('latent-daps', **kw).solve(prior, op, y, particles=4, seed=2)
    s = res.samples                      # (4, 8, C, H, W)
    mean = s.mean(0)
    r = dict(p0=region(s[0]), mean=region(mean), mean_paste=region(m * y + (1 - m) * mean),
             seconds=round(time.time() - t0, 1))
    out[spec or 'preset'] = r; out_path.write_text(json.dumps(out, indent=1)); print(spec, json.dumps(r), flush=True)
