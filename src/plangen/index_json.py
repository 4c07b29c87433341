"""The index as plain JSON data, for the build cache of the next process (lastpass.py): everything
but the plans, which the next build has loaded again, and the registry it reads again. Pure."""

from __future__ import annotations

from typing import Any

from .dates import PlanDate
from .index import Bucket, DocEntry, Index, OrgEntry, Pairing, PersonEntry, Role, TimelineEntry
from .model import Plan
from .names import Registry


def index_to_json(index: Index) -> dict[str, Any]:
    def buckets(table: dict[str, Bucket]) -> list[list[Any]]:
        return [[key, b.id, b.name, list(b.plans)] for key, b in table.items()]

    return {
        "plans": [p.slug for p in index.plans],
        "orgs": [[key, o.id, o.name, list(o.issued), list(o.helps), list(o.helped), list(o.groups), list(o.people),
                  [[x.helper, x.recipient, x.slug] for x in o.pairings]] for key, o in index.orgs.items()],
        "people": [[key, p.id, p.name, p.org, p.org_id, [[r.slug, r.role, r.title] for r in p.roles]]
                   for key, p in index.people.items()],
        "docs": [[key, d.id, d.title, d.number, list(d.citing), d.plan] for key, d in index.docs.items()],
        "tags": buckets(index.tags), "categories": buckets(index.categories), "years": buckets(index.years),
        "statuses": buckets(index.statuses),
        "related": [[key, list(slugs)] for key, slugs in index.related.items()],
        "timeline": [[month, [[e.slug, e.step, _date_json(e.start), _date_json(e.end)] for e in entries]]
                     for month, entries in index.timeline.items()],
    }


def index_from_json(doc: dict[str, Any], by_slug: dict[str, Plan], registry: Registry) -> Index:
    """The index `index_to_json` wrote, holding these plan objects (one for each of its slugs).
    Raises KeyError, TypeError or ValueError on data that is not such an index."""
    def buckets(rows: list[list[Any]]) -> dict[str, Bucket]:
        return {str(key): Bucket(str(bid), str(name), _strs(plans)) for key, bid, name, plans in rows}

    plans = tuple(by_slug[str(slug)] for slug in doc["plans"])
    if len(plans) != len(by_slug):
        raise ValueError("the index lists other plans")
    return Index(
        plans=plans,
        by_slug={p.slug: p for p in plans},
        orgs={str(key): OrgEntry(str(oid), str(name), _strs(issued), _strs(helps), _strs(helped), _strs(groups),
                                 _strs(people), tuple(Pairing(str(h), str(r), str(s)) for h, r, s in pairings))
              for key, oid, name, issued, helps, helped, groups, people, pairings in doc["orgs"]},
        people={str(key): PersonEntry(str(pid), str(name), str(org), str(org_id),
                                      tuple(Role(str(s), str(role), str(title)) for s, role, title in roles))
                for key, pid, name, org, org_id, roles in doc["people"]},
        docs={str(key): DocEntry(str(did), str(title), str(number), _strs(citing), str(plan))
              for key, did, title, number, citing, plan in doc["docs"]},
        tags=buckets(doc["tags"]), categories=buckets(doc["categories"]), years=buckets(doc["years"]),
        statuses=buckets(doc["statuses"]),
        related={str(key): _strs(slugs) for key, slugs in doc["related"]},
        timeline={str(month): tuple(TimelineEntry(str(slug), int(step), _date(start), _date(end))
                                    for slug, step, start, end in entries) for month, entries in doc["timeline"]},
        registry=registry,
    )


def _strs(values: list[Any]) -> tuple[str, ...]:
    return tuple(map(str, values))


def _date_json(value: PlanDate | None) -> list[int] | None:
    return None if value is None else [value.year, value.month, value.day]


def _date(value: list[int] | None) -> PlanDate | None:
    return None if value is None else PlanDate(int(value[0]), int(value[1]), int(value[2]))
