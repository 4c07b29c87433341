"""What follows a plan's body: its 附件 lines, and an annex after the signature listing the group.

`附件：1．…` and the numbered lines after it (or `附件：1．…；2．…` on one line) at the end of the plan
become attachments, one per item. An annex after the signature in the usual official layout

    松阳县教育局 / 2024年2月26日 / 附件 / 松阳县…领导小组成员名单 / 组　长：… / 副组长：…

gives its title as an attachment and its role lines as the group's people, when the plan's own
text names none. Pure.
"""

from __future__ import annotations

import re
from typing import Any, NamedTuple

from .. import plantables, steptable
from .cleaning import Line
from .hanzi import key
from .people import read_group
from .reading import PAGE_BREAK
from .structure import is_signature

_ANNEX = re.compile(r"^\s*附\s*件\s*\d{0,2}\s*[:：]?\s*(?P<title>.*)$")
_ROLE = re.compile(r"^\s*(?:常\s*务\s*副\s*组\s*长|副\s*组\s*长|组\s*长|成\s*员|组\s*员)\s*[:：]?")
_ROLES = ("leaders", "deputies", "members")


class Annex(NamedTuple):
    """An annex the plan refers to: its label (附件2), its title and its lines."""

    label: str
    title: str
    lines: list[str]


def group_annex(lines: list[Line]) -> tuple[list[Line], str, list[str]]:
    """(the plan's own lines, the annex's title, the annex's lines) when the plan ends with an annex after
    its signature that names the group's roles, or with an annex of its own after a bare `附件` line (a
    title, then text that is not a numbered list of attachments), or with an annex the text refers to that
    names the group (…领导小组（成员名单见附件1）); (lines, '', []) otherwise."""
    for i in range(len(lines) - 2, 0, -1):
        m = _ANNEX.match(key(lines[i].text))
        placed = m is not None and (is_signature(lines, i - 1) or _after_the_list(lines, i))
        if not m or not (placed or _referred_to(lines, i)):
            continue
        end = _next_annex(lines, i)  # 附件1 (the group), then 附件2: the later annex stays with the plan
        title, rest = _titled(lines[i].text[m.start("title"):].strip(), [ln.text for ln in lines[i + 1:end]])
        if _names_the_group(rest):
            return lines[:i] + lines[end:], title, rest
        if not placed:
            continue  # an annex the text refers to that is not the group: an earlier one may be
        if not m["title"].strip() and rest and not all(_ITEM_NO.match(key(t)) for t in rest):
            return lines[:i], title, rest + [ln.text for ln in lines[end:]]  # the later annexes with it
        break
    return lines, "", []


def steps_annex(lines: list[Line]) -> tuple[list[Line], Annex]:
    """(the plan's own lines, the annex) for an annex the text refers to (…具体时间和任务见附件2) that holds a
    steps table; (lines, an empty annex) otherwise."""
    for i in range(len(lines) - 1, 0, -1):
        if not _referred_to(lines, i):
            continue
        end = _next_annex(lines, i)
        title, rest = _titled("", [ln.text for ln in lines[i + 1:end]])
        if _table_of(rest, "steps") is not None:
            return lines[:i] + lines[end:], Annex(re.sub(r"\s", "", lines[i].text), title, rest)
    return lines, Annex("", "", [])


def take_steps_annex(data: dict[str, Any], annex: Annex, year: int | None) -> list[dict[str, str]]:
    """The annex's timetable as the plan's steps when the plan dates none of its own, its undated steps (…见附件2)
    kept as the steps' note; else the annex as a further section. The annex's title is listed among the
    attachments. Returns the sections to add."""
    if not annex.lines:
        return []
    _attach(data, annex.title)
    steps = [s for s in data.get("steps") or [] if isinstance(s, dict)]
    table = _table_of(annex.lines, "steps")
    if table is None or any(s.get("start") or s.get("end") for s in steps):
        return [{"title": annex.title or annex.label, "body": _paragraphs(annex.lines)}]
    data["steps"] = steptable.steps_of(table, year)
    body = _paragraphs(_step_texts(steps) + [t for t in annex.lines if not plantables.is_pipe_row(t)])
    return [{"title": "实施步骤说明", "body": body}] if body else []


def _step_texts(steps: list[dict[str, Any]]) -> list[str]:
    """The words of steps, title then body, as written."""
    return [t for s in steps for t in (s.get("title") or "", s.get("body") or "")]


def _paragraphs(lines: list[str]) -> str:
    return "\n\n".join(t for t in lines if t.strip())


def _table_of(lines: list[str], kind: str) -> plantables.Table | None:
    """The table of the given kind (steps, leadership) among the lines, if any."""
    table = plantables.pipe_table([t for t in lines if plantables.is_pipe_row(t)])
    return table if table is not None and plantables.kind_of(table) == kind else None


def _titled(title: str, rest: list[str]) -> tuple[str, list[str]]:
    """The annex's title: on its 附件 line, else its first line (a Word heading's ## left out)."""
    if not title and rest:
        return rest[0].strip().lstrip("#").strip(), rest[1:]
    return title, rest


def _after_the_list(lines: list[Line], i: int) -> bool:
    """附件1 on a page of its own after the plan's list of attachments (附件：1．… 2．…)."""
    before = [ln.text for ln in lines[:i] if ln.text.strip() and ln.text.strip() != PAGE_BREAK]
    return bool(before) and bool(_ATTACHMENT.match(key(before[-1])) or _ITEM_NO.match(key(before[-1]))) and \
        any(_ATTACHMENT.match(key(t)) for t in before[-6:])


def _referred_to(lines: list[Line], i: int) -> bool:
    """附件1 alone on its line, which the plan's text above refers to (…领导小组（成员名单见附件1）)."""
    label = re.fullmatch(r"\s*附\s*件\s*(\d{1,2})\s*", lines[i].text)
    return label is not None and any(f"附件{label[1]}" in key(ln.text) for ln in lines[:i])


def _next_annex(lines: list[Line], i: int) -> int:
    """Where the annex at i ends: at the next 附件N label on a line of its own, else at the end."""
    return next((j for j in range(i + 1, len(lines)) if re.fullmatch(r"\s*附\s*件\s*\d{1,2}\s*", lines[j].text)),
                len(lines))


def _names_the_group(rest: list[str]) -> bool:
    """The annex's lines are role lines (组　长：…), or a leadership table (| 职务 | 姓名 | … |)."""
    if _table_of(rest, "leadership") is not None:
        return True
    return any(_ROLE.match(key(t)) for t in rest) and all(len(t.strip()) <= 60 for t in rest)


def take_annex(data: dict[str, Any], title: str, lines: list[str], orgs: tuple[str, ...]) -> list[dict[str, str]]:
    """The annex's people into the plan's group when the plan names none (the annex's title listed among the
    attachments); else the annex as a further section. Returns the section to add, if any."""
    if not title and not lines:
        return []
    group = data.setdefault("leadership", {})
    section = [{"title": title or "附件", "body": _paragraphs(lines)}]
    if not _holds_group(lines):  # an annex of another kind: listed among the attachments, its text kept
        _attach(data, title)
        return section if section[0]["body"] else []
    if any(p.get("name") for r in _ROLES for p in group.get(r) or [] if isinstance(p, dict)):
        return section
    _merge(group, read_group(lines, "", orgs)[0])
    _attach(data, title)
    return []


def _attach(data: dict[str, Any], title: str) -> None:
    attachments = data.setdefault("attachments", [])
    if title and {"title": title} not in attachments:  # also named on the plan's 附件： line
        attachments.append({"title": title})


def _holds_group(lines: list[str]) -> bool:
    """Some of the annex's lines are role lines, or a leadership table."""
    return any(_ROLE.match(key(t)) for t in lines) or _table_of(lines, "leadership") is not None


def _merge(group: dict[str, Any], found: dict[str, Any]) -> None:
    """The annex's people, its office (what the plan says of it first) and its lines that name no role."""
    group.update({r: found[r] for r in _ROLES if found.get(r)})
    if found.get("office"):
        group["office"] = {**found["office"], **(group.get("office") or {})}
    if found.get("body") and any(found.get(r) for r in _ROLES):
        group["body"] = "\n\n".join(t for t in (group.get("body"), found["body"]) if t)


_ATTACHMENT = re.compile(r"^\s*附\s*件\s*(?:\d{1,2}|[一二三四五六七八九十])?\s*[:：]?\s*")
_ITEMS = re.compile(r"[；;]\s*(?=(?:\d{1,2}|[一二三四五六七八九十]{1,2})\s*[.．、])")
_ANNEX_ALONE = re.compile(r"^\s*附\s*件\s*\d{1,2}\s*$")
_ITEM_NO = re.compile(r"^\s*(?:\d{1,2}|[一二三四五六七八九十]{1,2})\s*[.．、]\s*")
_LEFT_OUT = re.compile(r"^[（(]?附件(?:从|已)?略[。.]?[)）]?$")  # （附件略）: a note that the annexes are not printed, no title


def attachments_at_end(body: list[Line]) -> tuple[list[Line], list[dict[str, str]]]:
    """附件 lines at the end of the plan (附件：1．…, 2．…), or before the annexes themselves (附件2 on a line of
    its own, then its text): (the body without them, the attachments)."""
    for start in range(max(0, len(body) - 12), len(body)):
        if not _listed(body[start].text) or not _ATTACHMENT.match(key(body[start].text)):
            continue
        end = start + 1
        while end < len(body) and _listed(body[end].text):
            end += 1
        if end == len(body) or _ANNEX_ALONE.match(key(body[end].text)):
            return body[:start] + body[end:], _titles(body[start:end])
    return body, []


def without_item_number(text: str) -> str:
    """An attachment's title without the number of its item (1．…): '1．某某登记表' -> '某某登记表'."""
    return _ITEM_NO.sub("", text.strip()).strip()


def _listed(text: str) -> bool:
    """A line of a list of attachments: 附件：…, 附件1：…, 2．…, or a title going on (no annex's label alone)."""
    return len(text.strip()) <= 60 and not _ANNEX_ALONE.match(key(text)) and not plantables.is_pipe_row(text) \
        and not text.lstrip().startswith("#") and text.strip() != PAGE_BREAK


def _titles(lines: list[Line]) -> list[dict[str, str]]:
    titles = []
    for ln in lines:
        text = ln.text.strip()
        label = _ATTACHMENT.match(text)
        for item in _ITEMS.split(text[label.end():] if label else text):  # 附件：1．…；2．…
            item = _ITEM_NO.sub("", item).strip().rstrip("。；;")
            if item and not _LEFT_OUT.match(item):
                titles.append({"title": item})
    return titles
