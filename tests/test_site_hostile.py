"""Hostile plans (tests/fixtures/site/hostile) render inert in every output.

The fixture plans put `<script>`, event-handler attributes, `javascript:`/`vbscript:`/`data:` links
and images, `</script>`, `]]>`, and CR/LF/`;`/`,` calendar injections into every field they can.
"""

from __future__ import annotations

import json
import re
import xml.etree.ElementTree as ET
from pathlib import Path

import icalendar
import pytest
from conftest import REPO
from sitecheck import (
    broken_links,
    built,
    copy_fixture,
    dangerous_refs,
    duplicate_ids,
    event_handlers,
    local,
    other_host,
    parse_html,
    parse_site,
    refs,
    script_elements,
    site_files,
    strict_errors,
)

from plangen import urls
from plangen.build import BuildResult

THEME_SCRIPTS = re.compile(r"^(\.\./)*(assets/app\.js|assets/filter\.js|assets/search\.js)$")
# the 404 page's own script, as the theme writes it (the only inline script of the site)
NOT_FOUND_SCRIPT = re.search(r"<script>.*?</script>", (REPO / "templates/404.html").read_text("utf-8"),
                             re.DOTALL)[0].replace("{{ urls.STYLE }}", urls.STYLE)


@pytest.fixture(scope="module")
def hostile(tmp_path_factory: pytest.TempPathFactory) -> BuildResult:
    root = copy_fixture("hostile", tmp_path_factory.mktemp("hostile") / "project")
    return built(root, root.parent / "out", search=False)


@pytest.fixture(scope="module")
def files(hostile: BuildResult) -> dict[str, bytes]:
    assert hostile.output is not None
    return site_files(hostile.output)


def plans(hostile: BuildResult) -> dict[str, object]:
    return {p.slug: p for p in hostile.workspace.project.plans}


def test_the_fixture_is_really_hostile(hostile: BuildResult) -> None:
    """Guard the guard: the loaded plans still carry the attacks (nothing was cleaned on load)."""
    evil = plans(hostile)["evil-yaml"]
    assert "<script>" in evil.title and "]]>" in evil.title  # type: ignore[attr-defined]
    assert "\r\n" in evil.steps[0].title or "\n" in evil.steps[0].title  # type: ignore[attr-defined]
    assert hostile.plans == 3


def test_no_script_from_plan_text_in_any_page(files: dict[str, bytes]) -> None:
    found = []
    for path, data in files.items():
        if not path.endswith(".html"):
            continue
        text = data.decode("utf-8")
        if path == "404.html":  # holds no plan text; its one inline script finds the site root (templates/404.html)
            text = text.replace(NOT_FOUND_SCRIPT, "", 1)
        for m in re.finditer(r"<script\b[^>]*>", text, re.IGNORECASE):
            src = re.search(r'\bsrc="([^"]*)"', m.group(0))
            if not src or not THEME_SCRIPTS.match(src.group(1)):
                found.append(f"{path}: {m.group(0)}")
        tree, _ = parse_html(text.encode("utf-8"))
        for el in script_elements(tree):
            if not THEME_SCRIPTS.match(el.attrib.get("src", "")) or (el.text or "").strip():
                found.append(f"{path}: parsed <script {el.attrib}>{el.text}")
        for el in tree.iter():
            if local(el.tag) in ("iframe", "object", "embed", "img", "style", "textarea", "base", "frame"):
                found.append(f"{path}: <{local(el.tag)}> element from plan text")
    assert found == []


def test_no_event_handler_or_dangerous_url_in_any_page(files: dict[str, bytes]) -> None:
    found = []
    for path, data in files.items():
        if path.endswith(".html"):
            tree, _ = parse_html(data)
            found += [f"{path}: {h}" for h in event_handlers(tree)]
            found += [f"{path}: <{r.tag} {r.attr}={r.value!r}>" for r in dangerous_refs(tree)]
            found += [f"{path}: external <{r.tag} {r.attr}={r.value!r}>" for r in refs(tree)
                      if other_host(r.value) and (r.tag != "a" or not r.value.startswith("https://example.org/"))]
    assert found == []


def test_the_safe_external_link_survives(files: dict[str, bytes]) -> None:
    """Filtering must not be so blunt that an ordinary https link is lost."""
    assert b'<a href="https://example.org/ok">' in files["plans/evil-yaml.html"]


def test_plan_text_is_shown_as_text(files: dict[str, bytes]) -> None:
    page = files["plans/evil-yaml.html"].decode("utf-8")
    assert "恶意方案&lt;script&gt;alert(1)&lt;/script&gt;" in page
    tree, _ = parse_html(files["plans/evil-yaml.html"])
    h1 = next(el for el in tree.iter() if local(el.tag) == "h1")
    assert h1.text == "恶意方案<script>alert(1)</script></script><!-- ]]> & <b>"


def test_json_api_is_inert_and_holds_the_literal_text(files: dict[str, bytes]) -> None:
    title = "恶意方案<script>alert(1)</script></script><!-- ]]> & <b>"
    for path in ("api/plans.json", "api/plans/evil-yaml.json"):
        data = files[path]
        for needle in (b"<", b">", b"</script", b"<!--"):
            assert needle not in data, path
    titles = {p["slug"]: p["title"] for p in json.loads(files["api/plans.json"])["plans"]}
    assert titles["evil-yaml"] == title
    assert json.loads(files["api/plans/evil-yaml.json"])["plan"]["title"] == title


def test_inline_json_in_pages_is_inert(files: dict[str, bytes]) -> None:
    """Any JSON embedded in a page (<script type=application/json> or data-*) must not close the script."""
    for path, data in files.items():
        if path.endswith(".html"):
            for m in re.finditer(rb"<script[^>]*type=\"application/(ld\+)?json\"[^>]*>(.*?)</script>", data, re.DOTALL):
                assert b"<" not in m.group(2), path


def _events(data: bytes) -> list[icalendar.Event]:
    cal = icalendar.Calendar.from_ical(data)
    return list(cal.walk("VEVENT"))


ALLOWED_PROPS = {"UID", "DTSTAMP", "DTSTART", "DTEND", "SUMMARY", "DESCRIPTION", "ORGANIZER", "URL"}


def test_calendar_injection_creates_no_property_or_event(files: dict[str, bytes], hostile: BuildResult) -> None:
    evil = plans(hostile)["evil-yaml"]
    for path in ("calendar.ics", "plans/evil-yaml.ics"):
        data = files[path]
        unfolded = data.replace(b"\r\n ", b"")
        names = {line.split(b":")[0].split(b";")[0].decode() for line in unfolded.split(b"\r\n") if line}
        assert names <= ALLOWED_PROPS | {"BEGIN", "END", "VERSION", "PRODID", "CALSCALE", "METHOD", "X-WR-CALNAME"}
        assert unfolded.count(b"BEGIN:VEVENT") == unfolded.count(b"END:VEVENT")
        events = [e for e in _events(data) if str(e["UID"]).startswith("evil-yaml.")]
        assert len(events) == 3  # three dated steps, no injected event
        for event in events:
            assert set(event.keys()) <= ALLOWED_PROPS, set(event.keys())
        summaries = [str(e["SUMMARY"]) for e in events]
        expected = [s.title.replace("\r\n", "\n") for s in evil.steps]  # type: ignore[attr-defined]
        assert summaries == expected
        assert "负责人;DTSTART:19700101,\nX-EVIL:1" in str(events[0]["DESCRIPTION"])
        body = "正文\nBEGIN:VEVENT\nSUMMARY:injected\nEND:VEVENT"  # the step's text: in the plan's own calendar only
        assert (body in str(events[0]["DESCRIPTION"])) == (path != "calendar.ics")
        assert str(events[0]["ORGANIZER"].params["CN"]) == "坏单位<script>alert(2)</script>"


def test_calendar_name_with_markup_round_trips(files: dict[str, bytes]) -> None:
    cal = icalendar.Calendar.from_ical(files["plans/evil-yaml.ics"])
    assert str(cal["X-WR-CALNAME"]) == "恶意方案<script>alert(1)</script></script><!-- ]]> & <b>"


def test_atom_feed_parses_and_holds_the_literal_text(files: dict[str, bytes]) -> None:
    data = files["feed.xml"]
    assert b"<script" not in data and b"<![CDATA[" not in data
    root = ET.fromstring(data)
    ns = {"a": "http://www.w3.org/2005/Atom"}
    titles = [e.findtext("a:title", namespaces=ns) for e in root.findall("a:entry", ns)]
    assert "恶意方案<script>alert(1)</script></script><!-- ]]> & <b>" in titles
    assert root.findtext("a:title", namespaces=ns) == "方案库<script>alert('site')</script>"
    summaries = " ".join(e.findtext("a:summary", default="", namespaces=ns) for e in root.findall("a:entry", ns))
    assert "<img src=x onerror=alert(11)>" in summaries


def test_sources_are_published_verbatim_not_as_html(files: dict[str, bytes], hostile: BuildResult) -> None:
    """The downloadable source is the file itself, with a non-HTML extension."""
    assert {p for p in files if p.startswith("sources/")} == {"sources/evil-yaml.yaml", "sources/evil-md.md",
                                                             "sources/ctl.yaml"}
    root = Path(str(hostile.workspace.config.root))
    assert files["sources/evil-yaml.yaml"] == (root / "plans/evil-yaml.yaml").read_bytes()


def test_generated_file_names_stay_inside_the_site(files: dict[str, bytes]) -> None:
    for path in files:
        assert not path.startswith("/") and ".." not in path.split("/")
        assert not re.search(r"[<>\"\\:|?*\x00-\x1f]", path), path


def test_control_characters_do_not_break_any_format(files: dict[str, bytes]) -> None:
    for path, data in files.items():
        if path.endswith((".html", ".xml")):
            assert not re.search(rb"[\x00-\x08\x0b\x0e-\x1f\x7f]", data), path
    ET.fromstring(files["feed.xml"])
    ET.fromstring(files["sitemap.xml"])
    assert json.loads(files["api/plans.json"])
    icalendar.Calendar.from_ical(files["plans/ctl.ics"])


def test_hostile_site_still_links_and_parses(files: dict[str, bytes]) -> None:
    """Odd names (quotes, `=`, `<`, control characters) still give valid pages whose links resolve."""
    site = parse_site(files)
    assert broken_links(site) == []
    assert {p: e for p, b in files.items() if p.endswith(".html") and (e := strict_errors(b))} == {}
    assert {p: d for p, t in site.trees.items() if (d := duplicate_ids(t))} == {}
