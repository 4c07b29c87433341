"""Machine-readable outputs: iCalendar (RFC 5545), Atom, sitemap, the JSON API. Pure.

All are deterministic: no build time is written; where a format needs a timestamp, the newest
plan date is used, or SOURCE_DATE_EPOCH (passed in by the shell), or the epoch.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import hashlib
import json
import re
import xml.etree.ElementTree as ET
from dataclasses import dataclass, field
from types import MappingProxyType
from typing import Any
from urllib.parse import quote, urljoin

from . import __version__, dates, markdown, model, urls
from .dates import PlanDate
from .index import Index
from .memo import ByIdentity
from .model import Plan, Step

_ICS_ESCAPES = {"\\": "\\\\", ";": "\\;", ",": "\\,", "\n": "\\n"}
_ICS_TABLE = str.maketrans(_ICS_ESCAPES)
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f]")


def ics_text(value: str) -> str:
    """An RFC 5545 TEXT value: backslash, semicolon, comma and newlines escaped; no CR or controls."""
    value = _CONTROL.sub("", value.replace("\r\n", "\n").replace("\r", "\n"))
    return value.translate(_ICS_TABLE)


def fold(line: str) -> str:
    """Fold a content line at 75 octets without splitting a UTF-8 character (RFC 5545 §3.1)."""
    if len(line) <= 18:  # 18 characters are at most 72 octets
        return line
    data = line.encode("utf-8")
    if len(data) <= 75:
        return line
    chunks, start, limit = [], 0, 75
    while len(data) - start > limit:
        cut = start + limit
        while data[cut] & 0xC0 == 0x80:  # a continuation byte: cut before its character's first byte
            cut -= 1
        chunks.append(data[start:cut])
        start, limit = cut, 74  # a continuation line starts with a space
    chunks.append(data[start:])
    return "\r\n ".join(chunk.decode("utf-8") for chunk in chunks)


def _stamp(epoch: int) -> str:
    return dt.datetime.fromtimestamp(epoch, dt.UTC).strftime("%Y%m%dT%H%M%SZ")


def step_uid(plan: Plan, i: int, step: Step) -> str:
    """Stable across builds: the plan's slug and the step's id, or a hash of its title."""
    key = step.id or hashlib.sha1(step.title.encode("utf-8")).hexdigest()[:12]
    same = [k for k, s in enumerate(plan.steps) if (s.id or s.title) == (step.id or step.title)]
    suffix = f"-{same.index(i) + 1}" if len(same) > 1 else ""
    return f"{plan.slug}.{key}{suffix}@plangen"


def calendar(plans: list[Plan], name: str, epoch: int, base_url: str = "", brief: bool = False,
             memo: FeedMemo | None = None) -> bytes:
    """A calendar of the plans' dated steps. `brief` (the site calendar, every plan): each event says
    its plan and owner and links to the page, without the step's text, which the plan's own calendar
    carries; so an edit to a plan's text leaves the site calendar as it is."""
    head = ["BEGIN:VCALENDAR", "VERSION:2.0", f"PRODID:-//plangen//plangen {__version__}//ZH",
            "CALSCALE:GREGORIAN", "METHOD:PUBLISH", "X-WR-CALNAME:" + ics_text(name)]
    parts = ["\r\n".join(fold(line) for line in head)]
    if brief:
        kept = memo if memo is not None else FeedMemo()
        parts += [text for plan in plans if (text := _brief_events(plan, epoch, base_url, kept))]
    else:
        parts += [text for plan in plans if (text := _events(plan, epoch, base_url))]
    parts += ("END:VCALENDAR", "")
    return "\r\n".join(parts).encode("utf-8")


@dataclass(slots=True)
class FeedMemo:
    """What the feeds keep between the builds of a long-lived process (cache.BuildCache.feeds)."""

    events: ByIdentity[Plan, tuple[int, str, str]] = field(default_factory=ByIdentity)  # (epoch, base URL, VEVENTs)
    fragments: ByIdentity[Plan, bytes] = field(default_factory=ByIdentity)  # plan -> its list entry as inert JSON

    def keep_only(self, plans: list[Plan]) -> None:
        """Forget the calendar and API fragments of plans no longer in use."""
        self.events.keep_only(plans)
        self.fragments.keep_only(plans)


def _brief_events(plan: Plan, epoch: int, base_url: str, memo: FeedMemo) -> str:
    hit = memo.events.get(plan, lambda p: (epoch, base_url, _events(p, epoch, base_url, brief=True)))
    if hit[:2] == (epoch, base_url):
        return hit[2]
    text = _events(plan, epoch, base_url, brief=True)
    memo.events.put(plan, (epoch, base_url, text))
    return text


def _events(plan: Plan, epoch: int, base_url: str, brief: bool = False) -> str:
    lines = [line for i, step in enumerate(plan.steps) if step.start or step.end
             for line in _event(plan, i, step, epoch, base_url, brief)]
    return "\r\n".join(fold(line) for line in lines)


def _event(plan: Plan, i: int, step: Step, epoch: int, base_url: str, brief: bool) -> list[str]:
    first, last = step.start or step.end, step.end or step.start
    assert first is not None and last is not None  # (only steps with a date are events: _events)
    start, end = first.first(), last.last() + dt.timedelta(days=1)
    description = plan.title + (f"\n负责：{step.owner}" if step.owner else "")
    body = "" if brief else markdown.plain_text(step.body)
    if body:
        description += "\n" + body[:1000]
    event = ["BEGIN:VEVENT", "UID:" + step_uid(plan, i, step), "DTSTAMP:" + _stamp(epoch),
             "DTSTART;VALUE=DATE:" + start.strftime("%Y%m%d"), "DTEND;VALUE=DATE:" + end.strftime("%Y%m%d"),
             "SUMMARY:" + ics_text(step.title), "DESCRIPTION:" + ics_text(description)]
    if plan.issuer:
        event.append("ORGANIZER;CN=" + _param(plan.issuer) + ":invalid:nomail")
    if base_url:
        event.append("URL:" + _absolute(base_url, urls.plan(plan.slug) + f"#step-{i + 1}"))
    event.append("END:VEVENT")
    return event


def _param(value: str) -> str:
    """A quoted parameter value: no quotes, controls or newlines inside (RFC 5545 §3.2)."""
    return '"' + _CONTROL.sub("", value).replace('"', "'").replace("\n", " ").replace("\r", " ") + '"'


def _absolute(base_url: str, path: str) -> str:
    return urljoin(base_url.rstrip("/") + "/", quote(path, safe="/#"))


def newest_epoch(plans: list[Plan], fallback: int) -> int:
    """The newest plan date as a timestamp (deterministic), or the fallback (SOURCE_DATE_EPOCH)."""
    dates = [d.first() for p in plans for d in (p.date, p.period.start) if d]
    if not dates:
        return fallback
    newest = max(dates)
    return int(dt.datetime(newest.year, newest.month, newest.day, tzinfo=dt.UTC).timestamp())


_ATOM = "http://www.w3.org/2005/Atom"


FEED_SIZE = 50  # the newest plans in the Atom feed


def atom(index: Index, title: str, epoch: int, base_url: str) -> bytes:
    ET.register_namespace("", _ATOM)
    feed = ET.Element(f"{{{_ATOM}}}feed")
    _sub(feed, "title", title)
    _sub(feed, "id", base_url or "urn:plangen:" + hashlib.sha1(title.encode("utf-8")).hexdigest())
    _sub(feed, "updated", _iso(epoch))
    ET.SubElement(feed, f"{{{_ATOM}}}link", rel="self", href=_href(base_url, urls.FEED))
    author = ET.SubElement(feed, f"{{{_ATOM}}}author")
    _sub(author, "name", title)
    for plan in index.plans[:FEED_SIZE]:
        entry = ET.SubElement(feed, f"{{{_ATOM}}}entry")
        _sub(entry, "title", plan.title)
        _sub(entry, "id", f"urn:plangen:plan:{quote(plan.slug)}")
        _sub(entry, "updated", _iso(newest_epoch([plan], epoch)))
        ET.SubElement(entry, f"{{{_ATOM}}}link", rel="alternate", href=_href(base_url, urls.plan(plan.slug)))
        if plan.issuer:
            _sub(ET.SubElement(entry, f"{{{_ATOM}}}author"), "name", plan.issuer)
        _sub(entry, "summary", _summary(plan))
    body: bytes = ET.tostring(feed, encoding="utf-8", xml_declaration=False)
    return b'<?xml version="1.0" encoding="utf-8"?>\n' + body + b"\n"


def _sub(parent: ET.Element, tag: str, text: str) -> ET.Element:
    el = ET.SubElement(parent, f"{{{_ATOM}}}{tag}")
    el.text = _CONTROL.sub("", text)
    return el


def _iso(epoch: int) -> str:
    return dt.datetime.fromtimestamp(epoch, dt.UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def _href(base_url: str, path: str) -> str:
    return _absolute(base_url, path) if base_url else quote(path, safe="/#")


def _summary(plan: Plan) -> str:
    bits = [plan.issuer, _span(plan.period.start, plan.period.end), plan.category]
    thought = plan.part("guiding_thought")
    text = markdown.plain_text(thought.body) if thought and thought.body else ""
    return " · ".join(b for b in bits if b) + ("\n" + text[:300] if text else "")


def _span(start: PlanDate | None, end: PlanDate | None) -> str:
    return f"{start.zh if start else ''}—{end.zh if end else ''}" if start or end else ""


_SITEMAP = "http://www.sitemaps.org/schemas/sitemap/0.9"
SITEMAP_URLS = 10_000  # URLs per sitemap: the protocol allows 50,000 and 50 MB; at ~120 bytes a URL, ~1.2 MB
CALENDAR_PLANS = 200  # the site calendar: the dated steps of the newest plans (each plan's own has all)


def sitemap_parts(paths: list[str]) -> list[list[str]]:
    """The site's pages (not the 404 page) in sorted order, SITEMAP_URLS to a sitemap."""
    pages = sorted(p for p in paths if p.endswith(".html") and p != urls.NOT_FOUND)
    return [pages[i:i + SITEMAP_URLS] for i in range(0, len(pages), SITEMAP_URLS)] or [[]]


def sitemap(paths: list[str], base_url: str) -> bytes:
    """One sitemap (`urls.sitemap_part`) of the given pages."""
    ET.register_namespace("", _SITEMAP)
    root = ET.Element(f"{{{_SITEMAP}}}urlset")
    for path in paths:
        url = ET.SubElement(root, f"{{{_SITEMAP}}}url")
        ET.SubElement(url, f"{{{_SITEMAP}}}loc").text = _href(base_url, path)
    body: bytes = ET.tostring(root, encoding="utf-8")
    return b'<?xml version="1.0" encoding="utf-8"?>\n' + body + b"\n"


def sitemap_index(count: int, base_url: str) -> bytes:
    """`sitemap.xml`: the sitemap index naming each of the `count` sitemaps."""
    ET.register_namespace("", _SITEMAP)
    root = ET.Element(f"{{{_SITEMAP}}}sitemapindex")
    for number in range(1, count + 1):
        part = ET.SubElement(root, f"{{{_SITEMAP}}}sitemap")
        ET.SubElement(part, f"{{{_SITEMAP}}}loc").text = _href(base_url, urls.sitemap_part(number))
    body: bytes = ET.tostring(root, encoding="utf-8")
    return b'<?xml version="1.0" encoding="utf-8"?>\n' + body + b"\n"


def plan_json(plan: Plan) -> dict[str, Any]:
    """A plan as JSON-ready data: dataclass fields, dates as ISO text, source path kept."""
    data: dict[str, Any] = _plain(plan)
    data.pop("kind", None)
    data["source"] = plan.source
    data["format"] = plan.kind
    data["url"] = urls.plan(plan.slug)
    return data


_LEAVES = frozenset({str, int, float, bool, type(None)})


def _plain(value: Any) -> Any:
    """Model values as JSON data (like dataclasses.asdict, without its deep copies); dates as text."""
    kind = type(value)
    if kind in _LEAVES:  # most values: text, numbers, None (a fast path: one set lookup)
        return value
    if kind is list or kind is tuple:
        return [_plain(v) for v in value]
    if isinstance(value, PlanDate):
        return str(value)
    if isinstance(value, (list, tuple)):
        return [_plain(v) for v in value]
    names = _field_names(type(value)) if not isinstance(value, (str, int, type(None))) else ()
    if names:
        return {name: _plain(getattr(value, name)) for name in names}
    return value


def _field_names(cls: type) -> tuple[str, ...]:
    """The field names of a model class (the model's own found once, when the module loads)."""
    known = _MODEL_FIELDS.get(cls)
    if known is not None:
        return known
    return tuple(f.name for f in dataclasses.fields(cls)) if dataclasses.is_dataclass(cls) else ()


_MODEL_FIELDS = MappingProxyType({cls: tuple(f.name for f in dataclasses.fields(cls))
                                  for module in (model, dates) for cls in vars(module).values()
                                  if isinstance(cls, type) and dataclasses.is_dataclass(cls)})


API_VERSION = 3
API_PER_PAGE = 500  # list entries in each page of the API's list


def api_pages(index: Index) -> int:
    return max(1, -(-len(index.plans) // API_PER_PAGE))


def api(index: Index, number: int = 1, memo: FeedMemo | None = None) -> bytes:
    """Page `number` of the API's list (`urls.api_list`; page 1 is `api/plans.json`): up to API_PER_PAGE
    plans' list entries (`api_entry`), newest first, with the number of plans and every page's path
    (docs/api.md). The same bytes as safe_json of the whole document, assembled from per-plan fragments
    that a long-lived process (plangen serve) keeps while the plan is unchanged. Each plan in full is
    `api_plan`."""
    count = api_pages(index)
    pages = [urls.api_list(n) for n in range(1, count + 1)]
    plans = index.plans[(number - 1) * API_PER_PAGE:number * API_PER_PAGE]
    head = {"count": len(index.plans), "generator": f"plangen {__version__}", "next": pages[number] if number < count else "",
            "page": number, "pages": pages}
    parts = [safe_json(head).removesuffix(b"}\n") + b',"plans":[']
    for i, plan in enumerate(plans):
        fragment = memo.fragments.get(plan, _fragment_of) if memo is not None else _fragment_of(plan)
        parts += (b",", fragment) if i else (fragment,)
    parts.append(b'],"previous":%s,"version":%d}\n' % (safe_json(pages[number - 2] if number > 1 else "").strip(),
                                                        API_VERSION))
    return b"".join(parts)


def filter_index(index: Index) -> bytes:
    """`api/filter.json`: what the home page's filters search, one compact row per plan, newest first
    (docs/api.md): slug, title, issuer, year, category, status, its organisations (positions in
    `orgs`, the organisation ids), period."""
    fields = ["slug", "title", "issuer", "year", "category", "status", "orgs", "period"]
    orgs = {oid: n for n, oid in enumerate(index.orgs)}
    rows = [[p.slug, p.title, p.issuer, str(p.year or ""), p.category, p.status, [orgs[o] for o in index.plan_org_ids(p)],
             _span(p.period.start, p.period.end) or (p.date.zh if p.date else "")] for p in index.plans]
    return safe_json({"fields": fields, "orgs": list(orgs), "plans": rows, "version": API_VERSION})


def api_entry(plan: Plan) -> dict[str, Any]:
    """What the list pages show of a plan, and where its full model is."""
    return {"slug": plan.slug, "title": plan.title, "number": plan.number, "issuer": plan.issuer, "date": _plain(plan.date),
            "status": plan.status, "period": _plain(plan.period), "category": plan.category, "tags": list(plan.tags),
            "helpers": list(plan.helpers), "recipients": list(plan.recipients), "source": plan.source,
            "format": plan.kind, "url": urls.plan(plan.slug), "data": urls.api_plan(plan.slug)}


def api_plan(plan: Plan, changed: str = "") -> bytes:
    """`api/plans/<slug>.json`: one plan's whole model; `changed`, the date of the last commit that
    changed its file (YYYY-MM-DD), when the plans are in a git repository."""
    doc = {"generator": f"plangen {__version__}", "plan": plan_json(plan), "version": API_VERSION}
    return safe_json({**doc, "changed": changed} if changed else doc)


def _fragment_of(plan: Plan) -> bytes:
    text = json.dumps(api_entry(plan), ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    return _inert(text).removesuffix(b"\n")  # escaping is per character, so fragments can be escaped apart


def safe_json(doc: Any) -> bytes:
    """JSON that is inert even if pasted into HTML: <, > and & are escaped as \\u003c etc."""
    # compact: only then does json use its C encoder (indented output is ~10x slower on big sites)
    return _inert(json.dumps(doc, ensure_ascii=False, sort_keys=True, separators=(",", ":")))


def _inert(text: str) -> bytes:
    return (text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026") + "\n").encode("utf-8")
