"""Checks across plans: `plan:` links to unknown plans, names the registry does not know. Pure."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field

from .markdown import plan_links
from .memo import ByIdentity, changed_positions
from .model import Plan
from .names import Registry, check_names
from .problems import Problem, error, warning
from .wording import msg


def bodies(plan: Plan) -> Iterator[str]:
    """Every Markdown body of a plan (where `plan:` links can be)."""
    for part in plan.parts:
        yield part.body
        for item in part.items:
            yield item.body
    for step in plan.steps:
        yield step.body
    yield plan.leadership.body
    if plan.leadership.office:
        yield plan.leadership.office.body


@dataclass(slots=True)
class LinkMemo:
    """What the link checks keep between the builds of a long-lived process (cache.BuildCache.links)."""

    linked: ByIdentity[Plan, tuple[str, ...]] = field(default_factory=ByIdentity)  # plan -> the slugs it links
    checked: _Checked | None = None  # the last check

    def keep_only(self, plans: list[Plan]) -> None:
        self.linked.keep_only(plans)


def linked(plan: Plan, memo: LinkMemo | None = None) -> tuple[str, ...]:
    """The slugs a plan's bodies link to with `plan:`, in order (kept in `memo` while the plan object lives)."""
    if memo is None:
        return _linked(plan)
    return memo.linked.get(plan, _linked)


def _linked(plan: Plan) -> tuple[str, ...]:
    return tuple(slug for body in bodies(plan) for slug in plan_links(body))


def _find(text: str, needle: str) -> tuple[int, int]:
    """Line and column of the first occurrence of needle in text (1-based), or (1, 1)."""
    at = text.find(needle)
    if at < 0:
        return 1, 1
    line = text.count("\n", 0, at) + 1
    return line, at - (text.rfind("\n", 0, at) + 1) + 1


def plan_link_problems(plans: list[Plan], published: set[str], texts: dict[str, str],
                       memo: LinkMemo | None = None) -> list[Problem]:
    """`[…](plan:slug)` must name a plan that exists (and is published)."""
    memo = memo if memo is not None else LinkMemo()
    last = memo.checked
    moved = changed_positions(last.plans, plans) if last is not None and last.published == published else None
    if last is not None and moved is not None and all(last.plans[i].slug == plans[i].slug for i in moved):
        each = list(last.each)  # a long-lived process: only the plans a save re-parsed are checked again
        for i in moved:
            each[i] = _link_problems(plans[i], published, last.known, texts, memo)
        known = last.known
    else:
        known = frozenset(p.slug for p in plans)
        each = [_link_problems(plan, published, known, texts, memo) for plan in plans]
    memo.checked = _Checked(tuple(plans), frozenset(published), known, tuple(each))
    return [problem for found in each if found for problem in found]


@dataclass(frozen=True, slots=True)
class _Checked:
    """The last check: its plans, their slugs, and each plan's problems (none for most)."""

    plans: tuple[Plan, ...]
    published: frozenset[str]
    known: frozenset[str]
    each: tuple[tuple[Problem, ...], ...]


def _link_problems(plan: Plan, published: set[str], known: frozenset[str], texts: dict[str, str],
                   memo: LinkMemo) -> tuple[Problem, ...]:
    found = []
    for slug in linked(plan, memo):
        if slug in published:
            continue
        line, col = _find(texts.get(plan.source, ""), f"plan:{slug}")
        if slug in known:
            found.append(warning(plan.source, line, col, "", msg("link.to-draft", slug=slug), code="link-to-draft"))
        else:
            found.append(error(plan.source, line, col, "", msg("link.unknown-plan", slug=slug), code="broken-plan-link"))
    return tuple(found)


def registry_problems(plans: list[Plan], registry: Registry, texts: dict[str, str]) -> list[Problem]:
    """Did-you-mean warnings for organisations and people the registry does not list."""
    if not registry.exists:
        return []
    names: list[tuple[str, str, str, int, int]] = []
    for plan in plans:
        text = texts.get(plan.source, "")
        orgs = [plan.issuer, *plan.helpers, *plan.recipients]
        orgs += [p.org for _, p in plan.leadership.roles() if p.org]
        for org in dict.fromkeys(o for o in orgs if o):
            names.append(("org", org, plan.source, *_find(text, org)))
        for _, person in plan.leadership.roles():
            if person.name:
                names.append(("person", person.name, plan.source, *_find(text, person.name)))
    return check_names(names, registry)
