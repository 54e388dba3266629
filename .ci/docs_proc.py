"""Run nbdev's doc processor (the `_proc/` notebooks that `nbdev_proc_nbs` writes) one notebook per task, timing
each notebook and collecting the warnings nbdev raises about our cells.

Two changes to what nbdev 2.4.14 does, both for the offline build only:
- a cell flagged with one of settings.ini's `tst_flags` (e.g. `#| slow`) is never re-run by the doc processor: the
  test run executes it, and the page shows its saved outputs (nbdev re-runs every cell that imports something, so a
  slow cell with an import would otherwise be re-run on every docs build);
- `show_doc` signatures are written from `inspect.signature` as declared: `class Name(...)` for classes, a class with
  no signature of its own (an exception, an nn.Module without `__init__`) as `class Name(Base)`, `*args`/`**kwargs` as such, and no annotation that the
  code does not declare (fastcore infers `prior:NoneType=None` from a default of None).
"""
import inspect, os, re, time, warnings
from pathlib import Path

def _slow_flags():
    from nbdev.config import get_config
    return set(get_config().get('tst_flags', '').split())

def _anno(a):
    "An annotation as the reader would write it: `Tensor`, `int | None`, `Optional[Tensor]`."
    if a is inspect.Parameter.empty: return ''
    if isinstance(a, str): return a
    if isinstance(a, type) and not getattr(a, '__args__', None): return a.__name__
    return re.sub(r'\b(?:[a-z_]\w*\.)+(?=[A-Za-z_])', '', inspect.formatannotation(a))

def _default(d):
    if inspect.isfunction(d) or inspect.isclass(d) or inspect.ismodule(d): return d.__name__
    r = repr(d)
    return f'{type(d).__name__}(...)' if ' at 0x' in r or len(r) > 60 else r

def signature_text(sym, name, docments, maxline=110):
    "The declaration of `sym` as the page shows it (`docments`: parameter name -> comment)."
    if inspect.isclass(sym):
        try: sig = inspect.signature(sym, eval_str=True)
        except (ValueError, TypeError): sig = None
        own = sig is not None and any(p.kind not in (p.VAR_POSITIONAL, p.VAR_KEYWORD) for p in sig.parameters.values())
        if sig is None or not own:   # e.g. an exception, or an nn.Module subclass without an __init__ of its own
            bases = ', '.join(b.__name__ for b in sym.__bases__ if b is not object)
            return f'class {name}({bases})' if bases else f'class {name}'
        prefix, ret = 'class', ')'
    else:
        sig = inspect.signature(sym, eval_str=True)
        prefix = 'async def' if inspect.iscoroutinefunction(sym) else 'def'
        ret = ')' + (f' -> {_anno(sig.return_annotation)}' if sig.return_annotation is not sig.empty else '')
    parts, star_done = [], False
    for p in sig.parameters.values():
        if p.kind == p.KEYWORD_ONLY and not star_done and not any(q.kind == q.VAR_POSITIONAL for q in sig.parameters.values()):
            parts.append(('*', '')); star_done = True
        s = ('*' if p.kind == p.VAR_POSITIONAL else '**' if p.kind == p.VAR_KEYWORD else '') + p.name
        if p.annotation is not p.empty: s += f':{_anno(p.annotation)}'
        if p.default is not p.empty: s += f'={_default(p.default)}'
        parts.append((s, (docments.get(p.name) or '').replace('\n', ' ')))
    if not parts: return f'{prefix} {name}{ret}'
    lines, cur = [], []
    for s, doc in parts:
        if cur and len(', '.join(cur + [s])) + 4 > maxline: lines.append(', '.join(cur) + ','); cur = []
        cur.append(s)
        if doc: lines.append(', '.join(cur) + ',  # ' + doc); cur = []
    if cur: lines.append(', '.join(cur))
    if lines and lines[-1].endswith(','): lines[-1] = lines[-1][:-1]
    lines = [re.sub(r',(  # )', r'\1', l) if i == len(lines) - 1 else l for i, l in enumerate(lines)]
    one = f'{prefix} {name}({", ".join(s for s, _ in parts)}{ret}'
    if not any(d for _, d in parts) and len(one) <= maxline: return one
    return f'{prefix} {name}(\n    ' + '\n    '.join(lines) + f'\n{ret}'

def _patch_nbdev():
    import nbdev.showdoc as sd, nbdev.processors as pr
    flags = _slow_flags()
    class Renderer(sd.BasicMarkdownRenderer):
        def _repr_markdown_(self):
            md = super()._repr_markdown_()
            try:
                docs = {k: v.get('docment') for k, v in self.dm.dm.items() if k != 'return'}
                new = signature_text(self.sym, self.nm, docs)
            except (ValueError, TypeError): return md
            return md.replace(f'```python\n\n{self.dm}\n\n```', f'```python\n{new}\n```', 1)
    sd.BasicMarkdownRenderer = Renderer
    orig = pr._do_eval
    def _do_eval(cell):
        if cell.cell_type == 'code' and flags & set(getattr(cell, 'directives_', None) or {}): return None
        return orig(cell)
    pr._do_eval = _do_eval

def process(src, dst):
    "Process one notebook `src` into `dst`; returns (seconds, [warning texts about our cells])."
    os.environ['IN_TEST'] = '1'
    _patch_nbdev()
    from execnb.nbio import read_nb, write_nb
    from nbdev.processors import FilterDefaults
    t0 = time.time()
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter('always')
        nb = read_nb(src)
        FilterDefaults()(nb)
        Path(dst).parent.mkdir(parents=True, exist_ok=True)
        write_nb(nb, dst)
    # warnings nbdev's processors raise about our cells (e.g. "Found cells containing imports and other code")
    ours = [str(w.message).strip() for w in caught if f'{os.sep}nbdev{os.sep}' in w.filename or 'Found cells' in str(w.message)]
    return time.time() - t0, ours
