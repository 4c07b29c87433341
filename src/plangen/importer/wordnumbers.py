"""The numbers Word draws before numbered paragraphs (一、 （一） 1.), which are not in their text.

Read from the document's numbering definitions (numbering.xml): each paragraph's numbering (its
own, or its style's), the format of its level (chineseCounting -> 一, decimal -> 1, circled -> ①)
and the level text (`%1、`, `（%1）`). Counters live in one `Counters` per document read.
"""

from __future__ import annotations

from typing import Any

_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_CN = "零一二三四五六七八九"

Level = tuple[str, str, int]  # (format, level text, start)


def chinese(n: int) -> str:
    """1 -> 一, 10 -> 十, 12 -> 十二, 21 -> 二十一 (up to 99)."""
    if n < 10:
        return _CN[n]
    tens, ones = divmod(n, 10)
    return ("" if tens == 1 else _CN[tens]) + "十" + (_CN[ones] if ones else "")


def formatted(fmt: str, n: int) -> str:
    if fmt.startswith(("chinese", "ideograph", "japanese", "taiwanese")):
        return chinese(n)
    if fmt == "decimalEnclosedCircle" or fmt == "decimalEnclosedCircleChinese":
        return chr(ord("①") + n - 1) if 1 <= n <= 20 else str(n)
    if fmt in ("upperLetter", "lowerLetter"):
        letter = chr(ord("A") + (n - 1) % 26)
        return letter if fmt == "upperLetter" else letter.lower()
    if fmt in ("bullet", "none"):
        return ""
    return str(n)


class Counters:
    """The numbering of one document: definitions read once, counters advanced paragraph by paragraph."""

    def __init__(self, document: Any) -> None:
        self.levels: dict[str, dict[int, Level]] = {}
        self.counts: dict[str, dict[int, int]] = {}
        try:
            root = document.part.numbering_part.element
        except (NotImplementedError, KeyError, AttributeError):
            return
        abstract = {a.get(_W + "abstractNumId"): _levels(a) for a in root.iter(_W + "abstractNum")}
        for num in root.iter(_W + "num"):
            ref = num.find(_W + "abstractNumId")
            if ref is not None and ref.get(_W + "val") in abstract:
                self.levels[num.get(_W + "numId") or ""] = abstract[ref.get(_W + "val")]

    def label(self, paragraph: Any, style: Any) -> str:
        """The number Word shows before this paragraph ('一、', '（二）', '3.'), advancing the count; '' if none.
        `style`: the paragraph's style, whose numbering serves when the paragraph has none of its own."""
        found = _num_pr(paragraph, style)
        if found is None or found[0] not in self.levels:
            return ""
        num_id, ilvl = found
        levels = self.levels[num_id]
        if ilvl not in levels:
            return ""
        counts = self.counts.setdefault(num_id, {})
        counts[ilvl] = counts.get(ilvl, levels[ilvl][2] - 1) + 1
        for deeper in [d for d in counts if d > ilvl]:
            del counts[deeper]
        fmt, text, _ = levels[ilvl]
        if fmt in ("bullet", "none"):
            return ""
        for level, (lfmt, _, start) in levels.items():
            text = text.replace(f"%{level + 1}", formatted(lfmt, counts.get(level, start)))
        return text


def _levels(abstract: Any) -> dict[int, Level]:
    out: dict[int, Level] = {}
    for lvl in abstract.iter(_W + "lvl"):
        fmt, text, start = lvl.find(_W + "numFmt"), lvl.find(_W + "lvlText"), lvl.find(_W + "start")
        out[int(lvl.get(_W + "ilvl") or 0)] = (
            fmt.get(_W + "val") if fmt is not None else "decimal",
            text.get(_W + "val") if text is not None else "",
            int(start.get(_W + "val") or 1) if start is not None else 1,
        )
    return out


def _num_pr(paragraph: Any, style: Any) -> tuple[str, int] | None:
    """(numId, level) of the paragraph's own numbering, else of its style's."""
    for holder in (paragraph._p, style.element if style is not None else None):
        if holder is None:
            continue
        ppr = holder.find(_W + "pPr")
        num = ppr.find(_W + "numPr") if ppr is not None else None
        if num is None:
            continue
        num_id, ilvl = num.find(_W + "numId"), num.find(_W + "ilvl")
        if num_id is not None and num_id.get(_W + "val") not in (None, "0"):
            return num_id.get(_W + "val") or "", int(ilvl.get(_W + "val") or 0) if ilvl is not None else 0
    return None
