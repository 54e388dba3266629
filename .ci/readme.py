"""README.md is generated from nbs/index.ipynb (nbdev's `nbdev_readme` needs quarto, which this
machine cannot install). The README links the docs site (`doc_host` + `doc_baseurl` in settings.ini) and the
repository (`git_url`); links to notebooks (the chapter table) become links to their pages on the site.
Usage: python .ci/readme.py [--check]  (--check: fail if README.md is stale)."""
import configparser, json, re, sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

def urls():
    "The docs site's URL and the repository's, from settings.ini (the one place they are written)."
    cp = configparser.ConfigParser(); cp.read(ROOT/'settings.ini'); c = cp['DEFAULT']
    return c['doc_host'].rstrip('/') + '/' + c['doc_baseurl'].strip('/') + '/', c['git_url'].rstrip('/')

def page_url(nb_link, site):
    "The site page nbdev renders a notebook to: `nbs/05_daps.ipynb#x` -> SITE/daps.html#x (index -> the site root)."
    path, _, anchor = nb_link.partition('#')
    stem = Path(path).stem
    page = '' if stem == 'index' else re.sub(r'^\d+[a-z]?_', '', stem) + '.html'
    return site + page + (f'#{anchor}' if anchor else '')

def render() -> str:
    nb = json.loads((ROOT/'nbs'/'index.ipynb').read_text())
    site, git = urls()
    parts = []
    for i, c in enumerate(nb['cells']):
        src = ''.join(c['source'])
        if c['cell_type'] == 'markdown':
            # links to notebooks go to their pages on the site
            src = re.sub(r'\]\((?!https?:)(?:\./)?([\w./-]+\.ipynb(?:#[\w-]+)?)\)', lambda m: f']({page_url(m.group(1), site)})', src)
            # paths are relative to nbs/ in the notebook, relative to the repo root in the README
            src = re.sub(r'\]\((?!https?:|#)([^)\s]+)\)', lambda m: f'](nbs/{m.group(1)})', src)
            parts.append(src)
            if i == 0: parts.append(f'**Documentation: <{site}>** (search, every chapter rendered) · source and issues: <{git}>')
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
