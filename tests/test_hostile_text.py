"""Strange text in plans: far-off dates, characters XML and HTML forbid, invisible and bidi text,
Markdown nested deeper than a page keeps, 3 MB lines, tags that share a page. Each is reported by
`plangen check` with file, line and field, never lost in silence, and every output stays valid."""

from __future__ import annotations

import json
import re
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from conftest import parse_yaml
from hostile_helpers import GOOD

from plangen.cli import main
from plangen.timeline_svg import timeline_svg


def check(capsys: pytest.CaptureFixture[str], root: Path, *more: str) -> tuple[int, list[dict[str, object]]]:
    code = main(["check", "-C", str(root), "--format", "json", *more])
    return code, json.loads(capsys.readouterr().out)["problems"]


def write(root: Path, files: dict[str, str]) -> Path:
    for name, text in files.items():
        (root / name).parent.mkdir(parents=True, exist_ok=True)
        (root / name).write_text(text, encoding="utf-8")
    return root


def found(problems: list[dict[str, object]], *keys: str) -> list[tuple[object, ...]]:
    return [tuple(p[k] for k in keys) for p in problems]


# 1. dates ------------------------------------------------------------------------------------------

@pytest.mark.parametrize(("start", "end", "expected"), [
    ("2016-09-01", "9999-12-31", [(4, "period.end")]),
    ("1000-01-01", "2017-07-10", [(4, "period.start")]),
    ("1948年12月", "2017-07-10", [(4, "period.start")]),
    ("2016-09-01", "2101-01-01", [(4, "period.end")]),
])
def test_dates_outside_the_years_of_plans_are_errors_with_line_and_hint(
        tmp_path: Path, capsys: pytest.CaptureFixture[str], start: str, end: str, expected: list[tuple[int, str]]) -> None:
    write(tmp_path, {"plans/a.yaml": GOOD.replace("{start: 2016-09-01, end: 2017-07-10}", f"{{start: {start}, end: {end}}}")})
    code, problems = check(capsys, tmp_path)
    assert code == 1
    assert found(problems, "path", "line", "field", "code") == [("plans/a.yaml", *e, "date-out-of-range") for e in expected]
    assert "1949–2100" in str(problems[0]["hint"])


def test_the_first_and_last_years_are_plan_years(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    write(tmp_path, {"plans/a.yaml": GOOD.replace("{start: 2016-09-01, end: 2017-07-10}", "{start: 1949-10-01, end: 2100-12-31}")
                     .replace("start: 2016-09-05, end: 2016-09-10", "start: 1949-10-01, end: 2100-12-31")})
    assert check(capsys, tmp_path) == (0, [])


def test_the_timeline_never_draws_more_ticks_than_it_can_show() -> None:
    plan = parse_yaml(GOOD.replace("{start: 2016-09-01, end: 2017-07-10}", "{start: 1949-10-01, end: 2100-12-31}")).plan
    assert plan is not None
    svg = timeline_svg(plan, "t")
    ticks = svg.count('class="tick"')
    assert 2 <= ticks <= 48
    assert len(svg) < 20_000
    labels = re.findall(r'class="tick-label"[^>]*>([^<]+)<', svg)
    assert labels and labels[0].startswith("19") and len(labels) <= 7


def test_a_short_plan_keeps_a_tick_for_every_month() -> None:
    plan = parse_yaml(GOOD).plan
    assert plan is not None
    assert timeline_svg(plan, "t").count('class="tick"') == 11  # 2016-09-01 … 2017-07-01


# 3. characters XML and HTML forbid ---------------------------------------------------------------

@pytest.mark.parametrize("char", ["\ufffe", "\uffff", "\ufdd0", "\U0001fffe", "\x1b", "\x0b", "\x85"])
def test_a_forbidden_character_in_a_markdown_body_is_an_error_at_its_column(
        tmp_path: Path, capsys: pytest.CaptureFixture[str], char: str) -> None:
    front = GOOD.replace("guiding_thought: 以促进城乡教育均衡发展为目标。\n", "")
    write(tmp_path, {"plans/a.md": f"---\n{front}---\n\n## 指导思想\n\n以促进城乡{char}教育均衡发展为目标。\n"})
    code, problems = check(capsys, tmp_path)
    line = 3 + front.count("\n") + 3
    assert code == 1
    assert found(problems, "path", "line", "column", "code") == [("plans/a.md", line, 6, "forbidden-character")]
    assert f"U+{ord(char):04X}" in str(problems[0]["message"])


@pytest.mark.parametrize("escape", ["\\uFFFE", "\\uFFFF", "\\x1b", "\\x00", "\\U0010FFFF"])
def test_a_forbidden_character_written_as_a_yaml_escape_is_an_error_at_its_field(
        tmp_path: Path, capsys: pytest.CaptureFixture[str], escape: str) -> None:
    write(tmp_path, {"plans/a.yaml": GOOD.replace("title: 测试小学结对帮扶工作方案", f'title: "测试{escape}方案"')})
    code, problems = check(capsys, tmp_path)
    assert code == 1
    assert found(problems, "path", "line", "field", "code") == [("plans/a.yaml", 1, "title", "forbidden-character")]


def test_a_plan_with_a_noncharacter_is_never_published_and_every_feed_stays_valid(tmp_path: Path) -> None:
    write(tmp_path, {"plangen.yaml": "search: false\nhistory: false\n", "plans/a.yaml": GOOD,
                     "plans/b.yaml": GOOD.replace("title: 测试小学结对帮扶工作方案", 'title: "另一方案\\uFFFF"')})
    assert main(["build", "-C", str(tmp_path), "-o", str(tmp_path / "out")]) == 1
    assert not (tmp_path / "out" / "feed.xml").exists()
    (tmp_path / "plans" / "b.yaml").unlink()
    assert main(["build", "-C", str(tmp_path), "-o", str(tmp_path / "out")]) == 0
    ET.fromstring((tmp_path / "out" / "feed.xml").read_bytes())
    ET.fromstring((tmp_path / "out" / "sitemap.xml").read_bytes())


def test_settings_and_registry_names_refuse_them_too(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    write(tmp_path, {"plangen.yaml": 'title: "站点\\uFFFE"\n', "plans/a.yaml": GOOD,
                     "registry.yaml": 'organisations:\n  - {name: "\\u200b\\u200b"}\n  - {name: "单位\\u202e甲"}\n'})
    code, problems = check(capsys, tmp_path)
    assert code == 1
    assert found(problems, "path", "line", "field") == [
        ("plangen.yaml", 1, "title"), ("registry.yaml", 2, "organisations[0].name"),
        ("registry.yaml", 3, "organisations[1].name")]


# 5. invisible and bidi text ----------------------------------------------------------------------

@pytest.mark.parametrize(("old", "new", "field", "code"), [
    ("title: 测试小学结对帮扶工作方案", 'title: "\\u200b\\u200c\\u2060"', "title", "invisible-text"),
    ("tags: [结对帮扶]", 'tags: [结对帮扶, "\\u200b"]', "tags[1]", "invisible-text"),
    ("{name: 张明,", '{name: "\\ufeff \\u200d",', "leadership.leaders[0].name", "invisible-text"),
    ("title: 测试小学结对帮扶工作方案", 'title: "测试\\u202e案方扶帮"', "title", "bidi-control"),
    ("issuer: 测试小学", 'issuer: "测试\\u2066小学\\u2069"', "issuer", "bidi-control"),
])
def test_invisible_or_reordered_text_is_an_error_naming_the_field(
        tmp_path: Path, capsys: pytest.CaptureFixture[str], old: str, new: str, field: str, code: str) -> None:
    assert old in GOOD
    write(tmp_path, {"plans/a.yaml": GOOD.replace(old, new)})
    status, problems = check(capsys, tmp_path)
    assert status == 1
    assert found(problems, "field", "code") == [(field, code)]


@pytest.mark.parametrize("name", ["\u200b\u200b.yaml", "gnp\u202e.yaml", "a\u2067b.md"])
def test_a_file_name_that_hides_what_it_is_is_an_error(tmp_path: Path, capsys: pytest.CaptureFixture[str], name: str) -> None:
    write(tmp_path, {"plans/a.yaml": GOOD, f"plans/{name}": GOOD.replace("测试小学结对", "其他")})
    code, problems = check(capsys, tmp_path)
    assert code == 1
    assert found(problems, "path", "code") == [(f"plans/{name}", "file-name")]


def test_bidi_controls_are_shown_escaped_in_terminal_messages(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    write(tmp_path, {"plans/a.yaml": GOOD.replace("title: 测试小学结对帮扶工作方案", 'title: "测试\\u202e案方"')})
    main(["check", "-C", str(tmp_path)])
    out = capsys.readouterr().out
    assert "\u202e" not in out and "bidi-control" not in out and "U+202E" in out


# 4. Markdown nesting -----------------------------------------------------------------------------

def _nested_quotes(depth: int) -> str:
    return "开头的话。\n\n" + ">" * depth + " 最深处的话。\n\n最后的话。\n"


def _nested_lists(depth: int) -> str:
    return "开头的话。\n\n" + "".join("  " * i + f"- 第{i + 1}层\n" for i in range(depth)) + "\n最后的话。\n"


@pytest.mark.parametrize(("body", "line"), [(_nested_quotes(25), 3), (_nested_quotes(20), 3), (_nested_lists(12), 12),
                                            (_nested_lists(10), 12)])
def test_markdown_nested_deeper_than_a_page_keeps_is_an_error_with_the_line(
        tmp_path: Path, capsys: pytest.CaptureFixture[str], body: str, line: int) -> None:
    front = GOOD.replace("guiding_thought: 以促进城乡教育均衡发展为目标。\n", "")
    write(tmp_path, {"plans/a.md": f"---\n{front}---\n\n## 指导思想\n\n{body}"})
    code, problems = check(capsys, tmp_path)
    assert code == 1
    assert found(problems, "field", "code") == [("guiding_thought", "too-deep")]
    assert f"line {line} of this text" in str(problems[0]["message"])


@pytest.mark.parametrize("body", [_nested_quotes(19), _nested_lists(9)])
def test_markdown_nested_as_deep_as_a_page_keeps_is_rendered_whole(
        tmp_path: Path, capsys: pytest.CaptureFixture[str], body: str) -> None:
    front = GOOD.replace("guiding_thought: 以促进城乡教育均衡发展为目标。\n", "")
    write(tmp_path, {"plangen.yaml": "search: false\nhistory: false\n", "plans/a.md": f"---\n{front}---\n\n## 指导思想\n\n{body}"})
    assert check(capsys, tmp_path) == (0, [])
    assert main(["build", "-C", str(tmp_path), "-o", str(tmp_path / "out")]) == 0
    page = (tmp_path / "out" / "plans" / "a.html").read_text("utf-8")
    assert "最后的话。" in page and ("最深处的话。" in page or "第9层" in page)


# 7. long lines -----------------------------------------------------------------------------------

def test_a_problem_on_a_3_mb_line_prints_a_few_hundred_characters(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    long = "a" * 3_000_000  # (under the 4 MiB file limit)
    write(tmp_path, {"plans/a.yaml": GOOD.replace("date: 2016-09-04", f"date: 2016-09-04{long}")})
    main(["check", "-C", str(tmp_path)])
    out = capsys.readouterr().out
    assert "plans/a.yaml:3:1:" in out and len(out) < 3000
    code, problems = check(capsys, tmp_path)
    assert code == 1 and len(json.dumps(problems)) < 3000


def test_the_shown_part_of_a_long_line_is_around_the_column(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    line = "title: " + "a" * 5000 + ": " + "b" * 5000  # ': ' inside a plain value: a syntax error at its column
    write(tmp_path, {"plans/a.yaml": GOOD.replace("title: 测试小学结对帮扶工作方案", line)})
    main(["check", "-C", str(tmp_path)])
    out = capsys.readouterr().out
    source, marker = [x for x in out.splitlines() if x.lstrip().startswith(("2 |", "|", "1 |"))][:2]
    assert len(source) < 400 and source.count("…") == 2
    at = marker.index("^")
    assert source[at - 2: at + 3] == "aa: b"


# 8. tags sharing a page --------------------------------------------------------------------------

def test_tags_that_become_the_same_page_are_warned_about_naming_both(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    write(tmp_path, {"plans/a.yaml": GOOD.replace("tags: [结对帮扶]", "tags: [a.b]"),
                     "plans/b.yaml": GOOD.replace("测试小学结对", "乙").replace("tags: [结对帮扶]", "tags: [a b, A B]")})
    code, problems = check(capsys, tmp_path)
    assert code == 0
    assert found(problems, "path", "line", "field", "code") == [
        ("plans/b.yaml", 5, "tags", "tag-collision"), ("plans/b.yaml", 5, "tags", "tag-collision")]
    assert "'a b'" in str(problems[0]["message"]) and "'a.b'" in str(problems[0]["message"])
    assert "'A B'" in str(problems[1]["message"]) and "'a.b'" in str(problems[1]["message"])
