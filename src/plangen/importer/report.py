"""The import report of one plan, as text for the terminal. Pure."""

from __future__ import annotations

from collections.abc import Sequence

from ..problems import Problem, count, format_text
from ..vocabulary import TOP_LABELS
from .assemble import PLACEHOLDER, Report
from .cleaning import DROPPED_KINDS, LABELS, summarise


def label(part: str) -> str:
    return f"{TOP_LABELS.get(part, part)} {part}"


def format_report(report: Report, output: str, problems: Sequence[Problem], written: bool) -> str:
    """What was found, inferred, missing, cleaned and warned about; then what `plangen check` says."""
    where = f"{report.source}:{report.line}" if report.line else report.source
    arrow = "->" if written else "-> (not written)"
    out = [f"{report.header or report.source}  ({where}) {arrow} {output}"]
    if report.found:
        out.append("  found:    " + ", ".join(f"{label(p)} (line {n})" for p, n in report.found))
    if report.inferred:
        out.append("  inferred: " + "; ".join(f"{label(p)} (line {n}: {why})" for p, n, why in report.inferred))
    if report.missing:
        out.append("  missing:  " + ", ".join(label(p) for p in report.missing)
                   + f" -- written as '{PLACEHOLDER}': fill in by hand")
    for line in summarise(report.cleanings):
        out.append("  cleaned:  " + line)
    for c in report.cleanings:
        if c.kind in DROPPED_KINDS:
            out.append(f"  left out: line {c.line}: '{c.sample}' ({LABELS[c.kind].split(' lines')[0]})")
    for no, text, why in report.dropped:
        out.append(f"  left out: line {no}: '{text}' ({why})")
    for warning in report.warnings:
        out.append("  warning:  " + warning)
    out.append("  status:   draft (草稿): `plangen build` publishes no draft; check the plan against the source, "
               "then set `status: active` to publish it")
    errors, warnings = count(problems)
    out.append(f"  check:    {errors} error(s), {warnings} warning(s)")
    out.extend("    " + format_text(p).replace("\n", "\n    ") for p in problems)
    return "\n".join(out)
