"""A leadership table pasted from a web page one cell per line, read back into rows.

    职务 / 姓名 / 工作单位及职务 / 组长 / 白居正 / 县委宣传部副部长 / 副组长 / 苏东来 / 县教育局副局长

(each on a line of its own) is a header of N short lines that name a leadership table's columns, then
its cells N by N, as long as the lines are short cells (no sentence). The rows are returned as
Markdown pipe rows, which the leadership reader takes like any table. Pure.
"""

from __future__ import annotations

import re

from .. import plantables

_CELL = re.compile(r"[^。；;！？!?|]{1,40}")
_MAX_COLUMNS = 6


def cell_rows(lines: list[str]) -> list[str]:
    """The lines with a table written one cell per line rewritten as pipe rows; the lines as they are
    when they hold none."""
    for start in range(len(lines)):
        width = _header_width(lines, start)
        if width:
            end = _cells_end(lines, start + width, width)
            if end > start + width:
                rows = [lines[i:i + width] for i in range(start, end, width)]
                piped = ["| " + " | ".join(c.strip() for c in row) + " |" for row in rows]
                return lines[:start] + piped + lines[end:]
    return lines


def _header_width(lines: list[str], start: int) -> int:
    """N when the N lines from `start` are the header of a leadership table (姓名 and another column)."""
    for width in range(_MAX_COLUMNS, 1, -1):
        cells = tuple(t.strip() for t in lines[start:start + width])
        if len(cells) == width and all(0 < len(c) <= 8 for c in cells) and plantables.is_header_row("|".join(cells)) \
                and plantables.kind_of(plantables.Table(cells, ())) == "leadership":
            return width
    return 0


def _cells_end(lines: list[str], pos: int, width: int) -> int:
    """Where the rows of cells after the header end: whole rows of short cells only."""
    while pos + width <= len(lines) and all(_CELL.fullmatch(t.strip()) for t in lines[pos:pos + width]):
        pos += width
    return pos
