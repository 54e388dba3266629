"""The benchmark chapter's fast-variant search for the retrained photos-32 on the two tasks without one (Gaussian blur,
phase retrieval): sweep_fast over a candidate set drawn from the chapter's rounds (held-out images 8-15; phase retrieval
8-11, best of 4), choose_fast (at most 45% of the preset's network work), then compare_variant's check of the choice on
images 16-31 (phase retrieval 16-23) with the candidate's values in place of the variant file.
usage: python train/fast_photos_f2.py SWEEP_JSONL CHECK_JSON [THREADS]"""
import sys, json, math, statistics
from pathlib import Path
import torch
import latentinv.all
from latentinv.bench import sweep_fast, choose_fast, candidate_hp, variant_values, ALL_CANDIDATES, _t975, machine
from latentinv.priors import load_prior
from latentinv.sampler import get_sampler, preset
from latentinv.evaluation import heldout_problem
from latentinv.metrics import evaluate
from latentinv.repulsion import psnr_up_to_ambiguity
th = int(sys.argv[3]) if len(sys.argv) > 3 else 1; torch.set_num_threads(th)
sweep_path, check_path = Path(sys.argv[1]), Path(sys.argv[2])
CANDS = ['preset', 'm10x2', 's12o1m16', 's11', 's14o1m16', 's11smax3', 's10smax5']
checks = json.loads(check_path.read_text()) if check_path.exists() else []
for task in ('gaussian_blur', 'phase_retrieval'):
    recs = sweep_fast('photos-32', task, sweep_path, candidates={c: ALL_CANDIDATES.get(c, {}) for c in CANDS})
    base = next(r for r in recs if r['cand'] == 'preset')
    print(task, [(r['cand'], round(r['psnr'], 2), round(r['cost'] / base['cost'], 2), round(r['seconds'], 1)) for r in recs], flush=True)
    ch = choose_fast(recs).get(('photos-32', task))
    if ch is None or any(c['task'] == task for c in checks): continue
    hp0 = preset('latent-daps', task, 'photos-32'); hp1 = candidate_hp(hp0, ALL_CANDIDATES[ch])
    prior = load_prior('photos-32'); pr = task == 'phase_retrieval'; K, n = (4, 8) if pr else (1, 16)
    x, op, y = heldout_problem(prior, task, n_images=n, seed=5, start=16)
    c = dict(prior='photos-32', task=task, variant='fast', cand=ch, values=variant_values(hp1, hp0), images=n, particles=K, start=16,
             sweep_dpsnr=next(r for r in recs if r['cand'] == ch)['psnr'] - base['psnr'], seconds={})
    for name, hp in (('preset', hp0), ('fast', hp1)):
        res = get_sampler('latent-daps', **hp).solve(prior, op, y, particles=K, seed=0, progress=False)
        p = psnr_up_to_ambiguity(res.samples, x).max(0).values if pr else evaluate(res, x, perceptual=False)['selected_psnr']
        c['seconds'][name] = [res.seconds]; c[f'psnr_{name}'] = p.tolist(); c[f'nfe_{name}'] = dict(res.nfe)
    d = torch.tensor(c['psnr_fast']) - torch.tensor(c['psnr_preset'])
    c.update(time_ratio=c['seconds']['fast'][0] / c['seconds']['preset'][0], dpsnr=d.mean().item(),
             dpsnr_ci=_t975(n - 1) * d.std().item() / math.sqrt(n), machine=machine())
    checks.append(c); check_path.write_text(json.dumps(checks, indent=1))
    print(json.dumps({k: c[k] for k in ('task', 'cand', 'values', 'time_ratio', 'dpsnr', 'dpsnr_ci', 'sweep_dpsnr')}), flush=True)
