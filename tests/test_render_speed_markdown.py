"""Plain paragraphs with `**strong**` skip markdown-it, with exactly the parser's output."""

from __future__ import annotations

import random

import pytest

from plangen import markdown


def _parsed(text: str) -> str:
    md = markdown._parser()
    return str(md.renderer.render(md.parse(text), md.options, {}))


@pytest.mark.parametrize("text", [
    "填写**活动记录表**。",
    "**加强领导**，明确责任。",
    "第一行**跨\n行**结束",
    "一**二**三**四**五",
    "段落一**甲**\n\n段落二**乙**。",
    "（**括号**）",
])
def test_strong_in_plain_paragraphs_takes_the_fast_path(text: str) -> None:
    fast = markdown._plain_paragraphs(text)
    assert fast is not None and "<strong>" in fast
    assert fast == _parsed(text)


@pytest.mark.parametrize("text", [
    "a ** b",            # a run that neither opens nor closes stays text
    "**未闭合",           # never closed
    "甲**乙 **丙** 丁**",  # nested
    "甲****乙",           # runs side by side
    "甲***乙***",         # three stars
    "** 加强",            # starts with a space after the run
    "甲**乙**  ",         # trailing spaces (a hard break on a following line)
])
def test_anything_else_is_left_to_the_parser(text: str) -> None:
    assert markdown._plain_paragraphs(text) is None
    assert markdown.render(text) == _parsed(text)


def test_fast_path_equals_the_parser_on_random_text() -> None:
    units = ["**", "**", "中文", "表", "。", "，", "（", "）", "《", "》", "a", "1", " ", "\n", "\n\n", "￥", "“", "”",
             "\u3000", "\u00a0", "！", "、", "*", "_", "+", "-", ".", "#"]
    rng = random.Random(20261128)
    fast = 0
    for _ in range(20000):
        text = "".join(rng.choice(units) for _ in range(rng.randint(1, 12)))
        if text.strip() and markdown._plain_paragraphs(text) is not None:
            fast += 1
            assert markdown.render(text) == _parsed(text), repr(text)
    assert fast > 1000
