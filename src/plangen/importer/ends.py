"""The two ends of a plan's lines: its title at the top, its signature and attachments at the bottom. Pure."""

from __future__ import annotations

import re
from typing import Any

from ..wording import Wording, msg
from .annex import attachments_at_end
from .cleaning import Line
from .hanzi import key
from .reading import PAGE_BREAK
from .splitting import ANNEX_LABEL, title_of
from .structure import closing_lines
from .wrapper import Unwrapped


def plan_title(body: list[Line], source: str, dropped: list[tuple[int, str, Wording]]) -> str:
    """The plan's title line among its first lines (…方案, …计划), else a short first line; removed from the body.
    A site's tag before the title (【通知】) and the lines above it are listed in `dropped` as left out."""
    return _titled_line(body, dropped) or _title_over_two_lines(body) or _short_first_line(body) or source


def _titled_line(body: list[Line], dropped: list[tuple[int, str, Wording]]) -> str:
    """A title (…方案) on one of the first three lines, or wrapped over two of them."""
    for i, line in enumerate(body[:3]):
        title = title_of(line.text)
        if title and i and _wrapped_title(body[i - 1].text.strip(), line.text.strip()):
            title, i = title_of(body[i - 1].text.strip() + line.text.strip()), i - 1
            del body[i + 1]
        if title:
            tag = line.text.strip().lstrip("#").strip()[: -len(title)].strip() if line.text.strip().endswith(title) else ""
            if tag:
                dropped.append((line.no, tag, msg("import.out-tag")))
            dropped.extend((ln.no, ln.text.strip(), msg("import.out-before-title"))
                                  for ln in body[:i])
            del body[:i + 1]
            return title
    return ""


def _title_over_two_lines(body: list[Line]) -> str:
    """A title broken after its first line, the second short (…帮扶 / 工作方案)."""
    if len(body) > 1 and len(body[1].text.strip()) <= 8:
        title = title_of(body[0].text.strip() + body[1].text.strip())
        if title:
            del body[:2]
            return title
    return ""


def _short_first_line(body: list[Line]) -> str:
    """A short first line that is no sentence, taken as the title."""
    first = body[0].text.strip().lstrip("#").strip() if body else ""
    if first and len(first) <= 60 and not re.search(r"[，,。；;]", first[:-1]):
        body.pop(0)
        return first.rstrip("。")
    return ""


def closing_and_attachments(lines: list[Line]) -> tuple[list[Line], list[Line], list[dict[str, str]]]:
    """The body, the signature's lines and the attachments: 附件 lines before the signature, or after it
    (…学校 / 2024年2月26日 / 附件：…安排表)."""
    lines, annexed = _annex_after_signature(lines)
    body, closing = closing_lines(lines)
    after: list[dict[str, str]] = []
    if not closing:
        trimmed, listed = attachments_at_end(lines)
        signed, found = closing_lines(trimmed)
        if found:
            body, closing, after = signed, found, listed
    body, before = attachments_at_end(body)
    return body + annexed, closing, before + after


def _annex_after_signature(lines: list[Line]) -> tuple[list[Line], list[Line]]:
    """The plan up to its signature, and an annex after it (附件 alone on the next page, its title, its table),
    which stays in the plan's text but not between the plan and its signature."""
    for i, line in enumerate(lines):
        if i and ANNEX_LABEL.match(key(line.text).lstrip("# ")):  # 附件, or ## 附件 (a bold paragraph)
            signed = [ln for ln in lines[:i] if ln.text.strip() != PAGE_BREAK]
            if closing_lines(signed)[1]:
                return signed, lines[i:]
    return lines, []


def _wrapped_title(before: str, line: str) -> bool:
    """A title cut by the page's width: a line of the column's width, no sentence in it, then the title's end
    (岳溪县职业中等专业学校2024年“送技下乡” / 农民技能培训帮扶实施方案)."""
    return len(before) >= 16 and len(before) >= len(line) and not re.search(r"[，,。；;！!？?：:]", before) \
        and bool(title_of(before + line))


def signed_ends(wrapped: Unwrapped, signed: dict[str, str], attached: list[dict[str, str]]) -> dict[str, Any]:
    """Number, issuer, date and attachments: the plan's own signature and list first, then its wrapper's."""
    out: dict[str, Any] = {"number": wrapped.number} if wrapped.number else {}
    out.update(signed)
    for name, value in wrapped.closing.items():
        out.setdefault(name, value)
    if attached or wrapped.attachments:
        out["attachments"] = attached or wrapped.attachments
    return out
