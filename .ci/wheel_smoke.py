"""Run from an empty folder inside the wheel's fresh venv: the installed package (not the source tree)
must carry its data and work offline."""
import subprocess, sys, tempfile
from pathlib import Path
import numpy as np
from PIL import Image
import latentinv
from latentinv.core import example_images, example_image, data_dir
assert 'site-packages' in latentinv.__file__, f'imported from the source tree: {latentinv.__file__}'
assert len(example_images()) >= 3, example_images()
x = example_image('astronaut', 64); assert x.shape == (1, 3, 64, 64)
print('installed package', latentinv.__version__, 'at', Path(latentinv.__file__).parent)
print('bundled images:', example_images())
from latentinv.priors import bundled_priors, load_prior
assert bundled_priors() == ['digits-32', 'photos-32'], bundled_priors()
for name in bundled_priors():
    p = load_prior(name); print('bundled prior', name, 'loads offline:', p.latent_shape, 'from', p.path)
from latentinv.all import preset, sampler_names
assert preset('resample', 'sr4', 'digits-32')['gamma'] == 10.0 and preset('latent-daps', 'phase_retrieval')['mcmc_steps'] == 65
assert sampler_names() == ['daps', 'gml-dps', 'latent-daps', 'latent-daps-resample', 'latent-dps', 'prior', 'psld', 'resample'], sampler_names()
print('presets (shipped YAML) and every sampler available after `import latentinv.all`')
exe = Path(sys.executable).parent / 'latentinv'
# the README's main command (shortened: one image, 5 annealing steps) and the classical baseline
for cmd in (['demo', '--images', '1', '--steps', '5'], ['baseline', '--task', 'sr4', '--size', '64']):
    out = Path(tempfile.mkdtemp())
    r = subprocess.run([str(exe), *cmd, '--out', str(out)], capture_output=True, text=True)
    print(r.stdout[-3000:])
    assert r.returncode == 0, f'latentinv {cmd[0]} failed from the installed wheel:\n{r.stderr[-3000:]}'
    print('CLI', ' '.join(cmd), 'wrote', sorted(p.name for p in out.iterdir()))
# the experiment runner with a bundled config listed and a small config of the user's own, run twice (the second run reuses)
r = subprocess.run([str(exe), 'experiment', 'list'], capture_output=True, text=True)
assert r.returncode == 0 and 'seed000-part1-hybrid' in r.stdout, r.stdout + r.stderr
work = Path(tempfile.mkdtemp()); cfg = work / 'small.yaml'
cfg.write_text("name: small\nprior: digits-32\ntasks: [sr4]\nimages: 1\nruns:\n  - {sampler: baseline}\n"
               "  - {sampler: latent-daps, particles: 2, set: {steps: 3, mcmc_steps: 2}}\n")
for expect in ('2 unit(s) run on local', '0 unit(s) run on local, 2 reused'):
    r = subprocess.run([str(exe), 'experiment', 'run', str(cfg), '--store', str(work / 'store')], capture_output=True, text=True)
    assert r.returncode == 0 and expect in r.stdout, f'latentinv experiment run failed from the wheel:\n{r.stdout[-2000:]}\n{r.stderr[-2000:]}'
print('CLI experiment run wrote', sorted(p.name for p in (work / 'store').iterdir()))
# your own images: a folder of PNGs through the runner, and a dry run of a shipped real-weights config (no weights loaded)
(work / 'mine').mkdir()
for i, size in enumerate([(40, 56), (32, 32)]):
    Image.fromarray((np.random.default_rng(i).random((*size, 3)) * 255).astype(np.uint8)).save(work / 'mine' / f'im{i}.png')
r = subprocess.run([str(exe), 'experiment', 'run', str(cfg), '--images', str(work / 'mine'), '--store', str(work / 'mine-store')],
                   capture_output=True, text=True)
assert r.returncode == 0 and '4 unit(s) run on local' in r.stdout, r.stdout[-2000:] + r.stderr[-2000:]
assert (work / 'mine-store' / 'records.csv').read_text().count('\n') == 5, 'records.csv: a header and 4 rows'
r = subprocess.run([str(exe), 'experiment', 'run', 'sd15-sr4', '--images', str(work / 'mine'), '--dry-run'], capture_output=True, text=True)
assert r.returncode == 0 and '| **total** |' in r.stdout, r.stdout[-2000:] + r.stderr[-2000:]
print('CLI experiment run on a folder and a dry run of sd15-sr4: ok')
