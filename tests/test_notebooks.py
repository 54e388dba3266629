"""Every notebook in nbs/ is executed as one pytest test (through `nbdev_test`), so a run ends
with pytest's `N passed, N failed` line. Cells flagged `#| slow` (training, sweeps) are skipped."""
import os, subprocess, sys
from pathlib import Path
import pytest

NBS = Path(__file__).resolve().parent.parent / 'nbs'
NOTEBOOKS = sorted(p.name for p in NBS.glob('*.ipynb') if not p.name.startswith('_'))

@pytest.mark.parametrize('nb', NOTEBOOKS)
def test_notebook(nb):
    # one torch thread per notebook unless the caller says otherwise: the chapters run many small tensor ops, for which
    # extra threads only add overhead (measured 3-5x slower on a shared 2-core machine)
    env = {'OMP_NUM_THREADS': '1', **os.environ, 'HF_HUB_OFFLINE': '1', 'MPLBACKEND': 'Agg', 'LATENTINV_TESTING': '1'}
    exe = Path(sys.executable).parent / 'nbdev_test'
    r = subprocess.run([str(exe), '--path', str(NBS / nb), '--do_print'], cwd=NBS.parent,
                       capture_output=True, text=True, env=env)
    assert r.returncode == 0, f"{nb} failed:\n{r.stdout[-6000:]}\n{r.stderr[-6000:]}"
