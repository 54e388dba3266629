"""The official DAPS loop beside latentinv's LatentDAPS on the same networks and problems: the benchmark chapter's
official-loop table (`nbs/data/official_loop.json`).

The official `LatentDAPS.sample` (github.com/zhangbingliang2019/DAPS) is imported from a checkout named on the command
line and run the official way, one call per run, at the tuned preset's budget (annealing, ODE and HMC steps, lr, tau,
momentum); nothing of it is copied here. It needs `torchdiffeq` (`pip install torchdiffeq`). latentinv runs the preset
and/or a variant. All solve the same held-out problems, by default the frontier sweep's (`sweep_fast`: images 8-15,
problem seed 3, one particle; phase retrieval images 8-11, 4 particles, best of 4, up to its flip/shift ambiguity),
alternating in one process (ours, each variant, then the official loop), REPS times; the seconds are the mean of the
repetitions, the PSNR the first repetition's (every run is seeded by its repetition). One row per variant of ours, each
beside the same official runs.
usage: python train/official_loop.py DAPS_CHECKOUT OUT_JSON PRIOR:TASK:VARIANT[+VARIANT] ... [--images 8] [--start 8]
       [--seed 3] [--reps 2] [--threads 1]   (VARIANT: preset or fast; rows already in OUT_JSON with the same key are replaced)"""
import argparse, json, os, subprocess, sys, time
from pathlib import Path
import torch
import latentinv.all
from latentinv.priors import load_prior
from latentinv.sampler import get_sampler, preset
from latentinv.evaluation import heldout_problem
from latentinv.metrics import evaluate, psnr
from latentinv.repulsion import psnr_up_to_ambiguity
from latentinv.bench import machine

ap = argparse.ArgumentParser()
ap.add_argument('daps'); ap.add_argument('out'); ap.add_argument('runs', nargs='+')
ap.add_argument('--images', type=int, default=8); ap.add_argument('--start', type=int, default=8)
ap.add_argument('--seed', type=int, default=3); ap.add_argument('--reps', type=int, default=2); ap.add_argument('--threads', type=int, default=1)
a = ap.parse_args()
torch.set_num_threads(a.threads)
sys.path.insert(0, str(Path(a.daps).resolve()))
from sampler import LatentDAPS as OfficialLatentDAPS      # the official code, from the checkout


class Model(torch.nn.Module):
    "A latentinv prior with the interface the official loop calls (score, decode, get_in_shape), counting the calls."
    def __init__(self, prior):
        super().__init__(); self.prior = prior; self.calls = dict(denoise=0, decode_nograd=0, decode_grad=0)
    def score(self, z, sigma):
        self.calls['denoise'] += 1
        return self.prior.score(z, sigma)
    def decode(self, z):
        self.calls['decode_grad' if torch.is_grad_enabled() and z.requires_grad else 'decode_nograd'] += 1
        return self.prior.decode(z)
    def get_in_shape(self): return tuple(self.prior.latent_shape)


class Op:
    "A latentinv operator with the official operator's interface (sigma, __call__, loss) on K·B chains (particle-major)."
    def __init__(self, op, sigma, B): self.op, self.sigma, self.B = op, sigma, B
    def __call__(self, x): return self.op(x.view(-1, self.B, *x.shape[1:])).flatten(0, 1)
    def loss(self, x, y): return ((self.op(x) - y) ** 2).flatten(1).sum(-1)


def score(samples, x, task):
    "Mean PSNR over images; (K, B, ...) samples: the selected one (phase retrieval: best of K up to the flip/shift)."
    if task == 'phase_retrieval': return psnr_up_to_ambiguity(samples, x).max(0).values.mean().item()
    return psnr(samples[0], x).mean().item()


def official_run(model, op, y, hp, seed, K):
    s = OfficialLatentDAPS(
        annealing_scheduler_config=dict(name='edm', num_steps=hp['steps'], sigma_max=hp['sigma_max'], sigma_min=hp['sigma_min'], timestep='poly-7'),
        diffusion_scheduler_config=dict(name='edm', num_steps=hp['ode_steps'], sigma_min=hp['ode_sigma_min'], timestep='poly-7'),
        mcmc_sampler_config=dict(num_steps=hp['mcmc_steps'], lr=hp['lr'], tau=hp['tau'], lr_min_ratio=hp['lr_min_ratio'],
                                 prior_solver='gaussian', mc_algo='hmc', momentum=hp['momentum']))
    torch.manual_seed(seed)
    B = y.shape[0]; z = s.get_start(K * B, model)
    t = time.perf_counter(); x = s.sample(model, z, Op(op, 0.05, B), y[None].expand(K, *y.shape).flatten(0, 1)); sec = time.perf_counter() - t
    return x.detach().clamp(-1, 1).view(K, B, *x.shape[1:]), sec


out = Path(a.out); rows = json.loads(out.read_text()) if out.exists() else []
for spec in a.runs:
    prior_name, task, variants = spec.split(':'); variants = variants.split('+')
    prior = load_prior(prior_name); prior.requires_grad_(False)
    pr = task == 'phase_retrieval'; K, n = (4, a.images // 2) if pr else (1, a.images)
    x, op, y = heldout_problem(prior, task, n_images=n, seed=a.seed, start=a.start)
    hp0 = preset('latent-daps', task, prior_name)
    hps = {v: hp0 if v == 'preset' else preset('latent-daps', task, prior_name, variant=v) for v in variants}
    model = Model(prior); ours = {v: dict(s=[]) for v in variants}; off_s = []
    for rep in range(a.reps):
        for v, hp in hps.items():
            res = get_sampler('latent-daps', **hp).solve(prior, op, y, particles=K, seed=rep, progress=False)
            ours[v]['s'].append(res.seconds)
            if rep == 0: ours[v].update(psnr=score(res.samples, x, task), nfe=dict(res.nfe))
            print(f'{prior_name} {task} {v} rep {rep}: ours {res.seconds:.1f} s', flush=True)
        model.calls = dict.fromkeys(model.calls, 0)
        xo, sec = official_run(model, op, y, hp0, rep, K); off_s.append(sec)
        if rep == 0: off_p, calls = score(xo, x, task), dict(model.calls)
        print(f'{prior_name} {task} official rep {rep}: {sec:.1f} s', flush=True)
    for v in variants:
        row = dict(prior=prior_name, task=task, ours=v, ours_seconds=sum(ours[v]['s']) / a.reps, official_seconds=sum(off_s) / a.reps,
                   ours_psnr=ours[v]['psnr'], official_psnr=off_p, images=n, start=a.start, problem_seed=a.seed, particles=K, reps=a.reps,
                   threads=a.threads, uptime=subprocess.run(['uptime'], capture_output=True, text=True).stdout.strip(),
                   official_calls=calls, ours_nfe=ours[v]['nfe'], ours_seconds_each=ours[v]['s'], official_seconds_each=off_s,
                   machine=machine(), date=time.strftime('%Y-%m-%d'))
        rows = [r for r in rows if (r['prior'], r['task'], r['ours']) != (prior_name, task, v)] + [row]
        out.write_text(json.dumps(rows, indent=1) + '\n')
        print(json.dumps({k: row[k] for k in ('prior', 'task', 'ours', 'ours_seconds', 'official_seconds', 'ours_psnr', 'official_psnr')}), flush=True)
