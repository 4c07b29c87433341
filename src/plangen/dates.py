"""Dates as plans write them: 2016年9月1日, 2016.9.1, 2016-09-01, 9月1日, 2016年9月, ranges.

plangen parses every date itself (the YAML loader hands it text), so one set of rules applies to
YAML, Markdown and imported text. Pure functions; no I/O.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from dataclasses import dataclass
from functools import lru_cache

from .wording import Wording, msg


@dataclass(frozen=True, slots=True, order=True)
class PlanDate:
    """A calendar date, or a month when `day` is 0 (印发日期 2009年3月)."""

    year: int
    month: int
    day: int = 0

    def first(self) -> dt.date:
        return dt.date(self.year, self.month, self.day or 1)

    def last(self) -> dt.date:
        return dt.date(self.year, self.month, self.day or calendar.monthrange(self.year, self.month)[1])

    def __str__(self) -> str:
        if self.day:
            return f"{self.year:04d}-{self.month:02d}-{self.day:02d}"
        return f"{self.year:04d}-{self.month:02d}"

    @property
    def zh(self) -> str:
        return f"{self.year}年{self.month}月{self.day}日" if self.day else f"{self.year}年{self.month}月"


@dataclass(frozen=True, slots=True)
class DateIssue:
    """Why a date could not be read. `kind` is placeholder, invalid, out-of-range or no-year."""

    kind: str
    said: Wording
    written: str  # the date as written

    @property
    def message(self) -> str:
        """In English (the importer's notes); `said` is worded in the command line's language."""
        return self.said.message


def _issue(kind: str, key: str, text: str, **values: object) -> DateIssue:
    return DateIssue(kind, msg(key, text=text, **values), text)


_X = "xX×ｘＸ"
_NUM = rf"[\d{_X}]+"
_FULL = re.compile(
    rf"^\s*(?P<y>{_NUM})\s*(?:年\s*(?P<m1>{_NUM})\s*月\s*(?:(?P<d1>{_NUM})\s*[日号]?)?"
    rf"|[-./／]\s*(?P<m2>{_NUM})\s*(?:[-./／]\s*(?P<d2>{_NUM}))?)\s*$"
)
_MONTH_DAY = re.compile(rf"^\s*(?P<m>{_NUM})\s*月\s*(?:(?P<d>{_NUM})\s*[日号]?)?\s*$")


def parse_date(text: str, year: int | None = None) -> PlanDate | DateIssue:
    """One date. `year` fills in a date written without one (9月1日)."""
    return _parse_date(text, year)


@lru_cache(maxsize=1 << 14)
def _parse_date(text: str, year: int | None) -> PlanDate | DateIssue:
    """parse_date, remembered: rules and the model read each date of a plan several times (values are frozen)."""
    text = text.strip().translate(_FULLWIDTH_DIGITS)
    m = _FULL.match(text)
    if m:
        y, mo, d = m["y"], m["m1"] or m["m2"], m["d1"] or m["d2"]
    else:
        m = _MONTH_DAY.match(text)
        if not m:
            return _issue("invalid", "date.not-a-date", text)
        if year is None:
            return _issue("no-year", "date.no-year", text)
        y, mo, d = str(year), m["m"], m["d"]
    if any(part and not part.isdigit() for part in (y, mo, d)):
        return _issue("placeholder", "date.placeholder", text)
    return _checked(int(y), int(mo), int(d) if d else 0, text)


# The years a plan's dates may have (docs/plan-format.md, "Dates"): from the founding of the state
# whose plans these are to the end of the century. A year outside is a typing mistake (20016, 9999)
# and would give the timeline chart a century of ticks.
FIRST_YEAR = 1949
LAST_YEAR = 2100


def _checked(y: int, m: int, d: int, text: str) -> PlanDate | DateIssue:
    if not 1000 <= y <= 9999:
        return _issue("invalid", "date.four-digits", text, year=y)
    if not FIRST_YEAR <= y <= LAST_YEAR:
        return _issue("out-of-range", "date.out-of-range", text, year=y, first=FIRST_YEAR,
                      last=LAST_YEAR)
    if not 1 <= m <= 12:
        return _issue("invalid", "date.no-month", text, month=m)
    if d and d > calendar.monthrange(y, m)[1]:
        return _issue("invalid", "date.no-day", text, year=y, month=m, day=d)
    if d < 0:
        return _issue("invalid", "date.not-a-date", text)
    return PlanDate(y, m, d)


_FULLWIDTH_DIGITS = str.maketrans("０１２３４５６７８９．－／", "0123456789.-/")

# A date somewhere inside running text: with a year, or month-day, or day only (after a range sign).
_IN_TEXT = re.compile(
    rf"(?:(?P<y>\d{{4}}|\d{{2}}[{_X}]{{2}}|[{_X}]{{4}})\s*(?:年|[-./](?=\s*\d)|(?=[01]\d[0-3]\d(?!\d)))\s*)?"  # 20240301
    rf"(?:(?P<m>\d{{1,2}}|[{_X}]{{1,2}})\s*(?:月|(?<=\d)[-./](?=\d)|(?<=\d{{6}})(?=[0-3]\d(?!\d)))"
    rf"\s*(?:(?P<d>\d{{1,2}}|[{_X}]{{1,2}})\s*[日号]?)?"
    rf"|(?<=年)(?P<yend>[底末])(?![\d月]))"  # 2024年底: December
)
_WEEKDAY = re.compile(r"(?<=[日号])\s*[（(]\s*(?:星期|周|礼拜)[一二三四五六日天]\s*[)）]")
_RANGE_SIGN = re.compile(r"^\s*(?:至|到|—+|－|–|-|~|～)\s*(?:次年|翌年)?\s*")
_END_OF = re.compile(r"^(?:本|当)?(?:月|年)\s*(?:底|末)")
_DAY_ONLY = re.compile(r"^(?P<d>\d{1,2})\s*[日号]")


@dataclass(frozen=True, slots=True)
class FoundRange:
    """Dates found in text: where they stood, and what they say (end may be None)."""

    start: PlanDate | DateIssue
    end: PlanDate | DateIssue | None
    span: tuple[int, int]


def find_range(text: str, year: int | None = None) -> FoundRange | None:
    """The first date or date range in `text`: 宣传动员阶段(5月5日至5月10日) -> 5-05 .. 5-10."""
    norm = _WEEKDAY.sub(lambda m: " " * len(m.group(0)), text.translate(_FULLWIDTH_DIGITS))  # 4月8日（星期一）至…
    for m in _IN_TEXT.finditer(norm):
        if not m["y"] and not m["d"] and "月" not in m.group(0):
            continue
        start = _from_match(m, year)
        start_year = start.year if isinstance(start, PlanDate) else year
        end, stop = _range_end(norm, m.end(), start_year, start)
        return FoundRange(start, end, (m.start(), stop))
    return None


def _from_match(m: re.Match[str], year: int | None) -> PlanDate | DateIssue:
    y = m["y"]
    written = m.group(0)
    if y is None:
        if year is None:
            return _issue("no-year", "date.no-year", written.strip())
        y = str(year)
    parts = (y, "12" if m["yend"] else m["m"], m["d"] or "")
    if any(p and not p.isdigit() for p in parts):
        return _issue("placeholder", "date.placeholder", written.strip())
    return _checked(int(parts[0]), int(parts[1]), int(parts[2]) if parts[2] else 0, written.strip())


def _range_end(text: str, pos: int, year: int | None,
               start: PlanDate | DateIssue) -> tuple[PlanDate | DateIssue | None, int]:
    sign = _RANGE_SIGN.match(text[pos:])
    if not sign:
        return None, pos
    after = pos + sign.end()
    rest = text[after:]
    day = _DAY_ONLY.match(rest)
    if day and isinstance(start, PlanDate):
        return _checked(start.year, start.month, int(day["d"]), day.group(0)), after + day.end()
    until = _END_OF.match(rest)
    if until and isinstance(start, PlanDate):
        return _end_of(start, until.group(0)), after + until.end()
    m = _IN_TEXT.match(rest)
    if not m or (not m["y"] and "月" not in m.group(0) and not m["d"]):
        return None, pos
    end = _from_match(m, year)
    if isinstance(start, PlanDate) and isinstance(end, PlanDate) and not m["y"] and end < start:
        end = _checked(end.year + 1, end.month, end.day, m.group(0))  # 11月至次年1月
    return end, after + m.end()


SEASON = re.compile(r"(?:(?P<year>(?:19|20)\d{2})\s*年\s*度?\s*)?(?:(?<![每各本上下])第?(?P<q>[一二三四1-4])季度|(?P<half>[上下])半年)"
                    r"(?:\s*(?:至|到|—+|－|-|~|～)\s*第?(?P<q2>[一二三四1-4])季度)?")  # 第一季度, 一季度


WHOLE_YEAR = re.compile(r"^\s*(?P<year>(?:19|20)\d{2})\s*年\s*度?\s*(?=[：:])")


def find_season(text: str, year: int | None = None) -> FoundRange | None:
    """The first quarter or half-year in `text`, as months: '2024年第一季度' -> 2024-01 .. 2024-03, 下半年 -> July
    to December, 第二季度至第三季度 -> April to September; a year alone opening the text before a colon
    ('2024年：…') -> 2024-01 .. 2024-12; None when no year is written or given."""
    m = SEASON.search(text.translate(_FULLWIDTH_DIGITS))
    whole = WHOLE_YEAR.match(text.translate(_FULLWIDTH_DIGITS)) if not m else None
    if whole:  # 2024年：…, a step of a plan over several years
        return FoundRange(PlanDate(int(whole["year"]), 1), PlanDate(int(whole["year"]), 12), whole.span())
    y = int(m["year"]) if m and m["year"] else year
    if not m or y is None:
        return None
    if m["q"]:
        first, last = 3 * _quarter(m["q"]) - 2, 3 * _quarter(m["q2"] or m["q"])
    else:
        first, last = (1, 6) if m["half"] == "上" else (7, 12)
    return FoundRange(PlanDate(y, first), PlanDate(y, last), m.span())


def _quarter(written: str) -> int:
    return int(written) if written.isdigit() else "一二三四".index(written) + 1


def _end_of(start: PlanDate, words: str) -> PlanDate:
    """5月1日至月底: the month begun; 3月至年底: December of its year."""
    return PlanDate(start.year, start.month if "月" in words else 12)


_CN_MONTH = r"(?:十[一二]?|[一二三四五六七八九])"
_CN_MONTHS = re.compile(rf"(?<![〇○零一二三四五六七八九十\d]){_CN_MONTH}(?=\s*(?:月|[至到—－\-~～]\s*(?:{_CN_MONTH}|\d{{1,2}})\s*月))")


def arabic_months(text: str) -> str:
    """'三月份' -> '3月份', '五月至六月' -> '5月至6月', '十一月' -> '11月': months in Chinese numerals, as a time cell or
    the time opening a school plan's line writes them (only a month: 三月十五日 is read with its day elsewhere)."""
    def one(m: re.Match[str]) -> str:  # 三至四月: 3月至4月
        return f"{_cn_month(m.group(0))}" + ("" if text[m.end():].lstrip().startswith("月") else "月")
    return _CN_MONTHS.sub(one, text)


def _cn_month(written: str) -> int:
    return 10 + (" 一二".index(written[1]) if len(written) > 1 else 0) if written[0] == "十" else \
        "一二三四五六七八九".index(written) + 1


PART_OF_MONTH = re.compile(r"(?<=[\dxX]月)(?:上中旬|中下旬|上旬|中旬|下旬|初|底|末|份)")  # 3月上旬, 6月底: to the month
_MONTH_DOT = re.compile(r"(?<![\d.])(\d{4})\s*[.．]\s*(\d{1,2})(?![\d.．])")


def month_dots(text: str) -> str:
    """'2023.3—2023.5' -> '2023年3月—2023年5月': a year and month written with a dot, as tables do."""
    return _MONTH_DOT.sub(r"\1年\2月", text)


def plan_year(*candidates: PlanDate | DateIssue | None) -> int | None:
    """The year a plan's year-less dates belong to: the first known of the given dates."""
    for c in candidates:
        if isinstance(c, PlanDate):
            return c.year
    return None
