"""Steps from a steps table (阶段 | 时间 | 主要任务 | 责任单位, in any column order). Pure.

The table itself is read by `plantables`; see docs/plan-format.md.
"""

from __future__ import annotations

import re

from .dates import PART_OF_MONTH, DateIssue, FoundRange, PlanDate, arabic_months, find_range, find_season, month_dots
from .plantables import STEP_COLUMNS, Table, cell_at, columns


def steps_of(table: Table, year: int | None) -> list[dict[str, str]]:
    """One step per row: title, start/end (from the time column), owner, body."""
    cols = _time_columns(columns(table.header, STEP_COLUMNS))
    steps = [_with_other_cells(_step_of(row, cols, year), row, table.header, cols) for row in table.rows]
    return [s for s in steps if s]


def _time_columns(cols: dict[str, int]) -> dict[str, int]:
    """A start column and an end column are read together (開始时间 | 结束时间); either alone is the time column."""
    if "from" in cols and "until" in cols:
        return cols
    alone = cols.pop("from", None)
    alone = cols.pop("until", alone)
    if alone is not None and "when" not in cols:
        cols["when"] = alone
    return cols


_NUMBER_COLUMN = re.compile(r"^(?:序号|编号|序|No\.?)$", re.IGNORECASE)


def _with_other_cells(step: dict[str, str], row: tuple[str, ...], header: tuple[str, ...],
                      cols: dict[str, int]) -> dict[str, str]:
    """A column with no field of its own (备注, 完成标准) is kept in the step's body as `header：cell`."""
    used = set(cols.values())
    other = [f"{header[i].strip()}：{cell.strip()}" if header[i].strip() else cell.strip()
             for i, cell in enumerate(row[:len(header)])
             if i not in used and cell.strip() and not _NUMBER_COLUMN.match(header[i].strip())]
    if step and other:
        step["body"] = "\n\n".join(x for x in [step.get("body", "")] + other if x)
    return step


def _step_of(row: tuple[str, ...], cols: dict[str, int], year: int | None) -> dict[str, str]:
    title, when = _title_and_time(cell_at(row, cols.get("title")), cell_at(row, cols.get("when")) or _range_cells(row, cols),
                                  year)
    body, owner = cell_at(row, cols.get("body")), cell_at(row, cols.get("owner"))
    if not (title or when or body):
        return {}
    title, body = _titled_by_task(title, body)
    step: dict[str, str] = {"title": title or when or body[:30]}
    dates, body = _step_dates(when, bool(title), body, year)
    step.update(dates)
    step.update({k: v for k, v in (("owner", owner), ("body", body)) if v})
    return step


def _titled_by_task(title: str, body: str) -> tuple[str, str]:
    """With no title column the task names the step: its name before a colon (集中排查：组织村干部…), or the
    whole task when it is short."""
    named = (_NAMED_TASK.match(body) or _FIRST_CLAUSE.match(body)) if not title and len(body) > 30 else None
    if named:
        return named["name"], body[named.end():]
    if not title and body:
        return body, ""
    return title, body


_NAMED_TASK = re.compile(r"^\s*(?P<name>[^，,。；;：:\s]{2,12})\s*[：:]\s*(?=\S)")
_FIRST_CLAUSE = re.compile(r"^\s*(?P<name>[^，,。；;：:\s]{2,20})\s*[，,；;]\s*(?=\S)")  # 召开实训动员会，开展…


def _title_and_time(title: str, when: str, year: int | None) -> tuple[str, str]:
    """A time cell that also names the phase (第一阶段（2024年3月1日—3月15日）) gives the title when there is no title
    column; a 阶段 cell that holds the dates gives the time when there is no time column."""
    if not title and when:
        return _words_beside_dates(when, year), when
    if title and not when and _words_beside_dates(title, year):
        return _words_beside_dates(title, year), title
    return title, when


def _range_cells(row: tuple[str, ...], cols: dict[str, int]) -> str:
    """The time of a row written in a start and an end column: '2024年3月1日至2024年3月31日'."""
    start, end = cell_at(row, cols.get("from")), cell_at(row, cols.get("until"))
    return f"{start}至{end}" if start and end else start or end


def _words_beside_dates(when: str, year: int | None) -> str:
    """'第一阶段（2024年3月1日—3月15日）' -> '第一阶段'; '' when the cell holds dates only."""
    read = PART_OF_MONTH.sub(lambda m: " " * len(m.group(0)), month_dots(when))
    found = find_range(read, year) or find_season(read, year)
    if found is None or len(read) != len(when) or arabic_months(when) != when:
        return ""
    words = (when[:found.span[0]] + when[found.span[1]:]).strip(" （）()【】[]：:，,、前止即日起自从截至到")
    return words if len(words) >= 2 and re.search(r"[\u4e00-\u9fff]", words) else ""


def _step_dates(when: str, titled: bool, body: str, year: int | None) -> tuple[dict[str, str], str]:
    """The start and end read from a time cell, and the body: a time read only to the month (3月上旬)
    or not read as dates at all keeps its words at the top of the body."""
    if not when:
        return {}, body
    read = PART_OF_MONTH.sub("", month_dots(arabic_months(when)))  # 三月份, 2023.3—2023.5
    season = find_season(read, year)  # 2024年第三季度: its months, its words kept
    found = find_range(read, year) or season
    kept = f"时间：{when}"
    if found is None:
        return {}, ("\n\n".join(x for x in (kept, body) if x) if titled else body)
    if read != month_dots(when) or found is season:
        body = "\n\n".join(x for x in (kept, body) if x)
    dates = {name: _date_text(value, when) for name, value in zip(("start", "end"), _ends(found, read))}
    return {name: text for name, text in dates.items() if text}, body


def _ends(found: FoundRange, read: str) -> tuple[PlanDate | DateIssue | None, PlanDate | DateIssue | None]:
    """Start and end of a range; 2024年1月15日前 and 即日起至2024年4月30日 are deadlines: the step's end."""
    if found.end is None and (re.match(r"\s*(?:以前|之前|前)", read[found.span[1]:])
                              or re.search(r"(?:至|到|截至|截止到?|止于)\s*$", read[:found.span[0]])):
        return None, found.start  # 即日起至2024年4月30日, 截至…: the end
    return found.start, found.end


def _date_text(value: PlanDate | DateIssue | None, written: str) -> str:
    """ISO text; for a date that cannot be read, the words as written, so that `plangen check` reports them."""
    if isinstance(value, PlanDate):
        return str(value)
    if isinstance(value, DateIssue):
        return value.written or written
    return ""
