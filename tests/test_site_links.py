"""The built example site (plans/) as a whole: links, anchors, HTML validity, reachability, no other host.

The example project is built once per session (sitecheck.example_site) into a temporary folder.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from sitecheck import (
    FETCHED,
    ParsedSite,
    broken_links,
    duplicate_ids,
    example_parsed,
    example_site,
    is_external,
    other_host,
    reachable,
    refs,
    strict_errors,
)

from plangen import urls
from plangen.build import BuildResult


@pytest.fixture(scope="module")
def example(tmp_path_factory: pytest.TempPathFactory) -> tuple[BuildResult, Path]:
    return example_site(tmp_path_factory)


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> ParsedSite:
    return example_parsed(tmp_path_factory)


def test_example_site_builds_every_published_plan(example: tuple[BuildResult, Path], site: ParsedSite) -> None:
    result, _ = example
    assert result.plans >= 9 and result.pages > 50
    for plan in result.workspace.project.plans:
        if plan.status != "draft":
            assert urls.plan(plan.slug) in site.files


def test_no_broken_internal_link_or_anchor(site: ParsedSite) -> None:
    broken = broken_links(site)
    assert broken == [], f"{len(broken)} broken link(s):\n" + "\n".join(broken[:40])


def test_link_checker_catches_a_broken_link_and_a_missing_anchor(site: ParsedSite) -> None:
    """The checker itself must be able to fail."""
    page = site.files["index.html"].replace(
        b"</main>", b'<a href="plans/nope.html">x</a><a href="timeline.html#no-such-anchor">y</a>'
                    b'<img src="assets/missing%20file.png" alt=""></main>')
    broken = broken_links(site.with_page("index.html", page))
    assert any("plans/nope.html" in b for b in broken)
    assert any("#no-such-anchor" in b for b in broken)
    assert any("missing file.png" in b for b in broken)


def test_every_page_is_valid_html(site: ParsedSite) -> None:
    """html5lib's parse errors (each would raise in strict mode) on every page, parsed once per session."""
    invalid = {page: errors[:3] for page, errors in site.errors.items() if errors}
    assert invalid == {}
    assert strict_errors(site.files[urls.HOME]) == []  # and strict mode itself agrees on a page


def test_ids_are_unique_on_every_page(site: ParsedSite) -> None:
    """html5lib does not check this; a repeated id makes an #anchor ambiguous."""
    repeated = {page: dups for page, tree in site.trees.items() if (dups := duplicate_ids(tree))}
    assert repeated == {}


def test_html_checker_catches_invalid_markup(site: ParsedSite) -> None:
    assert site.with_page("x.html", b"<!DOCTYPE html><title>x</title><p>a</b>").errors["x.html"]
    assert strict_errors(b"<!DOCTYPE html><html><head><title>x</title></head><body><p>a</b></body></html>")
    assert strict_errors(b"<p>no doctype</p>")


def test_every_plan_person_org_and_document_is_reachable_from_home(site: ParsedSite,
                                                                  example: tuple[BuildResult, Path]) -> None:
    reached = reachable(site)
    wanted = [p for p in site.files if p.startswith(("plans/", "people/", "orgs/", "documents/"))
              and p.endswith(".html")]
    assert len([p for p in wanted if p.startswith("plans/")]) == example[0].plans
    assert sorted(set(wanted) - reached) == []
    for slug in [p.slug for p in example[0].workspace.project.plans if p.status != "draft"]:
        assert urls.plan(slug) in reached
        assert urls.plan_ics(slug) in reached
        assert any(p.startswith(f"sources/{slug}.") for p in reached)


def test_every_page_is_reachable_except_404_and_search(site: ParsedSite) -> None:
    html = {p for p in site.files if p.endswith(".html")}
    # search.html is linked from the search box, which is only shown when search is built
    assert html - reachable(site) <= {urls.NOT_FOUND, urls.SEARCH}


def _plan_sources(site: ParsedSite) -> str:
    return "\n".join(b.decode("utf-8") for p, b in site.files.items() if p.startswith("sources/"))


def test_nothing_is_fetched_from_another_host(site: ParsedSite) -> None:
    found = []
    for page, tree in site.trees.items():
        for ref in refs(tree):
            if (ref.tag, ref.attr) in FETCHED and other_host(ref.value):
                found.append(f"{page}: <{ref.tag} {ref.attr}={ref.value}>")
        for el in tree.iter():
            style = el.attrib.get("style", "") + (el.text or "" if str(el.tag).endswith("style") else "")
            if re.search(r"url\s*\(|@import", style, re.IGNORECASE):
                found.append(f"{page}: CSS url() or @import in {el.tag}")
    for path, data in site.files.items():
        if path.endswith(".css"):
            for m in re.finditer(rb"url\s*\(\s*['\"]?([^'\")]*)|@import\s+['\"]?([^'\";]*)", data):
                target = (m.group(1) or m.group(2) or b"").decode()
                if is_external(target) and not target.startswith("data:"):
                    found.append(f"{path}: {target}")
        # the theme's own scripts name no host at all (Pagefind's bundle only names hosts in
        # comments and as a URL-parsing base; it fetches from its own folder)
        if path.startswith("assets/") and path.endswith(".js") and re.search(rb"https?://|//[a-z0-9.-]+\.[a-z]{2,}/", data):
            found.append(f"{path}: refers to another host")
    assert found == []


def test_only_plan_authored_links_point_to_other_hosts(site: ParsedSite) -> None:
    """Theme markup has no http(s):// at all; an external <a href> must be written in a plan's source."""
    authored = _plan_sources(site)
    found = []
    for page, tree in site.trees.items():
        for el in tree.iter():
            for name, value in el.attrib.items():
                if re.search(r"(?i)https?:|^\s*//", value):
                    allowed = str(el.tag) == "a" and name == "href" and value in authored
                    if not allowed:
                        found.append(f"{page}: <{el.tag} {name}={value!r}>")
    assert found == []


def test_templates_and_assets_name_no_other_host() -> None:
    from plangen.render import default_theme

    theme = default_theme()
    for file in sorted(theme.rglob("*")):
        if file.is_file():
            text = file.read_text("utf-8")
            assert not re.search(r"https?://|\bsrc=\"//", text), file


def test_every_link_is_relative(site: ParsedSite) -> None:
    """Works under any sub-path and from file://: no root-absolute href or src."""
    absolute = [f"{page}: {r.value}" for page, tree in site.trees.items() for r in refs(tree)
                if r.value.startswith("/") or r.value.startswith("file:")]
    assert absolute == []
