"""What a page prints is published as it is: every text is checked where it is read.

Plans, the registry and settings refuse the characters web pages and feeds cannot hold (codepoints.py);
a template holding one is a template error at its file and line; old revisions go through the same
checks; what git says of a commit (its message and author) is the one text not checked on reading,
and is cleaned where it is read. So the renderer needs no pass over every printed value.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from git_helpers import PLAN, commit, new_repo
from sitecheck import build_site, copy_fixture, problems_text, read_tree

FORBIDDEN = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ufdd0-\ufdef\ufffe\uffff]")


@pytest.mark.parametrize("character", ["\x01", "\x7f", "\ufdd1"])
def test_a_user_template_with_a_forbidden_character_is_refused_at_its_line(tmp_path: Path, character: str) -> None:
    project = copy_fixture("small", tmp_path / "project")
    (project / "templates").mkdir(exist_ok=True)
    (project / "templates/_card.html").write_text(f"<li>\n{{{{ plan.title }}}}{character}</li>\n", "utf-8")
    out = tmp_path / "out"
    result = build_site(project, out, search=False)
    assert not result.ok
    [problem] = [p for p in result.problems if p.code == "template-error"]
    assert problem.path.endswith("_card.html") and problem.line == 2, problems_text(result)
    assert f"U+{ord(character):04X}" in problem.message and "Wording" not in problem.message
    assert "网页不能包含这个字符" in problem.message
    assert not out.exists()


def test_a_plan_with_an_escaped_control_character_is_refused(tmp_path: Path) -> None:
    project = copy_fixture("small", tmp_path / "project")
    plan = next(p for p in sorted((project / "plans").iterdir()) if p.suffix == ".yaml")
    text = plan.read_text("utf-8")
    title = re.search(r"^title: .*$", text, re.MULTILINE)
    assert title is not None
    plan.write_text(text.replace(title[0], 'title: "控制\\x01字符"'), "utf-8")
    result = build_site(project, tmp_path / "out", search=False)
    assert not result.ok
    assert [p for p in result.problems if p.code == "forbidden-character" and p.field == "title"], problems_text(result)


def test_history_pages_hold_no_forbidden_character_from_git(tmp_path: Path) -> None:
    repo = new_repo(tmp_path / "repo", {"plangen.yaml": "title: 站点\n", "plans/a.yaml": PLAN}, "初稿\x01")
    commit(repo, {"plans/a.yaml": PLAN.replace("促进", "推进")}, "改\x1b[31m一个字\x7f")
    out = tmp_path / "out"
    result = build_site(repo, out, search=False)
    assert result.ok, problems_text(result)
    pages = {path: data.decode("utf-8") for path, data in read_tree(out).items() if path.startswith("history/")}
    assert pages, sorted(read_tree(out))
    for path, html in pages.items():
        assert not FORBIDDEN.search(html), path
    assert any("改[31m一个字" in html for html in pages.values())
