"""A leadership group from text: role lines, spaced labels, prose, the office.

Forms read: `组长:A(职务)B(职务)副组长:C(职务)` (several roles on one line, names continued on the
next line), `组 长:` (spaced labels), `组长:` with nothing after it (an empty template slot),
prose `由…任组长`, `…任组长`, `组长由…担任`, `以…为组长`, `成员为…`, and `办公室设在…，由…兼任主任`.
Patterns run on the simplified key; names and titles are cut from the original text.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from .. import plantables
from ..wording import Wording, msg
from .cells import cell_rows
from .columns import one_person
from .hanzi import key
from .phrases import office as office_of
from .phrases import prose_person
from .segment import people_in, without_asides
from .written import (
    TITLE_FIRST,
    placeholder_name,
    same_org,
    slot,
    unpadded,
)

_LABEL = re.compile(r"[【\[]?(?P<label>常\s*务\s*副\s*组\s*长|执\s*行\s*副\s*组\s*长|副\s*组\s*长|第\s*一\s*组\s*长|名\s*誉\s*组\s*长|组\s*长|"
                    r"组\s*员|成\s*员|顾\s*问|副\s*秘\s*书\s*长|秘\s*书\s*长|联\s*络\s*员|副\s*总\s*指\s*挥|总\s*指\s*挥)"
                    r"[】\]]?(?P<also>兼(?:任)?(?:领导小组)?办公室主任)?\s*(?P<note>[（(][^（()）]{1,12}[)）])?"
                    r"\s*(?:[:：]|(?<=[】\]])|(?<=[长员问])(?=(?![由为是任])[\u4e00-\u9fff·]{2,8}[（(]))")  # 副组长兼办公室主任：, 组长寇准（…）
_BARE_LABEL = re.compile(r"^\s*(?P<label>常\s*务\s*副\s*组\s*长|副\s*组\s*长|组\s*长|成\s*员|顾\s*问|秘\s*书\s*长)[ \u3000]+"
                         r"(?=[^\s:：])")
_ALONE_LABEL = re.compile(r"[【\[]?(?P<label>常\s*务\s*副\s*组\s*长|副\s*组\s*长|组\s*长|成\s*员|组\s*员|顾\s*问|秘\s*书\s*长|联\s*络\s*员)")
_SHORT = re.compile(r"[^。！？!?]{2,40}")
_ROLE_OF = plantables.ROLE_WORDS
_GROUP_NAME = re.compile(r"成立(?:了)?(?:以[^，,。]*?为组长的)?(?P<name>[^，,。：:；;]{0,30}?领导(?:小组|组))")
_CONTINUED = re.compile(r"^[^，,。；;]{1,12}[(（][^)）]{1,30}[)）]")
_SPACED_LINE = re.compile(r"^\s*[\u4e00-\u9fff]{2,4}[ \u3000]+[^\s，,。；;]{2,24}(?:长|书记|主任|员|师|主席)\s*$")  # 巩敏  …科长
_PROSE = (
    re.compile(r"^(?:由)?(?P<who>[^，,。；;]+?)(?:同志)?(?:担任|兼任|任)(?P<role>常务副组长|副组长|第一组长|名誉组长|组长|成员|顾问|秘书长|副总指挥|总指挥)"),
    re.compile(r"(?P<role>常务副组长|副组长|第一组长|名誉组长|组长|成员|顾问|秘书长|副总指挥|总指挥)由(?P<who>[^，,。；;]+?)(?:同志)?(?:担任|兼任|组成)"),
    re.compile(r"以(?P<who>[^，,。；;]+?)为(?P<role>常务副组长|副组长|第一组长|名誉组长|组长|成员|顾问|秘书长|副总指挥|总指挥)"),
    re.compile(r"^(?P<who>[^，,。；;]+?)为(?P<role>常务副组长|副组长|第一组长|名誉组长|组长|成员|顾问|秘书长|副总指挥|总指挥)"),
    re.compile(r"(?P<role>成员)(?:为|包括|有)(?P<who>[^。；;]+)"),
)
_CLAUSE = re.compile(r"[，,。；;]")
_LABELS = {"leaders": "组长", "deputies": "副组长", "members": "成员"}


@dataclass(slots=True)
class Group:
    """What was read, in plan data form, and the empty slots met."""

    data: dict[str, Any] = field(default_factory=dict)
    empty_slots: list[str] = field(default_factory=list)
    body: list[str] = field(default_factory=list)
    role: str = ""
    label: str = ""
    twice: list[Wording] = field(default_factory=list)
    orgs: tuple[str, ...] = ()
    open: bool = False  # a role label stood alone on its line: the lines after it are its people
    last: dict[str, str] = field(default_factory=dict)  # the person added last
    table_role: tuple[str, str] = ("", "")  # the role of a table's last row, and the line after the table
    after_table: str | None = None

    def add(self, role: str, person: dict[str, str]) -> None:
        people = self.data.setdefault(role, [])
        if not person or person in people:
            return
        name = person.get("name")
        if name and (placeholder_name(name) or name.startswith(_GROUP_START)):  # ×××（待定）, 各乡镇: not a person
            person, name = slot(person), None
        for other in ("leaders", "deputies", "members"):
            if name and other != role and any(p.get("name") == name and p.get("org") == person.get("org")
                                               for p in self.data.get(other, [])):
                self.twice.append(msg("import.named-twice", name=name, role=_LABELS[role], other=_LABELS[other]))
                return
        people.append(person)
        self.last = person


def read_group(lines: list[str], heading: str = "", orgs: tuple[str, ...] = ()) -> tuple[dict[str, Any], list[Wording]]:
    """Leadership data from the lines of the part, and warnings (empty slots). `orgs`: organisation
    names known (the registry's), tried first where an organisation ends and a job title begins."""
    group = Group(orgs=orgs)
    name = _name_in(heading) if heading else ""
    lines = cell_rows([unpadded(_untabbed(t)) for t in lines])
    table_rows = _table(group, lines)
    lines = [t for t in lines if t not in table_rows]
    for text in lines:
        if text is group.after_table:  # the lines after a table may continue its last role
            group.role, group.label = group.table_role
        if not text.strip():
            continue
        if not _read_line(group, text):
            group.body.append(text)
        name = name or _name_in(text)
    return _data(group, name, lines), _slots(group) + group.twice


def _untabbed(line: str) -> str:
    """Tabs between a label, a name and a title ('成　员：\t张　载\t县农业农村局副局长') read as the spaces they
    stand for; a table's row keeps them."""
    return line if plantables.is_pipe_row(line) else line.replace("\t", "\u3000")


def _data(group: Group, name: str, lines: list[str]) -> dict[str, Any]:
    """The group in plan data form: name, roles, office, and the text kept (all lines when no one was read)."""
    data: dict[str, Any] = {"name": name} if name else {}
    same_org(group.data)
    data.update({k: v for k, v in group.data.items() if k != "office"})
    data.setdefault("leaders", [])
    if "office" in group.data:
        data["office"] = group.data["office"]
    kept = group.body or ([] if any(data.get(r) for r in ("leaders", "deputies", "members")) else lines)
    data["body"] = "\n\n".join(t for t in kept if t.strip())
    return {k: v for k, v in data.items() if v or k == "leaders"}


def _slots(group: Group) -> list[Wording]:
    """Warnings for the empty template slots (组长： with nothing after it, nor on the lines below)."""
    return [msg("import.empty-slot", label=label) for label in group.empty_slots
            if not group.data.get(_ROLE_OF[label])]


def _table(group: Group, lines: list[str]) -> list[str]:
    """People of a leadership table (姓名 | 职务 | 单位 | 小组职务, any order) added; its rows returned."""
    rows = [t for t in lines if plantables.is_pipe_row(t)]
    table = plantables.pipe_table(rows)
    if table is None or plantables.kind_of(table) != "leadership":
        return []
    for role, person in plantables.people_of(table):
        group.add(role, person)
        group.table_role = (role, person.get("role", _LABELS[role]))
    after = lines.index(rows[-1]) + 1
    group.after_table = lines[after] if after < len(lines) else None
    if plantables.extra_columns(table) or plantables.has_duties(table):  # 性别, 联系电话, duties: kept as text
        group.body.append("\n".join(rows))
    return rows


def _name_in(text: str) -> str:
    k = key(text)
    m = _GROUP_NAME.search(k)
    if m and m["name"]:
        return text[m.start("name"):m.end("name")].strip("“”\"")
    stripped = text.strip()
    core = key(stripped).rstrip("。：:")
    offset = next((len(p) for p in ("组建", "成立", "建立") if core.startswith(p)), 0)
    bare = core[offset:]
    if bare.endswith("领导小组") and bare != "领导小组" and len(bare) <= 30:
        return stripped[offset:len(core)]
    return ""


_ALSO_DIRECTOR = re.compile(r"[（(]兼(?:任)?(?:领导小组)?办公室主任[)）]|[，,]\s*兼(?:任)?(?:领导小组)?办公室主任(?=[)）])")


def _read_line(group: Group, text: str) -> bool:
    text = _ITEM_NUMBER.sub("", text)  # 1．徐晃（…）: a member numbered in a list
    bare = without_asides(_ALSO_DIRECTOR.sub("", text))
    if bare != text.rstrip():  # 宋　江　县农业农村局局长　13907310001, …（兼）: the people read, the line kept whole
        group.last = {}
        if not _read_line(group, bare):
            return False
        group.body.append(text.strip())
        if _ALSO_DIRECTOR.search(text) and group.last.get("name"):  # 吕蒙　县残联副理事长（兼办公室主任）
            group.data.setdefault("office", {}).setdefault("director", group.last)
        return True
    k = key(text)
    if _alone(group, k) or _role_last(group, text, k):
        return True
    labels = _labels(k)
    if labels:
        return _labelled_sentence(group, text, k, labels)
    if _roles_in_brackets(group, text, k):
        return True
    if group.role and (_continues(group, k.strip()) or _aligned(text)):
        _continue(group, text, k)
        return True
    group.role = ""
    office = office_of(text, k)
    if office:
        group.data["office"] = {**group.data.get("office", {}), **office}
    _prose(group, text, k)
    return False  # prose says more than the roles it names: it is kept as the group's text too


def _labels(k: str) -> list[re.Match[str]]:
    """The role labels of a line: with their colon, glued to a name that starts a phrase, or (组 长 白马乡人民政府乡长
    殷实) one without its colon at the line's start."""
    bare = _BARE_LABEL.match(k)
    return [m for m in _LABEL.finditer(k) if _standing(k, m)] or ([bare] if bare else [])


_SENTENCE_STOP = re.compile(r"。|\s(?=(?:领导小组)?(?:办公室设在|下设办公室))")  # …李端 领导小组办公室设在…


def _standing(k: str, m: re.Match[str]) -> bool:
    """A label with its colon, or one glued to the name after it that starts a phrase (组长寇准（…）; not the
    组长 of 教研组长张三（…）)."""
    return bool(re.search("[:：]", m.group())) or m.start() == 0 or not re.match(r"[\u4e00-\u9fff]", k[m.start() - 1])


def _labelled_sentence(group: Group, text: str, k: str, labels: list[re.Match[str]]) -> bool:
    """Role labels, and the sentences after the one that ends the last label's people
    ('成员：…主要负责同志。领导小组办公室设在…', or after a space in a paste), read as lines of their own."""
    if any(m.re is _LABEL and (m["note"] or not re.search("[:：]", m.group())) for m in labels):  # 组长寇准（…）,
        # 成员（按姓氏笔画为序）：: kept as written
        group.body.append(text.strip())
    stop = _SENTENCE_STOP.search(k, labels[-1].end())
    end = stop.end() if stop and stop.group() == "。" else stop.start() if stop else 0
    if not end or not k[end:].strip():
        _labelled(group, text, k, labels)
        return True
    _labelled(group, text[:end], k[:end], labels)
    rest = text[end:]
    if not _read_line(group, rest):
        group.body.append(rest.strip())
    return True


def _labelled(group: Group, text: str, k: str, labels: list[re.Match[str]]) -> None:
    """A line with role labels: the people of each role; the words before the first label continue the role
    before, or (成立…领导小组，组长：…) stay as the group's text."""
    before = text[: labels[0].start()]
    if not group.role and before.strip(" ，,。；;：:") and not any(b.startswith(before.strip()) for b in group.body):
        group.body.append(before.strip(" ，,；;"))
    _continue(group, before, k[: labels[0].start()])
    for i, m in enumerate(labels):
        end = labels[i + 1].start() if i + 1 < len(labels) else len(k)
        _role_segment(group, m, text[m.end():end], k[m.end():end])


def _continues(group: Group, k: str) -> bool:
    """A line without a label that names more people of the role above it."""
    return bool(_CONTINUED.match(k) or _SPACED_LINE.match(k) or TITLE_FIRST.fullmatch(k) or one_person(k, k)
                or ((group.open or _GROUP_LINE.fullmatch(k)) and _SHORT.fullmatch(k)))


_GROUP_LINE = re.compile(r"(?:各|全体|所有)[^，,。；;：:]{2,30}|[^，,。；;：:]{2,30}(?:负责同志|负责人)")  # 各村党支部书记


_GROUP_START = ("各", "全体", "所有")
_ALIGNED = re.compile(r"^(?:\u3000|  ){3,}(?=\S)")


def _aligned(text: str) -> bool:
    """A short line indented under the label's text ('　　　　各乡镇分管负责同志' below '成　员：…'): more of the
    role above (a paragraph's own indent is two characters)."""
    return bool(_ALIGNED.match(text)) and bool(_SHORT.fullmatch(text.strip()))


_ITEM_NUMBER = re.compile(r"^\s*(?:[-*•●▪◆■]\s+|[\U0001F300-\U0001FAFF\u2190-\u21FF\u25A0-\u25FF\u2600-\u27BF]+\ufe0f?\s*|[一二三四五六七八九十]{1,3}、|\d{1,2}[．、]|\d{1,2}\.(?!\d)|[（(]\d{1,2}[)）]|[①-⑳])\s*(?=[\u4e00-\u9fff])")
_ROLE_LAST = re.compile(r"^\s*(?:(?P<who>[\u4e00-\u9fff·]{2,8}[ \u3000]+[^\s，,。；;（(]{2,30})(?:[ \u3000]+|\s*[（(](?=.*[）)]\s*$))"
                        r"|(?P<whob>[\u4e00-\u9fff·]{2,8}\s*[（(][^）)]{2,40}[)）])[ \u3000]*)"  # 张巡（县政府副县长）　组　长
                        r"(?P<role>常\s*务\s*副\s*组\s*长|副\s*组\s*长|组\s*长|成\s*员|组\s*员|顾\s*问|秘\s*书\s*长|联\s*络\s*员)"
                        r"\s*[）)]?\s*$")


_NAME_ROLE = re.compile(r"^\s*(?P<who>(?P<name>[\u4e00-\u9fff·]{2,8})(?<!组长)(?<!成员)(?<!顾问))\s*[:：]\s*"
                        r"(?P<role>常务副组长|副组长|组长|成员|组员|顾问|秘书长|联络员)\s*[，,、 \u3000]\s*"
                        r"(?P<title>[^\s，,。；;：:]{1,40}(?:长|书记|主任|员|师|主席|干事|常委))[。；;]?\s*$")


_NAME_TITLE_ROLE = re.compile(r"^\s*(?P<who>[\u4e00-\u9fff·]{2,8}?)(?:同志)?[，,]\s*(?P<title>[^，,。；;：:]{2,40})[，,]\s*"
                              r"(?:任|担任|为)(?P<role>常务副组长|副组长|第一组长|组长|成员|组员|顾问|秘书长|联络员)\s*[；;。]?\s*$")


def _role_last(group: Group, text: str, k: str) -> bool:
    """'许褚　西城区卫生健康局局长　组长': name, title, then the role, in columns; or '陆游：组长，县乡村振兴局局长',
    '郑和同志，县委常委、常务副县长，任组长；'."""
    m = _ROLE_LAST.match(k) or _NAME_ROLE.match(k)
    sentence = _NAME_TITLE_ROLE.match(k) if not m else None
    if sentence:  # a sentence, kept as the group's text too
        m = sentence
        group.body.append(text.strip())
    if m:
        part = "who" if m.groupdict().get("who") else "whob"
        who = text[m.start(part):m.end(part)]
        if m.groupdict().get("title"):
            who += "（" + text[m.start("title"):m.end("title")].rstrip("。；;") + "）"
        for person in people_in(who, key(who), group.orgs):
            role = re.sub(r"\s", "", m["role"])
            group.add(_ROLE_OF[role], _with_role(person, role))
    return bool(m)


def _alone(group: Group, k: str) -> bool:
    """'组长' on a line of its own (no colon): the people are on the lines that follow."""
    m = _ALONE_LABEL.fullmatch(k.strip())
    group.open = bool(m) or (group.open and bool(_SHORT.fullmatch(k.strip())))
    if m:
        group.label = re.sub(r"\s", "", m["label"])
        group.role = _ROLE_OF[group.label]
    return bool(m)


def _role_segment(group: Group, m: re.Match[str], text: str, k: str) -> None:
    label = re.sub(r"\s", "", m["label"])
    role = _ROLE_OF[label]
    group.role, group.label = role, label
    people = people_in(text, k, group.orgs)
    if not people:
        group.empty_slots.append(label)
        group.data.setdefault(role, [])
    for person in people:
        group.add(role, _with_role(person, label))
    if m.groupdict().get("also") and people and people[0].get("name"):  # 副组长兼办公室主任：李四（…）
        group.data.setdefault("office", {}).setdefault("director", people[0])


def _with_role(person: dict[str, str], label: str) -> dict[str, str]:
    """The role as the document writes it, when it says more than 组长/副组长/成员 (常务副组长, 顾问)."""
    if label in plantables.PLAIN_ROLES or not person.get("name"):
        return person
    return {**person, "role": label}


def _continue(group: Group, text: str, k: str) -> None:
    if group.role and k.strip(" 。.，,、"):
        for person in people_in(text, k, group.orgs):
            group.add(group.role, _with_role(person, group.label))


_OTHER_BODY = re.compile(r"(?:专班|工作组|督导组|专家组|指导组|服务队|工作队|分队)$")


def _prose(group: Group, text: str, k: str) -> None:
    taken = _role_by(group, text, k)
    pos = 0
    for clause in _CLAUSE.split(k):
        start = k.find(clause, pos)
        pos = start + len(clause)
        if any(a <= start < b for a, b in taken):
            continue
        for pattern in _PROSE:
            m = pattern.search(clause)
            if not m:
                continue
            if _OTHER_BODY.search(clause[:m.start("role")]):  # 专班组长由…担任: a role in another body
                break
            role = _ROLE_OF[m["role"]]
            cut = m["who"].rfind("由") + 1  # 领导小组由…担任组长: the people after 由
            original = text[start + m.start("who") + cut:start + m.end("who")]
            for person in prose_person(original, m["who"][cut:], group.orgs):
                group.add(role, _with_role(person, m["role"]))
            break


_ROLE_BY = re.compile(r"(?P<role>常务副组长|副组长|第一组长|名誉组长|组长|成员|顾问|秘书长|副总指挥|总指挥)由(?P<who>[^。；;由]{2,80}?，[^。；;由]{2,40}?)"
                      r"(?:同志)?(?:担任|兼任)")


def _role_by(group: Group, text: str, k: str) -> list[tuple[int, int]]:
    """'副组长由县委副书记庞统，县委常委、组织部部长法正担任': people parted by commas (the 、 being inside
    the titles); the spans read, so that their clauses are not read again."""
    spans = []
    for m in _ROLE_BY.finditer(k):
        pos = m.start("who")
        for piece in _CLAUSE.split(m["who"]):
            at = k.find(piece, pos)
            pos = at + len(piece)
            for person in prose_person(text[at:pos], piece, group.orgs):
                group.add(_ROLE_OF[m["role"]], _with_role(person, m["role"]))
        spans.append((m.start(), m.end()))
    return spans


_IN_BRACKETS = re.compile(r"(?<![\u4e00-\u9fff])(?P<name>[\u4e00-\u9fff]{2,4})[（(](?P<role>常务副组长|副组长|第一组长|名誉组长|组长|成员|顾问|秘书长|副总指挥|总指挥)"
                          r"[，,、\s]*(?P<info>[^）)]*)[）)][ \u3000]*(?P<after>[^\s，,、；;。（(]*)")


def _roles_in_brackets(group: Group, text: str, k: str) -> bool:
    """'甘宁（组长，凤鸣街道党工委书记）、凌统（副组长，…）': each person's role inside the brackets."""
    found = list(_IN_BRACKETS.finditer(k))
    for m in found:
        info = text[m.start("info"):m.end("info")].strip() or text[m.start("after"):m.end("after")]  # 张三（组长）县教育局局长
        written = text[m.start("name"):m.end("name")] + (f"（{info}）" if info else "")
        for person in people_in(written, key(written), group.orgs):
            group.add(_ROLE_OF[m["role"]], _with_role(person, m["role"]))
    return bool(found)
