"""A Markdown plan -> the same plain data as a YAML plan, with marks.

Front matter (YAML between `---` lines) holds metadata; each `##` heading of the body is
recognised by the vocabulary's synonym table (with or without numbering) and becomes a part.
Unrecognised headings become further sections, so nothing is dropped.
"""

from __future__ import annotations

import re
from typing import Any

from . import cntext, plantables, steptable
from .dates import DateIssue, FoundRange, PlanDate, find_range, parse_date, plan_year
from .documents import FieldPath, Marks, YamlResult, load_yaml
from .markdown_blocks import LIST, Section, heading, is_sub_heading_list, paragraphs, split_sections
from .markdown_blocks import items as block_items
from .problems import Problem, error
from .vocabulary import ITEM_PARTS, TOP_ALIASES, TOP_LABELS, recognise_heading, strip_numbering
from .wording import msg

Line = tuple[int, str]  # (1-based line number, text)
Items = list[tuple[Line, list[Line]]]  # (head line, following lines), as `_items` splits a part

_OWNER = re.compile(r"^\s*(?:[-*+]\s*)?(?:\*\*)?(?:负责人|负责单位|责任单位|责任人|牵头单位|负责)(?:\*\*)?\s*[:：]\s*(.+?)\s*$")
_BOLD_TITLE = re.compile(r"^\*\*(.+?)\*\*(?:\s*[。.:：]\s*|\s*$)")  # a title only when punctuation (or nothing) follows
_TITLE_SPLIT = re.compile(r"[。：:]")
_FRONT_ONLY = ("period", "basis", "attachments")




def load_markdown(text: str, path: str) -> YamlResult:
    """Parse a Markdown plan into plain data (same shape as YAML), marks and problems."""
    lines = text.splitlines()
    front, body_start, problem = _front_matter(lines, path)
    if problem:
        return YamlResult(None, {}, [problem])
    if front.problems and front.data is None:
        return front  # broken front matter: reading the body would only add misleading errors
    result = front
    if result.data is None:
        result.data = {}
    if not isinstance(result.data, dict):
        line, col = result.marks.get((), (2, 1))
        result.problems.append(error(path, line, col, "", msg("md.front-matter-mapping"), code="front-matter"))
        return YamlResult(None, result.marks, result.problems)
    _Body(path, result).read([(i + 1, lines[i]) for i in range(body_start, len(lines))])
    return result


def _front_matter(lines: list[str], path: str) -> tuple[YamlResult, int, Problem | None]:
    if not lines or lines[0].strip() != "---":
        return YamlResult({}), 0, None
    for j in range(1, len(lines)):
        if lines[j].strip() in ("---", "..."):
            return load_yaml("\n".join(lines[1:j]), path, line_offset=1), j + 1, None
    return YamlResult(None), 0, error(path, 1, 1, "", msg("md.front-matter-unclosed"), code="front-matter")


class _Body:
    def __init__(self, path: str, result: YamlResult) -> None:
        self.path = path
        self.data: dict[str, Any] = result.data
        self.marks: Marks = result.marks
        self.problems: list[Problem] = result.problems
        self.year = self._plan_year()

    def _plan_year(self) -> int | None:
        period = self.data.get("period") or self.data.get("实施时间")
        start = period.get("start") if isinstance(period, dict) else None
        found = [parse_date(v) for v in (start, self.data.get("date")) if isinstance(v, str)]
        return plan_year(*found)

    def read(self, lines: list[Line]) -> None:
        intro, sections = split_sections(lines)
        intro = self._take_title(intro)
        if _text(intro):
            self.put("preamble", _text(intro), _first_line(intro))
        for section in sections:
            self.section(section)

    def _take_title(self, intro: list[Line]) -> list[Line]:
        for k, (n, raw) in enumerate(intro):
            h = heading(raw)
            if h and h[0] == 1:
                if not _has(self.data, "title"):
                    self.data["title"] = h[1]
                    self.marks[("title",)] = (n, 3)
                return intro[:k] + intro[k + 1:]
        return intro

    def put(self, key: str, value: Any, line: int, col: int = 1) -> None:
        if _has(self.data, key):
            first = self.marks.get((key,), (0, 0))[0]
            self.problems.append(error(self.path, line, col, key, msg("md.part-twice", line=first), code="duplicate-part"))
            return
        self.data[key] = value
        self.marks[(key,)] = (line, col)

    def section(self, s: Section) -> None:
        key = recognise_heading(s.heading)
        if key is not None and not _has(self.data, key):
            self._heading(key, s.heading)
        if key in ITEM_PARTS:
            items = block_items(s.lines)
            self.put(key, _item_part(s.lines, items), s.line)
            self._mark_items((key,), items)
        elif key == "leadership":
            self.put(key, self._leadership(s), s.line)
        elif key == "steps":
            self.put(key, self._steps(s), s.line)
        elif key == "period":
            self.put(key, self._period(s), s.line)
        elif key == "basis":
            docs = cntext.find_documents(_text(s.lines))
            self.put(key, [{k: v for k, v in (("title", t), ("number", n)) if v} for t, n in docs], s.line)
        elif key == "attachments":
            self.put(key, _attachments(s.lines), s.line)
        else:
            self._extra_section(s)

    def _heading(self, key: str, written: str) -> None:
        """The heading as the author wrote it (一、总体要求), unless the front matter gives one."""
        written = written.strip().rstrip("：:")
        if written == TOP_LABELS.get(key):
            return  # the label itself: nothing to record, the site shows the label
        headings = self.data.setdefault("headings", {})
        if isinstance(headings, dict) and key not in headings:
            headings[key] = written

    def _extra_section(self, s: Section) -> None:
        sections = self.data.setdefault("sections", [])
        if not isinstance(sections, list):
            return
        entry: dict[str, Any] = {"title": strip_numbering(s.heading) or s.heading}
        if entry["title"] != s.heading.strip():
            entry["heading"] = s.heading.strip()
        if _text(s.lines):
            entry["body"] = _text(s.lines)
        self.marks[("sections", len(sections))] = (s.line, 1)
        sections.append(entry)

    def _mark_items(self, at: FieldPath, items: Items | None) -> None:
        for i, (head, _) in enumerate(items or []):
            self.marks[at + (i,)] = (head[0], 1)

    def _leadership(self, s: Section) -> dict[str, Any]:
        group: dict[str, Any] = {}
        name = strip_numbering(s.heading).removeprefix("成立").strip("：: ")
        if "领导小组" in name and name != "领导小组":
            group["name"] = name
        body: list[str] = []
        lines = self._leadership_table(group, s.lines)
        for n, raw in lines:
            line = LIST.sub("", raw.strip())
            if line and not self._leadership_line(group, line, n):
                body.append(raw)
        if "\n".join(body).strip():
            group["body"] = "\n".join(body).strip()
        return group

    def _leadership_table(self, group: dict[str, Any], lines: list[Line]) -> list[Line]:
        """People of a leadership table (姓名 | 职务 | 单位 | 小组职务) added; the other lines returned."""
        table, rows = plantables.table_in(lines, "leadership")
        if table is None:
            return lines
        first = rows[min(2, len(rows) - 1)][0]
        for role, person in plantables.people_of(table):
            people = group.setdefault(role, [])
            self.marks.setdefault(("leadership", role), (first, 1))
            people.append(person)
        group.setdefault("leaders", [])
        if plantables.extra_columns(table):
            return lines  # columns with no field (性别, 联系电话): the table is kept in the group's text
        return [ln for ln in lines if ln not in rows]

    def _leadership_line(self, group: dict[str, Any], line: str, n: int) -> bool:
        role = cntext.parse_role_line(line)
        if role:
            people = group.setdefault(role[0], [])
            self.marks.setdefault(("leadership", role[0]), (n, 1))
            for person in role[1]:
                self.marks[("leadership", role[0], len(people))] = (n, 1)
                people.append(person.as_raw())
            return True
        office = cntext.parse_office(line)
        if office:
            group["office"] = {"location": office[0]}
            if office[1]:
                group["office"]["director"] = office[1].as_raw()
            return True
        prose = cntext.parse_prose_roles(line)
        for key, person in prose:
            group.setdefault(key, []).append(person.as_raw())
        named = re.search(r"成立(?:了)?([^，,。：:]*?领导小组)", line)
        if named and "name" not in group:
            group["name"] = named.group(1)
        return bool(prose) or bool(named and line.rstrip("。：:").endswith("领导小组"))

    def _steps(self, s: Section) -> list[dict[str, Any]]:
        table, rows = plantables.table_in(s.lines, "steps")
        if table is not None:
            return self._steps_table(table, rows, [ln for ln in s.lines if ln not in rows])
        steps = []
        items = block_items(s.lines) or paragraphs(s.lines)
        if len(items) > 1 and not items[0][0][1] and is_sub_heading_list(s.lines):
            line = items[0][0][0]
            self.problems.append(error(self.path, line, 1, "steps", msg("md.steps-intro"), code="steps-intro"))
            items = items[1:]
        for i, (head, rest) in enumerate(items):
            self.marks[("steps", i)] = (head[0], 1)
            steps.append(self._step(head, rest, ("steps", i)))
        return steps

    def _steps_table(self, table: plantables.Table, rows: list[Line], rest: list[Line]) -> list[dict[str, Any]]:
        """One step per row; each marked at its row; text around the table kept as 实施步骤说明."""
        found: list[dict[str, Any]] = list(steptable.steps_of(table, self.year))
        body_rows = [n for n, raw in rows if not re.match(r"^\s*\|[\s:|-]*\|\s*$", raw)][1:]
        for i, n in enumerate(body_rows[:len(found)]):
            self.marks[("steps", i)] = (n, 1)
        if _text(rest):
            self.data.setdefault("sections", []).append({"title": "实施步骤说明", "body": _text(rest)})
        return found

    def _step(self, head: Line, rest: list[Line], at: FieldPath) -> dict[str, Any]:
        title_text = strip_numbering(head[1]) or head[1]
        found = find_range(title_text, self.year)
        body_lines = list(rest)
        step: dict[str, Any] = {}
        if found:
            step.update(_range_fields(found, title_text))
            title_text = _cut(title_text, found.span) or _cut(head[1], (0, 0))
        title, first_body = _title_body(title_text)
        step["title"] = title or title_text.strip()
        owner, body_lines = _owner_apart(body_lines)
        if owner is not None:
            step["owner"] = owner
        body = "\n".join(x for x in (first_body, _text(body_lines)) if x)
        if body:
            step["body"] = body
        return {k: step[k] for k in ("title", "start", "end", "owner", "body") if k in step}

    def _period(self, s: Section) -> dict[str, str] | str:
        found = find_range(_text(s.lines), self.year)
        if not found:
            self.problems.append(error(self.path, s.line, 1, "period", msg("md.period-no-dates"), code="period-no-dates"))
            return {}
        return _range_fields(found, _text(s.lines))


def _owner_apart(lines: list[Line]) -> tuple[str | None, list[Line]]:
    """A step's first 责任单位 line as its owner (None when it has none) and its other lines."""
    for line in lines:
        m = _OWNER.match(line[1])
        if m:
            return m.group(1).strip("。"), [ln for ln in lines if ln is not line]
    return None, lines


def _range_fields(found: FoundRange, text: str) -> dict[str, str]:
    """start/end as text: ISO when read, the written words otherwise (so rules report them)."""
    written = text
    out = {"start": _date_text(found.start, written)}
    if found.end is not None:
        out["end"] = _date_text(found.end, written)
    return out


def _date_text(value: PlanDate | DateIssue, written: str) -> str:
    if isinstance(value, PlanDate):
        return str(value)
    return value.written or written


def _cut(text: str, span: tuple[int, int]) -> str:
    """The title without its dates and the brackets around them."""
    before, after = text[: span[0]], text[span[1]:]
    before = re.sub(r"[（(\[【]\s*$", "", before)
    after = re.sub(r"^\s*[）)\]】]", "", after)
    return (before.rstrip(" ：:，,") + (after if after.strip(" ：:，,。") else "")).strip()


def _item_part(lines: list[Line], items: Items | None) -> str | list[dict[str, str] | str]:
    """Text, or the items (`block_items(lines)`): `{title, body}` when an item has both, else its text (as YAML `- 文字`)."""
    if items is None:
        return _text(lines)
    out: list[dict[str, str] | str] = []
    for (_, head), rest in items:
        title, first = _title_body(strip_numbering(head)) if head else ("", "")
        body = "\n".join(x for x in (first, _text(rest)) if x)
        if title and body:
            out.append({"title": title, "body": body})
        elif body or title:
            out.append(body or strip_numbering(head))
    return out


def _attachments(lines: list[Line]) -> list[dict[str, str]]:
    """附件 as a list (one attachment per item) or as lines of text (one per line)."""
    items = block_items(lines)
    heads = [head for (_, head), _ in items] if items else [raw for _, raw in lines]
    titles = [re.sub(r"^附件\s*\d*\s*[:：.、]?\s*", "", strip_numbering(h)).strip() for h in heads]
    return [{"title": t} for t in titles if t]


def _title_body(text: str) -> tuple[str, str]:
    """'**提高认识**。要…' or '提高认识。要…' -> ('提高认识', '要…'); a long sentence -> ('', text)."""
    text = text.strip()
    bold = _BOLD_TITLE.match(text)
    if bold:
        return bold.group(1).strip("。：: "), text[bold.end():].strip()
    m = _TITLE_SPLIT.search(text)
    if m and m.start() <= 20 and text[m.end():].strip():
        return text[: m.start()].strip(), text[m.end():].strip()
    if len(text) <= 20 and not m:
        return text, ""
    if m and m.end() == len(text) and m.start() <= 20:
        return text[: m.start()].strip(), ""
    return "", text


def _text(lines: list[Line]) -> str:
    raw = [r for _, r in lines]
    while raw and not raw[0].strip():
        raw.pop(0)
    while raw and not raw[-1].strip():
        raw.pop()
    return "\n".join(r.rstrip() for r in raw)


def _first_line(lines: list[Line]) -> int:
    return next((n for n, raw in lines if raw.strip()), lines[0][0] if lines else 1)


def _has(data: dict[str, Any], key: str) -> bool:
    return key in data or key in map(TOP_ALIASES.get, data)
