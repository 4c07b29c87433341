"""Character-level text diffs: Chinese by character, Latin by word, a little context."""

from __future__ import annotations

from plangen.diff.model import Span
from plangen.diff.text import hunks, similarity, tokens


def changed(old: str, new: str) -> list[tuple[str, str]]:
    return [(s.op, s.text) for h in hunks(old, new) for s in h.spans if s.op != "same"]


def test_tokens_cjk_per_character_latin_per_word() -> None:
    assert tokens("帮扶plan 2016年") == ["帮", "扶", "plan", " ", "2016", "年"]


def test_one_chinese_character_shows_exactly_that_character() -> None:
    old = "以科学发展观为指导，促进城乡教育均衡发展，提高农村学校教育教学质量。"
    new = old.replace("促进", "推进")
    assert changed(old, new) == [("old", "促"), ("new", "推")]
    (hunk,) = hunks(old, new)
    assert hunk.spans[0] == Span("same", "…学发展观为指导，")
    assert hunk.spans[-1] == Span("same", "进城乡教育均衡发…")


def test_latin_text_changes_by_word() -> None:
    assert changed("the quick brown fox", "the quick red fox") == [("old", "brown"), ("new", "red")]


def test_distant_changes_are_separate_hunks_and_paragraphs_are_not_repeated() -> None:
    old = "第一段文字保持不变。\n" + "中" * 50 + "甲" + "中" * 50 + "\n结尾。"
    new = old.replace("甲", "乙").replace("结尾", "结束")
    found = hunks(old, new)
    assert len(found) == 2
    assert all(len("".join(s.text for s in h.spans)) < 25 for h in found)


def test_no_change_no_hunk_and_similarity() -> None:
    assert hunks("同", "同") == ()
    assert similarity("abc", "abc") == 1.0
    assert similarity("", "abc") == 0.0
    assert 0.5 < similarity("工作方案一", "工作方案二") < 1.0
