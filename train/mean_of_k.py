"""PSNR of the posterior mean of the first k of K particles (k = 1, 2, 4, ..., K) for a photos-32 snapshot.
usage: python train/mean_of_k.py PRIOR_DIR SWEEP_JSON OUT_JSON K TASK [TASK ...]
lr and momentum from the snapshot's sweep JSON; held-out images 2-9, sigma_y 0.05, seed 2 (as sweep_f2.py)."""
import sys, json, time
from pathlib import Path
import torch
import latentinv.all  # registers every sampler
from latentinv.priors import load_prior
from latentinv.sampler import get_sampler, preset
from latentinv.evaluation import heldout_problem, score_baseline
from latentinv.metrics import psnr
torch.set_num_threads(1)
prior_dir, sw, out_path, K = sys.argv[1], json.loads(Path(sys.argv[2]).read_text()), Path(sys.argv[3]), int(sys.argv[4])
prior = load_prior(prior_dir)
out = json.loads(out_path.read_text()) if out_path.exists() else {}
for task in sys.argv[5:]:
    t0 = time.time(); hp = dict(lr=sw[task]['lr'], momentum=sw[task]['momentum'])
    x, op, y = heldout_problem(prior, task, 8, 0.05, seed=2, start=2)
    res = get_sampler('latent-daps', **preset('latent-daps', task, 'photos-32', **hp)).solve(prior, op, y, particles=K, seed=2)
    s = res.samples                                   # (K, B, C, H, W)
    ks = [k for k in (1, 2, 4, 8, 16, 32, 64) if k <= K]
    row = dict(hp, K=K, baseline=score_baseline(op, x, y)[0]['psnr'],
               mean_of_first_k={k: psnr(s[:k].mean(0), x).mean().item() for k in ks},
               single_sample_mean=psnr(s, x).mean().item(),
               seconds=round(res.seconds, 1), wall_seconds=round(time.time() - t0, 1))
    out[task] = row; out_path.write_text(json.dumps(out, indent=1)); print(task, json.dumps(row), flush=True)
