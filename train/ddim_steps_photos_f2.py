"""Guided-DDIM samplers on the retrained photos-32 with more DDIM steps than the presets' 50 (a CPU budget).
usage: python train/ddim_steps_photos_f2.py OUT_JSON SAMPLER:TASK:STEPS:OMEGA ...
held-out images 2-5, sigma_y 0.05, seed 2, one particle, one thread; the sampler's photos-32 preset with steps and omega
replaced (PSLD keeps its preset gamma). JSON after every run; runs already in OUT_JSON are skipped."""
import sys, json, time
from pathlib import Path
import torch
import latentinv.all
from latentinv.priors import load_prior
from latentinv.sampler import get_sampler, preset
from latentinv.evaluation import heldout_problem, score_baseline
from latentinv.metrics import psnr
torch.set_num_threads(1)
out = Path(sys.argv[1]); rec = json.loads(out.read_text()) if out.exists() else {}
pr = load_prior('photos-32')
for spec in sys.argv[2:]:
    try: name, task, steps, omega = spec.split(':'); steps, omega = int(steps), float(omega)
    except ValueError: sys.exit(f"bad run {spec!r}: write SAMPLER:TASK:STEPS:OMEGA, e.g. psld:sr4:200:1")
    key = spec
    if key in rec: continue
    x, op, y = heldout_problem(pr, task, 4, 0.05, seed=2, start=2)
    kw = preset(name, task, 'photos-32', steps=steps, omega=omega)
    t0 = time.time(); res = get_sampler(name, **kw).solve(pr, op, y, particles=1, seed=2, progress=False)
    rec[key] = dict(psnr=psnr(res.selected(), x).mean().item(), baseline=score_baseline(op, x, y)[0]['psnr'], seconds=round(time.time() - t0, 1))
    tmp = out.with_suffix('.tmp'); tmp.write_text(json.dumps(rec, indent=1)); tmp.replace(out)   # atomic
    print(key, json.dumps(rec[key]), flush=True)
