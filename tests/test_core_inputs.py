"""Bad input that cannot be a fixture file: encodings, binary, sizes, symlinks, bombs, many files."""

from __future__ import annotations

import time
from pathlib import Path

import pytest

from plangen.cli import main
from plangen.config import load_config
from plangen.project import ReadOptions, load_project, load_sources
from plangen.sources import Source, decode

GOOD = """\
title: 测试小学结对帮扶工作方案
issuer: 测试小学
date: 2016-09-04
guiding_thought: 以促进城乡教育均衡发展为目标。
leadership:
  leaders: [{name: 张明, title: 校长, org: 测试小学}]
steps:
  - {title: 宣传动员阶段}
requirements:
  - 提高认识
"""


def load(root: Path, *names: str, **options: object) -> list[tuple[str, int, int, str, str, str]]:
    targets = [root / n for n in names] or [root / "plans"]
    project = load_project(targets, root, ReadOptions(**options))  # type: ignore[arg-type]
    return [(p.path, p.line, p.column, p.severity, p.field, p.message) for p in project.problems]


def codes(root: Path, **options: object) -> list[tuple[str, str]]:
    project = load_project([root / "plans"], root, ReadOptions(**options))  # type: ignore[arg-type]
    return [(p.path, p.code) for p in project.problems]


def test_good_plan_has_no_problems(project_dir) -> None:
    root = project_dir({"plans/good.yaml": GOOD})
    assert load(root) == []


def test_gb18030_file_is_recognised_and_readable_with_encoding(project_dir) -> None:
    root = project_dir({"plans/gb.yaml": GOOD.encode("gb18030")})
    project = load_project([root / "plans"], root, ReadOptions())
    (problem,) = project.problems
    assert problem.code == "encoding" and problem.path == "plans/gb.yaml"
    assert "GB18030" in problem.message and "not UTF-8" in problem.message
    assert "--encoding gb18030" in problem.hint and "iconv" in problem.hint
    assert (problem.line, problem.column) == (1, 8)  # the first byte that is not UTF-8
    readable = load_project([root / "plans"], root, ReadOptions(encoding="gb18030"))
    assert readable.problems == () and readable.plans[0].issuer == "测试小学"


def test_latin1_file_is_not_mistaken_for_gb18030() -> None:
    problem = decode("café, naïve, élève\n".encode("latin-1"), "a.yaml")
    assert not isinstance(problem, str)
    assert problem.message == "file is not valid UTF-8 text" and problem.hint == "save the file as UTF-8"


def test_unknown_or_wrong_encoding_is_a_problem() -> None:
    for name in ("no-such-codec", "ascii"):
        problem = decode("方案".encode(), "a.yaml", name)
        assert not isinstance(problem, str) and problem.code == "encoding"


def test_utf16_is_named_and_readable_with_encoding(project_dir) -> None:
    root = project_dir({"plans/u16.yaml": GOOD.encode("utf-16")})
    (problem,) = load_project([root / "plans"], root, ReadOptions()).problems
    assert problem.code == "encoding" and "UTF-16" in problem.message and "--encoding utf-16" in problem.hint
    assert load_project([root / "plans"], root, ReadOptions(encoding="utf-16")).problems == ()


def test_utf8_bom_is_accepted(project_dir) -> None:
    root = project_dir({"plans/bom.yaml": b"\xef\xbb\xbf" + GOOD.encode(),
                        "plans/bom.md": b"\xef\xbb\xbf---\nissuer: x\n---\n# t\n"})
    project = load_project([root / "plans" / "bom.yaml"], root, ReadOptions())
    assert project.problems == () and project.plans[0].title == "测试小学结对帮扶工作方案"


def test_empty_and_blank_files(project_dir) -> None:
    root = project_dir({"plans/empty.yaml": "", "plans/blank.md": "\n   \n"})
    assert load(root) == [("plans/blank.md", 1, 1, "error", "", "file is empty"),
                          ("plans/empty.yaml", 1, 1, "error", "", "file is empty")]


def test_binary_file(project_dir) -> None:
    root = project_dir({"plans/logo.md": bytes(range(256))})
    assert load(root) == [("plans/logo.md", 0, 0, "error", "", "binary file, not a text plan")]


def test_size_limit_default_and_from_config(project_dir) -> None:
    big = GOOD + "preamble: |\n" + "  帮扶。\n" * 3000
    root = project_dir({"plans/big.yaml": big, "plangen.yaml": "max_file_size: 10000\n"})
    assert load(root) == []
    config, problems = load_config(root)
    assert problems == [] and config.max_file_size == 10000
    (problem,) = load_project([root / "plans"], root, ReadOptions(size_limit=config.max_file_size)).problems
    assert problem.code == "too-large" and "over the limit of 10,000" in problem.message
    assert "max_file_size" in problem.hint


def test_cli_applies_max_file_size(project_dir, capsys) -> None:
    root = project_dir({"plans/big.yaml": GOOD + "preamble: " + "帮" * 5000 + "\n",
                        "plangen.yaml": "max_file_size: 2000\n"})
    assert main(["--lang", "en", "check", "-C", str(root)]) == 1
    assert "plans/big.yaml: error: file is" in capsys.readouterr().out


def test_billion_laughs_is_refused_quickly(project_dir) -> None:
    lines = ['a0: &a0 ["哈哈", "哈哈", "哈哈", "哈哈", "哈哈", "哈哈", "哈哈", "哈哈", "哈哈", "哈哈"]']
    lines += [f"a{i}: &a{i} [" + ", ".join([f"*a{i - 1}"] * 10) + "]" for i in range(1, 10)]
    root = project_dir({"plans/bomb.yaml": GOOD + "\n".join(lines) + "\n"})
    started = time.perf_counter()
    problems = codes(root)
    assert time.perf_counter() - started < 0.5  # ~0.05 s; measured with coverage on a busy machine: ~0.2 s
    assert problems == [("plans/bomb.yaml", "too-complex")]


def test_self_referencing_alias_is_refused(project_dir) -> None:
    root = project_dir({"plans/loop.yaml": GOOD + "tags: &t [*t]\n"})
    assert codes(root) == [("plans/loop.yaml", "too-complex")]


def test_python_object_tag_is_never_constructed(project_dir, tmp_path) -> None:
    marker = tmp_path / "pwned"
    text = GOOD.replace("issuer: 测试小学", f"issuer: !!python/object/apply:os.system ['touch {marker}']")
    root = project_dir({"plans/tag.yaml": text, "plans/tag2.md": "---\nissuer: !!python/name:os.system\n---\n"})
    problems = codes(root)
    assert ("plans/tag.yaml", "yaml-tag") in problems and ("plans/tag2.md", "yaml-tag") in problems
    assert not marker.exists()


def test_symlink_outside_plans_folder_is_refused(project_dir, tmp_path) -> None:
    root = project_dir({"plans/good.yaml": GOOD, "secret.yaml": GOOD.replace("测试", "机密")})
    (root / "plans" / "link.yaml").symlink_to(root / "secret.yaml")
    (root / "plans" / "inside.yaml").symlink_to(root / "plans" / "good.yaml")
    problems = load_project([root / "plans"], root, ReadOptions()).problems
    refused = [p for p in problems if p.code == "symlink-outside"]
    assert [p.path for p in refused] == ["plans/link.yaml"]
    assert "outside the plans folder" in refused[0].message
    assert all(p.code == "duplicate-slug" for p in problems if p not in refused)  # inside link: a second copy


def test_a_link_deep_in_the_plans_folder_is_refused_when_it_leads_outside(project_dir) -> None:
    root = project_dir({"plans/a/b/good.yaml": GOOD, "secret.yaml": GOOD.replace("测试", "机密")})
    (root / "plans" / "a" / "b" / "deep.yaml").symlink_to("../../../secret.yaml")
    (root / "plans" / "a" / "near.yaml").symlink_to("b/good.yaml")
    problems = load_project([root / "plans"], root, ReadOptions()).problems
    assert [p.path for p in problems if p.code == "symlink-outside"] == ["plans/a/b/deep.yaml"]


def test_linked_folder_leading_outside_is_refused(project_dir) -> None:
    root = project_dir({"plans/good.yaml": GOOD, "elsewhere/secret.yaml": GOOD})
    (root / "plans" / "more").symlink_to(root / "elsewhere", target_is_directory=True)
    (root / "plans" / "again").symlink_to(root / "plans", target_is_directory=True)  # inside: not entered
    project = load_project([root / "plans"], root, ReadOptions())
    assert [(p.path, p.code) for p in project.problems] == [("plans/more", "symlink-outside")]
    assert [p.slug for p in project.plans] == ["good"]


def test_plans_folder_that_does_not_exist(project_dir, capsys) -> None:
    root = project_dir({"plangen.yaml": "plans: 方案\n"})
    assert load(root, "方案") == [("方案", 0, 0, "error", "", "plans folder '方案' does not exist")]
    assert main(["--lang", "en", "check", "-C", str(root)]) == 1
    out = capsys.readouterr().out
    assert "方案: error: plans folder '方案' does not exist" in out and "plans:" in out


def test_one_bad_file_never_stops_the_others(project_dir) -> None:
    root = project_dir({
        "plans/a-good.yaml": GOOD,
        "plans/b-syntax.yaml": "title: [\n",
        "plans/c-binary.md": b"\x00\x01",
        "plans/d-two.yaml": GOOD.replace("issuer: 测试小学\n", "").replace("guiding_thought", "guiding"),
        "plans/e-good.md": "---\nissuer: 测试小学\n---\n# 方案\n## 指导思想\n文字\n## 领导小组\n组长：张明\n"
                           "## 实施步骤\n1. 启动\n## 工作要求\n- 认真\n",
    })
    project = load_project([root / "plans"], root, ReadOptions())
    assert sorted(p.slug for p in project.plans) == ["a-good", "e-good"]
    by_file = {p.path: p.code for p in project.problems}
    assert set(by_file) == {"plans/b-syntax.yaml", "plans/c-binary.md", "plans/d-two.yaml"}
    assert sorted(p.field for p in project.problems if p.path == "plans/d-two.yaml") == [
        "guiding", "guiding_thought", "issuer"]
    assert project.files == 5


def test_duplicate_slugs_name_both_files(project_dir) -> None:
    root = project_dir({"plans/2016/pairing.yaml": GOOD, "plans/2017/pairing.md": "---\nslug: x\n---\n",
                        "plans/other.yaml": GOOD + "slug: pairing\n"})
    project = load_project([root / "plans"], root, ReadOptions())
    dup = sorted((p.path, p.line, p.message) for p in project.problems if p.code == "duplicate-slug")
    assert dup == [
        ("plans/2016/pairing.yaml", 1, "slug 'pairing' is also used by plans/other.yaml"),
        ("plans/other.yaml", 11, "slug 'pairing' is also used by plans/2016/pairing.yaml"),
    ]


def test_duplicate_slugs_are_found_even_in_plans_with_errors() -> None:
    project = load_sources([Source("a/x.yaml", "title: 一\n", "yaml"), Source("b/x.md", "# 二\n", "markdown")])
    assert sorted(p.path for p in project.problems if p.code == "duplicate-slug") == ["a/x.yaml", "b/x.md"]


def test_file_name_that_cannot_be_a_slug(project_dir) -> None:
    root = project_dir({"plans/plan#1.yaml": GOOD, "plans/my plan.yaml": GOOD})
    assert [p.slug for p in load_project([root / "plans" / "my plan.yaml"], root, ReadOptions()).plans] == ["my-plan"]
    assert [p.code for p in load_project([root / "plans"], root, ReadOptions()).problems] == ["bad-slug"]


def test_hidden_and_editor_files_are_skipped(project_dir) -> None:
    root = project_dir({"plans/good.yaml": GOOD, "plans/.hidden.yaml": "x", "plans/#a.md#": "x",
                        "plans/b.yaml~": "x", "plans/.git/c.yaml": "x", "plans/notes.txt": "x"})
    assert load_project([root / "plans"], root, ReadOptions()).files == 1


def test_a_named_file_that_is_not_a_plan(project_dir) -> None:
    root = project_dir({"notes.txt": "x"})
    assert [p.code for p in load_project([root / "notes.txt"], root, ReadOptions()).problems] == ["not-a-plan"]


def test_unreadable_file(project_dir) -> None:
    root = project_dir({})
    (root / "plans").mkdir()
    (root / "plans" / "dangling.yaml").symlink_to(root / "plans" / "gone.yaml")
    (problem,) = load_project([root / "plans"], root, ReadOptions()).problems
    assert problem.code == "unreadable" and problem.path == "plans/dangling.yaml"


def test_yaml_11_words_stay_text_and_dates_are_parsed_by_plangen(project_dir) -> None:
    text = GOOD.replace("date: 2016-09-04", "date: 2016-09-04\ncategory: no\ntags: [on, off, yes, No, 2016]\n"
                        "period: {start: 2016年9月1日, end: 2017.7.15}")
    root = project_dir({"plans/p.yaml": text})
    project = load_project([root / "plans"], root, ReadOptions())
    assert project.problems == ()
    plan = project.plans[0]
    assert plan.category == "no" and plan.tags == ("on", "off", "yes", "No", "2016")
    assert str(plan.date) == "2016-09-04" and str(plan.period.start) == "2016-09-01"
    assert str(plan.period.end) == "2017-07-15"


def test_null_words_are_empty_values(project_dir) -> None:
    root = project_dir({"plans/p.yaml": GOOD + "category: ~\nslug: null\n"})
    fields = [(p.field, p.message) for p in load_project([root / "plans"], root, ReadOptions()).problems]
    assert fields == [("category", "is empty"), ("slug", "is empty")]


def test_absurd_nesting_is_refused_without_crashing(project_dir) -> None:
    """libyaml's composer recurses in C: 300,000 brackets would crash the process."""
    deep = "[" * 300_000 + "]" * 300_000
    root = project_dir({"plans/deep.yaml": GOOD + f"tags: {deep}\n", "plans/deep2.md": f"---\na: {deep}\n---\n"})
    started = time.perf_counter()
    project = load_project([root / "plans"], root, ReadOptions(size_limit=10_000_000))
    assert time.perf_counter() - started < 2
    assert [(p.path, p.line, p.column, p.code) for p in project.problems] == [
        ("plans/deep.yaml", 11, 46, "too-complex"), ("plans/deep2.md", 2, 43, "too-complex")]
    assert "nested more than 40 levels" in project.problems[0].message


def test_absurd_nesting_is_refused_the_same_way_without_libyaml(tmp_path: Path) -> None:
    """PyYAML installed without libyaml (no CSafeLoader) gives plangen's own problem at the same place."""
    import json
    import subprocess
    import sys

    deep = "[" * 300_000 + "]" * 300_000
    (tmp_path / "plans").mkdir()
    (tmp_path / "plans" / "deep.yaml").write_text(GOOD + f"tags: {deep}\n", encoding="utf-8")
    script = (
        "import json, sys, yaml\n"
        "del yaml.CSafeLoader\n"
        "from pathlib import Path\n"
        "from plangen.project import ReadOptions, load_project\n"
        "root = Path(sys.argv[1])\n"
        "project = load_project([root / 'plans'], root, ReadOptions(size_limit=10_000_000))\n"
        "print(json.dumps([(p.path, p.line, p.column, p.code, p.message) for p in project.problems]))\n")
    out = subprocess.run([sys.executable, "-c", script, str(tmp_path)], capture_output=True, text=True, check=True)
    problems = json.loads(out.stdout)
    assert [tuple(p[:4]) for p in problems] == [("plans/deep.yaml", 11, 46, "too-complex")]
    assert "nested more than 40 levels" in problems[0][4]


def test_long_hostile_lines_are_read_in_linear_time() -> None:
    """Regular expressions that backtrack would take minutes on these (measured before the fix)."""
    from plangen import cntext
    from plangen.markdown_plan import load_markdown

    n = 50_000
    text = ("## 指导思想" + " " * n + "x\n## 领导小组 " + " #" * n + "\n组长：" + "张" * n + "\n"
            "## 工作要求\n- " + "x" * n + "\n")
    started = time.perf_counter()
    result = load_markdown(text, "a.md")
    cntext.find_placeholder("x" * n)
    cntext.parse_people("李" * n + "（校长）")
    assert time.perf_counter() - started < 1
    assert set(result.data) == {"guiding_thought", "leadership", "requirements", "headings"}


@pytest.mark.parametrize(("leadership", "expected"), [
    ("leadership: {}", [("leadership", "empty-part")]),
    ("leadership:", [("leadership", "empty-part")]),
    ("leadership: []", [("leadership", "schema-type")]),
    ("leadership: {leaders: ['']}", [("leadership", "empty-part")]),
    ("leadership: {name: 小组}", [("leadership.leaders", "required")]),
    ("leadership: {name: 小组, leaders: []}", [("leadership.leaders", "no-leader")]),
])
def test_an_empty_part_is_reported_once(leadership: str, expected: list[tuple[str, str]]) -> None:
    from conftest import parse_yaml

    text = GOOD.replace("leadership:\n  leaders: [{name: 张明, title: 校长, org: 测试小学}]", leadership)
    assert [(p.field, p.code) for p in parse_yaml(text).problems] == expected
