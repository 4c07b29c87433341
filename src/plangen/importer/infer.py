"""Which part each chunk is: by its heading (the vocabulary's synonym table), else inferred.

Inference rules, each reported with its reason:
- the opening paragraph: `为…特制定本方案` -> preamble; `以…为指导`, `贯彻…精神`, `本着…原则` -> guiding thought
- `成立…领导小组`, `组长:`, `由…任组长` -> leadership
- paragraphs that start with a date (two or more) -> steps; a list whose items carry dates or 阶段 -> steps
- a short line with a date range -> period; a short line naming organisations -> targets
- the last list, when most of its items say what must be done (要, 必须, 严禁…) -> requirements
"""

from __future__ import annotations

import re

from .. import plantables
from ..dates import find_range
from ..wording import Wording, msg
from .datespans import time_sentences
from .hanzi import key
from .outline import Node
from .stepsets import opens_with_date
from .structure import Chunk

PREAMBLE = re.compile(r"特制定|特制订|特拟定|制定本|制订本|制定如下|制订如下|现制定|现制订|现就|作如下安排|如下方案")
GUIDING = re.compile(r"以.{1,60}为(?:指导|指针|统领)|指导思想|(?:贯彻|落实|学习).{0,60}精神|本[着著].{1,40}原则|坚持.{1,40}(?:理论|思想)")
LEADERSHIP = re.compile(r"成立.{0,30}领导(?:小组|组)|(?:组\s*长|副组长)\s*[:：]|(?:任|为|担任)(?:常务)?(?:副)?组长|组长由")
_DATED = re.compile(r"^\s*(?:于|在|自)?\s*(?:\d{4}|20[xX]{2}|[xX]{4})?\s*年?\s*\d{1,2}\s*月\s*\d{1,2}\s*[日号]")
_MUST = re.compile(r"要(?!求)|必须|务必|严禁|不得|应当|须")
_DUTY_TITLE = re.compile(r"加强领导|提高认识|明确责任|落实责任|严肃纪律|强化督查|精心组织|规范操作|加强宣传|加强监督|加强协调|注重实效")
_PRINCIPLES = re.compile(r"(?:基本|工作|帮扶|主要)?原则")  # the guiding thought of a plan that has no 指导思想
_TARGET_END = ("企业", "公司", "学校", "小学", "中学", "幼儿园", "村", "户", "店", "房", "单位", "家庭", "群众", "人员")

Found = dict[str, tuple[int, str]]  # part -> (line, how)


def assign(chunks: list[Chunk]) -> list[Chunk]:
    """Set `part` and `how` on each chunk; dated paragraphs are merged into one steps chunk."""
    for c in chunks:
        if c.kind == "heading" and c.nodes[0].part:
            c.part, c.how = c.nodes[0].part, "heading"
    chunks = _parts_inside(chunks)
    _roles_under_other_heading(chunks)
    _steps_table_under_other_heading(chunks)
    chunks = _dated_paragraphs(chunks)
    taken: set[str | None] = {c.part for c in chunks if c.part}
    _opening(chunks, taken)
    for c in chunks:
        if c.part is None and c.kind != "signature":
            _infer(c, taken)
    _last_list(chunks, taken)
    return _merge_leadership(chunks)


def _opening(chunks: list[Chunk], taken: set[str | None]) -> None:
    leading = [c for c in chunks[:3] if c.part != "period"]  # a 实施时间：… line may stand above the opening
    first = leading[0] if leading else None
    if first is None or first.kind != "para" or first.part:
        return
    k = key(first.text())
    if PREAMBLE.search(k):
        first.part, first.how = "preamble", msg("import.why-opening-preamble")
    elif GUIDING.search(k) and "guiding_thought" not in taken:
        first.part, first.how = "guiding_thought", msg("import.why-opening-thought")
    else:
        first.part, first.how = "preamble", msg("import.why-opening")
    taken.add(first.part)


def _infer(c: Chunk, taken: set[str | None]) -> None:
    k = key(c.text())
    head = key(c.lead[0].text if c.lead else c.nodes[0].line.text)
    rules: list[tuple[str, bool, Wording]] = [
        ("leadership", bool(LEADERSHIP.search(head)), msg("import.why-leadership-head")),
        ("leadership", _names_the_group(c, k), msg("import.why-roles")),
        ("guiding_thought", c.kind == "para" and bool(GUIDING.search(k)), msg("import.why-guiding")),
        ("guiding_thought", c.kind == "heading" and bool(_PRINCIPLES.fullmatch(key(c.nodes[0].title))),
         msg("import.why-principles")),
        ("steps", c.kind == "list" and _dated_items(c.nodes) >= 2, msg("import.why-dated-items")),
        ("steps", c.kind == "heading" and _dated_lines(c) >= 2, msg("import.why-dated", n=_dated_lines(c))),
        ("steps", c.kind == "heading" and _dated_items(c.nodes[0].children) >= 2, msg("import.why-dated-items")),
        ("period", c.kind == "para" and len(k) <= 40 and (_has_range(k) or bool(time_sentences(k))),
         msg("import.why-short-dates")),
        ("targets", c.kind == "para" and len(k) <= 80 and _names_targets(k), msg("import.why-short-orgs")),
    ]
    for part, ok, why in rules:
        if ok and part not in taken:
            c.part, c.how = part, why
            taken.add(part)
            return


def _names_the_group(c: Chunk, k: str) -> bool:
    """A heading whose lines name the group's roles, or whose first paragraph sets the group up
    (医院成立对口帮扶工作领导小组，由…任组长，…)."""
    if c.kind != "heading":
        return False
    lines = c.nodes[0].lines
    return bool(_ROLE_LINE.search(k) or (lines and LEADERSHIP.search(key(lines[0].text))))


_INSIDE = ("guiding_thought", "objectives", "targets")
_HOLDERS = (*_INSIDE, "forms", "measures", "content")  # 五、帮扶方式及安排 > （二）时间安排: the steps


def _parts_inside(chunks: list[Chunk]) -> list[Chunk]:
    """Items of a part headed by other parts' names (一、总体要求 > （一）指导思想 / （二）工作目标; 五、帮扶方式及安排 >
    （二）时间安排): each such item is the part it names, where no heading of the plan names that part."""
    headed: set[str | None] = {c.part for c in chunks if c.part}
    out: list[Chunk] = []
    for c in chunks:
        out.append(c)
        if c.kind != "heading" or not (c.part in _HOLDERS or _timetable_inside(c)):
            continue
        node = c.nodes[0]
        inside = [n for n in node.children if n.part in (*_INSIDE, "steps") and n.part != c.part and n.part not in headed]
        for child in inside:
            node.children.remove(child)
            out.append(Chunk("heading", nodes=[child], part=child.part, how="heading"))
            headed.add(child.part)
    return out


def _timetable_inside(c: Chunk) -> bool:
    """A heading no part's name whose items are other things and one timetable that holds the steps (五、送教安排 >
    （一）送教团队 / （二）时间安排 > 1．9月9日—9月13日：…)."""
    children = c.nodes[0].children if c.part is None and c.nodes else []
    timetables = [n for n in children if n.part == "steps"]
    return len(timetables) == 1 and len(children) > 1 and bool(timetables[0].children)


def _roles_under_other_heading(chunks: list[Chunk]) -> None:
    """No 领导小组 heading, and a part such as 三、组织保障 holds the role lines (组长：…): it is the group."""
    if any(c.part == "leadership" for c in chunks):
        return
    for c in chunks:
        if c.kind == "heading" and (c.part in ("safeguards", "measures") and _holds_roles(c)
                                    or c.part is None and _a_body_with_roles(c)):
            c.part, c.how = "leadership", msg("import.why-roles")
            return


def _holds_roles(c: Chunk) -> bool:
    """Role lines (组长：…) or a leadership table (姓名 | 单位及职务 | 组内职务)."""
    return bool(_ROLE_LINE.search(key(c.text()))) or _holds_table(c, "leadership")


def _a_body_with_roles(c: Chunk) -> bool:
    """An unrecognised heading naming a body of people (二、工作专班, 指挥部) over lines that give its roles."""
    heading = key(c.nodes[0].title) if c.nodes and c.nodes[0].title else ""
    return bool(_BODY_HEADING.search(heading)) and len(_ROLE_WORD.findall(key(c.text()))) >= 2


def _steps_table_under_other_heading(chunks: list[Chunk]) -> None:
    """No 实施步骤 heading, and a part such as 三、主要任务 holds a steps table (任务 / 时限 columns): it is the
    steps."""
    if any(c.part == "steps" for c in chunks):
        return
    for c in chunks:
        if c.kind == "heading" and c.part in (None, "objectives", "measures", "content") and _holds_table(c, "steps"):
            c.part, c.how = "steps", msg("import.why-steps-table")
            return


def _holds_table(c: Chunk, kind: str) -> bool:
    rows = [ln.text for ln in c.lines() if plantables.is_pipe_row(ln.text)]
    table = plantables.pipe_table(rows)
    return table is not None and plantables.kind_of(table) == kind


_ROLE_LINE = re.compile(r"(?:^|\n)\s*(?:[-*•]\s*)?(?:\*\*)?(?:常务副组长|副组长|组\s*长|召集人)\s*(?:\*\*)?[:：]")  # also - 组长：
_BODY_HEADING = re.compile(r"专班|小组|指挥部|领导机构|工作组")
_ROLE_WORD = re.compile(r"常务副组长|副组长|组\s*长|成\s*员|副?指挥长")
_GROUP_DETAIL = re.compile(r"组\s*长|成\s*员|办公室设在|主任")


def _merge_leadership(chunks: list[Chunk]) -> list[Chunk]:
    """Paragraphs right after an inferred leadership paragraph that name its members join it."""
    out: list[Chunk] = []
    for c in chunks:
        prev = out[-1] if out else None
        if prev and prev.part == "leadership" and prev.kind == "para" and c.kind == "para" and not c.part \
                and _GROUP_DETAIL.search(key(c.text())):
            prev.lead.extend(c.lead)
            continue
        out.append(c)
    return out


def _has_range(k: str) -> bool:
    found = find_range(k, 2000)
    return bool(found and (found.end is not None or "起" in k or "实施" in k))


def _names_targets(k: str) -> bool:
    k = k.strip().rstrip("。.")
    return "均可申请" in k or "对象" in k[:6] or (k.endswith(_TARGET_END) and "，" not in k and "," not in k)


def _dated_lines(c: Chunk) -> int:
    """Paragraphs under a heading that open with a date (2月：…, 5月—6月：…)."""
    return sum(1 for ln in c.lines()[1:] if opens_with_date(key(ln.text), 2000))


def _dated_items(nodes: list[Node]) -> int:
    count = 0
    for n in nodes:
        first = key(" ".join([n.title] + n.body[:1]))[:60]
        if "阶段" in key(n.title) or (find_range(first, 2000) and re.search(r"\d\s*月|[.\-]\d", first)):
            count += 1
    return count


def _dated_paragraphs(chunks: list[Chunk]) -> list[Chunk]:
    """Two or more paragraphs starting with a date, with the undated ones between: one steps chunk."""
    dated = [i for i, c in enumerate(chunks) if c.kind == "para" and not c.part and _DATED.match(key(c.lead[0].text))]
    if len(dated) < 2:
        return chunks
    start, end = dated[0], dated[-1] + 1
    while end < len(chunks) and chunks[end].kind == "para" and not chunks[end].part:
        end += 1
    if any(c.kind != "para" or c.part for c in chunks[start:end]):
        return chunks
    merged = Chunk("para", lead=[ln for c in chunks[start:end] for ln in c.lead], part="steps",
                   how=msg("import.why-dated", n=len(dated)))
    return chunks[:start] + [merged] + chunks[end:]


def _last_list(chunks: list[Chunk], taken: set[str | None]) -> None:
    """The last list of the plan, when most items say what must be done: requirements."""
    if "requirements" in taken:
        return
    body = [c for c in chunks if c.kind != "signature"]
    last = body[-1] if body else None
    if last is None or last.kind != "list" or last.part or len(last.nodes) < 2:
        return
    duty = sum(1 for n in last.nodes if _is_duty(n))
    if duty * 2 > len(last.nodes):
        last.part, last.how = "requirements", msg("import.why-musts")
        taken.add("requirements")


def _is_duty(node: Node) -> bool:
    first = node.body[0].split("。")[0] if node.body else ""
    own = key(node.title + " " + first)
    return bool(_DUTY_TITLE.search(key(node.title)) or _MUST.search(own))
