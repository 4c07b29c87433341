"""Golden output for representative pages of a small fixed project (tests/fixtures/site/small).

Regenerate with `pytest --update-golden`, then review `git diff tests/golden/` before committing.
Search is off for these builds so the pages do not depend on whether Pagefind is installed.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from sitecheck import assert_golden, build_files, copy_fixture

from plangen import urls

GOLDEN_PAGES = {
    "home.html": urls.HOME,
    "plan-yaml.html": urls.plan("2016-wujing-jiedui"),
    "plan-markdown.html": urls.plan("2017-songshan-huifang"),
    "org.html": urls.org("五井小学"),
    "person.html": urls.person("井明泉-五井小学"),
    "document.html": urls.doc("测教发20168号"),
    "timeline.html": urls.TIMELINE,
    "calendar.ics": urls.CALENDAR,
    "feed.xml": urls.FEED,
    "plans.json": urls.API,
}


@pytest.fixture(scope="module")
def small_site(tmp_path_factory: pytest.TempPathFactory) -> dict[str, bytes]:
    root = copy_fixture("small", tmp_path_factory.mktemp("golden") / "project")
    return build_files(root, root.parent / "out", search=False)


@pytest.mark.parametrize("golden", sorted(GOLDEN_PAGES))
def test_page_matches_golden(small_site: dict[str, bytes], golden: str, update_golden: bool) -> None:
    path = GOLDEN_PAGES[golden]
    assert path in small_site, f"{path} was not built; built: {sorted(small_site)}"
    assert_golden(small_site[path], f"site/{golden}", update_golden)


def test_golden_comparison_fails_with_a_readable_diff(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import sitecheck

    monkeypatch.setattr(sitecheck, "GOLDEN", tmp_path)
    (tmp_path / "page.html").write_bytes("<p>五井小学</p>\n<p>same</p>\n".encode())
    with pytest.raises(AssertionError) as failed:
        assert_golden("<p>五井小学校</p>\n<p>same</p>\n".encode(), "page.html", update=False)
    message = str(failed.value)
    assert "--update-golden" in message
    assert "-<p>五井小学</p>" in message and "+<p>五井小学校</p>" in message
    assert_golden(b"new\n", "page.html", update=True)
    assert (tmp_path / "page.html").read_bytes() == b"new\n"
