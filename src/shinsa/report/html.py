"""The self-contained HTML report: one file, no network, no script, inline CSS and SVG.

This module only renders: what the page shows is computed in ``report/view.py``. Every piece of
model output (and of suite content) reaches the page only through Jinja2 with autoescaping on, and
a Content-Security-Policy forbids scripts outright, so an answer holding ``<script>`` shows as text
and runs nothing.
"""

from __future__ import annotations

import os
import tempfile
import unicodedata
from collections.abc import Sequence
from functools import cache
from pathlib import Path

from jinja2 import Environment, PackageLoader, StrictUndefined
from markupsafe import Markup

from shinsa.report.i18n import Translator
from shinsa.report.model import RunView
from shinsa.report.view import build_context, radar_of
from shinsa.store.store import Store

REPORT_FILE = "report.html"
_INVISIBLE = {0x061C, 0x200E, 0x200F, *range(0x202A, 0x202F), *range(0x2066, 0x206A), 0xFEFF}


def visible(text: str) -> str:
    """Show characters that hide or reorder text (bidi controls, Unicode tags, control codes) as
    ⟨U+XXXX⟩, so an auditor sees what the model was sent or wrote."""
    out = []
    for ch in text:
        code = ord(ch)
        hidden = code in _INVISIBLE or 0xE0000 <= code <= 0xE007F
        if hidden or (unicodedata.category(ch) == "Cc" and ch not in "\n\t"):
            out.append(f"⟨U+{code:04X}⟩")
        else:
            out.append(ch)
    return "".join(out)


@cache
def _environment() -> Environment:
    env = Environment(
        loader=PackageLoader("shinsa.report", "templates"),
        autoescape=True,
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.filters["visible"] = visible
    return env


def render_report(
    store: Store,
    run_ids: Sequence[str],
    lang: str = "ja",
    redact: bool = False,
    policy: str | Path | None = None,
    gsn_dir: str | Path | None = None,
    max_items: int = 100,
) -> str:
    """The report as an HTML string. Several runs are compared against the first."""
    context = build_context(store, run_ids, lang=lang, redact=redact, policy=policy, gsn_dir=gsn_dir, max_items=max_items)
    return _environment().get_template("report.html.j2").render(context)


def write_report(
    store: Store,
    run_ids: Sequence[str],
    out_dir: str | Path,
    lang: str = "ja",
    redact: bool = False,
    policy: str | Path | None = None,
    gsn_dir: str | Path | None = None,
    max_items: int = 100,
) -> Path:
    """Write ``report.html`` into ``out_dir`` (atomically) and return its path."""
    html = render_report(store, run_ids, lang=lang, redact=redact, policy=policy, gsn_dir=gsn_dir, max_items=max_items)
    folder = Path(out_dir)
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / REPORT_FILE
    fd, tmp = tempfile.mkstemp(dir=folder, prefix=f".{REPORT_FILE}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as handle:
            handle.write(html)
        os.chmod(tmp, 0o644)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    return path


def radar_svg(views: Sequence[RunView], lang: str = "ja") -> Markup:
    """The report's radar chart alone (inline SVG, escaped like the report), for other pages that
    show a run, such as the web workspace's run page."""
    t = Translator(lang)
    chart, description = radar_of(views, t)
    return Markup(_environment().get_template("radar.svg.j2").render(radar=chart, radar_desc=description, t=t))
