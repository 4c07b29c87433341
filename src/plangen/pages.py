"""The pages of the site: for each, its output path, template, data, and the plans it reads. Pure.

Incremental builds re-render a page when what it shows changed:
- `reads`: plans whose whole content the page shows (a plan's own page);
- `shows`: plans the page shows only in summary — a list entry, a title, a role, a dated step —
  so an edit to a plan's text does not re-render every list that names the plan
  (see `summary_print` in summary.py for what a summary covers, and docs/architecture.md, "What a
  template may print", for the project's own templates).
Everything else a page shows is in its `data`, which is fingerprinted too.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field, replace
from typing import Any

from . import paging, urls
from .crosscheck import LinkMemo, linked
from .index import Bucket, Index, OrgEntry, TimelineEntry
from .model import Plan

ALL = "*"


@dataclass(frozen=True, slots=True)
class Page:
    path: str
    template: str
    data: dict[str, Any] = field(compare=False)
    reads: tuple[str, ...] = ()
    shows: tuple[str, ...] = ()
    # further plans it shows, as groups shared by many pages (the plans citing a document): each
    # group is fingerprinted once per build, not once per page
    shows_groups: tuple[tuple[str, ...], ...] = ()


def all_pages(index: Index) -> Iterator[Page]:
    yield home(index)
    cited = cited_with(index)
    for i, plan in enumerate(index.plans):
        yield plan_page(index, plan, i, cited)
    yield from list_pages(index)


def list_pages(index: Index) -> Iterator[Page]:
    """Every page but the home page and the plans' own pages: they show plans only in summary.
    Every list is cut into numbered pages of a bounded size (paging.py); the home page's own
    further pages (the whole list of plans, newest first) come first."""
    yield from home_pages(index)[1:]
    yield from org_pages(index)
    yield from people_pages(index)
    yield from doc_pages(index)
    yield from bucket_pages(index)
    yield from timeline_pages(index)
    yield Page(urls.SEARCH, "search.html", {}, ())
    yield Page(urls.NOT_FOUND, "404.html", {}, ())


Cited = dict[str, list[tuple[str, ...]]]  # plan -> the citing plans of each document it cites


def cited_with(index: Index) -> Cited:
    """For each plan, the plans citing a document it cites (they decide that document's page id):
    the documents' own tuples, not copies (a document cited by n plans would be copied n times)."""
    found: Cited = {}
    for doc in index.docs.values():
        for slug in doc.citing:
            found.setdefault(slug, []).append(doc.citing)
    return found


def home(index: Index) -> Page:
    """The home page: the newest plans (the first page of all plans), the active ones, facets with counts."""
    return home_pages(index)[0]


def home_pages(index: Index) -> list[Page]:
    """Every plan, newest first, a page at a time; page 1 is the home page."""
    facets = _facets(index)
    # the active plans beside the newest, once the newest are not all the plans there are
    many = len(index.plans) > paging.PLANS_PER_PAGE and "active" in index.statuses
    active = index.statuses["active"].plans[:paging.HOME_ACTIVE] if many else ()
    found = []
    for pager, plans in paging.paginate(urls.HOME, index.plans, paging.PLANS_PER_PAGE):
        shown = [index.by_slug[s] for s in active] if pager.number == 1 else []
        data = {"plans": list(plans), "active": shown, "facets": facets, "pager": pager}
        slugs = (*(p.slug for p in plans), *(p.slug for p in shown))
        found.append(Page(pager.path, "home.html", data, shows=tuple(dict.fromkeys(slugs))))
    return found


def _facets(index: Index) -> dict[str, Any]:
    """Years, categories, statuses and the busiest organisations, each with its number of plans."""
    orgs = sorted((o for o in index.orgs.values() if o.issued or o.helps or o.helped), key=lambda o: (-len(o.plans), o.id))
    statuses = [index.statuses[s] for s in ("active", "completed", "archived", "draft") if s in index.statuses]
    return {
        "years": _counts(sorted(index.years.values(), key=lambda b: b.name, reverse=True)),
        "categories": _counts(index.categories.values()),
        "statuses": _counts(statuses),
        "orgs": [_Count(o.id, o.name, len(o.plans)) for o in orgs[:paging.HOME_ORGS]],
        "orgs_total": len(index.orgs),
        "total": len(index.plans),
    }


@dataclass(frozen=True, slots=True)
class _Count:
    """A facet of the home page (a year, category, status, organisation): its id, name, number of plans."""

    id: str
    name: str
    count: int


def _counts(buckets: Iterable[Bucket]) -> list[_Count]:
    return [_Count(b.id, b.name, len(b.plans)) for b in buckets]


def plan_page(index: Index, plan: Plan, position: int, cited: Cited | None = None,
              links: LinkMemo | None = None) -> Page:
    older = index.plans[position + 1].slug if position + 1 < len(index.plans) else ""
    newer = index.plans[position - 1].slug if position > 0 else ""
    related = index.related.get(plan.slug, ())
    data = {"plan": plan, "older": older, "newer": newer, "related": related}
    # plans citing the same documents decide those documents' ids
    citing = tuple((cited_with(index) if cited is None else cited).get(plan.slug, ()))
    # a `plan:` link shows the title of the plan it names (or turns to text if that plan goes)
    shows = (*related, *(s for s in (older, newer) if s), *linked(plan, links))
    return Page(urls.plan(plan.slug), "plan.html", data, (plan.slug,), tuple(dict.fromkeys(shows)), citing)


ORG_KINDS = ("issued", "helps", "helped", "groups")


def org_pages(index: Index) -> Iterator[Page]:
    """Each organisation's page shows the first plans of each kind and the first pairings; every
    list longer than that has its own numbered pages (`urls.org_kind`)."""
    size = paging.ORG_FIRST
    for org in index.orgs.values():
        more = {kind: urls.org_kind(org.id, kind) for kind in (*ORG_KINDS, "pairings") if len(getattr(org, kind)) > size}
        cut = replace(org, pairings=org.pairings[:size], **{kind: getattr(org, kind)[:size] for kind in ORG_KINDS})
        data = {"org": cut, "more": more, "totals": {k: len(getattr(org, k)) for k in more}}
        shows = (*cut.plans, *(p.slug for p in cut.pairings))
        yield Page(urls.org(org.id), "org.html", data, shows=tuple(dict.fromkeys(shows)))
        yield from _org_lists(org, more)
    yield from _index_pages(urls.ORGS, "orgs.html", "orgs", list(index.orgs.values()))


def _org_lists(org: OrgEntry, more: dict[str, str]) -> Iterator[Page]:
    for kind, first in more.items():
        if kind == "pairings":
            for pager, part in paging.paginate(first, org.pairings, paging.PAIRINGS_PER_PAGE):
                only = OrgEntry(org.id, org.name, (), (), (), (), (), tuple(part))
                yield Page(pager.path, "org.html", {"org": only, "more": {}, "totals": {}, "pager": pager},
                           shows=tuple(dict.fromkeys(p.slug for p in part)))
            continue
        for pager, plans in paging.paginate(first, getattr(org, kind), paging.PLANS_PER_PAGE):
            data = {"bucket": Bucket(org.id, org.name, tuple(plans)), "kind": kind, "pager": pager,
                    "up": urls.org(org.id)}
            yield Page(pager.path, "bucket.html", data, shows=tuple(plans))


def _index_pages(first: str, template: str, key: str, entries: list[Any]) -> Iterator[Page]:
    for pager, part in paging.paginate(first, entries, paging.ENTRIES_PER_PAGE):
        yield Page(pager.path, template, {key: list(part), "pager": pager})


def people_pages(index: Index) -> Iterator[Page]:
    """Each person's page lists their roles, a page at a time."""
    for person in index.people.values():
        for pager, roles in paging.paginate(urls.person(person.id), person.roles, paging.ROLES_PER_PAGE):
            reads = tuple(dict.fromkeys(r.slug for r in roles))
            yield Page(pager.path, "person.html", {"person": replace(person, roles=tuple(roles)), "pager": pager},
                       shows=reads)
    yield from _index_pages(urls.PEOPLE, "people.html", "people", list(index.people.values()))


def doc_pages(index: Index) -> Iterator[Page]:
    """Each document's page lists the plans citing it, a page at a time."""
    for doc in index.docs.values():
        for pager, citing in paging.paginate(urls.doc(doc.id), doc.citing, paging.PLANS_PER_PAGE):
            reads = (*citing, *((doc.plan,) if doc.plan else ()))
            data = {"doc": replace(doc, citing=tuple(citing)), "pager": pager}
            yield Page(pager.path, "document.html", data, shows=tuple(dict.fromkeys(reads)))
    yield from _index_pages(urls.DOCS, "documents.html", "docs", list(index.docs.values()))


BUCKET_KINDS = (("tags", "tags"), ("categories", "categories"), ("years", "years"), ("status", "statuses"))


def bucket_pages(index: Index) -> Iterator[Page]:
    for folder, attr in BUCKET_KINDS:
        for bucket in getattr(index, attr).values():
            for pager, plans in paging.paginate(urls.bucket(folder, bucket.id), bucket.plans, paging.PLANS_PER_PAGE):
                data = {"bucket": Bucket(bucket.id, bucket.name, tuple(plans)), "kind": attr, "pager": pager}
                yield Page(pager.path, "bucket.html", data, shows=tuple(plans))
    categories = list(index.categories.values())
    for pager, tags in paging.paginate(urls.TAGS, list(index.tags.values()), paging.ENTRIES_PER_PAGE):
        data = {"tags": list(tags), "categories": categories if pager.number == 1 else [], "pager": pager}
        yield Page(pager.path, "tags.html", data)


def timeline_pages(index: Index) -> Iterator[Page]:
    """The timeline, newest first, month by month with jumps by year. When it has more dated steps
    than one page holds, `timeline.html` lists the years and each year has its own numbered pages
    (`urls.timeline_year`); otherwise every step is on `timeline.html` itself."""
    by_year: dict[str, list[tuple[str, tuple[TimelineEntry, ...]]]] = {}
    for month, entries in index.timeline.items():
        by_year.setdefault(month[:4], []).append((month, entries))
    counts = {y: sum(len(e) for _, e in months) for y, months in by_year.items()}
    if sum(counts.values()) <= paging.STEPS_PER_PAGE:
        years = [(y, counts[y], f"{urls.TIMELINE}#y-{y}") for y in sorted(by_year, reverse=True)]
        yield Page(urls.TIMELINE, "timeline.html", {"months": index.timeline, "years": years, "year": "", "pager": None},
                   shows=(ALL,))
        return
    years = [(y, counts[y], urls.timeline_year(y)) for y in sorted(by_year, reverse=True)]
    yield Page(urls.TIMELINE, "timeline.html", {"months": {}, "years": years, "year": "", "pager": None})
    for year, months in by_year.items():
        # newest first, a page at a time: page 1 has the year's latest steps
        parts = paging.balanced([(m, e[::-1]) for m, e in reversed(months)], paging.STEPS_PER_PAGE)
        paths = tuple(urls.numbered(urls.timeline_year(year), n) for n in range(1, len(parts) + 1))
        start = 0
        for n, part in enumerate(parts, 1):
            shown = sum(len(e) for _, e in part)
            pager = paging.Pager(n, paths, counts[year], start, shown)
            start += shown
            # in the index's order (months and steps ascending), as the template expects
            data = {"months": {m: tuple(e[::-1]) for m, e in reversed(part)}, "years": years, "year": year, "pager": pager}
            slugs = tuple(dict.fromkeys(e.slug for _, entries in part for e in entries))
            yield Page(pager.path, "timeline.html", data, shows=slugs)
