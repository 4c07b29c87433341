"""A leadership group from text: role lines, spaced labels, prose, the office.

Forms read: `组长:A(职务)B(职务)副组长:C(职务)` (several roles on one line, names continued on the
next line), `组 长:` (spaced labels), `组长:` with nothing after it (an empty template slot),
prose `由…任组长`, `…任组长`, `组长由…担任`, `以…为组长`, `成员为…`, and `办公室设在…，由…兼任主任`.
Patterns run on the simplified key; names and titles are cut from the original text. The group being
read is group.py's; one role's text is read by segment.py, roles placed after the person by placed.py,
tables by plantables (and cells.py for a table pasted one cell per line).
"""

from __future__ import annotations

import re
from typing import Any

from .. import plantables
from ..wording import Wording, msg
from . import piecewise
from .cells import cell_rows
from .columns import one_person
from .group import LABELS, Group, with_role
from .hanzi import key
from .phrases import office as office_of
from .phrases import prose_person
from .placed import role_last, roles_in_brackets
from .segment import people_in, without_asides
from .written import POST_OTHER_NAME, TITLE_FIRST, name_then_post, own_departments, same_org, unpadded

# Every role word a label can be (组　长：, 副指挥长：), spaces allowed between its characters, longest first.
_LABEL_WORDS = plantables.spaced_roles(("办公室主任", "委员"))  # 办公室主任：… names the office's head; 委员 a committee's
_LABEL = re.compile(rf"[【\[]?(?P<label>{_LABEL_WORDS})"
                    r"[】\]]?(?P<also>兼(?:任)?(?:领导小组)?办公室主任)?\s*(?P<note>[（(][^（()）]{1,12}[)）])?"
                    r"\s*(?:[:：]|(?<=[】\]])|(?<=[长员问])(?=(?![由为是任有包])[\u4e00-\u9fff·]{2,8}[（(]))")  # 副组长兼办公室主任：, 组长寇准（…）
_BARE_LABEL = re.compile(r"^\s*(?P<label>常\s*务\s*副\s*组\s*长|副\s*组\s*长|组\s*长|成\s*员|顾\s*问|秘\s*书\s*长)[ \u3000]+"
                         r"(?=[^\s:：])")
_ALONE_LABEL = re.compile(r"[【\[]?(?P<label>常\s*务\s*副\s*组\s*长|副\s*组\s*长|组\s*长|成\s*员|组\s*员|顾\s*问|秘\s*书\s*长|联\s*络\s*员)")
_SHORT = re.compile(r"[^。！？!?]{2,40}")
_ROLE_OF = plantables.ROLE_WORDS
_GROUP_NAME = re.compile(r"成立(?:了)?(?:以[^，,。]*?为组长的)?(?P<name>[^，,。：:；;]{0,30}?领导(?:小组|组))")
_CONTINUED = re.compile(r"^(?!各|全体|所有)[^，,。；;]{1,12}[(（][^)）]{1,30}[)）]")  # 张三（…）; not 各村（居）…
_SPACED_LINE = re.compile(r"^\s*[\u4e00-\u9fff]{2,4}[ \u3000]+[^\s，,。；;]{2,24}(?:长|书记|主任|员|师|主席)\s*$")  # 巩敏  …科长
_PROSE = (
    re.compile(rf"^(?:由|(?:同时|另|并)?(?:聘请|特聘|特邀|邀请))?(?P<who>[^，,。；;]+?)(?:同志)?(?:亲自|具体负责、|牵头负责、)?"
               rf"(?:担任|兼任|任)(?:领导小组|小组)?(?P<role>{plantables.PROSE_ROLES})"),  # 邀请…担任领导小组顾问
    re.compile(rf"(?P<role>{plantables.PROSE_ROLES})由(?P<who>[^，,。；;]+?)(?:同志)?(?:亲自)?"
               r"(?:担任|兼任|组成(?!员))"),
    re.compile(rf"以(?!及)(?P<who>[^，,。；;]+?)为(?P<role>{plantables.PROSE_ROLES})"),
    re.compile(r"^(?:同时|另|并)?(?:聘请|特聘|特邀|邀请)?(?P<who>[^，,。；;]+?)(?:同志)?为(?:活动|工作|领导小组|小组)?"
               rf"(?P<role>{plantables.PROSE_ROLES})"),
    re.compile(r"(?P<role>成员)(?:为|包括|有)\s*[:：]?\s*(?P<who>[^。；;]+)"),  # 成员有：…
)
_CLAUSE = re.compile(r"[，,。；;]")
_LABELS = {"leaders": "组长", "deputies": "副组长", "members": "成员"}


def read_group(lines: list[str], heading: str = "", orgs: tuple[str, ...] = ()) -> tuple[dict[str, Any], list[Wording]]:
    """Leadership data from the lines of the part, and warnings (empty slots). `orgs`: organisation
    names known (the registry's), tried first where an organisation ends and a job title begins."""
    group = Group(orgs=orgs)
    name = _name_in(heading) if heading else ""
    lines = cell_rows([unpadded(_untabbed(t)) for t in lines])
    written = lines
    closing = next((i for i, t in enumerate(lines) if _other_heading(t)), len(lines))
    table_rows = _table(group, lines[:closing])  # not a table under （二）派驻专家: no group's
    lines = [t for t in lines if t not in table_rows]
    closed = False
    for text in lines:
        if text is group.after_table:  # the lines after a table may continue its last role
            group.role, group.label = group.table_role
        if not text.strip():
            continue
        closed = closed or _other_heading(text)  # （二）工作专班: what follows is not the group's people
        if closed or not _read_line(group, text):
            group.body.append(text)
        name = name or _name_in(text)
    group.data = piecewise.check(group.data, written)
    return _data(group, name, lines), _slots(group) + group.twice


_ROLE_WORD = plantables.ROLE_PATTERN
_SET_ROLE = re.compile(rf"设(?P<role>{_ROLE_WORD})\s*(?:\d{{1,2}}|[一二两三四五六七八九十]{{1,3}})\s*名\s*[，,]\s*(?:分别)?(?=由)")
_DASHED_ROLE = re.compile(rf"(?:(?<=^)|(?<=[\s：:；;，,。]))(?P<role>{_ROLE_WORD})\s*[-—－]{{1,2}}\s*(?=[^\s\d—－-])")


def _plain_labels(line: str) -> str:
    """Role labels written in other ways read as `组长：` / `组长由`: '设组长1名，由…担任' -> '组长由…担任',
    '组长-陈佳丽(…)' -> '组长：陈佳丽(…)'."""
    return _DASHED_ROLE.sub(r"\g<role>：", _SET_ROLE.sub(r"\g<role>", line))


def _untabbed(line: str) -> str:
    """Tabs between a label, a name and a title ('成　员：\t张　载\t县农业农村局副局长') read as the spaces they
    stand for; a table's row keeps them."""
    return line if plantables.is_pipe_row(line) else line.replace("\t", "\u3000")


def _data(group: Group, name: str, lines: list[str]) -> dict[str, Any]:
    """The group in plan data form: name, roles, office, and the text kept (all lines when no one was read)."""
    data: dict[str, Any] = {"name": name} if name else {}
    same_org(group.data)
    own_departments(group.data)
    data.update({k: v for k, v in group.data.items() if k != "office"})
    data.setdefault("leaders", [])
    if "office" in group.data:
        data["office"] = group.data["office"]
    kept = group.body or ([] if any(data.get(r) for r in ("leaders", "deputies", "members")) else lines)
    data["body"] = _paragraphs([t for t in kept if t.strip()])
    return {k: v for k, v in data.items() if v or k == "leaders"}


def _paragraphs(kept: list[str]) -> str:
    """The kept lines as paragraphs; a table's rows stay together, one table."""
    out = ""
    for i, text in enumerate(kept):
        rows = i and plantables.is_pipe_row(text) and plantables.is_pipe_row(kept[i - 1])
        out += ("\n" if rows else "\n\n" if i else "") + text
    return out


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
        group.table_role = (role, person.get("role", LABELS[role]))
    after = lines.index(rows[-1]) + 1
    group.after_table = lines[after] if after < len(lines) else None
    if plantables.extra_columns(table) or plantables.has_duties(table):  # 性别, 联系电话, duties: kept as text
        group.body.append("\n".join(rows))
    return rows


def _name_in(text: str) -> str:
    k = key(text)
    m = _GROUP_NAME.search(k)
    if m and m["name"]:
        name = text[m.start("name"):m.end("name")]
        return name[1:-1] if name[:1] + name[-1:] in ("“”", '""') else name  # “…领导小组”; not “送医下乡”…小组
    stripped = text.strip()
    core = key(stripped).rstrip("。：:")
    offset = next((len(p) for p in ("组建", "成立", "建立") if core.startswith(p)), 0)
    bare = core[offset:]
    if bare.endswith("领导小组") and bare != "领导小组" and len(bare) <= 30:
        return stripped[offset:len(core)]
    return ""


_ALSO_DIRECTOR = re.compile(r"[（(]兼(?:任)?(?:领导小组)?办公室主任[)）]|[，,]\s*兼(?:任)?(?:领导小组)?办公室主任(?=[)）])")


def _read_bare(group: Group, text: str, bare: str) -> bool:
    """The people of a line read from its bare form (asides left out, labels made plain); the line kept whole in
    the group's text, once."""
    group.last = {}
    kept = len(group.body)
    if not _read_line(group, bare):
        return False
    group.body[kept:] = [b for b in group.body[kept:] if b not in text] + [text.strip()]
    if _ALSO_DIRECTOR.search(text) and group.last.get("name"):  # 吕蒙　县残联副理事长（兼办公室主任）
        group.data.setdefault("office", {}).setdefault("director", group.last)
    return True


def _read_line(group: Group, text: str) -> bool:
    text = _unspaced_prose(_ITEM_NUMBER.sub("", text))  # 1．徐晃（…）: a member numbered in a list
    bare = _plain_labels(without_asides(_ALSO_DIRECTOR.sub("", text)))
    if bare != text.rstrip():  # 宋　江　县农业农村局局长　13907310001, …（兼）, 设组长1名，由…: the people read, the line kept whole
        return _read_bare(group, text, bare)
    k = key(text)
    if _alone(group, k) or role_last(group, text, k):
        return True
    labels = _labels(k)
    if labels:
        return _labelled_sentence(group, text, k, labels)
    if roles_in_brackets(group, text, k):
        return True
    if group.role and (_continues(group, k.strip()) or _aligned(text)):
        _continue(group, text, k)
        return True
    group.role = ""
    office = office_of(text, k)
    if office:
        group.data["office"] = {**group.data.get("office", {}), **office}
    _prose(group, text, k)
    if _MEMBERS_FOLLOW.search(k):  # …任副组长，成员如下：/ 1.韩冬青　医务部副主任: the lines below are members
        group.role, group.label = "members", "成员"
    return False  # prose says more than the roles it names: it is kept as the group's text too


_PROSE_ROLE = re.compile(rf"(?:(?<![主])任|为|担任)(?:{_ROLE_WORD})|(?:{_ROLE_WORD})由")
_CJK_SPACE = re.compile(r"(?<=[\u4e00-\u9fff])[ \u3000]+(?=[\u4e00-\u9fff])")


def _unspaced_prose(text: str) -> str:
    """A sentence naming roles with stray spaces between its words (a chat's: 以村党支部书记 陈光明 为组长，…主任 王  涛为
    副组长): the spaces left out; a line of role labels keeps its spaces, which part names from posts."""
    k = key(text)
    return _CJK_SPACE.sub("", text) if _PROSE_ROLE.search(k) and not _labels(k) and "：" not in k else text


_MEMBERS_FOLLOW = re.compile(r"成员(?:名单)?(?:如下|为)\s*[:：]\s*$")


def _labels(k: str) -> list[re.Match[str]]:
    """The role labels of a line: with their colon, glued to a name that starts a phrase, or (组 长 白马乡人民政府乡长
    殷实) one without its colon at the line's start."""
    bare = _BARE_LABEL.match(k)
    return [m for m in _LABEL.finditer(k) if _standing(k, m)] or ([bare] if bare else [])


_SENTENCE_STOP = re.compile(r"。|\s(?=(?:领导小组)?(?:办公室设在|下设办公室))|(?=领导小组(?:办公室设在|下设办公室))")
# …李端 领导小组办公室设在…, and in a paste with no space: …各村党支部书记领导小组办公室设在…


def _standing(k: str, m: re.Match[str]) -> bool:
    """A label with its colon, or one glued to the name after it that starts a phrase (组长寇准（…）; not the
    组长 of 教研组长张三（…）); not a role in another body (专班成员：)."""
    if _OTHER_BODY.search(k[:m.start()]):
        return False
    return bool(re.search("[:：]", m.group())) or m.start() == 0 or not re.match(r"[\u4e00-\u9fff]", k[m.start() - 1])


_SUBHEADING = re.compile(r"^\s*(?:#+\s*)?(?:[（(][一二三四五六七八九十]{1,3}[)）]|[一二三四五六七八九十]{1,3}、)\s*(?P<title>[^，,。；;：:]{2,16})$")


def _other_heading(text: str) -> bool:
    """A sub-heading inside the part that is about something other than the group or its office
    (（二）工作专班, （三）工作职责)."""
    m = _SUBHEADING.match(key(text))
    return m is not None and not re.search("领导|小组|组织|机构|办公室|成员|人员", m["title"])


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
    """A line without a label that names more people of the role above it (not the office's sentence)."""
    if _OFFICE_SENTENCE.match(k):
        return False
    return bool(_CONTINUED.match(k) or _SPACED_LINE.match(k) or _posts_then_names(k) or one_person(k, k)
                or name_then_post(k) or ((group.open or _GROUP_LINE.fullmatch(k)) and _SHORT.fullmatch(k)))


_OFFICE_SENTENCE = re.compile(r"^(?:领导小组|工作小组)?(?:下设办公室|办公室[（(]?设[在于])")
_LAST_GROUP = re.compile(r"[ \u3000]+(?:各|全体|所有)[^\s，,。；;]{2,20}$")


def _posts_then_names(k: str) -> bool:
    """'德育主任　陆美玲　　各送教小组组长': posts each before its holder's name, a group of people after them."""
    pairs = _LAST_GROUP.sub("", k.strip())
    return TITLE_FIRST.search(pairs) is not None and not TITLE_FIRST.sub("", pairs).strip(" \u3000")


_GROUP_LINE = re.compile(r"(?:各|全体|所有)[^，,。；;：:]{2,30}|[^，,。；;：:]{2,30}(?:负责同志|负责人)")  # 各村党支部书记


_GROUP_START = ("各", "全体", "所有")
_ALIGNED = re.compile(r"^(?:\u3000|  ){3,}(?=\S)")


def _aligned(text: str) -> bool:
    """A short line indented under the label's text ('　　　　各乡镇分管负责同志' below '成　员：…'): more of the
    role above (a paragraph's own indent is two characters)."""
    return bool(_ALIGNED.match(text)) and bool(_SHORT.fullmatch(text.strip()))


_ITEM_NUMBER = re.compile(r"^\s*(?:[-*•●▪◆■]\s+|[\U0001F300-\U0001FAFF\u2190-\u21FF\u25A0-\u25FF\u2600-\u27BF]+\ufe0f?\s*|[一二三四五六七八九十]{1,3}、|\d{1,2}[．、]|\d{1,2}\.(?!\d)|[（(]\d{1,2}[)）]|[①-⑳])\s*(?=[\u4e00-\u9fff])")
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
        group.add(role, with_role(person, label))
    if m.groupdict().get("also") and people and people[0].get("name"):  # 副组长兼办公室主任：李四（…）
        group.data.setdefault("office", {}).setdefault("director", people[0])


def _continue(group: Group, text: str, k: str) -> None:
    if group.role and k.strip(" 。.，,、"):
        for person in people_in(text, k, group.orgs):
            group.add(group.role, with_role(person, group.label))


_OTHER_BODY = re.compile(r"(?:专班|工作组|督导组|专家组|指导组|服务队|工作队|分队)$")
_FORMS_OTHER = re.compile(r"(?:组建|成立|设立|下设)(?:了)?[^，,。；;]{0,20}?(?<!领导)(?<!领导小)(?:小组|组|专班|服务队|分队)(?![长员织])")


def _prose(group: Group, text: str, k: str) -> None:
    """The people named in prose, clause by clause; people written one to a clause before the role they share
    (镇党委副书记邹永红，镇党委委员、组织委员石磊任副组长) take that role too."""
    k = _POST_OTHER_NAME.sub(r"〔\1〕", k)  # 局长（经理）杜文彬: the post's other name is no bracket of the person's
    taken = _role_by(group, text, k)
    pos = 0
    waiting: list[dict[str, str]] = []
    other = False  # in a sentence forming another body (每所…组建一个帮扶小组，由…任组长): its roles are not the group's
    for clause in _CLAUSE.split(k):
        start = k.find(clause, pos)
        pos = start + len(clause)
        formed = bool(group.data.get("leaders")) and bool(_FORMS_OTHER.search(clause))  # after the group's own leader
        other = (other and k[start - 1:start] not in ("。", "；", ";")) or formed  # until the sentence ends
        if other or any(a <= start < b for a, b in taken):
            continue
        role, people_first, people = _prose_clause(group, text[start:start + len(clause)], clause)
        for person in (waiting if people_first else []) + people:
            group.add(_ROLE_OF[role], with_role(person, role))
        one = prose_person(text[start:start + len(clause)], clause, group.orgs) if not role else []
        waiting = waiting + one if one and all(p.get("name") for p in one) and len(one[0]) > 1 else []


_POST_OTHER_NAME = re.compile(rf"(?<=[长理任])[（(]({POST_OTHER_NAME})[)）](?=[\u4e00-\u9fff]{{2,4}}(?:同志)?(?:任|担任|为))")


def _prose_clause(group: Group, original: str, clause: str) -> tuple[str, bool, list[dict[str, str]]]:
    """One clause naming a role (…任组长, 组长由…担任, 以…为组长): the role word ('' when it names none, or one of
    another body: 专班组长由…担任), whether the people come first in it, and the people."""
    for pattern in _PROSE:
        m = pattern.search(clause)
        if not m:
            continue
        if _OTHER_BODY.search(clause[:m.start("role")]):
            return "", False, []
        cut = m["who"].rfind("由") + 1  # 领导小组由…担任组长: the people after 由
        who = original[m.start("who") + cut:m.end("who")]
        people = prose_person(who, m["who"][cut:], group.orgs)
        return m["role"], m.start("who") == 0 and m.start("role") > m.start("who"), people
    return "", False, []


_ROLE_BY = re.compile(rf"(?P<role>{plantables.PROSE_ROLES})由(?P<who>[^。；;由]{{2,80}}?，[^。；;由]{{2,40}}?)"
                      r"(?:同志)?(?:担任|兼任|组成(?!员))")  # 成员由…委员吴建华、龙国强，…技术员陈志远及…组成


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
                group.add(_ROLE_OF[m["role"]], with_role(person, m["role"]))
        spans.append((m.start(), m.end()))
    return spans


