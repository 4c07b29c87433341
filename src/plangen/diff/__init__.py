"""Structured diffs of plans: what changed between two revisions, in terms of the plan.

Pure core (no I/O): `diff_plans(old, new)` compares two Plan values; `diff_sets(old, new)` compares
two sets of files ({path: Version}) and finds added, removed and renamed plans; renderers turn a
`DiffReport` into terminal text, Markdown, HTML or the stable JSON form. The command line lives in
`plangen.diff.command`.
"""

from __future__ import annotations

from .html import render_diff_html, render_html_page
from .jsonform import report_data, report_json
from .model import Change, DiffReport, Hunk, PlanDiff, Span, Version
from .plans import diff_plans
from .render import render_markdown, render_terminal
from .sets import diff_pair, diff_sets, version_of

__all__ = ["Change", "DiffReport", "Hunk", "PlanDiff", "Span", "Version", "diff_pair", "diff_plans", "diff_sets",
           "render_diff_html", "render_html_page", "render_markdown", "render_terminal", "report_data",
           "report_json", "version_of"]
