"""A plan as canonical text, one line per field, for `git diff` (textconv) and rename detection.

Pure. `plangen textconv FILE` prints `canonical_text` of the plan in FILE, so that a YAML plan and
its Markdown rewrite read the same, and long texts are broken after each sentence (。！？；) so
that git's line diff marks one sentence, not a paragraph. Set it up with:

    # .gitattributes
    *.yaml diff=plangen
    *.yml  diff=plangen
    *.md   diff=plangen
    # once per clone
    git config diff.plangen.textconv "plangen textconv"
"""

from __future__ import annotations

import re

from .dates import PlanDate
from .model import Person, Plan, Step
from .vocabulary import HEADED_PARTS, NESTED_LABELS, STATUS_LABELS, TOP_LABELS, strip_numbering

_SENTENCE_END = re.compile(r"(?<=[。！？；!?;])(?=[^\s”’」』）)])")
_INDENT = "    "


def canonical_text(plan: Plan) -> str:
    lines = _metadata(plan) + _leadership(plan) + _steps(plan) + _parts(plan)
    return "\n".join(lines) + "\n"


def _d(value: PlanDate | None) -> str:
    return str(value) if value else ""


def _field(label: str, value: str, sep: str = ": ") -> list[str]:
    if not value:
        return []
    first, *rest = text_lines(value)
    return [f"{label}{sep}{first}"] + [_INDENT + r for r in rest]


def text_lines(text: str) -> list[str]:
    """A text as lines: its own lines, each further broken after every sentence."""
    out: list[str] = []
    for line in text.strip().splitlines():
        out += [s.strip() for s in _SENTENCE_END.split(line.strip()) if s.strip()]
    return out or [""]


def _metadata(p: Plan) -> list[str]:
    L = TOP_LABELS
    status = f"{p.status} ({STATUS_LABELS[p.status]})" if p.status in STATUS_LABELS else p.status
    period = f"{_d(p.period.start)} — {_d(p.period.end)}" if p.period.start or p.period.end else ""
    lines = _field(L["title"], p.title) + _field(L["number"], p.number) + _field(L["slug"], p.slug)
    lines += _field(L["issuer"], p.issuer)
    lines += _field(L["date"], _d(p.date)) + _field(L["status"], status) + _field(L["period"], period)
    lines += _field(L["category"], p.category)
    return lines + _references(p)


def _references(p: Plan) -> list[str]:
    """Tags, basis documents, partners, attachments and headings worded otherwise than their labels."""
    L, N = TOP_LABELS, NESTED_LABELS
    lines = [f"{L['tags']}: {t}" for t in p.tags]
    lines += [f"{L['basis']}: " + " ".join(x for x in (d.title and f"《{d.title}》", d.number) if x) for d in p.basis]
    lines += [f"{L['partners']} {N['partners']['helpers']}: {x}" for x in p.helpers]
    lines += [f"{L['partners']} {N['partners']['recipients']}: {x}" for x in p.recipients]
    lines += [f"{L['attachments']}: {a.title}" + (f" ({a.file})" if a.file else "") for a in p.attachments]
    lines += [f"{L['headings']} {N['headings'][key]}: {p.heading(key)}" for key in HEADED_PARTS
              if p.heading(key) and strip_numbering(p.heading(key)) != L[key]]  # 一、指导思想 is the label
    return lines


def person_text(p: Person) -> str:
    return " · ".join(x for x in (p.name, p.title, p.org) if x) if p.name else p.description


def _leadership(p: Plan) -> list[str]:
    g, label = p.leadership, TOP_LABELS["leadership"]
    roles = NESTED_LABELS["leadership"]
    lines = _field(f"{label} {roles['name']}", g.name)
    for role, person in g.roles():
        name = "办公室主任" if role == "director" else roles[role]
        lines.append(f"{label} {name}: {person_text(person)}")
    if g.office:
        lines += _field(f"{label} 办公室设在", g.office.location) + _field(f"{label} 办公室说明", g.office.body)
    return lines + _field(f"{label} {roles['body']}", g.body)


def _steps(p: Plan) -> list[str]:
    lines: list[str] = []
    for n, step in enumerate(p.steps, 1):
        lines += _step(n, step)
    return lines


def _step(n: int, s: Step) -> list[str]:
    head = f"{TOP_LABELS['steps']} {n}: {s.title}"
    if s.start or s.end:
        head += f" ({_d(s.start)} — {_d(s.end)})"
    lines = [head + (f" [{s.id}]" if s.id else "")]
    lines += [_INDENT + x for x in _field("负责", s.owner) + _field("内容", s.body)]
    return lines + [_INDENT + x for item in s.items for x in _field("事项", item)]


def _parts(p: Plan) -> list[str]:
    lines: list[str] = []
    for part in p.parts:
        written = part.heading if part.key.startswith("section-") and part.heading != part.title else ""
        lines.append(f"## {part.title}" + (f" ({written})" if written else ""))
        if part.body:
            lines += [_INDENT + x for x in text_lines(part.body)]
        for item in part.items:
            label = f"- {item.title}" if item.title else "-"
            sep = ": " if item.title else " "
            lines += [_INDENT + x for x in (_field(label, item.body, sep) or [label])]
    return lines
