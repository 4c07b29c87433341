"""What a reader sees of the author's words: headings as written, the document number, table plans;
and what a placeholder never makes (organisation or person pages)."""

from __future__ import annotations

import json
from pathlib import Path

from conftest import parse_md
from sitecheck import build_files, write_files
from test_core_markdown_forms import TABLE_PLAN

from plangen import urls
from plangen.diff import diff_plans

PLAN = TABLE_PLAN.replace("issuer: 东山镇中心小学\n", "issuer: 东山镇中心小学\nnumber: 东教发〔2024〕3号\nstatus: active\n")
YAML_PLAN = """\
title: 模板方案
issuer: 西山小学
status: active
guiding_thought: 以人为本。
headings: {指导思想: 一、总体思路}
leadership:
  leaders: [{name: XXX, title: 校长, org: XXX学校}]
  members: [{name: 张明, title: 教师, org: 西山小学}]
steps: [{title: 启动, start: 2024-03-01}]
requirements: 要落实。
"""


def _site(tmp_path: Path) -> dict[str, bytes]:
    root = write_files(tmp_path / "p", {"plans/dongshan.md": PLAN, "plans/moban.yaml": YAML_PLAN})
    return build_files(root, tmp_path / "out", search=False)


def test_parts_show_the_authors_headings_and_no_invented_preamble_heading(tmp_path: Path) -> None:
    page = _site(tmp_path)[urls.plan("dongshan")].decode()
    for heading in ("一、总体要求", "二、组织领导", "三、实施步骤", "四、注意事项"):
        assert f">{heading}</h2>" in page
    assert ">前言</h2>" not in page and 'id="guiding_thought"' in page  # the canonical part stays the anchor
    # the table of contents names the parts as the author did, and lists no part the author did not head
    assert '<a href="#guiding_thought">一、总体要求</a>' in page and '<a href="#requirements">四、注意事项</a>' in page
    assert '<a href="#preamble">' not in page
    assert "常务副组长" in page and "顾问" in page


def test_the_document_number_is_under_the_title_and_in_the_api(tmp_path: Path) -> None:
    files = _site(tmp_path)
    page = files[urls.plan("dongshan")].decode()
    assert page.index("</h1>") < page.index("东教发〔2024〕3号") < page.index("plan-meta-panel")
    entries = {e["slug"]: e for e in json.loads(files["api/plans.json"])["plans"]}
    assert entries["dongshan"]["number"] == "东教发〔2024〕3号" and entries["moban"]["number"] == ""


def test_yaml_headings_are_shown_and_placeholders_make_no_pages(tmp_path: Path) -> None:
    files = _site(tmp_path)
    assert ">一、总体思路</h2>" in files[urls.plan("moban")].decode()
    assert not any("XXX" in p or "xxx" in p for p in files)
    assert urls.person("张明-西山小学") in files


def test_diff_reads_a_leadership_table_change_as_a_person_change() -> None:
    old, new = parse_md(TABLE_PLAN).plan, parse_md(TABLE_PLAN.replace("| 陆一鸣 | 滨江学院 | 院长 | 顾问 |\n", "")).plan
    assert old is not None and new is not None
    assert [(c.kind, c.label) for c in diff_plans(old, new)] == [("person-removed", "陆一鸣")]
