"""Drafts are not published unless `--drafts`: no page, listing, feed, calendar, JSON or search entry, no link."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from sitecheck import (
    REPO,
    built,
    example_parsed,
    example_site,
    is_external,
    read_tree,
    refs,
    resolve,
    site_files,
    write_files,
)

from plangen import urls
from plangen.build import BuildResult, summary
from plangen.model import Plan

DRAFT = "2022-shiling-zhucun"


@pytest.fixture(scope="module")
def example(tmp_path_factory: pytest.TempPathFactory) -> tuple[BuildResult, Path]:
    return example_site(tmp_path_factory)


@pytest.fixture(scope="module")
def published(example: tuple[BuildResult, Path]) -> dict[str, bytes]:
    return read_tree(example[1])


@pytest.fixture(scope="module")
def drafts_build(tmp_path_factory: pytest.TempPathFactory) -> BuildResult:
    return built(REPO, tmp_path_factory.mktemp("drafts") / "site", drafts=True, search=False)


@pytest.fixture(scope="module")
def with_drafts(drafts_build: BuildResult) -> dict[str, bytes]:
    assert drafts_build.output is not None
    return site_files(drafts_build.output)


@pytest.fixture(scope="module")
def draft(example: tuple[BuildResult, Path]) -> Plan:
    [plan] = [p for p in example[0].workspace.project.plans if p.status == "draft"]
    assert plan.slug == DRAFT
    return plan


def test_the_draft_has_no_page_calendar_or_source(published: dict[str, bytes]) -> None:
    for path in (urls.plan(DRAFT), urls.plan_ics(DRAFT), urls.source(DRAFT, "yaml")):
        assert path not in published


def test_the_draft_is_named_nowhere(published: dict[str, bytes], draft: Plan) -> None:
    """Not in any page, listing, feed, calendar, sitemap, JSON or search bundle."""
    for path, data in published.items():
        assert DRAFT.encode() not in data, path
        assert draft.title.encode() not in data, path


def test_pages_only_the_draft_needs_are_not_built(published: dict[str, bytes], with_drafts: dict[str, bytes],
                                                  tmp_path_factory: pytest.TempPathFactory) -> None:
    """Organisations, people and documents named only by the draft get no page and no link."""
    only_draft = set(with_drafts) - set(published)
    assert urls.plan(DRAFT) in only_draft
    assert any(p.startswith(("orgs/", "people/", "documents/")) for p in only_draft)
    site = example_parsed(tmp_path_factory)
    for page, tree in site.trees.items():
        for ref in refs(tree):
            if not is_external(ref.value):
                target = resolve(page, ref.value)
                assert target is None or target[0] not in only_draft, f"{page} links to {ref.value}"


def test_drafts_flag_publishes_the_draft_everywhere(with_drafts: dict[str, bytes], draft: Plan) -> None:
    page = with_drafts[urls.plan(DRAFT)].decode("utf-8")
    assert 'class="draft-banner"' in page
    assert draft.title.encode() in with_drafts[urls.HOME]
    assert DRAFT in {p["slug"] for p in json.loads(with_drafts[urls.API])["plans"]}
    assert draft.title.encode() in with_drafts[urls.FEED]
    assert DRAFT.encode() in with_drafts[urls.CALENDAR]
    assert urls.plan_ics(DRAFT) in with_drafts


def test_summary_says_how_many_drafts_were_left_out(example: tuple[BuildResult, Path]) -> None:
    result = example[0]
    assert result.drafts_skipped == 1
    assert "1 draft(s) left out" in summary(result)


def test_summary_says_nothing_of_drafts_when_they_are_published(drafts_build: BuildResult) -> None:
    assert drafts_build.drafts_skipped == 0
    assert "left out" not in summary(drafts_build)


def test_a_plan_link_to_a_draft_is_plain_text_and_warned(tmp_path: Path) -> None:
    plan = """\
        ---
        title: {title}
        issuer: 测试小学
        status: {status}
        ---
        # {title}

        ## 指导思想

        参见[草稿方案](plan:b-draft)。

        ## 领导小组

        组长：张明（测试小学校长）

        ## 实施步骤

        ### 启动阶段

        启动。

        ## 工作要求

        1. 提高认识。
        """
    root = write_files(tmp_path / "p", {"plans/a-live.md": plan.format(title="正式方案", status="active"),
                                         "plans/b-draft.md": plan.format(title="草稿方案甲", status="draft")})
    result = built(root, tmp_path / "out", search=False)
    assert any(p.code == "link-to-draft" for p in result.problems)
    files = read_tree(tmp_path / "out")
    assert b"b-draft" not in files[urls.plan("a-live")]
    assert "参见草稿方案。" in files[urls.plan("a-live")].decode("utf-8")
