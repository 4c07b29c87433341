"""Sets of plans (added, removed, renamed) and the output formats: JSON (stable), Markdown, HTML, text."""

from __future__ import annotations

import json
from html.parser import HTMLParser

from conftest import parse_yaml
from git_helpers import PLAN

from plangen.diff import (
    DiffReport,
    diff_sets,
    render_diff_html,
    render_html_page,
    render_markdown,
    render_terminal,
    report_data,
    version_of,
)
from plangen.diff.jsonform import plan_diff_data, plan_diff_from_data
from plangen.diff.model import Version


def v(text: str, path: str = "plans/a.yaml") -> Version:
    return version_of(parse_yaml(text, path))


def test_added_removed_renamed_modified() -> None:
    other = PLAN.replace("五井小学结对", "嵩山小学结对").replace("井明泉", "李四")
    old = {"plans/a.yaml": v(PLAN), "plans/b.yaml": v(other, "plans/b.yaml"), "plans/gone.yaml": v(
        PLAN.replace("五井", "九杰").replace("以科学发展观", "以新发展理念").replace("刘钰", "王五"), "plans/gone.yaml")}
    new = {"plans/a.yaml": v(PLAN.replace("促进", "推进")), "plans/c.yaml": v(other, "plans/c.yaml"),
           "plans/new.yaml": v("title: 新方案\n", "plans/new.yaml")}
    report = diff_sets(old, new, "HEAD", "working tree")
    got = {(d.status, d.old_path, d.new_path) for d in report.plans}
    assert ("modified", "plans/a.yaml", "plans/a.yaml") in got
    assert ("renamed", "plans/b.yaml", "plans/c.yaml") in got
    assert ("invalid", None, "plans/new.yaml") in got           # a new but invalid plan says so
    assert ("removed", "plans/gone.yaml", None) in got
    assert len(got) == 4


def test_dissimilar_files_are_not_renames() -> None:
    other = "title: 完全不同\nissuer: 别的单位\n"
    report = diff_sets({"plans/a.yaml": v(PLAN)}, {"plans/z.yaml": v(other, "plans/z.yaml")})
    assert sorted(d.status for d in report.plans) == ["invalid", "removed"]


def test_no_change_report() -> None:
    report = diff_sets({"plans/a.yaml": v(PLAN)}, {"plans/a.yaml": v(PLAN)}, "A", "B")
    assert not report.has_changes and report.plans == ()
    assert render_terminal(report) == "no changes between A and B"


def one_char_report() -> DiffReport:
    return diff_sets({"plans/a.yaml": v(PLAN)}, {"plans/a.yaml": v(PLAN.replace("促进", "推进"))}, "HEAD", "working tree")


EXPECTED_JSON = {
    "format": "plangen-diff", "version": 1, "old": "HEAD", "new": "working tree", "changed": True,
    "plans": [{
        "status": "modified", "old_path": "plans/a.yaml", "new_path": "plans/a.yaml",
        "title": "五井小学结对帮扶工作方案", "similarity": None, "old_errors": [], "new_errors": [], "old_error_keys": [], "new_error_keys": [],
        "changes": [{
            "area": "parts", "kind": "text", "path": "parts.guiding_thought", "label": "指导思想",
            "old": "", "new": "",
            "hunks": [{"spans": [{"op": "same", "text": "…学发展观为指导，"}, {"op": "old", "text": "促"},
                                 {"op": "new", "text": "推"}, {"op": "same", "text": "进城乡教育均衡发…"}]}],
        }],
    }],
}


def test_json_format_is_stable() -> None:
    assert report_data(one_char_report()) == EXPECTED_JSON
    from plangen.diff import report_json
    text = report_json(one_char_report())
    assert json.loads(text) == EXPECTED_JSON
    assert text == json.dumps(EXPECTED_JSON, ensure_ascii=False, indent=2, sort_keys=True)


def test_json_round_trip() -> None:
    diff = one_char_report().plans[0]
    assert plan_diff_from_data(json.loads(json.dumps(plan_diff_data(diff)))) == diff


def test_terminal_plain_and_colour() -> None:
    plain = render_terminal(one_char_report())
    assert "[-促-]{+推+}" in plain and "\033[" not in plain
    assert "M plans/a.yaml" in plain
    coloured = render_terminal(one_char_report(), colour=True)
    assert "\033[31m\033[7m促\033[0m" in coloured


def test_markdown() -> None:
    text = render_markdown(one_char_report())
    assert "<del>促</del><ins>推</ins>" in text
    assert text.startswith("## plangen diff: HEAD → working tree")
    assert "### modified:" in text and "text changed" in text


def test_markdown_in_chinese() -> None:
    text = render_markdown(one_char_report(), "zh-CN")
    assert "<del>促</del><ins>推</ins>" in text
    assert "### 有修改：" in text or "### 有修改:" in text
    assert "文字修改" in text and "modified" not in text and "text changed" not in text


class _Collector(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.tags: list[str] = []
        self.attrs: list[tuple[str, str | None]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append(tag)
        self.attrs += attrs


def test_html_fragment_escapes_everything() -> None:
    evil = PLAN.replace("促进城乡", "<script>alert(1)</script>城乡")
    report = diff_sets({"plans/a.yaml": v(PLAN)}, {"plans/a.yaml": v(evil)})
    fragment = render_diff_html(report.plans[0])
    assert "<script>" not in fragment and "&lt;script&gt;" in fragment
    parser = _Collector()
    parser.feed(fragment)
    assert "script" not in parser.tags and "style" not in parser.tags
    assert not any(name.startswith("on") or name == "style" for name, _ in parser.attrs)
    assert fragment.startswith('<section class="pd-plan pd-modified">')


def test_html_page_is_self_contained() -> None:
    page = render_html_page(one_char_report())
    assert page.startswith("<!DOCTYPE html>") and "<del>促</del><ins>推</ins>" in page
    for external in ("http://", "https://", "src=", "<link", "<script"):
        assert external not in page


def test_html_fragment_words_follow_the_site_language() -> None:
    diff = one_char_report().plans[0]
    assert "文字修改" in render_diff_html(diff) and "修改" in render_diff_html(diff)
    english = render_diff_html(diff, 2, lang="en")
    assert "text changed" in english and "<h2 " in english and "<h3 " in english


def test_many_moved_files_pair_by_content_quickly() -> None:
    import time

    base = v(PLAN)
    old = {f"plans/p{i}.yaml": Version(f"plans/p{i}.yaml", f"text {i}", None, ("bad",)) for i in range(400)}
    new = {f"plans/sub/p{i}.yaml": Version(f"plans/sub/p{i}.yaml", f"text {i}", None, ("bad",)) for i in range(400)}
    old["plans/a.yaml"] = base
    new["plans/sub/a.yaml"] = Version("plans/sub/a.yaml", base.text, base.plan, ())
    start = time.perf_counter()
    report = diff_sets(old, new)
    assert time.perf_counter() - start < 5
    assert {d.status for d in report.plans} == {"renamed"} and len(report.plans) == 401
