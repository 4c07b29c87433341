"""The import report of one plan, as text for the terminal. Pure."""

from __future__ import annotations

from collections.abc import Sequence

from ..messages import Say, say
from ..problem_text import format_problem
from ..problems import Problem, count
from ..vocabulary import TOP_LABELS
from .assemble import PLACEHOLDER, Report
from .cleaning import LEFT_OUT, summarise


def label(part: str) -> str:
    return f"{TOP_LABELS.get(part, part)} {part}"


def format_report(report: Report, output: str, problems: Sequence[Problem], written: bool,
                  language: str | None = "en") -> str:
    """What was found, inferred, missing, cleaned and warned about; then what `plangen check` says."""
    s = say(language)
    where = f"{report.source}:{report.line}" if report.line else report.source
    arrow = "->" if written else s("import.not_written")
    out = [f"{report.header or report.source}  ({where}) {arrow} {output}"]
    out.extend(_found_lines(report, s))
    out.extend(_cleaned_lines(report, s))
    out.extend(s("import.warning") + s.words(warning) for warning in report.warnings)
    out.append(s("import.draft"))
    errors, warnings = count(problems)
    out.append(s("import.check", errors=errors, warnings=warnings))
    out.extend("    " + format_problem(language, p).replace("\n", "\n    ") for p in problems)
    return "\n".join(out)


def _found_lines(report: Report, s: Say) -> list[str]:
    """The parts found, inferred and missing, one line each where there are any."""
    sep = s("import.sep")
    out = []
    if report.found:
        out.append(s("import.found") + sep.join(label(p) + s("import.at", n=n) for p, n in report.found))
    if report.inferred:
        out.append(s("import.inferred") + "; ".join(label(p) + s("import.at_why", n=n, why=s.words(why))
                                                    for p, n, why in report.inferred))
    if report.missing:
        out.append(s("import.missing") + sep.join(label(p) for p in report.missing)
                   + s("import.placeholder", placeholder=PLACEHOLDER))
    return out


def _cleaned_lines(report: Report, s: Say) -> list[str]:
    """What cleaning did, in summary, then every line left out with its reason."""
    out = [s("import.cleaned") + s.words(line) for line in summarise(report.cleanings)]
    out.extend(s("import.left_out", n=c.line, text=c.sample, why=s.words(LEFT_OUT[c.kind]))
               for c in report.cleanings if c.kind in LEFT_OUT)
    out.extend(s("import.left_out", n=no, text=text, why=s.words(why)) for no, text, why in report.dropped)
    return out
