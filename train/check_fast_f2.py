"""The benchmark chapter's check of a fast-variant candidate on the retrained photos-32 (compare_variant's protocol with
the candidate's values laid over the tuned preset instead of the variant file): the preset and the candidate alternating
in one process on held-out images 16-31 (phase retrieval 16-23, best of 4), wall seconds and PSNR per image; the record
is appended to CHECK_JSON (as fast_photos_f2.py's).
usage: python train/check_fast_f2.py CHECK_JSON TASK CAND 'KEY=VALUE,...' [THREADS] [REPS]"""
import sys, json, math, statistics
from pathlib import Path
import yaml, torch
import latentinv.all
from latentinv.bench import variant_values, _t975, machine
from latentinv.priors import load_prior
from latentinv.sampler import get_sampler, preset
from latentinv.evaluation import heldout_problem
from latentinv.metrics import evaluate
from latentinv.repulsion import psnr_up_to_ambiguity
check_path, task, cand = Path(sys.argv[1]), sys.argv[2], sys.argv[3]
change = {k: yaml.safe_load(v) for k, v in (kv.split('=') for kv in sys.argv[4].split(','))}
torch.set_num_threads(int(sys.argv[5]) if len(sys.argv) > 5 else 1); reps = int(sys.argv[6]) if len(sys.argv) > 6 else 1
checks = json.loads(check_path.read_text()) if check_path.exists() else []
hp0 = preset('latent-daps', task, 'photos-32'); hp1 = {**hp0, **change}
prior = load_prior('photos-32'); pr = task == 'phase_retrieval'; K, n = (4, 8) if pr else (1, 16)
x, op, y = heldout_problem(prior, task, n_images=n, seed=5, start=16)
c = dict(prior='photos-32', task=task, variant='fast', cand=cand, values=variant_values(hp1, hp0), images=n, particles=K, start=16,
         seconds={'preset': [], 'fast': []})
for _ in range(reps):
    for name, hp in (('preset', hp0), ('fast', hp1)):
        res = get_sampler('latent-daps', **hp).solve(prior, op, y, particles=K, seed=0, progress=False)
        p = psnr_up_to_ambiguity(res.samples, x).max(0).values if pr else evaluate(res, x, perceptual=False)['selected_psnr']
        c['seconds'][name].append(res.seconds); c[f'psnr_{name}'] = p.tolist(); c[f'nfe_{name}'] = dict(res.nfe)
        print(name, round(res.seconds, 1), round(p.mean().item(), 3), flush=True)
d = torch.tensor(c['psnr_fast']) - torch.tensor(c['psnr_preset'])
c.update(time_ratio=statistics.median(c['seconds']['fast']) / statistics.median(c['seconds']['preset']), dpsnr=d.mean().item(),
         dpsnr_ci=_t975(n - 1) * d.std().item() / math.sqrt(n), machine=machine())
checks.append(c); check_path.write_text(json.dumps(checks, indent=1))
print(json.dumps({k: c[k] for k in ('task', 'cand', 'values', 'time_ratio', 'dpsnr', 'dpsnr_ci')}), flush=True)
