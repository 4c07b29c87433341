"""The plan model: frozen values built from schema-valid plain data. Pure; no I/O."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from . import cntext
from .dates import PlanDate, parse_date, plan_year
from .vocabulary import ITEM_PARTS, TOP_LABELS

STATUSES = ("draft", "active", "completed", "archived")


@dataclass(frozen=True, slots=True)
class Person:
    """A named person (name, title, org) or a description of a group (结对学校全体教师)."""

    name: str = ""
    title: str = ""
    org: str = ""
    description: str = ""
    role: str = ""  # the group role as the document writes it, when more than 组长/副组长/成员 (常务副组长, 顾问)

    @property
    def is_named(self) -> bool:
        return bool(self.name)


@dataclass(frozen=True, slots=True)
class Office:
    location: str = ""
    director: Person | None = None
    body: str = ""


@dataclass(frozen=True, slots=True)
class Leadership:
    name: str = ""
    leaders: tuple[Person, ...] = ()
    deputies: tuple[Person, ...] = ()
    members: tuple[Person, ...] = ()
    office: Office | None = None
    body: str = ""

    def roles(self) -> list[tuple[str, Person]]:
        """Every (role key, person) in order: leaders, deputies, members, office director."""
        out = [(r, p) for r in ("leaders", "deputies", "members") for p in getattr(self, r)]
        if self.office and self.office.director:
            out.append(("director", self.office.director))
        return out


@dataclass(frozen=True, slots=True)
class Step:
    title: str
    start: PlanDate | None = None
    end: PlanDate | None = None
    owner: str = ""
    body: str = ""
    items: tuple[str, ...] = ()
    id: str = ""


@dataclass(frozen=True, slots=True)
class Item:
    title: str = ""
    body: str = ""


@dataclass(frozen=True, slots=True)
class Part:
    """A part written as text and/or items: guiding thought, requirements, a further section…"""

    key: str
    title: str
    body: str = ""
    items: tuple[Item, ...] = ()
    heading: str = ""  # the heading the author wrote, numbering included ('' when none was written)


@dataclass(frozen=True, slots=True)
class Heading:
    """The heading an author wrote for a canonical part: guiding_thought -> 一、总体要求."""

    key: str
    text: str


@dataclass(frozen=True, slots=True)
class DocRef:
    title: str = ""
    number: str = ""


@dataclass(frozen=True, slots=True)
class Attachment:
    title: str
    file: str = ""


@dataclass(frozen=True, slots=True)
class Period:
    start: PlanDate | None = None
    end: PlanDate | None = None


@dataclass(frozen=True, slots=True)
class Plan:
    slug: str
    title: str
    issuer: str
    date: PlanDate | None
    status: str
    period: Period
    category: str
    tags: tuple[str, ...]
    basis: tuple[DocRef, ...]
    helpers: tuple[str, ...]
    recipients: tuple[str, ...]
    attachments: tuple[Attachment, ...]
    leadership: Leadership
    steps: tuple[Step, ...]
    parts: tuple[Part, ...]
    order: tuple[str, ...]
    source: str = field(default="", compare=False)
    kind: str = field(default="", compare=False)
    number: str = ""
    headings: tuple[Heading, ...] = ()

    def part(self, key: str) -> Part | None:
        return next((p for p in self.parts if p.key == key), None)

    def heading(self, key: str) -> str:
        """The heading the author wrote for a part ('' when none): shown instead of the canonical label."""
        part = self.part(key)
        if part and part.heading:
            return part.heading
        return next((h.text for h in self.headings if h.key == key), "")

    @property
    def year(self) -> int | None:
        return plan_year(self.date, self.period.start)


BODY_KEYS = ("preamble", "guiding_thought", "objectives", "targets", "leadership", "content", "forms",
             "steps", "measures", "requirements", "safeguards", "sections")


def build_plan(data: dict[str, Any], slug: str, source: str = "", kind: str = "") -> Plan:
    """A Plan from canonical, schema-valid data (aliases already resolved)."""
    period = _given(data, "period", {})
    year = plan_year(_date(data.get("date")), _date(period.get("start")))
    partners = _given(data, "partners", {})
    return Plan(
        slug=_given(data, "slug", slug),
        title=data["title"],
        issuer=_real(_given(data, "issuer", "")),
        date=_date(data.get("date")),
        status=_given(data, "status", "active"),
        period=Period(_date(period.get("start"), year), _date(period.get("end"), year)),
        category=_given(data, "category", ""),
        tags=tuple(dict.fromkeys(_given(data, "tags", []))),
        basis=tuple(_docref(b) for b in _given(data, "basis", [])),
        helpers=_orgs(partners.get("helpers")),
        recipients=_orgs(partners.get("recipients")),
        attachments=tuple(_attachment(a) for a in _given(data, "attachments", [])),
        leadership=_leadership(_given(data, "leadership", {})),
        steps=tuple(_step(s, year) for s in _given(data, "steps", [])),
        parts=_parts(data),
        order=tuple(_order(data)),
        source=source,
        kind=kind,
        number=_given(data, "number", ""),
        headings=tuple(Heading(k, v) for k, v in _given(data, "headings", {}).items() if v),
    )


def _given(data: dict[str, Any], field: str, default: Any) -> Any:
    """The field's value, or the default when it is missing or empty (null, "", [])."""
    return data.get(field) or default


def _orgs(names: Any) -> tuple[str, ...]:
    """Organisations of a pairing; a placeholder (XXX学校) is none."""
    return tuple(n for n in names or [] if _real(n))


def _date(value: Any, year: int | None = None) -> PlanDate | None:
    if not isinstance(value, str):
        return None
    parsed = parse_date(value, year)
    return parsed if isinstance(parsed, PlanDate) else None


def _docref(value: Any) -> DocRef:
    if isinstance(value, dict):
        return DocRef(str(value.get("title") or "").strip("《》"), value.get("number") or "")
    found = cntext.find_documents(value)
    if found:
        return DocRef(*found[0])
    return DocRef(title=str(value).strip("《》"))


def _attachment(value: Any) -> Attachment:
    if isinstance(value, dict):
        return Attachment(value["title"], value.get("file") or "")
    return Attachment(str(value))


def _real(name: str) -> str:
    """A name, or '' for a template placeholder (XXX, xxx, 某某, XXX（待补充）): no page is made for it."""
    return "" if name and cntext.find_placeholder(name + "年") else name


def person(value: Any) -> Person:
    """A person from a mapping, or from text such as '井明泉(五井小学校长)' or '全体教师'.

    A placeholder name or organisation (XXX, xxx) is no person and no organisation: it is kept as
    the description, so no person or organisation page is made for it."""
    if isinstance(value, dict):
        name, org = value.get("name") or "", value.get("org") or ""
        if _real(name) != name or _real(org) != org:
            written = "".join(str(value.get(k) or "") for k in ("name", "org", "title"))
            return Person(_real(name), value.get("title") or "", _real(org),
                          value.get("description") or written, value.get("role") or "")
        return Person(name, value.get("title") or "", org, value.get("description") or "", value.get("role") or "")
    found = cntext.parse_people(str(value))
    if len(found) == 1:
        p = found[0]
        return Person(p.name, p.title, p.org, p.description)
    return Person(description=str(value))


def _leadership(value: dict[str, Any]) -> Leadership:
    office = value.get("office")
    group = Leadership(
        name=value.get("name") or "",
        leaders=tuple(person(p) for p in value.get("leaders") or []),
        deputies=tuple(person(p) for p in value.get("deputies") or []),
        members=tuple(person(p) for p in value.get("members") or []),
        office=Office(office.get("location") or "",
                      person(office["director"]) if office.get("director") else None,
                      office.get("body") or "") if isinstance(office, dict) else None,
        body=value.get("body") or "",
    )
    return _complete_people(group)


def _complete_people(group: Leadership) -> Leadership:
    """A name given without organisation (办公室主任由刘钰兼任) takes it from the same name elsewhere in the group."""
    known = {p.name: p for _, p in group.roles() if p.name and p.org}

    def fill(p: Person) -> Person:
        full = known.get(p.name) if p.name and not p.org else None
        return Person(p.name, p.title or full.title, full.org, p.description, p.role) if full else p

    office = group.office
    if office and office.director:
        office = Office(office.location, fill(office.director), office.body)
    return Leadership(group.name, tuple(map(fill, group.leaders)), tuple(map(fill, group.deputies)),
                      tuple(map(fill, group.members)), office, group.body)


def _step(value: dict[str, Any], year: int | None) -> Step:
    return Step(
        title=value["title"],
        start=_date(value.get("start"), year),
        end=_date(value.get("end"), year),
        owner=value.get("owner") or "",
        body=value.get("body") or "",
        items=tuple(value.get("items") or []),
        id=value.get("id") or "",
    )


def _parts(data: dict[str, Any]) -> tuple[Part, ...]:
    headings = data.get("headings") or {}
    parts = [_part(key, TOP_LABELS[key], data[key], headings.get(key) or "")
             for key in data if key in ITEM_PARTS and data[key]]
    for i, section in enumerate(data.get("sections") or []):
        parts.append(Part(f"section-{i + 1}", section["title"], section.get("body") or "",
                          tuple(_item(x) for x in section.get("items") or []),
                          section.get("heading") or section["title"]))
    return tuple(parts)


def _part(key: str, title: str, value: Any, heading: str) -> Part:
    if isinstance(value, str):
        return Part(key, title, value, heading=heading)
    return Part(key, title, "", tuple(_item(x) for x in value), heading)


def _item(value: Any) -> Item:
    if isinstance(value, dict):
        return Item(value.get("title") or "", value.get("body") or "")
    return Item("", str(value))


def _order(data: dict[str, Any]) -> list[str]:
    """Keys of the body parts in the order the source gives them; sections expand in place."""
    order: list[str] = []
    for key, value in data.items():
        if key == "sections":
            order.extend(f"section-{i + 1}" for i in range(len(value or [])))
        elif key in BODY_KEYS and value:
            order.append(key)
    return order
