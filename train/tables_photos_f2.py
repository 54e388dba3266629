"""The held-out tables of the ReSample, DiffStateGrad and PSLD chapters for the retrained photos-32 only, at the presets in
the package (run after retune_photos_f2.py's winners are in the preset files): `heldout_compare` on held-out images 2-5,
4 particles, seed 2, as those chapters run it. Writes the rows to OUT_JSON after each chapter's table.
usage: python train/tables_photos_f2.py OUT_JSON [THREADS] [resample|diffstategrad|psld|latent-daps|all]
(latent-daps: LatentDAPS at its preset on the same problems, the column the chapters compare with)"""
import sys, json
from pathlib import Path
import torch
import latentinv.all
from latentinv.priors import load_prior
from latentinv.sampler import preset
from latentinv.evaluation import heldout_compare
from latentinv.diffstategrad import DiffStateGrad
torch.set_num_threads(int(sys.argv[2]) if len(sys.argv) > 2 else 1)
which = sys.argv[3] if len(sys.argv) > 3 else 'all'
out = Path(sys.argv[1]); rec = json.loads(out.read_text()) if out.exists() else {}
TASKS, P = ['sr4', 'box_inpainting', 'gaussian_blur'], 'photos-32'
pr = load_prior(P)
def table(chapter, methods, extra=None):
    rows, _ = heldout_compare(pr, TASKS, methods, n_images=4, particles=4, seed=2, start=2)
    if extra: extra(rows)
    rec[chapter] = [{k: v for k, v in r.items() if isinstance(v, (int, float, str)) or v is None} for r in rows]
    out.write_text(json.dumps(rec, indent=1))
    for r in rows: print(chapter, r['task'], r['method'], round(r['psnr'], 2), flush=True)
if which in ('resample', 'all'):
    table('resample', {n: (n, lambda t, n=n: preset(n, t, P)) for n in ('resample', 'latent-daps-resample')})
if which in ('diffstategrad', 'all'):
    dsg_runs = {}
    def with_dsg(name, **kw):
        def hp(task):
            h = dsg_runs[name, task] = DiffStateGrad(**kw)
            return dict(preset(name, task, P), grad_transform=h)
        return name, hp
    def ranks(rows):
        for r in rows:
            if r['method'].endswith('DSG'):
                h = dsg_runs[r['method'].split()[0], r['task']]; r.update(svds=h.svds, rank=sum(h.ranks) / len(h.ranks))
    table('diffstategrad', {'latent-dps': ('latent-dps', lambda t: preset('latent-dps', t, P)), 'latent-dps + DSG': with_dsg('latent-dps'),
                            'latent-daps + DSG': with_dsg('latent-daps')}, ranks)
if which in ('psld', 'all'):
    table('psld', {n: (n, lambda t, n=n: preset(n, t, P)) for n in ('latent-dps', 'psld', 'gml-dps')})
if which in ('latent-daps', 'all'):
    table('latent-daps', {'latent-daps': ('latent-daps', lambda t: preset('latent-daps', t, P))})
