"""Dates read in a plan's text: the year in force, a range joined by a 时限 sentence, the period, and the
issuer and date of the closing lines.

Pure functions over the simplified reading of a text (`key`); no year is ever made up.
"""

from __future__ import annotations

import re
from typing import Any

from ..dates import DateIssue, FoundRange, PlanDate, find_range, parse_date
from ..wording import Wording, msg
from .cleaning import Line
from .hanzi import key
from .structure import DATE_LINE, ORG_DATE_LINE, SEAL, arabic_dates, is_org_line

# A year in force: one a date is written in (2024年3月, 2024年底, 2024年第三季度), not one spoken of (2024年度, 较2024年,
# 对照2024年专项核查…: a year's work).
_YEAR = re.compile(r"(?<![\d较比])((?:19|20)\d{2})\s*年(?=\s*(?:\d|[底末初内前]|[上下]半年|第|[一二三四]季度|起|至|到|—|－|-|$|[，,。；;（(）)]))")
_YEAR_MONTH = re.compile(r"(?<!\d)((?:19|20)\d{2})\s*年\s*(\d{1,2})\s*月")
_MONTH = re.compile(r"(?<![\d年.])(\d{1,2})\s*月")


class Years:
    """The year in force while reading a plan top to bottom; after a span across the new year (2024年9月至2025年
    1月), a month without a year takes the span's year it falls in (9月 -> 2024, 3月 -> 2025)."""

    def __init__(self, default: int | None, today: str | None = None, titled: int | None = None) -> None:
        self.current = default
        self.today = today  # the plan's date: where 即日起 starts
        self.titled = titled  # the one year the plan's title names (2024年…方案)
        self.span: tuple[int, int, int] | None = None  # (first year, first month, last month) of a span into the next

    def at_steps(self) -> None:
        """The steps are the plan's: a month without a year in them is in the year its title names, whatever
        year the text before spoke of (…2025年3月底前完成竣工验收); but after a span from the year before into that year
        (2025年元旦春节…方案 over 2024年12月20日至2025年2月28日), a month falls in the span's year it is in."""
        if self.titled and not (self.span and self.titled == self.span[0] + 1):
            self.current, self.span = self.titled, None

    def see(self, text: str) -> int | None:
        """Take the years of `text` into account; the year its first date is read in: the year in force
        before it when that date has none (9月1日—2025年1月17日: 2024), else its own."""
        k = key(text)
        found = list(_YEAR.finditer(k))
        month = _MONTH.search(k)
        if found:
            reading = self.current if month and month.start() < found[0].start() else int(found[0][1])
            self.current = int(found[-1][1])
            dated = _YEAR_MONTH.findall(k)
            first, last = (dated[-2], dated[-1]) if len(dated) >= 2 else (None, None)
            across = first is not None and last is not None and int(last[0]) == int(first[0]) + 1
            self.span = (int(first[0]), int(first[1]), int(last[1])) if across and first and last else None
            return reading
        if self.span and month:  # a month without a year after a span across the new year
            self.current = self.span[0] + _later(int(month[1]), *self.span[1:])
        return self.current


def _later(month: int, first: int, last: int) -> int:
    """1 when a month falls in the span's second year (2024年9月至2025年1月: 1月), or nearer its end than its
    start outside it (3月); 0 when in its first year (9月…12月) or nearer its start (8月: the preparation)."""
    if month >= first:
        return 0
    return 1 if month <= last or month - last < first - month else 0


def date_text(value: PlanDate | DateIssue) -> str | None:
    """ISO text for a date; the written words for a placeholder; None when unreadable or yearless."""
    if isinstance(value, PlanDate):
        return str(value)
    if value.kind == "placeholder":
        quoted = re.search(r"'(.+?)'", value.message)
        return quoted.group(1) if quoted else None
    return None


def range_fields(found: FoundRange, warnings: list[Wording], line: int) -> dict[str, str]:
    out: dict[str, str] = {}
    for name, value in (("start", found.start), ("end", found.end)):
        if value is None:
            continue
        text = date_text(value)
        if text:
            out[name] = text
        elif isinstance(value, DateIssue):
            warnings.append(msg("import.at-line", line=line, what=msg("import.date-left", why=value.said)))
    return out


_FROM_TODAY = re.compile(r"即日起?\s*(?:开始)?\s*[,，]?\s*(?:至|到|止于|截至)\s*$")
_BETWEEN = re.compile(r"起|开始|持续|一直|延续|[上中下]旬|[初底末]|[，,\s]")  # 从3月1日开始，持续到…, 自2月中旬开始，至…:
# the words between the two dates
_UNTIL = re.compile(r"(?:至|到|止于|截至|截止到?)\s*")


def period_from(text: str, years: Years, warnings: list[Wording], line: int, today: str | None = None) -> dict[str, str]:
    """The first date range; `从2024年3月开始，至2024年12月止` (a 时限 sentence) read as one range;
    `即日起至2024年12月底` from the plan's date (`today`, when it has one) to the date written."""
    k = key(text)
    found = find_range(k, years.current)
    if not found:
        return {}
    fields = range_fields(found, warnings, line)
    if found.end is None and "start" in fields and _FROM_TODAY.search(k[:found.span[0]]):
        return {"start": today, "end": fields["start"]} if today else {"end": fields["start"]}
    joined = joined_range(k, found, years.current)
    if joined is not found and "start" in fields:
        fields.update({k2: v for k2, v in range_fields(joined, warnings, line).items() if k2 == "end"})
    return fields


def find_joined(k: str, year: int | None) -> FoundRange | None:
    """The first date or range in a key, joined with the date a 时限 sentence ends it with."""
    found = find_range(k, year)
    return joined_range(k, found, year) if found else None


def joined_range(k: str, found: FoundRange, year: int | None) -> FoundRange:
    """A single date that a 时限 sentence continues: `自2024年4月起至2024年5月止`, `2024年6月1日开始，至2024年
    9月30日结束` -> one range over both dates (and the words 止 / 结束 after them); else `found`."""
    if found.end is not None:
        return found
    until = _UNTIL.search(k, found.span[1], found.span[1] + 12)
    after = find_range(k[until.end():], found.start.year if isinstance(found.start, PlanDate) else year) if until else None
    if until is None or after is None or after.span[0] != 0 or re.sub(_BETWEEN, "", k[found.span[1]:until.start()]):
        return found
    end = until.end() + after.span[1]
    tail = re.match(r"\s*(?:为止|止|结束)", k[end:])
    return FoundRange(found.start, after.start, (found.span[0], end + (tail.end() if tail else 0)))


def _issued_by(out: dict[str, str], org: str) -> None:
    """An issuer of the signature: a plan issued jointly (two organisations, one line each) names them all."""
    named = out.get("issuer")
    if not named:
        out["issuer"] = org
    elif org and org not in named.split("、"):
        out["issuer"] = f"{named}、{org}"


def closing_fields(closing: list[Line], warnings: list[Wording]) -> dict[str, str]:
    """issuer and date from closing lines such as 南阳市第七小学 / 2009年3月 or 五井小学2016.9.4."""
    out: dict[str, str] = {}
    for ln in closing:
        k = arabic_dates(key(ln.text)).strip()
        line = arabic_dates(ln.text).strip()  # the same shape as its key: cut from it
        m = DATE_LINE.match(k) or ORG_DATE_LINE.match(k)
        if m and "org" in m.groupdict() and m["org"]:
            _issued_by(out, line[: m.end("org")].strip())
        elif not m and is_org_line(ln.text):
            _issued_by(out, SEAL.sub("", ln.text).strip().rstrip("。."))
        if m:
            written = line[m.start("date"):m.end("date")]
            parsed = parse_date(written)
            text = date_text(parsed)
            if text:
                out["date"] = text
            elif isinstance(parsed, DateIssue):
                warnings.append(msg("import.at-line", line=ln.no, what=msg("import.closing-date", why=parsed.said)))
    return out


def plan_years(date: str | None, title: str, year: int | None) -> Years:
    """The year in force at the top of a plan: its date's, else the one its title names, else `year` (its front
    matter's); the steps start from the year the title names."""
    return Years(_year_of(date) or _year_in(title) or year, date, _one_year(title))


def _year_in(title: str) -> int | None:
    """The year a title names (2024年度…方案): the year of dates written without one, as the plan says."""
    m = re.search(r"(?<!\d)((?:19|20)\d{2})\s*年", title)
    return int(m.group(1)) if m else None


def _one_year(title: str) -> int | None:
    """The year of a title that names one (2024年…方案); None for none or a range (2024—2026年)."""
    years = set(re.findall(r"(?<!\d)((?:19|20)\d{2})(?!\d)", title))
    return int(years.pop()) if len(years) == 1 and not re.search(r"\d{4}\s*[—\-－~～至到]", title) else None


def year_of_fields(fields: dict[str, Any]) -> int | None:
    """The year a front matter gives: its date's, else its title's."""
    return _year_of(str(fields.get("date") or fields.get("日期") or "")) or \
        _year_in(str(fields.get("title") or fields.get("标题") or fields.get("名称") or ""))


def _year_of(date: Any) -> int | None:
    m = re.match(r"(\d{4})", date) if isinstance(date, str) else None
    return int(m.group(1)) if m else None


_TIME_SENTENCE = re.compile(r"(?:时间|期限|时限|周期|(?<=[帮扶施务动])期)\s*(?:为|是|[:：]|自|从)|(?:从|自)\s*\d{4}\s*年[^。；;]{0,12}(?:开始|起)"
                            r"|决定(?:于|从|自)\s*\d{4}\s*年\s*\d{1,2}\s*月[^。；;，,]{0,12}(?:至|到|—|－|-)")  # 决定于2024年6月至11月…开展; 帮扶期为…
_TIME_ITEM = re.compile(r"((?:时间|期限|时限|周期))。(?=\s*\d{4}\s*年)")  # （二）帮扶时间。2024年9月至…: an item's title


def time_sentences(text: str) -> list[str]:
    """The sentences of a text that say when the work runs (帮扶期限为…, 自2024年4月开始，至…, 决定于…至…开展), an item's
    title naming the time kept with its dates (（二）帮扶时间。2024年9月至2025年7月。)."""
    return [t for t in re.findall(r"[^。；;]+", _TIME_ITEM.sub(r"\1：", text)) if _TIME_SENTENCE.search(key(t))]
