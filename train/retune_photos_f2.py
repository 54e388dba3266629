"""The other samplers' photos-32 presets, tuned again on the retrained f=2 prior: the ReSample chapter's sweep (resample
gamma, the hybrid's opt_iters; then resample's omega at the winning gamma, which the chapter does not sweep) and the PSLD chapter's two sweeps (latent DPS omega, then PSLD / GML-DPS gamma at that
omega, then omega again around each winner), on the photos-32 entries only, as those chapters run them (2 held-out
images, seed 1, 50 DDIM steps). Writes every sweep's rows and the winners to OUT_JSON after each sampler.
usage: python train/retune_photos_f2.py OUT_JSON [THREADS] [resample|psld|all]"""
import sys, json, time
from pathlib import Path
import torch
import latentinv.all
from latentinv.priors import load_prior
from latentinv.sampler import preset
from latentinv.evaluation import sweep
torch.set_num_threads(int(sys.argv[2]) if len(sys.argv) > 2 else 1)
which = sys.argv[3] if len(sys.argv) > 3 else 'all'
out = Path(sys.argv[1]); rec = json.loads(out.read_text()) if out.exists() else dict(swept={}, best={})
rec = dict(swept={}, best={}) if which == 'all' else rec   # a part alone updates its own entries
TASKS, BUDGET, P = ['sr4', 'box_inpainting', 'gaussian_blur'], 50, 'photos-32'
pr = load_prior(P)
def run(key, task, grid, name, base):
    t0 = time.perf_counter()
    rows = sweep(pr, task, grid, sampler=name, base=base, n_images=2, seed=1)
    rec['swept'][key] = [{k: r[k] for k in (*grid, 'psnr', 'ssim', 'seconds') if k in r} for r in rows]
    print(f"{P} {name:20s} {task:14s} -> {{{', '.join(f'{k}: {rows[0][k]}' for k in grid)}}} {rows[0]['psnr']:.2f} dB | "
          + ' '.join(f"{'/'.join(str(r[k]) for k in grid)}: {r['psnr']:.1f}" for r in rows) + f" ({time.perf_counter() - t0:.0f} s)", flush=True)
    out.write_text(json.dumps(rec, indent=1))
    return rows
if which in ('resample', 'all'):        # the ReSample chapter's sweep
    RS_BASE = dict(steps=BUDGET, omega=1., hdc_every=5, latent_iters=50, pixel_iters=200, window=20)
    HYBRID_WINDOW = dict(opt_start=7, opt_stop=22)
    for task in TASKS:
        for name, grid, base in [('resample', dict(gamma=[10., 40.]), RS_BASE),
                                 ('latent-daps-resample', dict(opt_iters=[5, 30]), {**preset('latent-daps', task, P), **HYBRID_WINDOW})]:
            rows = run(f'{name} {task}', task, grid, name, base)
            rec['best'][f'{name} {task}'] = {k: rows[0][k] for k in grid}
    for task in TASKS:                  # then omega at the winning gamma (added for the retrained prior, where omega 1 made the
        g = rec['best'][f'resample {task}']   # guided DDIM unstable: box inpainting 12.7 dB), as the PSLD chapter's second sweep
        rows = run(f'resample {task} omega', task, dict(omega=[0.1, 0.3, 1.0]), 'resample', {**RS_BASE, **g})
        rec['best'][f'resample {task}'] = {**g, 'omega': rows[0]['omega']}
if which in ('psld', 'all'):            # the PSLD chapter's two sweeps
    best = {}
    for task in TASKS:
        for name, grid in [('latent-dps', dict(omega=[1., 3., 10.])), ('psld', dict(gamma=[0.1, 1.])), ('gml-dps', dict(gamma=[0.1, 1.]))]:
            base = dict(steps=BUDGET, **({} if name == 'latent-dps' else dict(omega=best['latent-dps', task]['omega'])))
            rows = run(f'{name} {task}', task, grid, name, base)
            best[name, task] = {**base, **{k: rows[0][k] for k in grid}}
    for task in TASKS:
        for name in ('latent-dps', 'psld', 'gml-dps'):
            b = best[name, task]
            omegas = sorted({b['omega'], 0.3} | ({0.1} if name == 'latent-dps' else set()))
            rows = run(f'{name} {task} omega', task, dict(omega=omegas), name, {k: v for k, v in b.items() if k != 'omega'})
            best[name, task] = {**b, 'omega': rows[0]['omega']}
            rec['best'][f'{name} {task}'] = best[name, task]
    out.write_text(json.dumps(rec, indent=1))
print(json.dumps(rec['best'], indent=1))
