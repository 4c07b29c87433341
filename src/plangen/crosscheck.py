"""Checks across plans: `plan:` links to unknown plans, names the registry does not know. Pure."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from .markdown import plan_links
from .memo import ByIdentity, changed_positions
from .model import Plan
from .names import Registry, check_names
from .problems import Problem, error, warning


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


_LINKED: ByIdentity[Plan, tuple[str, ...]] = ByIdentity()


def linked(plan: Plan) -> tuple[str, ...]:
    """The slugs a plan's bodies link to with `plan:`, in order (kept while the plan object lives)."""
    return _LINKED.get(plan, lambda p: tuple(slug for body in bodies(p) for slug in plan_links(body)))


def keep_only(plans: list[Plan]) -> None:
    _LINKED.keep_only(plans)


def _find(text: str, needle: str) -> tuple[int, int]:
    """Line and column of the first occurrence of needle in text (1-based), or (1, 1)."""
    at = text.find(needle)
    if at < 0:
        return 1, 1
    line = text.count("\n", 0, at) + 1
    return line, at - (text.rfind("\n", 0, at) + 1) + 1


def plan_link_problems(plans: list[Plan], published: set[str], texts: dict[str, str]) -> list[Problem]:
    """`[…](plan:slug)` must name a plan that exists (and is published)."""
    last = _CHECKED[0] if _CHECKED else None
    moved = changed_positions(last.plans, plans) if last is not None and last.published == published else None
    if last is not None and moved is not None and all(last.plans[i].slug == plans[i].slug for i in moved):
        each = list(last.each)  # a long-lived process: only the plans a save re-parsed are checked again
        for i in moved:
            each[i] = _link_problems(plans[i], published, last.known, texts)
        known = last.known
    else:
        known = frozenset(p.slug for p in plans)
        each = [_link_problems(plan, published, known, texts) for plan in plans]
    _CHECKED[:] = [_Checked(tuple(plans), frozenset(published), known, tuple(each))]
    return [problem for found in each if found for problem in found]


@dataclass(frozen=True, slots=True)
class _Checked:
    """The last check: its plans, their slugs, and each plan's problems (none for most)."""

    plans: tuple[Plan, ...]
    published: frozenset[str]
    known: frozenset[str]
    each: tuple[tuple[Problem, ...], ...]


_CHECKED: list[_Checked] = []


def _link_problems(plan: Plan, published: set[str], known: frozenset[str], texts: dict[str, str]) -> tuple[Problem, ...]:
    found = []
    for slug in linked(plan):
        if slug in published:
            continue
        line, col = _find(texts.get(plan.source, ""), f"plan:{slug}")
        if slug in known:
            found.append(warning(plan.source, line, col, "", f"link to plan '{slug}', which is a draft",
                                 hint="the link is shown as plain text until that plan is published",
                                 code="link-to-draft"))
        else:
            found.append(error(plan.source, line, col, "", f"link to unknown plan '{slug}'",
                               hint="use the slug of an existing plan (its file name)", code="broken-plan-link"))
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
