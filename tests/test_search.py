"""The search step of `plangen build`: spacing Chinese for the index, and every way it can fail.

The browser side (results, highlighting, filters) is in test_browser_search.py.
"""

from __future__ import annotations

import os
import re
import shutil
import stat
from pathlib import Path

import pytest

from plangen import search
from plangen.build import BuildOptions, build, summary
from plangen.search_html import spaced, spaced_html

REPO = Path(__file__).resolve().parents[1]


def test_every_chinese_character_becomes_a_word() -> None:
    assert spaced("结对帮扶，2017年 Atom").split() == ["结", "对", "帮", "扶", "，", "2017", "年", "Atom"]
    assert spaced("plain text") == "plain text"


def test_spaced_html_keeps_markup_scripts_and_values() -> None:
    html = ('<html><head><script>var s = "<b>帮扶</b>";</script></head><body>'
            '<article data-pagefind-body><h1 data-pagefind-meta="title">结对&amp;帮扶</h1>'
            '<dl data-pagefind-filter="年份:2016"><dd><a href="x" data-pagefind-filter="单位">五井<b>小学</b></a>'
            '</dd></dl><br><p class="a">组长 马国庆</p></article></body></html>')
    out = spaced_html(html)
    assert '<script>var s = "<b>帮扶</b>";</script>' in out  # scripts untouched
    # a value is read unspaced from an ignored element; its words follow in a spaced copy
    out = re.sub(r"\s+", " ", out)
    assert '<h1 data-pagefind-meta="title" data-pagefind-ignore>结对&amp;帮扶</h1><span> 结 对 &amp; 帮 扶 </span>' in out
    assert '<a href="x" data-pagefind-filter="单位" data-pagefind-ignore>五井<b>小学</b></a><span> 五 井 小 学 </span>' in out
    assert '<dl data-pagefind-filter="年份:2016">' in out  # a value in the attribute: nothing to do
    assert '<p class="a"> 组 长 马 国 庆 </p>' in out


def _build(tmp_path: Path, **options: object) -> tuple[str, Path]:
    out = tmp_path / "site"
    result = build(BuildOptions(root=REPO, output=out, persistent_cache=False, **options))  # type: ignore[arg-type]
    assert result.ok
    return summary(result), out


def test_build_indexes_every_plan_and_says_how_many(tmp_path: Path) -> None:
    line, out = _build(tmp_path)
    plans = len(list((out / "plans").glob("*.html")))
    assert f"search: {plans} plan page(s) indexed" in line
    assert search.indexed_pages(out / search.BUNDLE) == plans
    assert 'class="search-box"' in (out / "index.html").read_text("utf-8")
    assert not list(out.glob(".pagefind-*"))  # no staging folders left behind
    assert "data-pagefind-ignore" not in (out / "plans/2016-shiyan-jiedui.html").read_text("utf-8")


def test_no_search_hides_the_box_and_drops_an_old_index(tmp_path: Path) -> None:
    _build(tmp_path)
    line, out = _build(tmp_path, search=False)
    assert "search: off (--no-search)" in line
    assert not (out / search.BUNDLE).exists()
    assert 'class="search-box"' not in (out / "index.html").read_text("utf-8")


def _fake_pagefind(tmp_path: Path, script: str) -> str:
    fake = tmp_path / "fake-pagefind"
    fake.write_text("#!/bin/sh\n" + script + "\n", "utf-8")
    fake.chmod(fake.stat().st_mode | stat.S_IEXEC)
    return str(fake)


@pytest.mark.skipif(os.name != "posix", reason="the fake binary is a shell script")
@pytest.mark.parametrize("script, reason", [
    ("echo 'Error: boom' >&2; exit 3", "exited with 3: Error: boom"),
    ("echo 'Running Pagefind v1 (Extended)'; exit 0", "the index holds 0 page(s) but the site has"),
    ("echo 'Running Pagefind v1'; exit 0", "is not the extended Pagefind binary"),
])
def test_a_failing_pagefind_is_reported_and_the_site_built_without_search(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, script: str, reason: str) -> None:
    monkeypatch.setenv("PAGEFIND_BINARY_PATH", _fake_pagefind(tmp_path, script))
    out = tmp_path / "site"
    result = build(BuildOptions(root=REPO, output=out, persistent_cache=False))
    assert result.ok and result.search is not None and not result.search.ok
    assert reason in result.search.reason
    assert "search: FAILED" in summary(result)
    warning = [p for p in result.problems if p.code == "search-unavailable"]
    assert warning and "pagefind[extended]" in warning[0].hint
    assert 'class="search-box"' not in (out / "index.html").read_text("utf-8")
    assert (out / "plans/2016-shiyan-jiedui.html").is_file()
    assert not (out / search.BUNDLE).exists()


def test_a_missing_binary_is_known_before_rendering(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv("PAGEFIND_BINARY_PATH", str(tmp_path / "nowhere"))
    assert "extended Pagefind binary was not found" in search.off_reason(True)
    assert search.off_reason(False) == search.NO_SEARCH
    assert search.off_reason(True, config_wanted=False) == search.CONFIG_OFF
    assert search.SearchReport(False, False, reason=search.NO_SEARCH).problem() is None


def test_search_false_in_the_config_turns_it_off(tmp_path: Path) -> None:
    root = tmp_path / "project"
    shutil.copytree(REPO / "plans", root / "plans")
    (root / "plangen.yaml").write_text("search: false\n", "utf-8")
    result = build(BuildOptions(root=root, output=tmp_path / "out", persistent_cache=False))
    assert result.ok and result.search is not None
    assert result.search.line() == "search: off (search: false in plangen.yaml)"
    assert not result.problems
