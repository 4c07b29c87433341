"""Cross-links between plans: organisations, people, documents, tags, years, related plans.

`build_index(plans, registry)` is pure and computed once per build; every page reads from it.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, replace
from itertools import compress

from .dates import PlanDate
from .model import Person, Plan
from .names import Registry, file_id
from .problems import Problem, warning
from .vocabulary import fold
from .wording import msg


@dataclass(frozen=True, slots=True)
class Role:
    """One role a person holds in one plan's leadership group."""

    slug: str
    role: str  # leaders, deputies, members, director
    title: str


@dataclass(frozen=True, slots=True)
class PersonEntry:
    id: str
    name: str
    org: str
    org_id: str
    roles: tuple[Role, ...]


@dataclass(frozen=True, slots=True)
class Pairing:
    helper: str  # org id
    recipient: str  # org id
    slug: str


@dataclass(frozen=True, slots=True)
class OrgEntry:
    id: str
    name: str
    issued: tuple[str, ...]
    helps: tuple[str, ...]
    helped: tuple[str, ...]
    groups: tuple[str, ...]  # plans whose leadership group has a member of this organisation
    people: tuple[str, ...]  # person ids
    pairings: tuple[Pairing, ...]

    @property
    def plans(self) -> tuple[str, ...]:
        return tuple(dict.fromkeys(self.issued + self.helps + self.helped + self.groups))


@dataclass(frozen=True, slots=True)
class DocEntry:
    id: str
    title: str
    number: str
    citing: tuple[str, ...]
    plan: str  # slug of the plan with this title, or ''


@dataclass(frozen=True, slots=True)
class Bucket:
    """A tag, category, year or status with the plans in it (newest first)."""

    id: str
    name: str
    plans: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class TimelineEntry:
    slug: str
    step: int
    start: PlanDate | None
    end: PlanDate | None


@dataclass(frozen=True, slots=True)
class Index:
    plans: tuple[Plan, ...]  # newest first
    by_slug: dict[str, Plan]
    # each table is read-only (one read back from a kept index is made when first used: index_json.py)
    orgs: Mapping[str, OrgEntry]
    people: Mapping[str, PersonEntry]
    docs: Mapping[str, DocEntry]
    tags: Mapping[str, Bucket]
    categories: Mapping[str, Bucket]
    years: Mapping[str, Bucket]
    statuses: Mapping[str, Bucket]
    related: Mapping[str, tuple[str, ...]]
    timeline: Mapping[str, tuple[TimelineEntry, ...]]  # 'YYYY-MM' -> entries, months ascending
    registry: Registry

    def org_id(self, name: str) -> str:
        return file_id(self.registry.org(name))

    def person_id(self, person: Person) -> str:
        return person_id(person, self.registry)

    def plan_org_ids(self, plan: Plan) -> list[str]:
        return list(dict.fromkeys(self.org_id(n) for n in _plan_org_names(plan)))


def sort_key(plan: Plan) -> tuple[int, int, int, str]:
    """Newest first: by date issued (or period start), then by slug."""
    d = plan.date or plan.period.start
    return (-(d.year if d else 0), -(d.month if d else 0), -(d.day if d else 0), plan.slug)


def person_id(person: Person, registry: Registry) -> str:
    name = registry.person(person.name)
    org = registry.org(person.org) if person.org else registry.person_orgs.get(name, "")
    return f"{file_id(name)}-{file_id(org)}" if org else file_id(name)


def _plan_org_names(plan: Plan) -> list[str]:
    names = [plan.issuer, *plan.helpers, *plan.recipients]
    names += [p.org for _, p in plan.leadership.roles() if p.org]
    return [n for n in names if n]


Related = dict[str, tuple[str, ...]]
Alongside = Callable[[Callable[[], Related], Callable[[], "Index"]], tuple[Related, "Index"]]


def in_turn(there: Callable[[], Related], here: Callable[[], Index]) -> tuple[Related, Index]:
    return there(), here()


def build_index(plans: Iterable[Plan], registry: Registry | None = None, alongside: Alongside = in_turn) -> Index:
    """The index of these plans. The related plans (the costliest part) and the rest are made by
    `alongside`: one after the other, or (the builder's) the first by another process meanwhile."""
    registry = registry or Registry()
    ordered = tuple(sorted(plans, key=sort_key))
    related, index = alongside(lambda: _related(ordered, registry), lambda: _without_related(ordered, registry))
    return replace(index, related=related)


def _without_related(ordered: tuple[Plan, ...], registry: Registry) -> Index:
    return Index(
        plans=ordered,
        by_slug={p.slug: p for p in ordered},
        orgs=_orgs(ordered, registry),
        people=_people(ordered, registry),
        docs=_docs(ordered),
        tags=_buckets(ordered, lambda p: list(p.tags)),
        categories=_buckets(ordered, lambda p: [p.category] if p.category else []),
        years=_buckets(ordered, lambda p: [str(p.year)] if p.year else []),
        statuses=_buckets(ordered, lambda p: [p.status]),
        related={},
        timeline=_timeline(ordered),
        registry=registry,
    )


def name_collisions(plans: Iterable[Plan], texts: Mapping[str, str]) -> list[Problem]:
    """A warning for each spelling of a tag or category that shares its page with another spelling
    (`a.b`, `a b` and `A B` all become the page `a-b`): the plans are listed together under the
    first spelling, so each other one is named with it, where it is first written."""
    found: list[Problem] = []
    ordered = sorted(plans, key=lambda p: (p.source, p.slug))
    for kind, field in (("tag", "tags"), ("category", "category")):
        first: dict[str, str] = {}
        reported: set[str] = set()
        for plan in ordered:
            for name in plan.tags if kind == "tag" else (plan.category,):
                seen = first.setdefault(file_id(name), name) if name else name
                if seen != name and name not in reported:
                    reported.add(name)
                    found.append(_collision(plan, kind, field, name, seen, texts.get(plan.source, "")))
    return found


def _collision(plan: Plan, kind: str, field: str, name: str, seen: str, text: str) -> Problem:
    at = text.find(name)
    line, column = (text.count("\n", 0, at) + 1, at - (text.rfind("\n", 0, at) + 1) + 1) if at >= 0 else (1, 1)
    said = msg("index.collision", kind=msg(f"word.{kind}"), name=name, seen=seen, page=file_id(name))
    return warning(plan.source, line, column, field, said, code="tag-collision")


def _buckets(plans: tuple[Plan, ...], keys: Callable[[Plan], Iterable[str]]) -> dict[str, Bucket]:
    found: dict[str, list[str]] = defaultdict(list)
    names: dict[str, str] = {}
    for plan in plans:
        for name in keys(plan):
            bid = file_id(name)
            names.setdefault(bid, name)
            if plan.slug not in found[bid]:
                found[bid].append(plan.slug)
    return {bid: Bucket(bid, names[bid], tuple(found[bid])) for bid in sorted(found)}


def _orgs(plans: tuple[Plan, ...], registry: Registry) -> dict[str, OrgEntry]:
    names: dict[str, str] = {}
    lists: dict[str, dict[str, list[str]]] = defaultdict(lambda: defaultdict(list))
    pairings: dict[str, list[Pairing]] = defaultdict(list)
    pids: dict[Person, str] = {}
    known: dict[str, tuple[str, str]] = {}  # name as written -> (id, canonical name): fold each name once

    def add(name: str, kind: str, slug: str) -> str:
        if name not in known:
            canonical = registry.org(name)
            known[name] = (file_id(canonical), canonical)
        oid, canonical = known[name]
        names.setdefault(oid, canonical)
        found = lists[oid][kind]
        if not found or found[-1] != slug:  # plans come in order, so a repeat can only be the last entry
            found.append(slug)
        return oid

    for plan in plans:
        if plan.issuer:
            add(plan.issuer, "issued", plan.slug)
        helpers = [add(h, "helps", plan.slug) for h in plan.helpers]
        recipients = [add(r, "helped", plan.slug) for r in plan.recipients]
        for h in helpers:
            for r in recipients:
                pair = Pairing(h, r, plan.slug)
                pairings[h].append(pair)
                pairings[r].append(pair)
        for _, person in plan.leadership.roles():
            if person.org:
                oid = add(person.org, "groups", plan.slug)
                if person not in pids:
                    pids[person] = person_id(person, registry)
                pid = pids[person]
                if pid not in lists[oid]["people"]:
                    lists[oid]["people"].append(pid)
    return {oid: _org_entry(oid, names[oid], lists[oid], pairings[oid]) for oid in sorted(names)}


def _org_entry(oid: str, name: str, lists: dict[str, list[str]], pairings: list[Pairing]) -> OrgEntry:
    return OrgEntry(oid, name, tuple(lists["issued"]), tuple(lists["helps"]), tuple(lists["helped"]),
                    tuple(lists["groups"]), tuple(lists["people"]), tuple(dict.fromkeys(pairings)))


def _people(plans: tuple[Plan, ...], registry: Registry) -> dict[str, PersonEntry]:
    found: dict[str, PersonEntry] = {}
    roles: dict[str, list[Role]] = defaultdict(list)
    pids: dict[Person, str] = {}  # the same people recur in many plans: each id worked out once
    for plan in plans:
        for role, person in plan.leadership.roles():
            if not person.is_named:
                continue
            pid = pids.get(person)
            if pid is None:
                pid = pids[person] = person_id(person, registry)
            if pid not in found:
                name = registry.person(person.name)
                org = registry.org(person.org) if person.org else registry.person_orgs.get(name, "")
                found[pid] = PersonEntry(pid, name, org, file_id(org) if org else "", ())
            roles[pid].append(Role(plan.slug, role, person.title or registry.titles.get(person.name, "")))
    return {pid: PersonEntry(e.id, e.name, e.org, e.org_id, tuple(roles[pid])) for pid, e in sorted(found.items())}


def _docs(plans: tuple[Plan, ...]) -> dict[str, DocEntry]:
    number_of = {fold(d.title): d.number for p in plans for d in p.basis if d.title and d.number}
    titles = {fold(p.title): p.slug for p in plans}
    entries: dict[str, dict[str, object]] = {}
    for plan in plans:
        for doc in plan.basis:
            number = doc.number or number_of.get(fold(doc.title), "")
            did = file_id(number or doc.title)
            entry = entries.setdefault(did, {"title": doc.title, "number": number, "citing": []})
            if not entry["title"] and doc.title:
                entry["title"] = doc.title
            citing = entry["citing"]
            assert isinstance(citing, list)
            if plan.slug not in citing:
                citing.append(plan.slug)
    return {did: DocEntry(did, str(e["title"]), str(e["number"]), tuple(map(str, _listed(e["citing"]))),
                          titles.get(fold(str(e["title"])), "")) for did, e in sorted(entries.items())}


def _listed(value: object) -> list[object]:
    return value if isinstance(value, list) else []


def _related(plans: tuple[Plan, ...], registry: Registry) -> dict[str, tuple[str, ...]]:
    """Plans sharing organisations, people, basis documents (2 points each) or tags (1 point)."""
    features: dict[str, set[str]] = {}
    org_ids: dict[str, str] = {}  # the same few hundred names recur in thousands of plans: fold each once
    person_ids: dict[Person, str] = {}
    for plan in plans:
        feats = set()
        for n in _plan_org_names(plan):
            if n not in org_ids:
                org_ids[n] = "o:" + file_id(registry.org(n))
            feats.add(org_ids[n])
        for _, p in plan.leadership.roles():
            if p.is_named:
                if p not in person_ids:
                    person_ids[p] = "p:" + person_id(p, registry)
                feats.add(person_ids[p])
        feats |= {"d:" + fold(d.number or d.title) for d in plan.basis}
        feats |= {"t:" + t for t in plan.tags}
        features[plan.slug] = feats
    return _top_related(plans, features)


RELATED_MAX = 6
COMMON_FEATURE = 200  # a feature shared by more plans than this says little about relatedness


def _top_related(plans: tuple[Plan, ...], features: dict[str, set[str]]) -> dict[str, tuple[str, ...]]:
    """Score only pairs that share a feature, through an inverted index (not all n² pairs).

    Plans are counted by position with Counter.update (a loop in C; a feature worth 2 counts
    twice); the best few are those at or above the few highest scores, ties going to the earlier
    plan (the same as sorting every candidate by score, then position, and slicing)."""
    holders: dict[str, list[int]] = defaultdict(list)
    for i, plan in enumerate(plans):
        for feat in features[plan.slug]:
            holders[feat].append(i)
    usable = {feat: others for feat, others in holders.items() if len(others) <= COMMON_FEATURE}
    related: dict[str, tuple[str, ...]] = {}
    for i, plan in enumerate(plans):
        scores: Counter[int] = Counter()
        for feat in features[plan.slug]:
            others = usable.get(feat)
            if others is None:
                continue
            scores.update(others)
            if not feat.startswith("t:"):  # organisations, people, documents: 2 points
                scores.update(others)
        del scores[i]
        best = list(scores)
        if len(best) > RELATED_MAX:
            lowest = sorted(scores.values(), reverse=True)[RELATED_MAX - 1]
            best = list(compress(scores.keys(), map(lowest.__le__, scores.values())))
        best.sort(key=lambda j: (-scores[j], j))
        related[plan.slug] = tuple(plans[j].slug for j in best[:RELATED_MAX])
    return related


def _timeline(plans: tuple[Plan, ...]) -> dict[str, tuple[TimelineEntry, ...]]:
    months: dict[str, list[TimelineEntry]] = defaultdict(list)
    for plan in plans:
        for i, step in enumerate(plan.steps):
            when = step.start or step.end
            if when:
                months[f"{when.year:04d}-{when.month:02d}"].append(TimelineEntry(plan.slug, i, step.start, step.end))
    return {m: tuple(sorted(months[m], key=_timeline_key)) for m in sorted(months)}


def _timeline_key(entry: TimelineEntry) -> tuple[PlanDate, str, int]:
    when = entry.start or entry.end
    assert when is not None  # only dated steps are on the timeline
    return when, entry.slug, entry.step
