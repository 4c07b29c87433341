"""One plan's lines -> plan data (the YAML model, English keys) and its import report. Pure."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from .. import cntext, plantables, steptable
from ..vocabulary import ITEM_PARTS, REQUIRED_PARTS, TOP_LABELS
from ..wording import Wording, msg
from .annex import group_annex, steps_annex, take_annex, take_steps_annex, without_item_number
from .cleaning import Cleaning, Line
from .datespans import Years, closing_fields, period_from, plan_years, time_sentences
from .ends import closing_and_attachments, plan_title, signed_ends
from .fidelity import leftover
from .hanzi import back, key
from .infer import LEADERSHIP, assign
from .outline import Node
from .people import read_group
from .steps import step_from
from .stepsets import first_phase, opens_with_date, steps_from_nodes, steps_from_paragraphs
from .structure import Chunk, chunks_of
from .wrapper import unwrap

PLACEHOLDER = "XXX（待补充）"
_TIGHT = re.compile(r"(?<=[\u4e00-\u9fff\d])[ \u3000]+(?=[\u4e00-\u9fff\d])")  # 梅林镇 2024 年 …方案: no spaces
UNNAMED = "未命名部分"
_CITED = re.compile(r"(?:根据|按照|依据|依照|贯彻|落实|执行)[^。]{0,80}?《")


@dataclass(slots=True)
class Report:
    """What the import of one plan found, inferred, missed, cleaned and warns about."""

    source: str
    header: str
    line: int
    found: list[tuple[str, int]] = field(default_factory=list)
    inferred: list[tuple[str, int, Wording]] = field(default_factory=list)
    missing: list[str] = field(default_factory=list)
    cleanings: list[Cleaning] = field(default_factory=list)
    warnings: list[Wording] = field(default_factory=list)
    dropped: list[tuple[int, str, Wording]] = field(default_factory=list)  # (line, text, why) left out of the plan
    orgs: tuple[str, ...] = ()  # organisation names known (the registry's): where titles are split from them

    def parts(self) -> set[str]:
        """Parts read from the source, by heading or inferred (placeholders excluded)."""
        return {p for p, _ in self.found} | {p for p, _, _ in self.inferred}


def build(lines: list[Line], header: str, source: str, header_line: int,
          orgs: tuple[str, ...] = (), year: int | None = None) -> tuple[dict[str, Any], Report]:
    """Plan data and report for one plan's (cleaned) lines; `orgs`: organisation names known (the registry's);
    `year`: the year of dates written without one when the plan's own lines do not say (its front matter's)."""
    report = Report(source, header, header_line, orgs=orgs)
    wrapped = unwrap(lines)
    report.dropped.extend(wrapped.dropped)
    own, annex_title, annex = group_annex(wrapped.lines)
    own, timetable = steps_annex(own)
    body, closing, attached = closing_and_attachments(own)
    data: dict[str, Any] = {"title": _TIGHT.sub("", header or wrapped.title or plan_title(body, source, report.dropped))}
    data.update(signed_ends(wrapped, closing_fields(closing, report.warnings), attached))
    data["status"] = "draft"
    years = plan_years(data.get("date"), data["title"], year)
    chunks = assign(chunks_of(body))
    sections: list[dict[str, Any]] = []
    for chunk in chunks:
        if chunk.part == "steps" and "steps" not in data:
            years.at_steps()
        _place(chunk, data, sections, years, report)
        for ln in chunk.lines():
            years.see(ln.text)
    _leadership_anywhere(chunks, data, report)
    _period_in_opening(chunks, data, report)
    kept = take_annex(data, annex_title, annex, orgs)
    sections += kept + take_steps_annex(data, timetable, plan_years(data.get("date"), data["title"], year).current)
    if annex and not kept:
        report.inferred.append(("leadership", own[-1].no + 1 if own else header_line,
                                msg("import.why-annex")))
    _basis(data, chunks)
    if sections:
        data["sections"] = sections
    fill_required(data, report)
    return _ordered(data), report


def _period_in_opening(chunks: list[Chunk], data: dict[str, Any], report: Report) -> None:
    """No period part, and the opening, the general requirements or the objectives say when the work runs (整治工作从2024年3月开始，
    到2024年6月结束; 本次帮扶活动时间为2024年3月至12月): that range is the period (the sentence stays where it is)."""
    if "period" in data:
        return
    for chunk in (c for c in chunks if c.part in ("preamble", "guiding_thought", "objectives", "targets")):  # 帮扶期限为…
        for sentence in time_sentences(chunk.text()):
            period = period_from(sentence, Years(None), [], chunk.first_line, data.get("date"))
            if "start" in period and "end" in period:
                data["period"] = period
                report.inferred.append(("period", chunk.first_line, msg("import.why-time-sentence")))
                return


def _place(chunk: Chunk, data: dict[str, Any], sections: list[dict[str, Any]], years: Years, report: Report) -> None:
    part = chunk.part
    if chunk.kind == "signature":
        sections.append({"title": "落款", "body": chunk.text("\n\n")})
        report.warnings.append(msg("import.at-line", line=chunk.first_line, what=msg("import.signature-inside")))
        return
    if part is None:
        _unnamed(chunk, sections)
        return
    if part == "steps" and part in data:
        data[part] = data[part] + _value(part, chunk, years, report, data, sections)
        report.warnings.append(msg("import.at-line", line=chunk.first_line, what=msg("import.steps-again")))
        return
    if part in data:
        title = _heading(chunk) or TOP_LABELS.get(part, part)
        sections.append({"title": title, "body": _below(chunk)})
        report.warnings.append(msg("import.at-line", line=chunk.first_line,
                                   what=msg("import.part-again", part=TOP_LABELS.get(part, part), title=title)))
        return
    value = _value(part, chunk, years, report, data, sections)
    if value in (None, "", [], {}):
        _unnamed(chunk, sections)
        return
    data[part] = value
    if chunk.how == "heading":
        report.found.append((part, chunk.first_line))
    else:
        report.inferred.append((part, chunk.first_line, chunk.how if isinstance(chunk.how, Wording) else msg("import.why-opening")))
    written = _written(chunk)
    if written and written != TOP_LABELS.get(part):
        data.setdefault("headings", {})[part] = written


def _heading(chunk: Chunk) -> str:
    return chunk.nodes[0].title if chunk.kind == "heading" and chunk.nodes else ""


def _written(chunk: Chunk) -> str:
    """The heading as the author wrote it, numbering included ('一、总体要求'), without a trailing colon."""
    node = chunk.nodes[0] if chunk.kind == "heading" and chunk.nodes else None
    return (node.heading or node.title).strip().rstrip("：:") if node else ""


def _unnamed(chunk: Chunk, sections: list[dict[str, Any]]) -> None:
    """A chunk of no part as a section: under its heading, under the line introducing its list (…如下：), or
    joined to the unnamed text before it."""
    section = _headed_section(chunk) or _introduced_section(chunk)
    if section:
        sections.append(section)
        return
    previous = sections[-1] if sections else None
    if previous and previous["title"] == UNNAMED and chunk.kind == "para":
        previous["body"] += "\n\n" + chunk.text("\n\n")
        return
    sections.append({"title": UNNAMED, "body": "\n\n".join(ln.text for ln in chunk.lines())})


def _headed_section(chunk: Chunk) -> dict[str, Any] | None:
    title = _heading(chunk)
    if not title:
        return None
    text, written = _below(chunk), _written(chunk)
    return {"title": title, **({"heading": written} if written and written != title else {}), **({"body": text} if text else {})}


def _introduced_section(chunk: Chunk) -> dict[str, Any] | None:
    intro = chunk.lead[0].text.strip() if chunk.kind == "list" and len(chunk.lead) == 1 else ""
    if not intro or not re.search(r"[:：]$", intro) or len(intro) > 31:
        return None
    return {"title": intro.rstrip(":："), "body": "\n\n".join(ln.text for ln in chunk.lines() if ln is not chunk.lead[0])}


def _below(chunk: Chunk) -> str:
    """The text of a chunk without its heading line: what a section's body holds."""
    if chunk.kind != "heading":
        return chunk.text("\n\n")
    node = chunk.nodes[0]
    return "\n\n".join(node.body + [ln.text for ln in node.all_lines() if ln is not node.line])


def _lead_and_items(chunk: Chunk) -> tuple[list[str], list[Node]]:
    if chunk.kind == "heading":
        node = chunk.nodes[0]
        return node.body + [ln.text for ln in node.lines], node.children
    return [ln.text for ln in chunk.lead], chunk.nodes


def _value(part: str, chunk: Chunk, years: Years, report: Report, data: dict[str, Any],
           sections: list[dict[str, Any]]) -> Any:
    lead, items = _lead_and_items(chunk)
    if part in ITEM_PARTS:
        return _item_part(lead, items)
    if part == "leadership":
        return _group(chunk, lead + [ln.text for n in items for ln in n.all_lines()], report)
    if part == "steps":
        return _steps(chunk, lead, items, years, report, data, sections)
    if part == "period":
        return _period(chunk, years, report, data.get("date"), sections)
    if part == "basis":
        return _documents(chunk.text())
    if part == "attachments":  # 附件： then 1．… 2．… on lines of their own
        return [without_item_number(t) for t in lead + [ln.text for n in items for ln in n.all_lines()] if t.strip()]
    return None


def _group(chunk: Chunk, texts: list[str], report: Report) -> dict[str, Any] | None:
    """The leadership group of a part's lines; None when they name no one and hold no text."""
    group, warnings = read_group(texts, _heading(chunk), report.orgs)
    report.warnings.extend(msg("import.at-line", line=chunk.first_line, what=w) for w in warnings)
    return group if any(group.get(k) for k in _GROUP_KEYS) else None


_GROUP_KEYS = ("name", "leaders", "deputies", "members", "office", "body")


def _period(chunk: Chunk, years: Years, report: Report, date: Any,
            sections: list[dict[str, Any]]) -> dict[str, str] | None:
    """The period of a part, from its sentences that say when the work runs when it has any (not 2000年底前建成的小区
    beside them); the words beyond its dates kept as a section (自…起实施，按国家规定执行到…)."""
    timed = time_sentences(chunk.text())
    period = period_from("。".join(timed) or chunk.text(), years, report.warnings, chunk.first_line, date) or None
    if period and leftover(_below(chunk)):
        sections.append({"title": _heading(chunk) or TOP_LABELS["period"], "body": _below(chunk)})
    return period


def _item_part(lead: list[str], items: list[Node]) -> str | list[Any]:
    text = "\n\n".join(t for t in lead if t.strip())
    if not items:
        return text
    out: list[Any] = [text] if text else []
    for node in items:
        below = [ln.text for ln in node.all_lines() if ln is not node.line]
        body = "\n\n".join(x for x in node.body + below if x.strip())
        if node.title:
            out.append({"title": node.title, "body": body} if body else node.title)
        elif body:
            out.append(body)
    return out


def _steps(chunk: Chunk, lead: list[str], items: list[Node], years: Years, report: Report,
           data: dict[str, Any], sections: list[dict[str, Any]]) -> list[dict[str, Any]]:
    table = _steps_table(chunk, lead, years, sections)
    if table is not None:  # items after the table are steps too
        return table + steps_from_nodes(items, years, report.warnings)
    if chunk.kind == "para":
        return steps_from_paragraphs(chunk.lead, years, report.warnings)
    intro = [t for t in lead if t.strip()]
    if not items:
        if len(intro) > 1 and re.search(r"[：:]\s*$", intro[0]):  # 实施工作分两个阶段推进：: the introduction
            sections.append({"title": (_heading(chunk) or "实施步骤") + "说明", "body": intro.pop(0)})
        lines = [Line(chunk.first_line, t) for t in intro]
        return steps_from_paragraphs(lines, years, report.warnings)
    intro, first = _first_phase(intro, chunk.first_line, years, report)
    for text in intro:
        years.see(text)
        if "period" not in data:
            period = period_from(text, years, [], chunk.first_line)
            if period:
                data["period"] = period
                report.inferred.append(("period", chunk.first_line, msg("import.why-intro-dates")))
        sections.append({"title": (_heading(chunk) or "实施步骤") + "说明", "body": text})
    return first + steps_from_nodes(items, years, report.warnings)


def _first_phase(intro: list[str], line: int, years: Years, report: Report) -> tuple[list[str], list[dict[str, Any]]]:
    """活动分三个阶段进行。第一阶段为…: the first step, written in the introduction of the others."""
    if not intro:
        return intro, []
    head, phase = first_phase(intro[-1])
    if not phase:
        return intro, []
    return intro[:-1] + [head], [step_from(phase, [], line, years, report.warnings)]


def _steps_table(chunk: Chunk, lead: list[str], years: Years,
                 sections: list[dict[str, Any]]) -> list[dict[str, Any]] | None:
    """The steps of a steps table in the part (the text around it kept as a section), or None."""
    rows = [t for t in lead if plantables.is_pipe_row(t)]
    table = plantables.pipe_table(rows)
    if table is None or plantables.kind_of(table) != "steps":
        return None
    rest = [t for t in lead if t not in rows and t.strip()]
    dated = [t for t in rest if opens_with_date(key(t), years.current)]  # 3月1日起至…为准备阶段 beside the table
    undated = [t for t in rest if t not in dated]
    if undated:
        sections.append({"title": (_heading(chunk) or "实施步骤") + "说明", "body": "\n\n".join(undated)})
    before, after = _beside(lead, lead.index(rows[0]), dated, chunk.first_line, years)
    return before + list(steptable.steps_of(table, years.current)) + after


def _beside(lead: list[str], at: int, dated: list[str], line: int,
            years: Years) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    """The steps of the dated paragraphs before a steps table (at `at` in `lead`), and of those after it."""
    steps = [(lead.index(t), step_from(t, [], line, years, [])) for t in dated]
    return [s for i, s in steps if i < at], [s for i, s in steps if i > at]


def _documents(text: str) -> list[dict[str, str]]:
    k = key(text)
    out = []
    for title, number in cntext.find_documents(k):
        entry = {"title": back(text, k, title), "number": back(text, k, number)}
        out.append({f: v for f, v in entry.items() if v})
    return out


def _basis(data: dict[str, Any], chunks: list[Chunk]) -> None:
    """Documents the plan says it follows (根据《…》, 按照《…》), from its opening parts."""
    if "basis" in data:
        return
    found: list[dict[str, str]] = []
    for chunk in chunks[:3]:
        text = chunk.text()
        if chunk.part in ("preamble", "guiding_thought") and _CITED.search(key(text)):
            found.extend(d for d in _documents(text) if d not in found)
    if found:
        data["basis"] = found


def _leadership_anywhere(chunks: list[Chunk], data: dict[str, Any], report: Report) -> None:
    """No leadership part: a group named anywhere (成立…领导小组, …任组长) is taken, and reported."""
    if "leadership" in data:
        return
    for chunk in chunks:
        if chunk.kind == "signature":
            continue
        for line, text, heading in _texts(chunk):
            if not LEADERSHIP.search(key(text)):
                continue
            group, _ = read_group([text], heading, report.orgs)
            group.pop("body", None)  # the text stays where it stands in the plan
            if group.get("name") or any(group.get(r) for r in ("leaders", "deputies", "members")):
                data["leadership"] = group
                report.inferred.append(("leadership", line, msg("import.why-named-group")))
                return


def _texts(chunk: Chunk) -> list[tuple[int, str, str]]:
    out = [(ln.no, ln.text, "") for ln in chunk.lead]
    stack = list(chunk.nodes)
    while stack:
        node = stack.pop(0)
        out.append((node.line.no, "，".join([node.title] + node.body), node.title))
        out.extend((ln.no, ln.text, "") for ln in node.lines)
        stack[:0] = node.children
    return out


def fill_required(data: dict[str, Any], report: Report) -> None:
    """Every required part present: 保障措施 serves as the requirements when there are none; what is missing gets
    a placeholder and is reported."""
    if "requirements" not in data and "safeguards" in data:
        _safeguards_as_requirements(data, report)
    group = data.get("leadership")
    if isinstance(group, dict):
        group.setdefault("leaders", [])
        if not any(group.get(k) for k in _GROUP_KEYS):
            group["body"] = PLACEHOLDER
    for part in ("issuer",) + REQUIRED_PARTS:
        if part in data and data[part] not in ("", [], {}):
            continue
        report.missing.append(part)
        if part == "leadership":
            data[part] = {"leaders": [], "body": PLACEHOLDER}
        elif part == "steps":
            data[part] = [{"title": PLACEHOLDER}]
        else:
            data[part] = PLACEHOLDER


def _safeguards_as_requirements(data: dict[str, Any], report: Report) -> None:
    data["requirements"] = data.pop("safeguards")
    headings = data.get("headings") or {}
    if "safeguards" in headings:
        headings["requirements"] = headings.pop("safeguards")
    report.warnings.append(msg("import.safeguards-as-requirements"))
    report.found = [("requirements" if part == "safeguards" else part, line) for part, line in report.found]
    report.inferred = [("requirements", ln, w) if p == "safeguards" else (p, ln, w) for p, ln, w in report.inferred]


def _ordered(data: dict[str, Any]) -> dict[str, Any]:
    return {k: data[k] for k in TOP_LABELS if k in data}
