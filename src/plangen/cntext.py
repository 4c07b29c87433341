"""Chinese plan text: leadership lines, people, cited documents, placeholders.

Shared by the Markdown loader and the importer. Pure functions over strings.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .cnposts import DEPARTMENT_ENDS, ORG_SUFFIXES, TITLE_SET, TITLES, split_title
from .vocabulary import ROLE_SYNONYMS, fold

# Two-character surnames (欧阳晓峰, 诸葛明): a name of four characters starts with one of them.
COMPOUND_SURNAMES: frozenset[str] = frozenset((
    "欧阳", "司马", "诸葛", "上官", "东方", "夏侯", "端木", "皇甫", "尉迟", "公孙", "慕容", "长孙", "宇文",
    "司徒", "令狐", "独孤", "南宫", "西门", "轩辕", "呼延", "闻人", "澹台", "公冶", "太史", "申屠", "钟离",
    "百里", "东郭", "濮阳", "淳于", "单于", "拓跋", "司空", "第五", "左丘", "梁丘", "赫连", "万俟",
))


def name_sizes(text: str) -> tuple[int, ...]:
    """Lengths a name ending `text` may have, longest first: 4 only after a two-character surname."""
    return (4, 3, 2) if len(text) >= 4 and text[-4:-2] in COMPOUND_SURNAMES else (3, 2)


# Words that mark a member entry as a description of a group, not a person's name.
GROUP_STARTS = ("各", "全体", "所有", "其余", "其他")  # the words opening a group of people: 各村党支部书记, 其余各所所长
GROUP_WORDS = ("全体", "各", "成员", "教师", "干部", "负责人", "代表", "人员", "等", "班子", "骨干", "小组")

# A name starts only where a run of name characters starts (the look-behind): linear time on long runs.
_PAREN_PERSON = re.compile(r"(?<![^\s（()）,，、;；:：])([^\s（()）,，、;；:：]+)\s*[（(]([^（()）]*)[）)]")
_SPLIT = re.compile(r"[、，,;；\s]+")
AND_A_GROUP = rf"(?:以及|及|和)(?:{'|'.join(GROUP_STARTS)})"  # …及各…, …和全体…: and then a group of people
_NAME_AND_GROUP = re.compile(rf"(?P<name>[\u4e00-\u9fff]{{2,3}})(?P<group>(?:以及|及)(?:{'|'.join(GROUP_STARTS)}).+)")  # 蒋思雨及各网格员
_GROUP_RUN = re.compile(rf"(?:{'|'.join(GROUP_STARTS)})[^\s（()）,，、;；:：]*[（(][^（()）]*[）)][^\s（()）,，、;；:：]+")


@dataclass(frozen=True, slots=True)
class PersonText:
    """A person as read from text: a name with title and organisation, or a description."""

    name: str = ""
    title: str = ""
    org: str = ""
    description: str = ""

    def as_raw(self) -> dict[str, str]:
        raw = {"name": self.name, "title": self.title, "org": self.org, "description": self.description}
        return {k: v for k, v in raw.items() if v}


def parse_people(text: str, known: tuple[str, ...] = ()) -> list[PersonText]:
    """'井明泉(五井小学校长)于海军(嵩山小学校长)' or '张三、李四' or '结对学校全体教师'."""
    text = text.strip().strip("。.;；")
    if not text:
        return []
    people: list[PersonText] = []
    pos = 0
    for m in _PAREN_PERSON.finditer(text):
        if m.start() < pos:  # inside a group's words taken whole
            continue
        if text[pos:m.start()].strip(" 、，,;；"):
            people.extend(_plain_people(text[pos:m.start()]))
        group = _GROUP_RUN.match(text, m.start())
        if group:  # 各村（社区）党组织书记: one group, its bracket inside its words
            people.append(PersonText(description=group.group(0)))
            pos = group.end()
            continue
        title, org = split_title(m.group(2), known)
        people.append(_person_or_group(m.group(1), title, org))
        pos = m.end()
    if text[pos:].strip(" 、，,;；"):
        people.extend(_plain_people(text[pos:]))
    return people


def _plain_people(text: str) -> list[PersonText]:
    pieces = [p for p in _SPLIT.split(text.strip()) if p]
    return [_person_or_group(one, "", "") for p in pieces for one in _name_then_group(p)]


def _name_then_group(piece: str) -> tuple[str, ...]:
    """'蒋思雨及各网格员' -> the name, then the group (its 及 kept with it); any other piece whole."""
    m = _NAME_AND_GROUP.fullmatch(piece)
    return (m["name"], m["group"]) if m else (piece,)


_PLACES = ("县", "市", "省")


def _person_or_group(name: str, title: str, org: str) -> PersonText:
    name = name.strip()
    for n in (len(name) - 2, len(name) - 3):  # 县委常委李某 -> title first, then a name of 2-3 characters
        if n > 0 and name[:n] in TITLE_SET and not name.endswith(DEPARTMENT_ENDS):  # not 总裁 | 办公室
            return PersonText(name=name[n:], title=title or name[:n], org=org)
    if _not_a_name(name):
        return PersonText(description=name + (f"（{title}{org}）" if title or org else ""))
    return PersonText(name=name, title=title, org=org)


def _not_a_name(name: str) -> bool:
    """Words that name no one: a group (全体教师), a post (教研组长, 张校长), a place (凤栖县) or a body (工会)."""
    return (len(name) > 4 and not _DOTTED.fullmatch(name)) or any(w in name for w in GROUP_WORDS) \
        or (len(name) >= 3 and name.endswith(ORG_SUFFIXES + _PLACES)) or name in ORG_SUFFIXES or name.endswith(TITLES)


_DOTTED = re.compile(r"[\u4e00-\u9fff]{1,8}[·•．・][\u4e00-\u9fff]{1,8}")  # 阿不都·热合曼
_ROLE_LINE = re.compile(r"^\s*(?P<label>[^:：\s][^:：]{0,7}?)\s*[:：]\s*(?P<rest>.*)$")


def role_of_label(label: str) -> str | None:
    """'组 长' -> 'leaders'; '副组长' -> 'deputies'; '组员' -> 'members'."""
    key = fold(label)
    for role, names in ROLE_SYNONYMS.items():
        if key in names:
            return role
    return None


def parse_role_line(line: str) -> tuple[str, list[PersonText]] | None:
    """'组长:井明泉(五井小学校长)' -> ('leaders', [...]); None when the line names no role."""
    m = _ROLE_LINE.match(line)
    if not m:
        return None
    role = role_of_label(m["label"])
    if role is None:
        return None
    return role, parse_people(m["rest"])


_PROSE_ROLE = re.compile(r"由(?P<who>[^，。,；;由]+?)(?:同志)?(?:任|担任)(?P<role>副组长|组长|成员)")


def parse_prose_roles(text: str) -> list[tuple[str, PersonText]]:
    """'由县委常委李某任组长' -> [('leaders', 李某 县委常委)]."""
    found = []
    for m in _PROSE_ROLE.finditer(text):
        role = role_of_label(m["role"]) or "members"
        for person in parse_people(m["who"]):
            found.append((role, person))
    return found


_OFFICE = re.compile(r"办公室设在(?P<loc>[^，,。；;]+)")
_DIRECTOR = re.compile(r"(?:办公室)?主任(?:由)?[:：]?\s*(?P<who>[^，,。；;]+?)(?:同志)?(?:担任|兼任)?(?:[，,。；;]|$)")


def parse_office(line: str) -> tuple[str, PersonText | None] | None:
    """'办公室设在教导处，主任由刘钰兼任' -> ('教导处', 刘钰)."""
    m = _OFFICE.search(line)
    if not m:
        return None
    location = m["loc"].strip()
    rest = line[m.end():]
    d = _DIRECTOR.search(rest)
    director = None
    if d:
        people = parse_people(d["who"].replace("由", ""))
        director = people[0] if people else None
    return location, director


_BOOK = re.compile(r"《(?P<title>[^》]{1,200})》")
_DOC_NUMBER = re.compile(
    r"[\u4e00-\u9fff]{1,12}[〔\[【(（]\s*(?:\d{4}|[xX]{4}|20[xX]{2})\s*[〕\]】)）]\s*(?:第\s*)?[\dxX]+\s*号"
)


_CONNECTOR = re.compile(r"^(?:根据|按照|依据|依照|及|和|与|、)+")


def find_documents(text: str) -> list[tuple[str, str]]:
    """Cited documents in text: [(title, number)], a number attached to the title before it."""
    found: list[tuple[str, str]] = []
    numbers = [(m.start(), _CONNECTOR.sub("", m.group(0))) for m in _DOC_NUMBER.finditer(text)]
    used: set[int] = set()
    for m in _BOOK.finditer(text):
        number = ""
        for i, (start, num) in enumerate(numbers):
            if i not in used and 0 <= start - m.end() <= 3:
                number = num
                used.add(i)
                break
        found.append((m["title"].strip(), number))
    found.extend(("", num) for i, (_, num) in enumerate(numbers) if i not in used)
    return found


# (the lookahead names every first character a match can have: the search skips the others quickly)
_PLACEHOLDER = re.compile(r"(?=[12xX×某＿_])(?:(?:20|19)[xX×]{2}|(?<![xX×])[xX×]{2,}(?=[\u4e00-\u9fff年月日号])|某某|XXX"
                          r"|＿{2,}|_{3,})")


def find_placeholder(text: str) -> str:
    """The first unfilled-template placeholder in text (20xx, xx小学, 某某, ___), or ''."""
    m = _PLACEHOLDER.search(text)
    return m.group(0) if m else ""
