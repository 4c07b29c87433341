"""The index as plain JSON data, for the build cache of the next process (lastpass.py): everything
but the plans, which the next build has loaded again, and the registry it reads again. Pure."""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator, Mapping
from typing import Any

from .dates import PlanDate
from .index import Bucket, DocEntry, Index, OrgEntry, Pairing, PersonEntry, Role, TimelineEntry
from .model import Plan
from .names import Registry
from .plancodec import Undecodable


def index_to_json(index: Index) -> dict[str, Any]:
    def buckets(table: Mapping[str, Bucket]) -> list[list[Any]]:
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


def index_from_json(doc: Mapping[str, str], by_slug: dict[str, Plan], registry: Registry) -> Index:
    """The index `index_to_json` wrote, each part as its JSON text (lastpass.py), holding these plan
    objects (one for each of its slugs). A table is read when it is first used (`TableOnUse`: a
    one-plan edit uses few). Raises KeyError, TypeError or ValueError on a list of plans that is not
    this index's; a table's text that is not such a table raises `Undecodable` when first used."""
    plans = tuple(by_slug[str(slug)] for slug in json.loads(doc["plans"]))
    if len(plans) != len(by_slug):
        raise ValueError("the index lists other plans")
    tables = {name: TableOnUse(doc[name], make) for name, make in _TABLES.items()}
    return Index(plans=plans, by_slug={p.slug: p for p in plans}, registry=registry, **tables)


def _orgs(rows: list[list[Any]]) -> dict[str, OrgEntry]:
    return {str(key): OrgEntry(str(oid), str(name), _strs(issued), _strs(helps), _strs(helped), _strs(groups),
                               _strs(people), tuple(Pairing(str(h), str(r), str(s)) for h, r, s in pairings))
            for key, oid, name, issued, helps, helped, groups, people, pairings in rows}


def _people(rows: list[list[Any]]) -> dict[str, PersonEntry]:
    return {str(key): PersonEntry(str(pid), str(name), str(org), str(org_id),
                                  tuple(Role(str(s), str(role), str(title)) for s, role, title in roles))
            for key, pid, name, org, org_id, roles in rows}


def _docs(rows: list[list[Any]]) -> dict[str, DocEntry]:
    return {str(key): DocEntry(str(did), str(title), str(number), _strs(citing), str(plan))
            for key, did, title, number, citing, plan in rows}


def _buckets(rows: list[list[Any]]) -> dict[str, Bucket]:
    return {str(key): Bucket(str(bid), str(name), _strs(plans)) for key, bid, name, plans in rows}


def _related(rows: list[list[Any]]) -> dict[str, tuple[str, ...]]:
    return {str(key): _strs(slugs) for key, slugs in rows}


def _timeline(rows: list[list[Any]]) -> dict[str, tuple[TimelineEntry, ...]]:
    return {str(month): tuple(TimelineEntry(str(slug), int(step), _date(start), _date(end))
                              for slug, step, start, end in entries) for month, entries in rows}


_TABLES: dict[str, Callable[[list[list[Any]]], Mapping[str, Any]]] = {
    "orgs": _orgs, "people": _people, "docs": _docs, "tags": _buckets, "categories": _buckets, "years": _buckets,
    "statuses": _buckets, "related": _related, "timeline": _timeline}
PARTS = ("plans", *_TABLES)  # what index_to_json gives


class TableOnUse(Mapping[str, Any]):
    """A table of a kept index, made from its JSON text when first used (read-only, as every table is)."""

    __slots__ = ("_made", "_make", "_text")

    def __init__(self, text: str, make: Callable[[list[list[Any]]], Mapping[str, Any]]) -> None:
        self._text, self._make = text, make
        self._made: Mapping[str, Any] | None = None

    def _table(self) -> Mapping[str, Any]:
        if self._made is None:
            try:
                self._made = self._make(json.loads(self._text))
            except (KeyError, TypeError, ValueError) as exc:
                raise Undecodable("index") from exc
            self._text = ""
        return self._made

    def __getitem__(self, key: str) -> Any:
        return self._table()[key]

    def __iter__(self) -> Iterator[str]:
        return iter(self._table())

    def __len__(self) -> int:
        return len(self._table())


def _strs(values: list[Any]) -> tuple[str, ...]:
    return tuple(map(str, values))


def _date_json(value: PlanDate | None) -> list[int] | None:
    return None if value is None else [value.year, value.month, value.day]


def _date(value: list[int] | None) -> PlanDate | None:
    return None if value is None else PlanDate(int(value[0]), int(value[1]), int(value[2]))
