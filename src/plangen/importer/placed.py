"""Role lines that place the role after the person, or inside the person's brackets:

    许褚　西城区卫生健康局局长　组长      张巡（县政府副县长）　组　长      陆游：组长，县乡村振兴局局长
    郑和同志，县委常委、常务副县长，任组长；      甘宁（组长，凤鸣街道党工委书记）、凌统（副组长，…）

Pure.
"""

from __future__ import annotations

import re

from .. import plantables
from ..cntext import GROUP_WORDS
from .group import Group, with_role
from .hanzi import key
from .segment import people_in

_ROLE_OF = plantables.ROLE_WORDS


_ROLE_LAST = re.compile(r"^\s*(?:(?P<who>[\u4e00-\u9fff·]{2,8}[ \u3000]+[^\s，,。；;（(]{2,30})(?:[ \u3000]+|\s*[（(](?=.*[）)]\s*$))"
                        r"|(?P<whob>[\u4e00-\u9fff·]{2,8}\s*[（(][^）)]{2,40}[)）])[ \u3000]*)"  # 张巡（县政府副县长）　组　长
                        r"(?P<role>常\s*务\s*副\s*组\s*长|副\s*组\s*长|组\s*长|成\s*员|组\s*员|顾\s*问|秘\s*书\s*长|联\s*络\s*员)"
                        r"\s*[）)]?\s*$")


_NAME_ROLE = re.compile(r"^\s*(?P<who>(?P<name>[\u4e00-\u9fff·]{2,8})(?<!组长)(?<!成员)(?<!顾问))\s*[:：]\s*"
                        r"(?P<role>常务副组长|副组长|组长|成员|组员|顾问|秘书长|联络员)\s*[，,、 \u3000]\s*"
                        r"(?P<title>[^\s，,。；;：:]{1,40}(?:长|书记|主任|员|师|主席|干事|常委))[。；;]?\s*$")


_NAME_TITLE_ROLE = re.compile(r"^\s*(?P<who>[\u4e00-\u9fff·]{2,8}?)(?:同志)?[，,]\s*(?P<title>[^，,。；;：:]{2,40})[，,]\s*"
                              r"(?:任|担任|为)(?P<role>常务副组长|副组长|第一组长|组长|成员|组员|顾问|秘书长|联络员)\s*[；;。]?\s*$")


def role_last(group: Group, text: str, k: str) -> bool:
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
            group.add(_ROLE_OF[role], with_role(person, role))
    return bool(m)


_IN_BRACKETS = re.compile(rf"(?<![\u4e00-\u9fff])(?P<name>[\u4e00-\u9fff]{{2,4}})[（(](?P<role>{plantables.PROSE_ROLES})"
                          r"[，,、\s]*(?P<info>[^）)]*)[）)][ \u3000]*(?P<after>[^\s，,、；;。（(]*)")


def roles_in_brackets(group: Group, text: str, k: str) -> bool:
    """'甘宁（组长，凤鸣街道党工委书记）、凌统（副组长，…）': each person's role inside the brackets."""
    found = [m for m in _IN_BRACKETS.finditer(k) if not any(w in m["name"] for w in GROUP_WORDS)]  # not 领导小组（成员名单…）
    for m in found:
        info = text[m.start("info"):m.end("info")].strip() or text[m.start("after"):m.end("after")]  # 张三（组长）县教育局局长
        written = text[m.start("name"):m.end("name")] + (f"（{info}）" if info else "")
        for person in people_in(written, key(written), group.orgs):
            group.add(_ROLE_OF[m["role"]], with_role(person, m["role"]))
    return bool(found)
