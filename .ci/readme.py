"""README.md is generated from nbs/index.ipynb (nbdev's `nbdev_readme` needs quarto, which this
machine cannot install). Usage: python .ci/readme.py [--check]  (--check: fail if README.md is stale)."""
import json, re, sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

def render() -> str:
    nb = json.loads((ROOT/'nbs'/'index.ipynb').read_text())
    parts = []
    for c in nb['cells']:
        src = ''.join(c['source'])
        if c['cell_type'] == 'markdown':
            # paths are relative to nbs/ in the notebook, relative to the repo root in the README
            src = re.sub(r'\]\((?!https?:|#)([^)\s]+)\)', lambda m: f'](nbs/{m.group(1)})', src)
            parts.append(src)
        elif c['cell_type'] == 'code' and not re.search(r'#\|\s*hide', src):
            code = '\n'.join(l for l in src.splitlines() if not l.lstrip().startswith('#|'))
            parts.append(f'```python\n{code}\n```')
            for o in c.get('outputs', []):
                txt = o.get('text') or o.get('data', {}).get('text/plain')
                if txt: parts.append('```\n' + ''.join(txt).rstrip() + '\n```')
    return '<!-- generated from nbs/index.ipynb by .ci/readme.py: edit the notebook, not this file -->\n\n' + '\n\n'.join(parts) + '\n'

if __name__ == '__main__':
    text, readme = render(), ROOT/'README.md'
    if '--check' in sys.argv:
        if readme.read_text() != text: sys.exit('README.md is out of date with nbs/index.ipynb: run python .ci/readme.py')
        print('README.md is in sync with nbs/index.ipynb')
    else:
        readme.write_text(text); print('wrote', readme)
