"""Steps with their dates: a title, start and end, and the body as written.

The year of a date written without one (5月5日) is carried from context: the last year written
before it in the plan (2016年下半年 → its items), else the plan's own date; the steps part starts
from the year the plan's title names, when it names one. A date whose year is
nowhere to be found is left in the step's title and reported, never made up. Placeholders
(20xx年) are kept as written, so `plangen check` warns about them.
"""

from __future__ import annotations

import re
from typing import Any

from ..dates import PART_OF_MONTH, FoundRange, arabic_months, find_season, month_dots
from ..wording import Wording
from .datespans import Years, find_joined, range_fields
from .hanzi import key
from .steplabels import trailing_labels
from .structure import arabic_dates

_CLAUSE_END = re.compile(r"[，,。；;：:]")
_OWNER = re.compile(r"(?:(?:此项|该项|本项)?工作由|(?:负责人|负责单位|责任单位|责任人|牵头单位)[:：])\s*(?P<who>[^。；;：:]{2,40}?)"
                    r"(?:(?:具体)?负责|牵头)?[。；;]?\s*$")


def step_from(head: str, body: list[str], line: int, years: Years, warnings: list[Wording]) -> dict[str, Any]:
    """One step: a title (dates cut out when read), start/end, and the body as written."""
    head = readable_dates(head)
    written = list(body)
    year = years.see(head)
    k = PART_OF_MONTH.sub(lambda m: " " * len(m.group(0)), key(head))  # 3月上旬, 6月底: read to the month
    found = find_joined(k, year)
    step: dict[str, Any] = {}
    title = head.strip()
    season = find_season(k, year)
    if season and (not found or season.span[0] <= found.span[0]):
        title, body = _seasoned(head, season, body, step)
    elif found:
        title, body = _dated(head, found, body, step, (warnings, line, years.today))
    whole = title
    title, rest = _title_and_rest(title)
    if rest == whole and whole != head.strip() and whole not in written:  # a long sentence of the head kept in
        rest = head.strip()  # the body: kept with its dates (a sentence from the lines below is kept as it is)
    if not found:
        rest, body = _dates_in_body(step, rest, body, years, warnings, line)
    text = "\n\n".join(x for x in [rest] + body if x.strip())
    title, text = _named_phase(title, text)
    step["title"] = title
    if text:
        step["body"] = text
        _labelled(step, text, years, warnings, line)
    return {k2: step[k2] for k2 in ("title", "start", "end", "owner", "body") if k2 in step}


def _labelled(step: dict[str, Any], text: str, years: Years, warnings: list[Wording], line: int) -> None:
    """The owner named in the text (此项工作由…负责); a closing bracket of labels (（责任单位：…；完成时限：…）)
    gives the owner and, for a step not yet dated, its dates."""
    owner = _OWNER.search(key(text))
    if owner:
        step["owner"] = text[owner.start("who"):owner.end("who")].strip()
    labels = trailing_labels(text, years.current, warnings, line)
    dated = "start" in step or "end" in step
    step.update({k: v for k, v in labels.items() if k not in step and not (dated and k in ("start", "end"))})


def readable_dates(text: str) -> str:
    """Dates as the date reader reads them: 二〇二四年三月一日 -> 2024年3月1日, 4—6月 -> 4月—6月, 2024.06 -> 2024年06月,
    and a month in Chinese numerals opening the text (三月份：…, 五月至六月：…) -> 3月份, 5月至6月."""
    text = arabic_dates(text)
    lead = _CN_MONTH_LEAD.match(text)
    if lead:
        text = arabic_months(text[:lead.end()]) + text[lead.end():]
    return month_dots(_MONTHS.sub(r"\1月\2\3月", text))


_M = "[一二三四五六七八九十]{1,2}"
_CN_MONTH_LEAD = re.compile(rf"^\s*(?:[（(]?\d{{1,2}}[)）、.．]\s*)?{_M}\s*(?:月份?|(?=[至到—－\-~～]))"
                            rf"(?:\s*[至到—－\-~～]\s*{_M}\s*月)?(?=份|上|中|下|初|底|末|\s*[：:，,、。（(\s]|$)")


def _named_phase(title: str, text: str) -> tuple[str, str]:
    """第一阶段 over 摸清底数。各村…: the short name joins the bare phase label; else both as they are."""
    named = _PHASE_NAME.match(f"{title}：{text}") if _PHASE.match(title) else None
    return (named["title"], text[named.end() - len(title) - 1:].strip()) if named else (title, text)


def _dated(head: str, found: FoundRange, body: list[str], step: dict[str, Any],
           where: tuple[list[Wording], int, str | None]) -> tuple[str, list[str]]:
    """The dates of a step's heading into `step`; its title without them, and its body. `where`: the warnings,
    the line, and the plan's date (where 即日起 starts)."""
    warnings, line, today = where
    end = _date_end(head, found.span[1])
    read = range_fields(found, warnings, line)
    every = len(read) == sum(1 for v in (found.start, found.end) if v is not None)  # no date left unread
    fields, found = _by(head, _deadline(read, found, head[found.span[1]:end]), found, today)
    step.update(fields)
    if not fields or not every:
        return head.strip(), body
    clause = re.search(r"[，,；;]", head[:found.span[0]])
    if clause and not _bracket_around(head, found.span[0], end):  # 第一阶段为启动阶段，时间为…，主要任务是…: the first clause names the step, the sentence stays whole
        return _first_clause(head, (found.span[0], end), clause), [head.strip()] + body
    after = _AFTER_DATES.match(head[end:]) or _after_label(head, found.span[0], end)  # 宣传发动（3月上旬） 召开…
    if after and head[:found.span[0]].strip():
        body = [head[end + after.end():].strip()] + body
        head = head[:end + after.end()]
    title = _cut(head, (found.span[0], end))  # every date read: the dates leave the title
    if not title and body:  # 3月1日—3月31日：签订协议…: the title is the text after the dates
        title, body = body[0], body[1:]
    return _sentence_kept(head, (found.span[0], end), title, body)


def _after_label(head: str, start: int, end: int) -> re.Match[str] | None:
    """选派阶段：2024年3月上中旬，各银行…: after a name and a colon, the dates then a comma part name and text."""
    return re.match(r"[，,；;]\s*(?=\S)", head[end:]) if re.search(r"\S\s*[：:]\s*$", head[:start]) else None


def _sentence_kept(head: str, span: tuple[int, int], title: str, body: list[str]) -> tuple[str, list[str]]:
    """Title and body once the dates left the title: a sentence the dates stand inside (各村要在3月15日前完成摸底)
    or that they open to name the phase (3月1日起至3月31日止为准备阶段，…) stays whole in the body."""
    start, end = span
    if _mid_sentence(head, start, end):
        return title, [head.strip()] + body
    if not head[:start].strip() and re.match(r"\s*为\S", head[end:]):
        return re.split(r"[，,；;。]", title)[0].strip(), [head.strip()] + body
    return title or head.strip(), _time_words(head, start, end) + body


def _mid_sentence(head: str, start: int, end: int) -> bool:
    """Dates inside a sentence, words on both sides and no bracket around them."""
    before, after = head[:start], head[end:]
    return bool(before.strip() and after.strip(" ，,。；;") and not re.search(r"[（(【\[：:—－\-~～\s]\s*$", before)
                and not re.match(r"\s*[）)】\]：:，,\s]", after))


def _time_words(head: str, start: int, end: int) -> list[str]:
    """The words that say more than the dates read (上旬, 月底; 共15天, 左右, 约2周 in the dates' bracket), kept
    as `时间：…`."""
    bracket = _bracket_around(head, start, end)
    inner = head[bracket[0] + 1:bracket[1] - 1] if bracket else head[start:end]
    extra = bracket is not None and (head[bracket[0] + 1:start] + head[end:bracket[1] - 1]).strip(" ，,、：:")
    more = extra or any(p.search(inner) for p in (PART_OF_MONTH, _WEEK, _WEEKDAY))  # …上旬, 第1周, 9月23日（周一）
    return [f"时间：{inner.strip()}"] if more else []


_WEEKDAY = re.compile(r"\s*[（(]\s*(?:周|星期)[一二三四五六日天](?:\s*[—－\-~～至到]\s*(?:周|星期)?[一二三四五六日天])?\s*[)）]")
_WEEK = re.compile(r"\s*第\s*[\d一二三四五]{1,2}(?:\s*[—－\-~～至到]\s*[\d一二三四五]{1,2})?\s*周")


def _seasoned(head: str, season: FoundRange, body: list[str], step: dict[str, Any]) -> tuple[str, list[str]]:
    """A step dated by a quarter or a half-year: its months; the words kept at the top of the body."""
    start, end = season.span
    step.update({"start": str(season.start), "end": str(season.end)})
    title = _cut(head, (start, end))
    if not title and body:
        title, body = body[0], body[1:]
    return title or head.strip(), [f"时间：{head[start:end].strip()}"] + body


_AFTER_DATES = re.compile(r"(?:[）)\]】]?[ \u3000]+|[）)\]】][，,；;]\s*)(?=\S)")
_BY = re.compile(r"(?:(?P<today>即日起?\s*(?:开始)?\s*[,，]?\s*(?:至|到))|截至|截止到?|(?<![\d日号月])(?:至|到))\s*$")


def _by(head: str, fields: dict[str, str], found: FoundRange, today: str | None) -> tuple[dict[str, str], FoundRange]:
    """截至2024年4月底，完成…: a deadline written before the date; 即日起至3月20日: from the plan's date (when it has
    one) to the date written. The span then takes those words in."""
    until = _BY.search(head[:found.span[0]]) if found.end is None and "start" in fields else None
    if until is None:
        return fields, found
    from_today = {"start": today} if today and until["today"] else {}
    return from_today | {"end": fields["start"]}, FoundRange(found.start, None, (until.start(), found.span[1]))


def _first_clause(head: str, dates: tuple[int, int], clause: re.Match[str]) -> str:
    """The clause naming a step; a bare phase label takes the clause after it (第一步，摸底排查，3月15日前…),
    or the one after the dates (第一步，4月15日至4月30日，全面走访…)."""
    before = head[:dates[0]]
    name = before[:clause.start()].strip()
    if not _PHASE.match(name):
        return name
    between = before[clause.end():]
    cut = re.search(r"[，,；;]", between)
    if cut and cut.start() >= 2:
        return f"{name}，{between[:cut.start()].strip()}"
    after = re.match(r"\s*[，,]\s*([^，,；;。]{2,40})", head[dates[1]:])
    return f"{name}，{after[1].strip()}" if after else name


def _deadline(fields: dict[str, str], found: FoundRange, after: str) -> dict[str, str]:
    """5月20日前: a single date that is a deadline is the step's end."""
    if found.end is None and re.search(r"(?:前|完成|完毕|办结|结束)\s*$", after) and "start" in fields:
        return {"end": fields["start"]}
    return fields


def _date_end(head: str, end: int) -> int:
    """Where the dates end: after 上旬 / 月底 and a deadline's 前 (以前, 之前)."""
    end = len(head) - len(head[end:].lstrip(" 上中下旬初底末份"))
    week = _WEEK.match(head[end:]) or _WEEKDAY.match(head[end:])  # 9月第1—2周: read to the month; 9月23日（周一）
    end += week.end() if week else 0
    m = re.match(r"\s*(?:(?:以前|之前|前)?\s*(?:完成|完毕|办结|结束)(?=[，,。；;）)]|$)|以前|之前|前|起(?![草步])|开始|以后)",
                 head[end:])  # 从11月起
    return end + m.end() if m else end


def _dates_in_body(step: dict[str, Any], rest: str, body: list[str], years: Years, warnings: list[Wording],
                   line: int) -> tuple[str, list[str]]:
    """准备阶段：2024年3月—2024年4月，组建…: a range opening the text after the title dates the step."""
    first = arabic_dates(rest if rest.strip() else (body[0] if body else ""))  # 二〇二四年三月一日 too
    year = years.see(first)  # its own year, or the year a month falls in after a span across the new year
    k = PART_OF_MONTH.sub(lambda m: " " * len(m.group(0)), key(first))
    label = _TIME_LABEL.match(k)  # 时间：2024年4月至6月 on the line under the step's title
    offset = label.end() if label else 0
    found = find_joined(k[offset:], year)
    if not found:
        return rest, body
    if found.span[0] > 2:
        if not label:
            _dates_inside(step, k, found, warnings, line, years.today)
        return rest, body
    end = _date_end(first, offset + found.span[1])
    words = (k[offset:offset + found.span[0]], k[offset + found.span[1]:end])  # 截至…, …前 / 上旬 / 起
    if not _opening_dates(step, found, words, k[end:end + 1], warnings, line):
        return rest, body
    if label:  # the line stays as written: 上旬, 月底 and the label say more than the dates
        return rest, body
    remainder = first[end:].lstrip("，,。；;：: ）)")
    if PART_OF_MONTH.search(first[offset + found.span[0]:end]):  # 2024年12月中旬，总结…: the words stay with the step
        remainder = f"时间：{first[offset + found.span[0]:end].strip()}。{remainder}"
    if rest.strip():
        return remainder, body
    return rest, ([remainder] if remainder else []) + body[1:]


_TIME_LABEL = re.compile(r"^\s*(?:起止时间|完成时限|时间安排|实施时间|时\s*间|时\s*限)\s*(?:[:：]|为)\s*")


def _opening_dates(step: dict[str, Any], found: FoundRange, words: tuple[str, str], after: str,
                   warnings: list[Wording], line: int) -> bool:
    """Dates opening a step's text date it when a clause or a bracket ends after them, or they are a whole
    range or a deadline; `words` are what precedes the dates (截至) and what follows them (前, 上旬…), `after` the
    character after those."""
    fields = _deadline(range_fields(found, warnings, line), found, words[1])
    if found.end is None and "start" in fields and _BY.search(words[0]):  # 截至2024年3月20日，摸清…
        fields = {"end": fields["start"]}
    deadline = words[1].strip().endswith("前")  # 11月30日前完成…: a deadline opening the text dates the step
    if not fields or not (_CLAUSE_END.match(after or "，") or after in "）)（(" or found.end is not None or deadline):
        # （ : a note on the day after it (2月24日（正月十五）)
        return False
    step.update(fields)
    return True


def _dates_inside(step: dict[str, Any], k: str, found: FoundRange, warnings: list[Wording], line: int,
                  today: str | None) -> None:
    """各村于2024年5月31日前完成…: a deadline or a whole range in the first sentence of a step's text dates it
    (the text stays as written)."""
    end = k.find("。")
    if 0 <= end < found.span[1]:
        return
    deadline = re.match(r"\s*(?:以前|之前|前)", k[found.span[1]:])
    fields = range_fields(found, warnings, line)
    if found.end is None and not deadline:  # 即日起至3月31日，…: from the plan's date; 截至…: a deadline
        step.update(_by(k, fields, found, today)[0] if "start" in fields and _BY.search(k[:found.span[0]]) else {})
        return
    step.update({"end": fields["start"]} if deadline and "start" in fields else fields)


def _title_and_rest(text: str) -> tuple[str, str]:
    """A step title of at most ~30 characters; the rest of a long sentence stays in the body."""
    text = text.strip()
    head = re.search(r"[：:。]", text)
    name = _PHASE_NAME.match(text)
    if name:  # 第一阶段：摸清底数。各村…: the phase and its name
        return name["title"], text[name.end():].strip()
    if head and _PHASE.match(text[:head.start()]) and len(text) <= 30 and head.group(0) != "。":
        return text.rstrip("，,。：: "), ""  # 第一阶段：宣传报名
    if head and 0 < head.start() <= 20 and text[head.end():].strip():
        return text[: head.start()].strip(), text[head.end():].strip()
    if len(text) <= 30:
        return text.strip("，,。：: ") or "（无标题）", ""
    m = _CLAUSE_END.search(text)
    if m and 0 < m.start() <= 30:
        rest = text[m.end():].strip() if m.group(0) in "。：:" else text
        return text[: m.start()], rest
    return text[:30] + "…", text


def _bracket_around(text: str, start: int, end: int) -> tuple[int, int] | None:
    """The bracket the dates stand in (调研阶段（约2周，3月1日开始）): its start and end; None when not in one."""
    opened = max(text.rfind(c, 0, start) for c in "（([【")
    closes = [i for i in (text.find(c, end) for c in "）)]】") if i >= 0]
    if opened < 0 or not closes or re.search(r"[）)\]】]", text[opened:start]) or \
            re.search(r"[（(\[【]", text[end:min(closes)]):
        return None
    return opened, min(closes) + 1


def _cut(text: str, span: tuple[int, int]) -> str:
    """The title without its dates and the brackets around them (with the words beside the dates in them)."""
    bracket = _bracket_around(text, *span)
    if bracket:
        before, after = text[:bracket[0]], text[bracket[1]:]
        after = re.sub(r"^\s*[，,、：:]", "", after) if not before.strip() else after
        return (before.rstrip(" ：:，,—－-~～") + after).strip()
    before, after = text[: span[0]], text[span[1]:]
    opened = re.search(r"[（(\[【]\s*(?:(?:起止|实施|完成)?时[间限]\s*[:：为]?)?\s*$", before)  # 调研阶段（时间：…）
    before = before[:opened.start()] if opened else before
    after = re.sub(r"^\s*(?:[，,；;][^（）()\[\]【】]{1,20})?[）)\]】]" if opened else r"^\s*[）)\]】]", "", after)
    after = re.sub(r"^\s*(?:[，,、：:]|为(?=\S))", "", after) if not before.strip() else after
    return (before.rstrip(" ：:，,—－-~～") + after).strip()


_MONTHS = re.compile(r"(?<!\d)(\d{1,2})\s*([—–\-~～至到])\s*(\d{1,2})月")
_PHASE_NAME = re.compile(r"^(?P<title>\s*第[一二三四五六七八九十\d]{1,3}(?:阶段|步|批)\s*[：:，,]\s*[^，,。；;：:\n]{2,15})"
                         r"(?:[。；;]|\n|$)")  # 第一阶段：摸清底数。 / 第一阶段 over 项目前期 alone on its line
_PHASE = re.compile(r"^\s*第[一二三四五六七八九十\d]{1,3}(?:阶段|步|批)\s*$")


def is_phase_label(text: str) -> bool:
    """'第一阶段', '第二步': a phase named by its number only."""
    return bool(_PHASE.match(text))
