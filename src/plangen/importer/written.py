"""How a person's name and title are written in a role line, rewritten to the one form the reader takes:
'封建军 北坡镇副镇长', '县委常委、副县长 乔宇', '罗建国，县农业农村局局长；', '王海燕同志（…校长）' -> 'name（title）'.

Each rewrite is made on the text and on its simplified key alike, so the two stay aligned. Pure.
"""

from __future__ import annotations

import re

from .. import cntext

TITLE_END = ("长", "记", "任", "员", "师", "理", "委", "席", "官")

_SPACED = re.compile(r"(?<![^\s：:；;，,、])(?P<name>[\u4e00-\u9fff]{2,4})[ \u3000]+"
                     r"(?P<title>[^\s；;，,、（()）]{1,24}?(?:长|书记|主任|员|师|主席|专干|干事))(?=\s*(?:[；;，,、]|$))")


TITLE_FIRST = re.compile(r"(?<![^\s：:；;，,、])(?P<title>[^\s；;，,（()）：:]{2,30}?(?:长|书记|主任|员|师|常委|主席|专干|干事))[ \u3000]+"
                         r"(?P<name>[\u4e00-\u9fff]{2,4})(?=\s*(?:[；;，,、]|$)|[ \u3000]+\S)")


_NAME_COMMA = re.compile(r"(?<![^\s：:；;])(?P<name>[\u4e00-\u9fff]{2,4})[，,]\s*"
                         r"(?P<title>[^\s；;，,、（()）：:]{2,30}?(?:长|书记|主任|员|师|主席))(?=\s*(?:[；;。.]|$))")


def _titles_start(titles: str) -> int:
    """Where the titles of one person start in 'A、B、县委副书记、县长': after the last piece that is no title
    (县财政局、县供销社、镇民政办主任 names two organisations, then a title)."""
    pieces = titles.split("、")
    start = len(pieces) - 1
    while start > 0 and pieces[start - 1].endswith(cntext.TITLES + TITLE_END):
        start -= 1
    return sum(len(p) + 1 for p in pieces[:start])


def bracket_spaced(text: str, k: str) -> tuple[str, str]:
    """'封建军 北坡镇副镇长', '罗建国，县农业农村局局长；' and '县委常委、副县长 乔宇' -> 'name（title）', in the
    text and its key alike."""
    for m in sorted([*_SPACED.finditer(k), *_NAME_COMMA.finditer(k)], key=lambda m: m.start(), reverse=True):
        a, b, c = m.end("name"), m.start("title"), m.end("title")
        text = text[:a] + "（" + text[b:c] + "）" + text[c:]
        k = k[:a] + "（" + k[b:c] + "）" + k[c:]
    for m in reversed(list(TITLE_FIRST.finditer(k))):
        t, n = (m.start("title") + _titles_start(m["title"]), m.end("title")), (m.start("name"), m.end("name"))
        text = text[:t[0]] + text[n[0]:n[1]] + "（" + text[t[0]:t[1]] + "）" + text[n[1]:]
        k = k[:t[0]] + k[n[0]:n[1]] + "（" + k[t[0]:t[1]] + "）" + k[n[1]:]
    return text, k


def no_tongzhi(text: str, k: str) -> tuple[str, str]:
    """'王海燕同志（…校长）' -> '王海燕（…校长）', in the text and its key alike."""
    for m in reversed(list(re.finditer(r"同志(?=\s*[（(])", k))):
        text, k = text[:m.start()] + text[m.end():], k[:m.start()] + k[m.end():]
    return text, k
