"""Machine-readable outputs of the example site parse back with real libraries.

calendar.ics and plans/*.ics (RFC 5545 via `icalendar`: CRLF, 75-octet lines, stable unique UIDs),
feed.xml (Atom), sitemap.xml (sitemap namespace), api/plans.json and api/plans/<slug>.json (against
api/plans.schema.json and api/plan.schema.json).
"""

from __future__ import annotations

import json
import re
import xml.etree.ElementTree as ET
from pathlib import Path
from urllib.parse import unquote

import icalendar
import jsonschema
import pytest
from sitecheck import build_files, copy_fixture, example_site, read_tree

from plangen import urls
from plangen.build import BuildResult

ATOM = "{http://www.w3.org/2005/Atom}"
SITEMAP = "{http://www.sitemaps.org/schemas/sitemap/0.9}"


@pytest.fixture(scope="module")
def example(tmp_path_factory: pytest.TempPathFactory) -> tuple[BuildResult, Path]:
    return example_site(tmp_path_factory)


@pytest.fixture(scope="module")
def files(example: tuple[BuildResult, Path]) -> dict[str, bytes]:
    return read_tree(example[1])


def calendars(files: dict[str, bytes]) -> dict[str, bytes]:
    return {p: b for p, b in files.items() if p.endswith(".ics")}


def test_every_published_plan_has_a_calendar(files: dict[str, bytes], example: tuple[BuildResult, Path]) -> None:
    for plan in example[0].workspace.project.plans:
        if plan.status != "draft":
            assert urls.plan_ics(plan.slug) in files


def test_calendars_are_crlf_with_lines_of_at_most_75_octets(files: dict[str, bytes]) -> None:
    for path, data in calendars(files).items():
        assert data.endswith(b"\r\n"), path
        assert b"\n" not in data.replace(b"\r\n", b""), f"{path}: bare LF"
        assert b"\r" not in data.replace(b"\r\n", b""), f"{path}: bare CR"
        for n, line in enumerate(data.split(b"\r\n")[:-1], 1):
            assert len(line) <= 75, f"{path}:{n}: {len(line)} octets"
            line.decode("utf-8")  # folding never splits a UTF-8 character


def test_calendars_parse_with_icalendar(files: dict[str, bytes], example: tuple[BuildResult, Path]) -> None:
    by_slug = {p.slug: p for p in example[0].workspace.project.plans}
    total = 0
    for path, data in calendars(files).items():
        cal = icalendar.Calendar.from_ical(data)
        assert str(cal["VERSION"]) == "2.0" and cal.get("PRODID")
        events = list(cal.walk("VEVENT"))
        for event in events:
            for prop in ("UID", "DTSTAMP", "DTSTART", "SUMMARY"):
                assert prop in event, f"{path}: {prop} missing"
            assert event.decoded("DTEND") > event.decoded("DTSTART")
        if path != urls.CALENDAR:
            plan = by_slug[path.removeprefix("plans/").removesuffix(".ics")]
            dated = [s for s in plan.steps if s.start or s.end]
            assert [str(e["SUMMARY"]) for e in events] == [s.title for s in dated]
            total += len(events)
    assert total > 10
    assert len(list(icalendar.Calendar.from_ical(files[urls.CALENDAR]).walk("VEVENT"))) == total


def test_uids_are_unique(files: dict[str, bytes]) -> None:
    uids = [str(e["UID"]) for e in icalendar.Calendar.from_ical(files[urls.CALENDAR]).walk("VEVENT")]
    assert len(uids) == len(set(uids))
    assert all(re.fullmatch(r"[^\s@]+@plangen", u) for u in uids)


def _uids(files: dict[str, bytes], path: str) -> dict[str, str]:
    return {str(e["SUMMARY"]): str(e["UID"]) for e in icalendar.Calendar.from_ical(files[path]).walk("VEVENT")}


def test_uids_are_stable_across_builds_and_edits(tmp_path: Path) -> None:
    """Same sources: same UIDs. Inserting a step or editing a body keeps the other steps' UIDs."""
    root = copy_fixture("small", tmp_path / "project")
    first = build_files(root, tmp_path / "a", search=False)
    again = build_files(root, tmp_path / "b", search=False)
    assert _uids(first, urls.CALENDAR) == _uids(again, urls.CALENDAR)
    md = root / "plans/2017-songshan-huifang.md"
    md.write_text(md.read_text("utf-8").replace(
        "### 第一阶段：回访调研", "### 准备阶段（2017年3月1日至3月3日）\n\n准备。\n\n### 第一阶段：回访调研").replace(
        "针对问题逐项整改。", "针对问题逐项整改，形成台账。"), "utf-8")
    yaml = root / "plans/2016-wujing-jiedui.yaml"
    yaml.write_text(yaml.read_text("utf-8").replace("按月开展送教活动。", "每月开展送教活动。"), "utf-8")
    edited = _uids(build_files(root, tmp_path / "c", search=False), urls.CALENDAR)
    before = _uids(first, urls.CALENDAR)
    assert set(edited) - set(before) == {"准备阶段"}
    assert {k: edited[k] for k in before} == before


def test_feed_is_atom(files: dict[str, bytes], example: tuple[BuildResult, Path]) -> None:
    root = ET.fromstring(files[urls.FEED])
    assert root.tag == ATOM + "feed"
    for tag in ("id", "title", "updated"):
        assert (root.findtext(ATOM + tag) or "").strip(), tag
    assert root.find(ATOM + "author") is not None or all(
        e.find(ATOM + "author") is not None for e in root.findall(ATOM + "entry"))
    entries = root.findall(ATOM + "entry")
    assert len(entries) == example[0].plans
    ids = []
    for entry in entries:
        for tag in ("id", "title", "updated"):
            assert (entry.findtext(ATOM + tag) or "").strip(), tag
        assert re.fullmatch(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ", entry.findtext(ATOM + "updated") or "")
        link = entry.find(ATOM + "link")
        assert link is not None and link.get("href", "").endswith(".html")
        assert link.get("href") in files  # relative to the site root where the feed lives
        ids.append(entry.findtext(ATOM + "id"))
    assert len(ids) == len(set(ids))


def test_feed_with_base_url_has_absolute_links(tmp_path: Path) -> None:
    root = copy_fixture("small", tmp_path / "project")
    (root / "plangen.yaml").write_text("title: 测试\nbase_url: https://intranet.example/plans/\n", "utf-8")
    files = build_files(root, tmp_path / "out", search=False)
    feed = ET.fromstring(files[urls.FEED])
    hrefs = [link.get("href", "") for link in feed.iter(ATOM + "link")]
    assert hrefs and all(h.startswith("https://intranet.example/plans/") for h in hrefs)
    parts = [loc.text or "" for loc in ET.fromstring(files[urls.SITEMAP]).iter(SITEMAP + "loc")]
    assert parts == ["https://intranet.example/plans/" + urls.sitemap_part(1)]
    locs = [loc.text or "" for loc in ET.fromstring(files[urls.sitemap_part(1)]).iter(SITEMAP + "loc")]
    assert locs and all(loc.startswith("https://intranet.example/plans/") for loc in locs)
    assert "https://intranet.example/plans/plans/2016-wujing-jiedui.html" in locs


def test_sitemap_lists_the_pages(files: dict[str, bytes]) -> None:
    assert urls.SITEMAP in files, "sitemap.xml is not built"
    index = ET.fromstring(files[urls.SITEMAP])
    assert index.tag == SITEMAP + "sitemapindex"
    parts = [unquote(u.findtext(SITEMAP + "loc") or "") for u in index.findall(SITEMAP + "sitemap")]
    assert parts == [urls.sitemap_part(1)]
    root = ET.fromstring(files[parts[0]])
    assert root.tag == SITEMAP + "urlset"
    locs = [unquote(u.findtext(SITEMAP + "loc") or "") for u in root.findall(SITEMAP + "url")]
    pages = {p for p in files if p.endswith(".html")}
    assert urls.HOME in locs and urls.NOT_FOUND not in locs
    assert all(loc in pages for loc in locs)
    assert {p for p in pages if p.startswith("plans/")} <= set(locs)


def test_json_api_validates_against_its_schema(files: dict[str, bytes], example: tuple[BuildResult, Path]) -> None:
    schema = json.loads(files[urls.API_SCHEMA])
    jsonschema.Draft202012Validator.check_schema(schema)
    doc = json.loads(files[urls.API])
    validator = jsonschema.Draft202012Validator(schema, format_checker=jsonschema.FormatChecker())
    errors = [f"{list(e.absolute_path)}: {e.message}" for e in validator.iter_errors(doc)]
    assert errors == []
    assert len(doc["plans"]) == example[0].plans
    for plan in doc["plans"]:
        assert plan["url"] in files and plan["data"] in files


def test_each_plan_in_full_validates_against_its_schema(files: dict[str, bytes]) -> None:
    schema = json.loads(files[urls.API_PLAN_SCHEMA])
    jsonschema.Draft202012Validator.check_schema(schema)
    validator = jsonschema.Draft202012Validator(schema, format_checker=jsonschema.FormatChecker())
    entries = json.loads(files[urls.API])["plans"]
    assert entries
    for entry in entries:
        doc = json.loads(files[entry["data"]])
        assert [f"{list(e.absolute_path)}: {e.message}" for e in validator.iter_errors(doc)] == []
        full = doc["plan"]
        assert full["slug"] == entry["slug"] and full["url"] == entry["url"]
        assert {k: v for k, v in full.items() if k in entry} == {k: v for k, v in entry.items() if k != "data"}
        assert full["steps"] or full["parts"]  # the text is here, not in the list
    assert sorted(p for p in files if p.startswith("api/plans/")) == sorted(e["data"] for e in entries)


def test_json_schema_check_can_fail(files: dict[str, bytes]) -> None:
    schema = json.loads(files[urls.API_SCHEMA])
    doc = json.loads(files[urls.API])
    doc["plans"][0]["status"] = "published"
    del doc["plans"][0]["title"]
    assert len(list(jsonschema.Draft202012Validator(schema).iter_errors(doc))) == 2
