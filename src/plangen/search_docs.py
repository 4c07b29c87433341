"""What search knows of each page: title, URL, passages of its own text, filter values. Pure.

A plan's passages are its own text in reading order (parts, steps, leadership lines, cited
documents), one paragraph or list item per passage, each table cell apart (CELL), Markdown
markers removed. Its list entry (issuer, partners, category, tags) comes last, as labelled
passages, so a name found only there is still found, but an excerpt is taken from the text first.
The labels are not searched (帮扶方 is not 帮扶). The metadata panel of the page is never read: search is made from the model, not from HTML.
Organisation, person and document pages are records of their own, so a name finds its page too.
See docs/search.md.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass

from . import urls
from .index import Index
from .model import Part, Person, Plan

CELL = " \u2502 "  # between the cells of a table row: search never matches across it (search_index.BOUNDARY)
KINDS = ("plan", "org", "person", "doc")


@dataclass(frozen=True, slots=True)
class SearchDoc:
    """One searchable page."""

    url: str  # output path, e.g. plans/x.html
    kind: str  # one of KINDS
    title: str
    line: str  # a short line under the title: issuer and period, a person's organisation…
    passages: tuple[str, ...]
    labelled: tuple[tuple[str, str], ...] = ()  # (label, value) of its list entry: only the value is searched
    year: str = ""
    category: str = ""
    status: str = ""
    orgs: tuple[str, ...] = ()


Translate = Callable[[str], str]

_MARKER = re.compile(r"^\s*(?:#{1,6}\s+|>\s*|[-*+]\s+|\d+[.、)）]\s*|[（(]\d+[)）]\s*)")
_LINK = re.compile(r"!?\[([^\]]*)\]\([^)]*\)")
_EMPHASIS = re.compile(r"(\*\*|__|\*|`|~~)")
_RULE = re.compile(r"^\s*\|?\s*:?-{2,}")


def search_docs(index: Index, t: Translate) -> list[SearchDoc]:
    """Every searchable page, in a fixed order: plans (the index's order), then organisations,
    people and documents by id. A record's position in this list is its number in the index."""
    docs = [plan_doc(plan, t) for plan in index.plans]
    docs += [SearchDoc(urls.org(o.id), "org", o.name, "", ()) for _, o in sorted(index.orgs.items())]
    for pid, p in sorted(index.people.items()):
        titles = "、".join(dict.fromkeys(r.title for r in p.roles if r.title))
        docs.append(SearchDoc(urls.person(pid), "person", p.name, p.org, tuple(x for x in (p.org, titles) if x)))
    for did, d in sorted(index.docs.items()):
        docs.append(SearchDoc(urls.doc(did), "doc", f"《{d.title}》" if d.title else d.number, "",
                              (d.number,) if d.title and d.number else ()))
    return docs


def plan_doc(plan: Plan, t: Translate) -> SearchDoc:
    period = " — ".join(str(d) for d in (plan.period.start, plan.period.end) if d)
    line = "　".join(x for x in (plan.issuer, period) if x)
    passages = [p for p in _plan_passages(plan, t) if p.strip()]
    orgs = tuple(dict.fromkeys(x for x in (plan.issuer, *plan.helpers, *plan.recipients) if x))
    return SearchDoc(urls.plan(plan.slug), "plan", plan.title, line, tuple(passages), _labelled(plan, t),
                     str(plan.year or ""), plan.category, t("status:" + plan.status), orgs)


def _labelled(plan: Plan, t: Translate) -> tuple[tuple[str, str], ...]:
    entry = (("issuer", (plan.issuer,)), ("helpers", plan.helpers), ("recipients", plan.recipients),
             ("category", (plan.category,)), ("tags", plan.tags))
    return tuple((t(label), "、".join(v for v in values if v)) for label, values in entry if any(values))


def _plan_passages(plan: Plan, t: Translate) -> Iterator[str]:
    parts = {p.key: p for p in plan.parts}
    for key in plan.order:
        if key == "leadership":
            yield from _leadership(plan, t)
        elif key == "steps":
            yield from _steps(plan)
        elif key in parts:
            yield from _part(parts[key], t("colon"))
    for ref in plan.basis:
        yield "".join(x for x in (f"《{ref.title}》" if ref.title else "", ref.number) if x)


def _steps(plan: Plan) -> Iterator[str]:
    for step in plan.steps:
        dates = " — ".join(str(d) for d in (step.start, step.end) if d)
        yield "　".join(x for x in (step.title, dates, step.owner) if x)
        yield from markdown_passages(step.body)
        yield from step.items


def _part(part: Part, colon: str) -> Iterator[str]:
    yield from markdown_passages(part.body)
    for item in part.items:
        first, *rest = list(markdown_passages(item.body)) or [""]
        yield (item.title + colon + first) if item.title and first else (item.title or first)
        yield from rest


def _leadership(plan: Plan, t: Translate) -> Iterator[str]:
    group = plan.leadership
    if group.name:
        yield group.name
    colon = t("colon")
    for role, person in group.roles():
        yield t(role) + colon + _person(person)
    yield from markdown_passages(group.body)
    if group.office:
        yield from markdown_passages(group.office.body)


def _person(p: Person) -> str:
    if not p.name:
        return p.description
    extra = "".join(x for x in (p.org, p.title) if x)
    return f"{p.name}（{extra}）" if extra else p.name


def markdown_passages(text: str) -> Iterator[str]:
    """One passage per non-empty line of Markdown, markers and emphasis removed, table cells apart."""
    for raw in text.splitlines():
        line = raw.strip()
        if not line or _RULE.match(line):
            continue
        if line.startswith("|"):
            cells = [_plain(c) for c in line.strip("|").split("|")]
            line = CELL.join(c for c in cells if c)
        else:
            line = _plain(line)
        if line:
            yield line


def _plain(text: str) -> str:
    return _EMPHASIS.sub("", _LINK.sub(r"\1", _MARKER.sub("", text.strip()))).strip()
