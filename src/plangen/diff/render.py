"""A diff as terminal text (with or without colour) and as Markdown. Pure."""

from __future__ import annotations

from collections.abc import Callable, Iterable

from ..messages import EN, diff_summary
from ..wording import CATALOGUE, worded
from .model import Change, DiffReport, Hunk, PlanDiff

AREA_TITLES = {"metadata": "基本信息", "leadership": "领导小组", "steps": "实施步骤", "parts": "正文"}
STATUS_WORDS = {"added": "added", "removed": "removed", "modified": "modified", "renamed": "renamed",
                "invalid": "invalid", "unchanged": "unchanged"}
STATUS_LETTERS = {"added": "A", "removed": "D", "modified": "M", "renamed": "R", "invalid": "!", "unchanged": " "}
SIGNS = {"added": "+", "removed": "-", "moved": "↕"}
SHORT = 120

_RED, _GREEN, _YELLOW, _BOLD, _DIM, _RESET = "\033[31m", "\033[32m", "\033[33m", "\033[1m", "\033[2m", "\033[0m"


def sign_of(c: Change) -> str:
    return SIGNS.get(c.kind.rsplit("-", 1)[-1], "~")


def verb_of(c: Change) -> str:
    """What happened, in a word or two: 'added', 'dates moved', 'text'…"""
    return {"step-dates": "dates moved", "step-moved": "moved", "step-retitled": "retitled",
            "part-retitled": "retitled", "text": "text changed"}.get(c.kind, c.kind.rsplit("-", 1)[-1])


def word(language: str, token: str) -> str:
    """A status or verb (`verb_of`) in the terminal's language: the catalogue's `diff.word.*` (English: the token)."""
    key = "diff.word." + token.replace(" ", "-")
    return token if language == EN or key not in CATALOGUE else CATALOGUE[key][0]


def oneline(text: str, limit: int = SHORT) -> str:
    flat = text.replace("\n", " ↵ ")
    return flat if len(flat) <= limit else flat[: limit - 1] + "…"


def plan_heading(d: PlanDiff, language: str = EN) -> str:
    where = f"{d.old_path} → {d.new_path}" if d.old_path and d.new_path and d.old_path != d.new_path else d.path
    extra = ""
    if d.status == "renamed" and d.similarity is not None:
        extra = CATALOGUE["diff.alike"][1 if language == EN else 0].format(n=d.similarity)
    return f"{where}{extra}  {d.title}".rstrip()


def summary(report: DiffReport) -> str:
    if not report.has_changes:
        return f"no changes between {report.old_label} and {report.new_label}"
    counts: dict[str, int] = {}
    for d in report.plans:
        counts[d.status] = counts.get(d.status, 0) + 1
    n = len(report.plans)
    parts = ", ".join(f"{v} {STATUS_WORDS[k]}" for k, v in sorted(counts.items()))
    return f"{n} plan{'s differ' if n != 1 else ' differs'} between {report.old_label} and {report.new_label}: {parts}"


def by_area(changes: Iterable[Change]) -> list[tuple[str, list[Change]]]:
    groups: dict[str, list[Change]] = {}
    for c in changes:
        groups.setdefault(c.area, []).append(c)
    return [(a, groups[a]) for a in AREA_TITLES if a in groups]


# --- terminal ------------------------------------------------------------------------------------

def render_terminal(report: DiffReport, colour: bool = False, language: str = EN) -> str:
    """The diff for a terminal, its words in `language`."""
    paint = _painter(colour)
    lines: list[str] = []
    for d in report.plans:
        lines.append(paint(_BOLD, f"{STATUS_LETTERS[d.status]} {plan_heading(d, language)}"))
        lines += _errors(d, "    ", language)
        for area, changes in by_area(d.changes):
            lines.append(f"  {AREA_TITLES[area]}")
            for c in changes:
                lines += _terminal_change(c, paint, colour, language)
    statuses = [d.status for d in report.plans] if report.has_changes else []
    lines.append(diff_summary(language, statuses, report.old_label, report.new_label) or summary(report))
    return "\n".join(lines)


Paint = Callable[[str, str], str]


def _painter(colour: bool) -> Paint:
    return (lambda code, text: f"{code}{text}{_RESET}") if colour else (lambda code, text: text)


def _errors(d: PlanDiff, indent: str, language: str = EN) -> list[str]:
    old, new = (CATALOGUE[key][1 if language == EN else 0] for key in ("diff.old-invalid", "diff.new-invalid"))
    return ([f"{indent}{old.format(error=worded(e, language)[0])}" for e in d.old_errors]
            + [f"{indent}{new.format(error=worded(e, language)[0])}" for e in d.new_errors])


def _terminal_change(c: Change, paint: Paint, colour: bool, language: str) -> list[str]:
    sign = sign_of(c)
    head = f"    {sign} {c.label} {word(language, verb_of(c))}"
    if c.kind == "text":
        return [head + ":"] + ["        " + _terminal_hunk(h, paint, colour) for h in c.hunks]
    if c.old and c.new:
        return [f"{head}: {paint(_RED, oneline(c.old))} → {paint(_GREEN, oneline(c.new))}"]
    value = c.new or c.old
    code = _GREEN if c.new else _RED
    return [f"{head}: {paint(code, oneline(value))}" if value else head]


def _terminal_hunk(h: Hunk, paint: Paint, colour: bool) -> str:
    out = []
    for s in h.spans:
        text = s.text.replace("\n", "↵")
        if s.op == "same":
            out.append(paint(_DIM, text))
        elif not colour:
            out.append(f"[-{text}-]" if s.op == "old" else f"{{+{text}+}}")
        else:
            out.append(paint(_RED + "\033[7m", text) if s.op == "old" else paint(_GREEN + "\033[7m", text))
    return "".join(out)


# --- Markdown ------------------------------------------------------------------------------------

_MD_SPECIAL = str.maketrans({c: "\\" + c for c in "\\`*_[]<>|~"})


def md_escape(text: str) -> str:
    return text.translate(_MD_SPECIAL)


def render_markdown(report: DiffReport, language: str = EN) -> str:
    """The diff as Markdown (for a review comment), its words in `language`."""
    lines = [f"## plangen diff: {md_escape(report.old_label)} → {md_escape(report.new_label)}", ""]
    for d in report.plans:
        lines.append(f"### {word(language, STATUS_WORDS[d.status])}: {md_escape(plan_heading(d, language))}")
        lines += [f"- ⚠ {md_escape(e)}" for e in _errors(d, "", language)]
        for area, changes in by_area(d.changes):
            lines += ["", f"**{AREA_TITLES[area]}**", ""]
            lines += [_md_change(c, language) for c in changes]
        lines.append("")
    statuses = [d.status for d in report.plans] if report.has_changes else []
    lines.append(md_escape(diff_summary(language, statuses, report.old_label, report.new_label) or summary(report)))
    return "\n".join(lines) + "\n"


def _md_change(c: Change, language: str) -> str:
    head = f"- {sign_of(c)} **{md_escape(c.label)}** {word(language, verb_of(c))}"
    if c.kind == "text":
        return head + ":" + "".join(f"\n  - {_md_hunk(h)}" for h in c.hunks)
    if c.old and c.new:
        return f"{head}: ~~{md_escape(oneline(c.old))}~~ → **{md_escape(oneline(c.new))}**"
    value = c.new or c.old
    return f"{head}: {md_escape(oneline(value))}" if value else head


def _md_hunk(h: Hunk) -> str:
    out = []
    for s in h.spans:
        text = md_escape(s.text.replace("\n", "↵"))
        out.append(text if s.op == "same" else (f"<del>{text}</del>" if s.op == "old" else f"<ins>{text}</ins>"))
    return "".join(out)
