"""How a person's name, title and organisation are written, and read apart.

Role lines are rewritten to the one form the reader takes:
'封建军 北坡镇副镇长', '县委常委、副县长 乔宇', '罗建国，县农业农村局局长；', '马云禄——…副镇长',
'王海燕同志（…校长）' -> 'name（title）'.

Each rewrite is made on the text and on its simplified key alike, so the two stay aligned. A title
is then split from the organisation written before it ('县卫生健康局局长' -> 局长 of 县卫生健康局). Pure.
"""

from __future__ import annotations

import re
from typing import Any

from .. import cnposts, cntext
from .columns import one_person
from .hanzi import key

TITLE_END = ("长", "记", "任", "员", "师", "理", "委", "席", "官")
NAME = r"(?:[\u4e00-\u9fff]{1,8}[·•・][\u4e00-\u9fff]{1,8}|[\u4e00-\u9fff]{2,4})"  # 林则徐, 买买提·艾力

_BRANCH = r"[（(](?:分公司|公司|分局)[)）]"  # 县局（分公司）: a body with two names, the company's in brackets
_OTHER_NAME = rf"{_BRANCH}|[（(][\u4e00-\u9fff]{{2,10}}(?:部|处|科|室|办)[)）]"  # 营销部（农电工作部）: a department's two names
_ONE_TITLE = rf"(?:[^\s；;，,、（()）]|{_BRANCH}){{1,24}}?(?:长|书记|主任|员|师|主席|专干|干事|常委|经理|总监|主管|负责人)"
_TITLES = rf"{_ONE_TITLE}(?:、(?![^、；;，,]*(?:全体|所有|其余|其他))(?:主任|主席|经理|{_ONE_TITLE}))*"  # 县委副书记、县长;
# 党委副书记、主任; not …备课组长、麻江乡中学全体物理教师 (a group after the person)
_GROUP = "|".join(cntext.GROUP_STARTS)
_SPACED = re.compile(rf"(?<![^\s：:；;，,、])(?P<name>{NAME})[ \u3000]+(?!{_GROUP})"
                     rf"(?P<title>{_TITLES})(?=\s*(?:[；;，,、]|$))")  # 周泰　县委副书记、县长


POST_OTHER_NAME = r"副?(?:总经理|经理|主任|局长)"  # 局长（经理）: a post's other name, the company's, in brackets after it
TITLE_FIRST = re.compile(r"(?<![^\s：:；;，,、])(?P<title>(?:(?:[^\s；;，,（()）：:]|" + _OTHER_NAME + r"){1,30}?"
                         r"(?:长|书记|主任|员|师|常委|主席|专干|干事|经理|医生|裁|监|主管|会计|支书|文书|负责人)|书记|主任)"
                         r"(?:[（(]" + POST_OTHER_NAME + r"[)）])?)"  # 局长（经理）: the post's other name, of the company
                         r"[ \u3000]+"
                         rf"(?P<name>{NAME})(?=\s*(?:[；;，,、。]|$)|[ \u3000]+\S|{cntext.AND_A_GROUP})")  # 孙涛及各…


_MORE_NAME = re.compile(rf"(?:[ \u3000]+|、)(?P<name>{NAME})(?=\s*(?:[；;，,、]|$)|[ \u3000]+\S)")


def _names_sharing(k: str, pos: int) -> list[int]:
    """Where the bare names written after a titled name end ('副校长　惠子明　列御寇', '全科医生　黄国庆、谢丽':
    列御寇 and 谢丽 share the title); a word that ends like a title (总务主任) or an organisation starts the next."""
    ends: list[int] = []
    m = _MORE_NAME.match(k, pos)
    while m and not m["name"].endswith(cnposts.TITLES + TITLE_END + cnposts.ORG_SUFFIXES):
        ends.append(m.end("name"))
        m = _MORE_NAME.match(k, m.end())
    return ends


_NAME_DASH = re.compile(r"(?<![^\s：:；;，,、])(?P<name>" + NAME + r")\s*(?:[—－]{1,2}|[/／])\s*"
                        r"(?P<title>[^\s；;，,、（()）：:—－]{2,30}?(?:长|书记|主任|员|师|主席))(?=\s*(?:[；;，,、。]|$))")
_NAME_COMMA = re.compile(rf"(?<![^\s：:；;])(?P<name>{NAME})[，,]\s*(?!{_GROUP})"
                         rf"(?P<title>{_TITLES})(?=\s*(?:[；;。.]|$))")  # 张三，县教育局党组书记、局长；
# (not 贺玲，各乡镇分管农业的副乡镇长: a group after the person)


def _titles_start(titles: str) -> int:
    """Where the titles of one person start in 'A、B、县委副书记、县长': after the last piece that is no title
    (县财政局、县供销社、镇民政办主任 names two organisations, then a title)."""
    pieces = titles.split("、")
    start = len(pieces) - 1
    while start > 0 and pieces[start - 1].endswith(cnposts.TITLES + TITLE_END):
        start -= 1
    return sum(len(p) + 1 for p in pieces[:start])


def surname_post(word: str) -> bool:
    """'王校长', '赵副校长', '李书记': a surname and a post, which name no one."""
    return word in cnposts.TITLES or word[1:] in cnposts.TITLES


def _alternating(text: str, k: str) -> tuple[str, str] | None:
    """'张三　县发改局局长　李四　县财政局局长': names and titles taking turns, parted by spaces (a table
    flattened into a line), a group of people after them or not (… 各乡镇分管领导, … 项目所在乡镇乡镇长) -> 'name（title）' pairs;
    None when the line is not so."""
    keys, words = _tokens(k), _tokens(text)
    tail = keys[-1] if len(keys) % 2 and keys and _group_after(keys[-1]) else ""
    rest = ("、" + words[-1], "、" + tail) if tail else ("", "")
    keys, words = (keys[:-1], words[:-1]) if tail else (keys, words)
    names, titles = keys[0::2], keys[1::2]
    if len(names) < 2 or len(names) != len(titles):
        return None
    if not all(re.fullmatch(r"[\u4e00-\u9fff·]{2,8}", n) and not n.endswith(TITLE_END) for n in names):
        return None
    if not all(t.endswith(cnposts.TITLES + TITLE_END) for t in titles):
        return None
    pairs = list(zip(words[0::2], words[1::2]))
    return ("".join(f"{n}（{t}）" for n, t in pairs) + rest[0],
            "".join(f"{n}（{t}）" for n, t in zip(names, titles)) + rest[1])


def _group_after(word: str) -> bool:
    """The last word of a flattened row is a group of people, not a name (各乡镇分管领导, 项目所在乡镇乡镇长)."""
    return word.startswith(cntext.GROUP_STARTS) or len(word) > 4


def _tokens(text: str) -> list[str]:
    return [t for t in re.split(r"[ \u3000]+", text.strip()) if t]


_POST = r"[^\s（()）：:，,、；;]{0,20}?(?:长|书记|主任|员|师|常委|主席|干事|经理|总裁|总监)"
_NAMES_IN_BRACKETS = re.compile(rf"(?<![^\s：:；;，,、])(?P<title>(?:{_POST}、)*{_POST})"  # 党委书记、总经理（钟浩然）
                                rf"[（(](?P<names>{NAME}(?:[、，,]{NAME})*)[)）]")


def _names_in_brackets(text: str, k: str) -> tuple[str, str]:
    """'校长（杜子美）', '副校长（孟浩然、王摩诘）': the names in the brackets after their title -> 'name（title）'
    for each, in the text and its key alike."""
    for m in reversed(list(_NAMES_IN_BRACKETS.finditer(k))):
        names = re.split(r"[、，,]", m["names"])
        if any(n.endswith(TITLE_END + cnposts.ORG_SUFFIXES) or n in cnposts.TITLES for n in names):
            continue
        title = text[m.start("title"):m.end("title")]
        pos, written = m.start("names"), []
        for n in names:
            written.append(text[pos:pos + len(n)] + "（" + title + "）")
            pos += len(n) + 1
        text = text[:m.start()] + "、".join(written) + text[m.end():]
        k = k[:m.start()] + "、".join(f"{n}（{m['title']}）" for n in names) + k[m.end():]
    return text, k


def name_then_post(k: str) -> bool:
    """The line is one person written 'name，title' (柏小燕，护理部主任；), as bracket_spaced reads it."""
    m = _NAME_COMMA.match(k.strip())
    return m is not None and not k.strip()[m.end():].strip("；;。. ")


def bracket_spaced(text: str, k: str) -> tuple[str, str]:
    """'封建军 北坡镇副镇长', '罗建国，县农业农村局局长；' and '县委常委、副县长 乔宇' -> 'name（title）', in the
    text and its key alike."""
    alternating = _alternating(text, k) or one_person(text, k)  # 张三　县教育局　局长: columns in any order
    if alternating:
        return alternating
    text, k = _names_in_brackets(text, k)
    found = [*_SPACED.finditer(k), *_NAME_COMMA.finditer(k), *_NAME_DASH.finditer(k)]
    for m in sorted((m for m in found if not surname_post(m["name"])), key=lambda m: m.start(), reverse=True):
        a, b, c = m.end("name"), m.start("title"), m.end("title")
        text = text[:a] + "（" + text[b:c] + "）" + text[c:]
        k = k[:a] + "（" + _unnested(k[b:c]) + "）" + k[c:]
    for m in reversed([m for m in TITLE_FIRST.finditer(k) if not surname_post(m["name"])]):
        for end in reversed(_names_sharing(k, m.end())):  # 副校长　惠子明　列御寇: both 副校长
            text = text[:end] + "（" + text[m.start("title"):m.end("title")] + "）" + text[end:]
            k = k[:end] + "（" + _unnested(m["title"]) + "）" + k[end:]
        t, n = (m.start("title") + _titles_start(m["title"]), m.end("title")), (m.start("name"), m.end("name"))
        text = text[:t[0]] + text[n[0]:n[1]] + "（" + text[t[0]:t[1]] + "）" + text[n[1]:]
        k = k[:t[0]] + k[n[0]:n[1]] + "（" + _unnested(k[t[0]:t[1]]) + "）" + k[n[1]:]
    return text, k


def _unnested(title: str) -> str:
    """A post's brackets (局长（经理）) as 〔〕 in the key, inside the brackets put around the post: the text keeps
    them as written."""
    return title.translate(str.maketrans("（()）", "〔〔〕〕"))


_PADDED = re.compile(r"(?:(?<![\u4e00-\u9fff·])|(?<=[长记任员]))([\u4e00-\u9fff])(?:[ \u3000]| {2})([\u4e00-\u9fff])(?=[（(，,、；;\s]|$)")


def unpadded(text: str) -> str:
    """'组　长：王　芳（…）' -> '组　长：王芳（…）': a two-character name padded to the width of three (after its
    post too: 立案庭庭长柯　敏)."""
    return _PADDED.sub(r"\1\2", _SPACED_OUT.sub(r"\1\2\3", text))


_SPACED_OUT = re.compile(r"(?<=[:：、，,；;\s])([\u4e00-\u9fff])[ \u3000]([\u4e00-\u9fff])[ \u3000]([\u4e00-\u9fff])(?=[（(，,、；;])")
# 覃 志 强（副镇长）: a name of three characters spaced out, its post in brackets after it


def no_tongzhi(text: str, k: str) -> tuple[str, str]:
    """'王海燕同志（…校长）' -> '王海燕（…校长）', '…副镇长万思远同志和…' -> '…副镇长万思远和…', in the text and its key
    alike."""
    for m in reversed(list(re.finditer(r"(?<=[\u4e00-\u9fff]{2})同志(?=\s*[（(和及、])", k))):
        text, k = text[:m.start()] + text[m.end():], k[:m.start()] + k[m.end():]
    return text, k


def titled(name: str, title: str, orgs: tuple[str, ...] = ()) -> dict[str, str]:
    """A person with the organisation split from the title: '县卫生健康局局长' -> 局长 of 县卫生健康局."""
    title, org = org_split(title, orgs) if "、" not in title else titles_split(title, orgs)
    if not org and len(title) >= 3 and key(title).endswith(cnposts.ORG_SUFFIXES) and not key(title).endswith(TITLE_END):
        title, org = "", title  # 县教育局王五: an organisation, no title
    own = _OWN.match(title)  # 两校教导主任, 本校校长: no organisation is named, the post is the title
    title = title[own.end():] if own and len(title) - own.end() >= 2 else title
    org = "" if _OWN.fullmatch(org) else org  # 该中心 | 主任: the place named before, no organisation
    return {k: v for k, v in (("name", name), ("title", title), ("org", org)) if v}


_OWN = re.compile(r"(?:两|双|本|我|该)(?:校|村|院|园|所|站|中心|局|办)")  # 两校, 本校, 该中心: a body the text names before


def titles_split(titles: str, orgs: tuple[str, ...] = ()) -> tuple[str, str]:
    """cnposts.split_titles on the simplified key, cut back from the text as written (traditional too):
    '县教育局党组书记、局长' -> ('党组书记、局长', '县教育局')."""
    k = key(titles)
    if len(k) != len(titles):
        return titles, ""
    title, org = cnposts.split_titles(k, tuple(key(o) for o in orgs))
    return titles[len(titles) - len(title):], titles[:len(org)]


def org_split(title: str, orgs: tuple[str, ...] = ()) -> tuple[str, str]:
    """cnposts.split_org on the simplified key, cut back from the text as written (traditional too)."""
    k = key(title)
    if len(k) != len(title):
        return title, ""
    written, org = cnposts.split_org(k, tuple(key(o) for o in orgs))
    return title[len(title) - len(written):], title[:len(org)]  # the title as cut (局… left out when only implied)


def same_org(data: dict[str, Any]) -> None:
    """副局长潘晓燕 after 县卫生健康局局长邱文华: a deputy's title with no organisation takes the organisation
    of the person before it whose title it deputises (局长 -> 副局长)."""
    seen: list[dict[str, str]] = []
    for role in ("leaders", "deputies", "members"):
        for i, person in enumerate(data.get(role, [])):
            title = person.get("title", "")
            if title and not person.get("org"):
                boss = next((p for p in reversed(seen) if p.get("org") and _same_post(title, p.get("title", ""))), None)
                if boss:
                    data[role][i] = person = {**person, "org": boss["org"]}
            seen.append(person)


_HEADS = ("股股长", "科科长", "处处长", "部部长", "室主任")


def _same_post(title: str, other: str) -> bool:
    """The same post, or its deputy's, as the last of another's titles (理事会副主任 after 党组书记、理事会主任),
    or the head of a department as the head of another of the same kind (医政医管股股长 after 基层卫生健康股股长)."""
    last = other.split("、")[-1].replace("副", "", 1)
    return title.replace("副", "", 1) == last or (title.endswith(_HEADS) and title[-3:] == last[-3:])


_OWN_UNITS = ("中心", "馆", "局", "工会", "学院", "委员会")


def own_departments(data: dict[str, Any]) -> None:
    """In a group led by its body's own head (posts naming no organisation: 党委书记、校长), a unit named
    without a place and ending 中心, 馆, 局 or 工会 is one of that body's departments, kept in the title
    (实训中心主任, 图书馆馆长, 执行局副局长); a unit of its own (城关司法所, 龙潭教学点) and a named one
    (县疾控中心) keep their organisation."""
    leaders = data.get("leaders", [])
    if not leaders or any(p.get("org") for p in leaders):
        return
    for role in ("deputies", "members"):
        data[role] = [_in_own_unit(person) for person in data.get(role, [])]
    office = data.get("office") or {}
    if office.get("director"):  # 由胸痛中心协调员米雪同志担任办公室主任: the office's head too
        office["director"] = _in_own_unit(office["director"])


def _in_own_unit(person: dict[str, str]) -> dict[str, str]:
    """The person with a unit of the body's own (实训中心) moved from the organisation into the title."""
    org = person.get("org", "")
    if org.endswith(_OWN_UNITS) and not cnposts.names_a_place(key(org)):
        return {k: v for k, v in person.items() if k != "org"} | {"title": org + person.get("title", "")}
    return person


_PLACEHOLDER_NAME = re.compile(r"[xX×＊*○〇□]{2,}|某{2,3}|[xX×]{2,}[\u4e00-\u9fff]?|[\u4e00-\u9fff][xX×＊*○〇□]{1,3}"
                               r"|待定|待补充|空缺|暂缺")  # 王××


def placeholder_name(name: str) -> bool:
    """'XXX', '×××', 'xxx', '某某', '王××', '待定': a slot where a name is to be filled in, not a name."""
    return bool(_PLACEHOLDER_NAME.fullmatch(name.strip()) or cntext.find_placeholder(name) == name.strip())


def slot(person: dict[str, str]) -> dict[str, str]:
    """A placeholder or a group as the text wrote it: '×××（待定）', 'XXX（XXX学校校长）', '各乡镇（分管负责同志）'."""
    info = person.get("org", "") + person.get("title", "")
    return {"description": person.get("name", "") + (f"（{info}）" if info else "")}
