"""Leadership and steps tables, as Word documents and Markdown plans write them. Pure.

A leadership table has a name column (姓名) and any of 职务, 单位, 小组职务 in any order; a steps
table has a phase or time column and any of 阶段, 时间, 主要任务, 责任单位. A table is rows of cells;
in text it is written as Markdown pipe rows (`| 姓名 | 职务 |`), the form the importer gives tables
of Word documents too. People are read here; steps in `steptable`. See docs/plan-format.md.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .cnposts import split_title
from .cntext import GROUP_STARTS, GROUP_WORDS
from .dates import PART_OF_MONTH, arabic_months, find_range, find_season, month_dots
from .vocabulary import fold

_PIPE_ROW = re.compile(r"^\s*\|.*\|\s*$")
_RULE_CELL = re.compile(r"^\s*:?-{2,}:?\s*$")

# Column headers, folded; the first column kind whose word a header holds wins.
_LEADERSHIP_COLUMNS: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("name", ("姓名及单位职务", "姓名及职务", "姓名和职务", "姓名、职务", "姓名职务", "姓名及单位")),  # one cell: both
    ("org_title", ("单位及职务", "单位和职务", "单位职务", "职务及单位", "单位及职位", "工作单位及职务", "所在单位及职务",
                   "部门及职务", "部门和职务", "部门职务", "所在部门及职务")),
    ("role", ("小组职务", "组内职务", "小组分工", "组内分工", "担任职务", "小组职位", "分工", "角色", "组内职位")),
    ("name", ("姓名", "名字", "人员")),
    ("org", ("工作单位", "所在单位", "单位", "部门")),
    ("title", ("现任职务", "行政职务", "职务", "职称", "职位")),
)
STEP_COLUMNS: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("owner", ("责任单位", "负责单位", "牵头单位", "责任人", "负责人", "责任部门", "实施单位", "责任科室", "牵头科室",
               "承办单位", "责任股室", "牵头部门")),
    ("from", ("开始时间", "起始时间", "开始日期", "起始日期")),  # with an end column: a range in two cells
    ("until", ("结束时间", "截止时间", "结束日期", "截止日期", "完成时间")),
    ("when", ("时间", "日期", "时限", "期限", "起止")),
    ("title", ("阶段", "步骤", "环节", "名称", "项目")),
    ("body", ("主要任务", "工作任务", "工作内容", "任务", "内容", "主要工作", "重点工作", "工作重点", "工作要求", "工作事项",
              "事项")),
)
HEADER_WORDS = tuple(word for _, words in (*_LEADERSHIP_COLUMNS, *STEP_COLUMNS) for word in words)  # every column header
ROLE_WORDS: dict[str, str] = {
    "组长": "leaders", "第一组长": "leaders", "名誉组长": "leaders", "执行组长": "leaders", "总指挥": "leaders", "指挥长": "leaders", "召集人": "leaders",
    "副召集人": "deputies",
    "常务副组长": "deputies", "执行副组长": "deputies", "副组长": "deputies", "副总指挥": "deputies", "副指挥长": "deputies",
    "成员": "members", "组员": "members", "顾问": "members", "技术顾问": "members", "专家顾问": "members", "法律顾问": "members", "秘书长": "members", "副秘书长": "members", "秘书": "members",
    "联络员": "members", "办公室主任": "members", "委员": "members",
}
_ROLES_LONGEST: tuple[str, ...] = tuple(sorted(ROLE_WORDS, key=len, reverse=True))
ROLE_PATTERN = "|".join(_ROLES_LONGEST)  # every role word, longest first, for a regular expression


def spaced_roles(leave_out: tuple[str, ...] = ()) -> str:
    """Every role word but those left out, longest first, spaces allowed between its characters (组　长, 成　员),
    for a regular expression."""
    return "|".join(r"\s*".join(word) for word in _ROLES_LONGEST if word not in leave_out)
# The roles a sentence gives (由…任组长, 组长由…担任, …（副组长，…）), longest first where one ends another.
PROSE_ROLES = "常务副组长|副组长|第一组长|名誉组长|执行组长|组长|成员|顾问|秘书长|联络员|副总指挥|总指挥|副指挥长|指挥长"
PLAIN_ROLES = {"组长": "leaders", "副组长": "deputies", "成员": "members", "组员": "members"}


def labelled_role(label: str) -> str:
    """The role word a label names, its spaces left out ('组　长' -> '组长'); '' when it names none."""
    word = re.sub(r"\s", "", label)
    return word if word in ROLE_WORDS else ""


@dataclass(frozen=True, slots=True)
class Table:
    header: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...]


def is_pipe_row(line: str) -> bool:
    return bool(_PIPE_ROW.match(line))


def pipe_cells(line: str) -> tuple[str, ...]:
    inner = line.strip()[1:-1]
    return tuple(c.strip() for c in inner.split("|"))


def pipe_table(lines: list[str]) -> Table | None:
    """A table from Markdown pipe rows (the rule row under the header optional); None when not one."""
    rows = [pipe_cells(ln) for ln in lines if is_pipe_row(ln)]
    rows = [r for r in rows if not all(_RULE_CELL.match(c) for c in r if c)]
    if len(rows) < 2:
        return None
    return headerless(Table(rows[0], tuple(rows[1:])))


def table_in(lines: list[tuple[int, str]], kind: str) -> tuple[Table | None, list[tuple[int, str]]]:
    """The table of `kind` among numbered lines, and the numbered lines of its body rows (None, [] when none)."""
    rows = [(n, raw) for n, raw in lines if is_pipe_row(raw)]
    table = pipe_table([raw for _, raw in rows])
    if table is None or kind_of(table) != kind:
        return None, []
    return table, rows


def pipe_text(header: tuple[str, ...], rows: list[tuple[str, ...]]) -> list[str]:
    """A table as Markdown pipe rows (cells with | or line breaks made safe)."""
    def row(cells: tuple[str, ...]) -> str:
        return "| " + " | ".join(c.replace("|", "｜").replace("\n", " ").strip() for c in cells) + " |"
    return [row(header), "| " + " | ".join("---" for _ in header) + " |"] + [row(r) for r in rows]


def is_header_row(text: str) -> bool:
    """'| 职务 | 姓名 | 工作单位及职务 |' or the same parted by tabs: every cell names a column of a leadership or
    steps table (the columns become fields, so the row itself need not be kept)."""
    cells = [c for c in re.split(r"[|\t]", text) if c.strip()]
    words = [w for _, ws in _LEADERSHIP_COLUMNS + STEP_COLUMNS for w in ws] + ["序号", "编号", "备注"]
    return len(cells) >= 2 and all(any(w in fold(c) for w in words) for c in cells)


def columns(header: tuple[str, ...], table: tuple[tuple[str, tuple[str, ...]], ...]) -> dict[str, int]:
    found: dict[str, int] = {}
    for i, cell in enumerate(header):
        k = fold(cell)
        for kind, words in table:
            if kind not in found and any(w in k for w in words):
                found[kind] = i
                break
    return found


def headerless(table: Table) -> Table:
    """A leadership table written without a header row (组长 | 王立新 | 县教育局局长): given one, found from
    its cells (a column of roles, a column of names, the rest title and organisation); else the table."""
    rows = (table.header,) + table.rows
    width = min(len(r) for r in rows)
    if columns(table.header, _LEADERSHIP_COLUMNS) or width < 2:
        return table
    roles = [i for i in range(width) if _roles_in(rows, i)]
    names = [i for i in range(width) if i not in roles and _names_in(rows, i)]
    if not roles or not names:
        return _headerless_steps(table, rows, width)
    return Table(_header(width, roles[0], names[0]), tuple(r[:width] for r in rows))


def _header(width: int, role: int, name: int) -> tuple[str, ...]:
    return tuple("小组职务" if i == role else "姓名" if i == name else "职务" for i in range(width))


def _roles_in(rows: tuple[tuple[str, ...], ...], i: int) -> bool:
    """Column i holds group roles: 组长 first, then roles or empty cells (a merged cell reads empty)."""
    return fold(rows[0][i]) in ROLE_WORDS and all(fold(r[i]) in ROLE_WORDS or not r[i].strip() for r in rows)


def _names_in(rows: tuple[tuple[str, ...], ...], i: int) -> bool:
    return all(_NAME_INFO.fullmatch(r[i].strip()) and fold(r[i]) not in ROLE_WORDS for r in rows)


def _headerless_steps(table: Table, rows: tuple[tuple[str, ...], ...], width: int) -> Table:
    """A steps table written without a header row (2024年3月1日—3月15日 | 调查摸底 | 摸清…): a column of dates
    only, a column of short names, the rest the task; else the table."""
    if columns(table.header, STEP_COLUMNS):
        return table
    dates = [i for i in range(width) if all(_dates_only(r[i]) for r in rows)]
    if not dates:
        return table
    return Table(_step_header(rows, width, dates[0]), tuple(r[:width] for r in rows))


def _step_header(rows: tuple[tuple[str, ...], ...], width: int, when: int) -> tuple[str, ...]:
    """The header a headerless steps table is read with: its time column, a column of short names, the task."""
    names = [i for i in range(width) if i != when and _short_cells(rows, i)][:1]
    rest = [i for i in range(width) if i != when and i not in names]
    words = {when: "时间"} | {i: "阶段" for i in names} | {i: "工作内容" for i in rest[:1]}
    return tuple(words.get(i, "") for i in range(width))


def _short_cells(rows: tuple[tuple[str, ...], ...], i: int) -> bool:
    return all(0 < len(r[i].strip()) <= 12 for r in rows)


def _dates_only(cell: str) -> bool:
    read = PART_OF_MONTH.sub("", month_dots(arabic_months(cell)))
    found = find_range(read, 2000) or find_season(read, 2000)
    return found is not None and not (read[:found.span[0]] + read[found.span[1]:]).strip(" （）()前止起至")


def kind_of(table: Table) -> str | None:
    """'leadership', 'steps' or None, by the header."""
    lead = columns(table.header, _LEADERSHIP_COLUMNS)
    if "name" in lead and len(lead) >= 2:
        return "leadership"
    steps = columns(table.header, STEP_COLUMNS)
    if (steps.keys() & {"when", "from", "until", "title"}) and len(steps) >= 2:
        return "steps"
    if "name" in lead and _role_column(table) is not None:
        return "leadership"
    return None


def role_word(cell: str) -> str:
    """'组长全面负责' (组长，全面负责 folded) -> '组长': the role a cell opens with; the cell when none."""
    return next((w for w in _ROLES_LONGEST if cell.startswith(w)), cell)


def has_duties(table: Table) -> bool:
    """Role cells that say more than the role (组长，全面负责): the table is kept in the group's text too."""
    cols = columns(table.header, _LEADERSHIP_COLUMNS)
    col = _role_column(table)
    col = col if col is not None else cols.get("role")
    cells = [fold(cell_at(r, col)) for r in table.rows]
    return any(c and role_word(c) != c and role_word(c) in ROLE_WORDS for c in cells)


def _role_column(table: Table) -> int | None:
    """A column whose cells are mostly group roles (组长, 副组长…), whatever its header."""
    for i in range(len(table.header)):
        cells = [fold(r[i]) for r in table.rows if i < len(r) and r[i].strip()]
        if cells and sum(1 for c in cells if c in ROLE_WORDS) * 2 > len(cells):
            return i
    return None


def _other_title_column(table: Table, role_col: int | None) -> int | None:
    """| 职务 | 姓名 | 现任职务 |: the first 职务 holds the roles, the column of posts is another."""
    others = tuple(h if i != role_col else "" for i, h in enumerate(table.header))
    return columns(others, _LEADERSHIP_COLUMNS).get("title")


def cell_at(row: tuple[str, ...], i: int | None) -> str:
    return row[i].strip() if i is not None and i < len(row) else ""


def extra_columns(table: Table) -> bool:
    """A leadership table with columns the model has no field for (性别, 联系电话…; 工作分工 beside a column of
    roles), 序号 aside."""
    named, role_col = columns(table.header, _LEADERSHIP_COLUMNS), _role_column(table)
    if role_col is not None and named.get("role", role_col) != role_col:
        del named["role"]  # | 职务 | 姓名 | … | 工作分工 |: the roles are in the first column, the duties in the last
    cols = set(named.values()) | {role_col}
    return any(i not in cols and fold(h) not in ("序号", "编号", "") and any(i < len(r) and r[i].strip() for r in table.rows)
               for i, h in enumerate(table.header))


def people_of(table: Table) -> list[tuple[str, dict[str, str]]]:
    """(role key, person) per row; a row with an empty role takes the role of the row above."""
    cols = columns(table.header, _LEADERSHIP_COLUMNS)
    by_cells = _role_column(table)
    role_col = by_cells if by_cells is not None else cols.get("role")
    title_col = cols.get("title") if cols.get("title") != role_col else _other_title_column(table, role_col)
    out: list[tuple[str, dict[str, str]]] = []
    role_key, role_text = "members", ""
    for row in table.rows:
        written = role_word(fold(cell_at(row, role_col))) or _section_role(row)
        if written:
            role_key, role_text = ROLE_WORDS.get(written, "members"), written
        name, info = _name_cell(cell_at(row, cols.get("name")).strip(_NO_NAME))  # — in the name cell: none
        title, org = _title_org(cell_at(row, title_col), cell_at(row, cols.get("org")),
                                cell_at(row, cols.get("org_title")) or info)
        if name:
            out.extend((role_key, person) for person in _row_people(name, title, org, role_text))
        elif org + title:  # | 成员 |  | 各社区党组织书记 |: a group in the post's cell, no name
            out.append((role_key, {"description": org + title}))
    return out


_NO_NAME = "—－-/／ \u3000"  # a name cell holding only a dash holds no name


def _row_people(name: str, title: str, org: str, role: str) -> list[dict[str, str]]:
    """The people of a row's name cell (阮小七、白胜: both), or the group it describes (各乡镇 | 分管负责同志)."""
    if name.startswith(GROUP_STARTS) or (any(w in name for w in GROUP_WORDS) and not re.search("[、，,（(]", name)):
        return [{"description": org + name + title}]  # one group alone in the cell; not 谢丽萍（…）、各有关乡镇分管领导
    people = [{"name": one, "title": title, "org": org} | ({"role": role} if role and role not in PLAIN_ROLES else {})
              for one in _names(name)]
    return [{k: v for k, v in person.items() if v} for person in people]


def _section_role(row: tuple[str, ...]) -> str:
    """'组长 |  |  | ': a row that holds only a role heads the rows under it; '' otherwise."""
    cells = [fold(c) for c in row if c.strip()]
    return cells[0] if len(cells) == 1 and cells[0] in ROLE_WORDS else ""


def _names(cell: str) -> list[str]:
    """The names of a name cell: several when parted by 、, a comma or spaces, each of two to four characters."""
    parts = [p for p in re.split(r"[、，,\s]+", cell) if p.strip()]
    return [p.strip() for p in parts] if len(parts) > 1 and all(2 <= len(p.strip()) <= 4 for p in parts) else [cell]


def _title_org(title: str, org: str, both: str) -> tuple[str, str]:
    """Title and organisation from their columns, or from one cell that holds both (县卫生健康局局长)."""
    if both and not (title or org):
        title = both
    return split_title(title) if title and not org else (title, org)


def _name_cell(cell: str) -> tuple[str, str]:
    """(name, title written with it): '张　伟' -> ('张伟', '') (padded to the width of three);
    '扁鹊（县卫生健康局局长）' -> ('扁鹊', '县卫生健康局局长')."""
    m = _NAME_INFO.fullmatch(cell.strip())
    if m and (m["info"] or m["after"]):  # 扁鹊（县卫生健康局局长）, 李时中 县卫生健康局局长 (two lines of a cell)
        return m["name"], m["info"] or m["after"]
    padded = len(cell) <= 5 and any(len(p) == 1 for p in cell.split())  # 张　伟; not 张三 李四 (two names)
    return (re.sub(r"\s", "", cell) if padded else cell.strip()), ""


_NAME_INFO = re.compile(r"(?P<name>[\u4e00-\u9fff·]{2,8}?)(?:\s*[（(](?P<info>[^）)]+)[)）]|\s+(?P<after>\S{3,40}))?")
