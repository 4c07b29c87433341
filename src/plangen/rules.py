"""Rules beyond types: dates, periods, placeholders, empty parts, people listed twice.

Each rule takes canonical plain data (after aliases and schema) and yields Problems. Pure.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import Any

from . import codepoints, markdown
from .cntext import find_placeholder
from .dates import DateIssue, PlanDate, parse_date, plan_year
from .documents import FieldPath, Marks, dotted, mark_of
from .model import person
from .problems import Problem, error, warning
from .vocabulary import NESTED_LABELS, REQUIRED_PARTS, TOP_LABELS
from .wording import Wording, msg

Rule = Callable[["Ctx"], Iterator[Problem]]


class Ctx:
    """What a rule reads: the data, where things are, and helpers to make Problems."""

    def __init__(self, data: dict[str, Any], marks: Marks, path: str) -> None:
        self.data = data
        self.marks = marks
        self.path = path
        self.found: list[Problem] = []
        self._joined: str | None = None
        self.year = plan_year(self.date(("date",), quiet=True),
                              self.date(("period", "start"), quiet=True))

    def joined(self) -> str:
        """Every text of the plan, joined by line breaks (the quick look before a rule walks them)."""
        if self._joined is None:
            texts: list[str] = []
            _strings(self.data, texts)
            self._joined = "\n".join(texts)
        return self._joined

    def get(self, at: FieldPath) -> Any:
        value: Any = self.data
        for seg in at:
            if isinstance(value, dict) and isinstance(seg, str):
                value = value.get(seg)
            elif isinstance(value, list) and isinstance(seg, int) and seg < len(value):
                value = value[seg]
            else:
                return None
        return value

    def error(self, at: FieldPath, said: Wording, code: str = "") -> Problem:
        line, col = mark_of(self.marks, at)
        return error(self.path, line, col, dotted(at), said, code)

    def warning(self, at: FieldPath, said: Wording, code: str = "") -> Problem:
        line, col = mark_of(self.marks, at)
        return warning(self.path, line, col, dotted(at), said, code)

    def date(self, at: FieldPath, quiet: bool = False) -> PlanDate | None:
        """The date at `at`, reporting an unreadable one once (unless quiet)."""
        text = self.get(at)
        if not isinstance(text, str):
            return None
        parsed = parse_date(text, getattr(self, "year", None))
        if isinstance(parsed, PlanDate):
            return parsed
        if not quiet:
            self.found.append(self._date_problem(at, parsed))
        return None

    def _date_problem(self, at: FieldPath, issue: DateIssue) -> Problem:
        if issue.kind == "placeholder":
            return self.warning(at, issue.said, "placeholder")
        code = {"no-year": "date-no-year", "out-of-range": "date-out-of-range"}.get(issue.kind, "bad-date")
        return self.error(at, issue.said, code)


def check(data: dict[str, Any], marks: Marks, path: str) -> list[Problem]:
    """Every rule, over one plan's canonical data."""
    ctx = Ctx(data, marks, path)
    found: list[Problem] = []
    for rule in RULES:
        found.extend(rule(ctx))
    return found + ctx.found


def period_order(ctx: Ctx) -> Iterator[Problem]:
    start, end = ctx.date(("period", "start")), ctx.date(("period", "end"))
    if start and end and start.first() > end.last():
        yield ctx.error(("period", "end"), msg("rules.period-order", start=start, end=end), "period-order")


def plan_date(ctx: Ctx) -> Iterator[Problem]:
    ctx.date(("date",))
    return iter(())


def steps_dates(ctx: Ctx) -> Iterator[Problem]:
    steps = ctx.get(("steps",))
    if not isinstance(steps, list):
        return
    start, end = ctx.date(("period", "start"), quiet=True), ctx.date(("period", "end"), quiet=True)
    if start and end and start.first() > end.last():
        start = end = None  # an inverted period is reported once, not once per step
    for i in range(len(steps)):
        s, e = ctx.date(("steps", i, "start")), ctx.date(("steps", i, "end"))
        if s and e and s.first() > e.last():
            yield ctx.error(("steps", i, "end"), msg("rules.step-order", start=s, end=e), "step-order")
        if _outside(s or e, e or s, start, end):
            yield ctx.warning(("steps", i), msg("rules.step-outside", start=start or "…", end=end or "…"),
                              "step-outside-period")


def _outside(s: PlanDate | None, e: PlanDate | None, start: PlanDate | None, end: PlanDate | None) -> bool:
    """A step (s..e, either may stand for both) lying partly before the period's start or after its end."""
    before = bool(start and ((s and s.first() < start.first()) or (e and e.first() < start.first())))
    after = bool(end and ((e and e.last() > end.last()) or (s and s.last() > end.last())))
    return before or after


# The kinds of value each required part may hold: a value of another kind is the schema's to report.
_PART_KINDS: dict[str, tuple[type, ...]] = {"leadership": (dict,), "steps": (list,)}


def empty_parts(ctx: Ctx) -> Iterator[Problem]:
    for key in REQUIRED_PARTS:
        value = ctx.get((key,))
        kinds = _PART_KINDS.get(key, (str, list))
        if key in ctx.data and (value is None or isinstance(value, kinds)) and _is_empty(value):
            yield ctx.error((key,), msg("rules.empty-part", label=TOP_LABELS[key]), "empty-part")
    group = ctx.get(("leadership",))
    if isinstance(group, dict) and not _is_empty(group) and group.get("leaders") == []:
        yield ctx.warning(("leadership", "leaders"), msg("rules.no-leader"), "no-leader")


def _is_empty(value: Any) -> bool:
    if isinstance(value, str):
        return not value.strip()
    if isinstance(value, (list, dict)):
        return not any(not _is_empty(v) for v in (value.values() if isinstance(value, dict) else value))
    return value is None


def people_twice(ctx: Ctx) -> Iterator[Problem]:
    """A name listed twice in one group: the same person unless both entries name different units."""
    group = ctx.get(("leadership",))
    if not isinstance(group, dict):
        return
    seen: dict[str, list[tuple[str, int, str]]] = {}
    for role in ("leaders", "deputies", "members"):
        people = group.get(role)
        for i, value in enumerate(people if isinstance(people, list) else []):
            p = person(value)
            if not p.name:
                continue
            same = [e for e in seen.get(p.name, []) if not (e[2] and p.org and e[2] != p.org)]
            if same:
                yield _twice(ctx, role, i, p.name, same[0][:2])
            seen.setdefault(p.name, []).append((role, i, p.org))


def _twice(ctx: Ctx, role: str, i: int, name: str, first: tuple[str, int]) -> Problem:
    at = ("leadership", role, i)
    first_label, label = NESTED_LABELS["leadership"][first[0]], NESTED_LABELS["leadership"][role]
    line = mark_of(ctx.marks, ("leadership", first[0], first[1]))[0]
    if first[0] == role:
        return ctx.warning(at, msg("rules.person-twice", name=name, label=label, line=line), "person-twice")
    return ctx.error(at, msg("rules.person-two-roles", name=name, label=label, first=first_label, line=line),
                     "person-two-roles")


def placeholders(ctx: Ctx) -> Iterator[Problem]:
    if not find_placeholder(ctx.joined()):  # no match spans a line break: none in any text
        return
    for at, text in _texts(ctx.data, ()):
        if at and at[-1] in ("start", "end", "date"):
            continue  # dates report their own placeholders
        found = find_placeholder(text)
        if found:
            yield ctx.warning(at, msg("rules.placeholder", text=found), "placeholder")


def _strings(value: Any, out: list[str]) -> None:
    """Every text in the data, in no particular order and without paths (the quick look before `_texts`)."""
    stack = [value]
    while stack:
        value = stack.pop()
        if isinstance(value, str):
            out.append(value)
        elif isinstance(value, dict):
            stack.extend(value.values())
        elif isinstance(value, list):
            stack.extend(value)


def _texts(value: Any, at: FieldPath) -> Iterator[tuple[FieldPath, str]]:
    if isinstance(value, str):
        yield at, value
    elif isinstance(value, dict):
        for k, v in value.items():
            yield from _texts(v, at + (k,))
    elif isinstance(value, list):
        for i, v in enumerate(value):
            yield from _texts(v, at + (i,))


def characters(ctx: Ctx) -> Iterator[Problem]:
    """Texts that cannot be published as written (docs/plan-format.md, "Characters"): a character
    that XML or HTML forbid (written as a YAML escape: the raw character is refused on reading), a
    bidirectional control, a text that shows nothing, or quotes and lists nested deeper than a page
    keeps (their text would be lost)."""
    joined = ctx.joined()
    if not (codepoints.find_forbidden(joined) or codepoints.INVISIBLE.search(joined)
            or markdown.too_deep(joined)):
        return
    for at, text in _texts(ctx.data, ()):
        found = _character_problem(ctx, at, text)
        if found is not None:
            yield found


def _character_problem(ctx: Ctx, at: FieldPath, text: str) -> Problem | None:
    bad = codepoints.find_forbidden(text)
    if bad:
        return ctx.error(at, msg("rules.forbidden-character", char=codepoints.describe(bad.group())),
                         "forbidden-character")
    bidi = codepoints.BIDI_CONTROLS.search(text)
    if bidi:
        return ctx.error(at, msg("rules.bidi", char=codepoints.describe(bidi.group())), "bidi-control")
    if codepoints.shows_nothing(text):
        return ctx.error(at, msg("rules.invisible"), "invisible-text")
    line = markdown.too_deep(text)
    if line:
        shown = text.split("\n")[line - 1].strip()
        return ctx.error(at, msg("rules.too-deep", line=line, shown=_clip(shown)), "too-deep")
    return None


def _clip(text: str, width: int = 40) -> str:
    return text if len(text) <= width else text[: width - 1] + "…"


RULES: tuple[Rule, ...] = (plan_date, period_order, steps_dates, empty_parts, people_twice, placeholders,
                           characters)
