"""The pages of the site: for each, its output path, template, data, and the plans it reads. Pure.

Incremental builds re-render a page when what it shows changed:
- `reads`: plans whose whole content the page shows (a plan's own page);
- `shows`: plans the page shows only in summary — a list entry, a title, a role, a dated step —
  so an edit to a plan's text does not re-render every list that names the plan
  (see `summary_print` in reuse.py for what a summary covers, and docs/architecture.md, "What a
  template may print", for the project's own templates).
Everything else a page shows is in its `data`, which is fingerprinted too.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

from . import urls
from .crosscheck import LinkMemo, linked
from .index import Index
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
    """Every page but the home page and the plans' own pages: they show plans only in summary."""
    yield from org_pages(index)
    yield from people_pages(index)
    yield from doc_pages(index)
    yield from bucket_pages(index)
    yield Page(urls.TIMELINE, "timeline.html", {"months": index.timeline}, shows=(ALL,))
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
    facets = {
        "years": sorted(index.years.values(), key=lambda b: b.name, reverse=True),
        "categories": list(index.categories.values()),
        "statuses": [index.statuses[s] for s in ("active", "completed", "archived", "draft") if s in index.statuses],
        "orgs": sorted((o for o in index.orgs.values() if o.issued or o.helps or o.helped),
                       key=lambda o: (-len(o.plans), o.id)),
    }
    return Page(urls.HOME, "home.html", {"plans": index.plans, "facets": facets}, shows=(ALL,))


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


def org_pages(index: Index) -> Iterator[Page]:
    for org in index.orgs.values():
        yield Page(urls.org(org.id), "org.html", {"org": org}, shows=org.plans)
    yield Page(urls.ORGS, "orgs.html", {"orgs": list(index.orgs.values())})


def people_pages(index: Index) -> Iterator[Page]:
    for person in index.people.values():
        reads = tuple(dict.fromkeys(r.slug for r in person.roles))
        yield Page(urls.person(person.id), "person.html", {"person": person}, shows=reads)
    yield Page(urls.PEOPLE, "people.html", {"people": list(index.people.values())})


def doc_pages(index: Index) -> Iterator[Page]:
    for doc in index.docs.values():
        reads = doc.citing + ((doc.plan,) if doc.plan else ())
        yield Page(urls.doc(doc.id), "document.html", {"doc": doc}, shows=tuple(dict.fromkeys(reads)))
    yield Page(urls.DOCS, "documents.html", {"docs": list(index.docs.values())})


BUCKET_KINDS = (("tags", "tags"), ("categories", "categories"), ("years", "years"), ("status", "statuses"))


def bucket_pages(index: Index) -> Iterator[Page]:
    for folder, attr in BUCKET_KINDS:
        for bucket in getattr(index, attr).values():
            data = {"bucket": bucket, "kind": attr}
            yield Page(urls.bucket(folder, bucket.id), "bucket.html", data, shows=bucket.plans)
    yield Page(urls.TAGS, "tags.html", {"tags": list(index.tags.values()),
                                        "categories": list(index.categories.values())})
