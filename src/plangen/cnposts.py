"""Posts and the bodies they belong to: where an organisation ends and a job title begins.

'县卫生健康局局长' -> 局长 of 县卫生健康局; '县人民医院护理部主任' -> 护理部主任 of 县人民医院 (a department stays in
the title); '局党组书记、局长' -> 党组书记、局长 (the bureau's own, not named). Used by `cntext` for people read
from text, by the Markdown loader's tables and by the importer. Pure functions over strings.
"""

from __future__ import annotations

import re

# Titles (职务) recognised at the end of "五井小学校长" or the start of "县委常委李某"; longest first.
TITLES: tuple[str, ...] = tuple(sorted({
    "校长", "副校长", "院长", "副院长", "书记", "副书记", "党支部书记", "党委书记", "支部书记", "主任", "副主任",
    "教导主任", "德育主任", "政教主任", "总务主任", "办公室主任", "园长", "副园长", "执行园长",
    "局长", "副局长", "镇长", "副镇长", "乡长", "副乡长", "县长", "副县长", "村长", "村主任", "支书", "村支书", "村会计", "村文书",
    "组长", "科长", "副科长", "股长", "站长", "所长", "部长", "副部长", "经理", "总经理",
    "副总经理", "董事长", "主管", "会计", "出纳", "教师", "老师", "教研员", "干事", "专干", "委员",
    "常委", "县委常委", "主席", "副主席", "政委", "副政委", "厂长", "处长", "副处长", "队长", "驻村第一书记",
    "第一书记", "班主任", "年级组长", "教研组长", "工会主席", "团委书记", "大队辅导员",
    "会长", "副会长", "理事长", "副理事长", "秘书长", "馆长", "场长", "行长", "社长", "妇女主任", "总监",
    "董事", "执行董事", "监事", "监事长", "总会计师", "总工程师", "总经济师", "医生", "全科医生", "乡村医生", "护士",
    "主持人", "总编辑", "副总编辑", "民警", "社区民警", "辅警", "校医", "网格长", "网格员", "保洁员", "护林员", "信息员",
    "协管员", "管理员", "护士长", "行政总厨", "总厨", "厨师长", "总裁", "副总裁", "医师", "公卫医师", "总校长", "执行校长", "教授", "副教授", "讲师", "研究员", "副研究员",
}, key=len, reverse=True))
TITLE_SET: frozenset[str] = frozenset(TITLES)
_TITLE_LENGTHS: tuple[int, ...] = tuple(sorted({len(t) for t in TITLES}, reverse=True))

# Endings of organisation names, longest first: where an organisation ends and a job title begins.
ORG_SUFFIXES: tuple[str, ...] = tuple(sorted({
    "人民政府", "政府", "办事处", "居委会", "村委会", "委会", "社", "委员会", "党工委", "党委", "党组", "党总支", "党支部", "支部", "工委",
    "管委会", "局", "委", "院", "学校", "小学", "中学", "中专", "职专", "大学", "学院", "幼儿园", "中心",
    "办公室", "室", "办", "所", "站", "队", "厅", "处", "部", "公司", "医院", "卫生院", "社区", "村", "乡", "镇", "街道",
    "协会", "工会", "商会", "联合会", "联社", "合作社", "妇联", "残联", "侨联", "工商联", "科协", "团委", "馆", "场", "厂", "团", "股", "校", "园", "行",
    "人大", "台", "书店", "粮库", "水库", "煤矿", "红十字会", "总会", "学会", "教学点", "基金会", "政协", "村小", "完小", "文联", "职校",
}, key=len, reverse=True))
# A post written alone, with no name (院党组成员, 县委副书记): one person's first titles before 、 and a titled name.
TITLE_ALONE = re.compile(r"[^（()）、\s]{1,20}(?:长|书记|主任|常委|主席|委员)|(?:[^（()）、\s]{1,20})?(?:党组|党委)成员")
_NOT_FIRST = "长会记员席"  # no job title starts so: 医院院长助理 is not 医院院 + 长助理
_TITLE_ENDS = ("长", "记", "任", "员", "师", "理", "委", "席", "官", "书", "干", "监", "事", "管")


def split_org(text: str, known: tuple[str, ...] = ()) -> tuple[str, str]:
    """'县卫生健康局局长' -> ('局长', '县卫生健康局'); a bare title -> (title, '').

    A known organisation name (the registry's) at the start wins; else the longest start that ends
    like an organisation (局, 委, 院, 学校, 小学, 中心, 办公室, 政府, …) and leaves a job title of two or
    more characters (a known title, or one ending in 长, 书记, 主任, 员…)."""
    text = text.strip()
    if not text or text in TITLE_SET or "、" in text:  # 县委常委、副县长: titles, no organisation
        return text, ""
    implied = implied_body(text)
    if implied:
        return text[implied:], ""  # 局优抚安置股股长, 院党委副书记: a post of the bureau's (the hospital's) own, not named
    for name in sorted(known, key=len, reverse=True):
        if text.startswith(name) and len(text) > len(name) and _is_title(text[len(name):]):
            return text[len(name):], name
    for i in range(len(text) - 2, 2, -1):  # an organisation of three characters or more (not 两校, 各校)
        if text[i - 2] == text[i - 1] and _org_then_title(text[:i - 1], text[i - 1:]):
            i -= 1  # 县档案馆 | 馆藏利用科科长, not 县档案馆馆 | 藏利用科科长
        head, rest = text[:i], text[i:]
        if head.count("“") == head.count("”") and _org_then_title(head, rest):  # not inside quotes: 村“两委”委员
            return _organs_party(*_department(*_place_in_title(head, rest)))
    return text, ""


def _place_in_title(head: str, rest: str) -> tuple[str, str]:
    """桂香派出所 | 社区民警, not 桂香派出所社区 | 民警: a title that names the place it serves (社区民警) stays whole
    when the body before it is one."""
    for place in _PLACE_ENDS:
        inner = head[:-len(place)]
        if head.endswith(place) and place + rest in TITLE_SET and len(inner) >= 3 and _ends_like_org(inner):
            return inner, place + rest
    return head, rest


def _org_then_title(head: str, rest: str) -> bool:
    """`head` ends like an organisation (局, 学校, 县一中…) and `rest` is a job title that can start there
    (医院院长助理 is not 医院院 + 长助理); a body that names no one in particular (少先队大队) is no
    organisation of the person: the title keeps it."""
    org = _ends_like_org(head) and not head.endswith(("副", "常务", "专职", "执行", "兼职", "驻村", "驻镇", "驻乡", "乡村")) \
        and not _stationed_in(head) and not _generic(head) and head not in _PARTY \
        and not head.endswith(("少先队", "少先队大队", "教研组", "年级组"))  # 党工委书记: the body's own; 某小学少先队大队辅导员: the school's
    return org and _is_title(rest) and (rest[0] not in _NOT_FIRST or rest in TITLE_SET) \
        and head[-1:] + rest[:1] not in _WORDS  # 就业社保专干: not 就业社 | 保专干


def _stationed_in(head: str) -> bool:
    """驻青竹村 (of 驻青竹村第一书记, 县审计局驻枫木坪村第一书记): the place a post is held in, no organisation (驻村工作队
    is one)."""
    return "驻" in head and head.endswith(_PLACE_ENDS)


_GENERIC_BODIES = re.compile("少先队|大队|中队|教研组|年级组|团支部|团委|工会|党支部|党总支|工作队")
def _generic(head: str) -> bool:
    return bool(head) and not _GENERIC_BODIES.sub("", head)


_SCHOOL = re.compile("[一二三四五六七八九十]{1,2}[中小]$")  # 县一中, 实验二小: a school by its number
DEPARTMENT_ENDS = ("科", "股", "处", "室", "部", "办", "大队", "中队", "病区")  # the ends of a department's name (教务处, 办公室)
_NOT_DEPARTMENT = ("办公室", "办事处", "支部", "办")
_PLACE = re.compile("[省市县区乡镇村]|街道")


def names_a_place(text: str) -> bool:
    """The text names a province, city, county, district, township, village or street (县教育局, 街道办)."""
    return bool(_PLACE.search(_PLACE_WORDS.sub("", text)))


def _department(org: str, title: str) -> tuple[str, str]:
    """A department is part of the title: '县人民医院护理部' + '主任' -> ('护理部主任', '县人民医院'), '县一中教务处' +
    '主任' -> ('教务处主任', '县一中'), and '教务处' + '主任' -> ('教务处主任', '') when no organisation is written
    before it. An office (办公室) written after its organisation is a body of its own (市教育局办公室), but
    alone (综合办公室主任) it is a department too."""
    unit = next((parents for end, parents in _UNITS if org.endswith(end)), None)
    if unit is not None:
        return _unit_under(org, title, unit)
    if not org.endswith(DEPARTMENT_ENDS):
        return title, org
    placed = names_a_place(org)  # 县教研室; not 村镇建设股
    office = next((w for w in _NOT_DEPARTMENT if org.endswith(w)), "")
    if office:
        return _office(org, title, office, placed)
    j = _parent_end(org)
    if j and org[:j].endswith(_PLACE_ENDS) and not org[:j].endswith(_WORDS_ENDING_PLACES):  # 石门坳村卫生室, 金桂社区警务室:
        # a body of the village's, not a department (农业农村审计股 is one: 农村 is a word)
        return title, org
    if j and not org[:j].endswith(_PLACE_ENDS):
        return org[j:] + title, org[:j]
    return (org + title, "") if not placed else (title, org)


def _office(org: str, title: str, office: str, placed: bool) -> tuple[str, str]:
    """An office alone (综合办公室主任) is a department, and so is a bureau's, a library's, a bank's, a company's, a
    hospital's, the youth league's or a union's (县气象局 | 办公室主任, 团县委 | 办公室主任); a party committee's or a
    government's (县委办公室) is a body of its own."""
    inner = org[:-len(office)]
    if office == "办公室" and len(inner) >= 3 and _BRANCH_END.sub("", inner).endswith(_OFFICE_HOLDERS):
        return office + title, inner
    j = _parent_end(org) if office in ("办公室", "办") else 0
    if j and _BRANCH_END.sub("", org[:j]).endswith(_COMPANIES + _OFFICE_HOLDERS if office == "办公室" else ("局",)):
        return org[j:] + title, org[:j]  # …集团有限公司 | 乡村振兴办公室主任, 县林业局 | 森林防火办公室主任, 县教育局 | 基建办主任
    written = any(_ends_like_org(inner[:j]) for j in range(len(inner), 2, -1))
    return (org + title, "") if office in ("办公室", "办") and not (written or placed) else (title, org)


_OFFICE_HOLDERS = ("局", "馆", "行", "公司", "集团", "医院", "卫生院", "团县委", "团市委", "团区委", "工会")


_PLACE_ENDS = ("村", "乡", "镇", "街道", "社区")
_WORDS_ENDING_PLACES = ("农村", "乡村", "城乡", "城镇", "乡镇", "村镇")
_SCHOOLS = ("小学", "中学", "学校", "大学", "学院", "中专", "职专", "职校", "医院", "卫生院", "幼儿园")
# Units that are departments only under some bodies: a station under a bureau, a centre or a company
# (县农业农村局|经作站站长; 石桥镇农经站 is a body of its own), an institute or a police station under a bureau, a
# centre or a company (市疾控中心|慢性病防制所所长, 县公安局|城关派出所所长, 城东供水分公司|管网所所长; 镇财政所 is a
# body of its own), an observatory under a bureau (县气象局|气象台台长), a centre under a school, a hospital, a bureau
# or a company (县第一中学|心理健康教育中心主任, …集团|人力资源中心总经理; 县教师发展中心 is a body of its own).
_UNITS = (("站", ("局", "中心", "公司")), ("所", ("局", "中心", "公司")), ("台", ("局",)),
          ("中心", (*_SCHOOLS, "局", "公司", "集团")))


def _unit_under(org: str, title: str, parents: tuple[str, ...]) -> tuple[str, str]:
    j = _parent_end(org)
    return (org[j:] + title, org[:j]) if j and org[:j].endswith(parents) else (title, org)


def _parent_end(org: str) -> int:
    """Where the organisation above a department ends (县住建局|村镇建设股); 0 when none is written."""
    parents = [j for j in range(len(org) - 2, 2, -1)
               if _ends_like_org(org[:j]) and (not org[:j].endswith(DEPARTMENT_ENDS + ("市场",)) or _COUNTY_BODY.match(org[:j]))
               and org[j - 1:j + 1] not in _WORDS]  # 县文化市场|综合…大队; 县委史志研究室|编研股
    strong = [j for j in parents if not org[:j].endswith(_INSIDE_WORDS)]  # 县住建局村镇建设股: not 县住建局村镇
    organs = [j for j in range(3, len(org) - 2) if org[:j].endswith("部") and _PLACE.match(org)]  # 县委组织部|干部监督股
    return (strong or parents or organs or [0])[0]


_COUNTY_BODY = re.compile("^[省市县区](?:委|政府)?[\u4e00-\u9fff]{2,8}(?:研究室|教研室|办公室)$")  # 县委史志研究室: a body


def _ends_like_org(head: str) -> bool:
    return _BRANCH_END.sub("", head).endswith(ORG_SUFFIXES) or bool(_SCHOOL.search(head))


_BRANCH_END = re.compile(r"[（(〔](?:分公司|公司|分局)[)）〕]$")  # 县局（分公司）: one body's two names


_WORDS = frozenset({"社会", "社保", "社区", "行政", "团结", "场所", "校园", "园区", "乡村", "村镇"})  # words no organisation's end cuts (农村社|会调查股)
_PLACE_WORDS = re.compile("村镇|乡镇|城乡|城镇|乡村|农村|市场|市容|市政|区域|社区|片区|城区|辖区|库区|病区")  # words, not a place before the department


# Ends of organisations that also end words inside a department's name (村镇建设股, 社会救助股, 团结…): a
# parent ending so is taken only when no other ends there.
_INSIDE_WORDS = ("镇", "乡", "村", "社", "团", "行", "园", "校", "场", "厂", "馆", "库")

def _is_title(text: str) -> bool:
    """A known title, or a short text ending like one; a longer one ending in a known title (心理健康教育专职教师)."""
    return text in TITLE_SET or (2 <= len(text) <= 8 and text.endswith(_POST_ENDS)) \
        or (len(text) <= 12 and text.endswith(_LONG_TITLE_ENDS))


_POST_ENDS = (*_TITLE_ENDS, "负责人")
_LONG_TITLE_ENDS = ("教师", "主任", "科长", "股长", "部长", "处长", "所长", "站长", "队长", "校长", "院长", "组长", "负责人",
                    "第一书记")


_FORMER = ("原", "前")
_PERSONAL = re.compile(r"男|女|[\u4e00-\u9fff]{1,3}族|(?:19|20)\d{2}(?:年|\.)\d{1,2}月?(?:出?生)?")  # 女, 回族, 1975年3月生


def split_title(info: str, known: tuple[str, ...] = ()) -> tuple[str, str]:
    """'五井小学校长' -> ('校长', '五井小学'); '校长，五井小学' -> ('校长', '五井小学')."""
    written = [p for p in re.split(r"[，,、/；;\s]+", info.strip()) if p]
    pieces = [p for p in written if not _PERSONAL.fullmatch(p)]  # 富弼（女，市教育局副局长）
    info = info.strip() if len(pieces) == len(written) else "、".join(pieces)
    found = _split_pieces(pieces, known) if len(pieces) > 1 else None
    return found or _split_one(info, known)


_PLACE_LEVELS = "省市县区乡镇村"
_PARTY = ("党组", "党委", "党工委", "党支部", "党总支")


def split_titles(titles: str, known: tuple[str, ...] = ()) -> tuple[str, str]:
    """'县教育局党组书记、局长' -> ('党组书记、局长', '县教育局'): the organisation written before the first of
    several titles is the person's; its party body (党组, 党委) goes with the title when the titles after it
    are the organisation's own (局长 of the 局). The titles whole when the first names no organisation."""
    first, *rest = titles.split("、")
    implied = implied_body(first)
    if implied:  # 局党组书记、局长, 集团党委书记、董事长: the bureau's (the group's) own, not named
        return titles[implied:], ""
    title, org = split_org(first, known)
    if not org or not all(_own_post(r) for r in rest):  # 县纪委副书记、监委副主任: a post of another body
        return titles, ""
    party = next((p for p in _PARTY if org.endswith(p)), "")
    if party:
        title, body = _party_title(org[:-len(party)], party, title)
        if body is None:
            return titles, ""
        org = body
    return "、".join([title, *rest]), org


def _party_title(base: str, party: str, title: str) -> tuple[str, str | None]:
    """The party body goes with the title: '县教育局' + '党组' + '书记' -> ('党组书记', '县教育局'); '局' (the bureau,
    not named) -> ('党组书记', ''); '镇' (posts of the town's two bodies: 镇党委副书记、镇长) -> (…, None): no split."""
    if len(base) >= 3 and _ends_like_org(base):
        return party + title, base
    if len(base) == 1 or base in _PLACE_ENDS:  # 社区党委书记、居委会主任: the community's, not named
        return party + title, None if base in (*_PLACE_LEVELS, *_PLACE_ENDS) else ""
    return title, base + party


def _own_post(title: str) -> bool:
    """A post with no body of its own named in it (局长, 副主任, 常务副县长; not 监委副主任), or one of the
    village's or the community's committee (村委会主任, 居委会副主任)."""
    return title in TITLE_SET or (bool(title) and _is_title(title) and split_org(title)[1] == ""
                                   and not re.search("[委局办院部]", title)) or bool(_COMMITTEE_POST.fullmatch(title))


_COMMITTEE_POST = re.compile("[村居]委会副?主任|[村居]务监督委员会副?主任|村监委会副?主任")


def _split_pieces(pieces: list[str], known: tuple[str, ...] = ()) -> tuple[str, str] | None:
    """Title and organisation written apart ('校长，五井小学'), or several titles; None when no piece is a title."""
    if all(_is_title(p) for p in pieces[1:]) and (_is_title(pieces[0]) or split_org(pieces[0], known)[1]
                                                   or implied_body(pieces[0])):
        return split_titles("、".join(pieces), known)  # 县委副书记、县长; 县卫生健康委员会党组书记、主任
    title = next((p for p in pieces if p in TITLE_SET), "")
    return (title, "".join(p for p in pieces if p != title)) if title else None


_IMPLIED_BODY = re.compile("^中心(?=副?主任$)|^学院(?=副?院长$)|^局[（(〔]分公司[)）〕](?=[^（()）〔〕]{2,20}$)"
                           "|^(?:[局院校矿]|集团|中心(?!小学|中学|学校|幼儿园|卫生院|完小)|学院)(?=(?:党委|党组|党总支|党支部|团委|工会|纪委)[\u4e00-\u9fff]{2,5}$"
                           "|[\u4e00-\u9fff]{2,10}(?:股|科|处|室|部|大队|中心)[\u4e00-\u9fff]{2,4}$|[一二三四]级(?:主任科员|调研员)$"
                           "|总(?:工程师|会计师|经济师|农艺师)$)"
                           "|^(?:[分支]?公司|联社|集团)(?=(?:党委|党总支|党支部|工会|纪委)[\u4e00-\u9fff]{2,5}$"
                           "|副?(?:总经理|经理|董事长|执行董事|董事|监事长|监事|总会计师|总工程师|总经济师)$"
                           "|[\u4e00-\u9fff]{3,8}部副?部长$)"
                           "|^(?:支行|分行)(?=(?:党委|党总支|党支部|工会|纪委)[\u4e00-\u9fff]{2,5}$|副?行长$"
                           "|[\u4e00-\u9fff]{0,10}(?:部|室|中心)副?(?:总经理|经理|主任|部长)$)")
# (公司 opens department names too: 公司金融部总经理 is the bank's department's; 公司工程管理部部长 is a department
# of the company's own)


def implied_body(text: str) -> int:
    """The length of the word for its own body, not named, opening a post: its party body or a department of
    it, then the title (局优抚安置股股长, 校党委副书记, 集团党委书记; not 院感科科长, 院长助理); 0 when none."""
    m = _IMPLIED_BODY.match(text)
    return m.end() if m and text.endswith(_POST_ENDS) else 0


def _split_one(info: str, known: tuple[str, ...]) -> tuple[str, str]:
    """Title and organisation written together ('五井小学校长'), an organisation alone, or a title alone."""
    title, org = split_org(info, known)
    if org or title != info:  # an organisation, or a body only implied left out
        return _organs_party(title, org)
    if len(info) >= 3 and info.endswith(ORG_SUFFIXES) and not _is_title(info):
        return "", info  # 邹平（县民政局）: an organisation alone
    for n in _TITLE_LENGTHS:  # the longest title that ends the text (two of one length cannot both end it)
        if n <= len(info) and info[-n:] in TITLE_SET:
            return _before_known_title(info, n)
    return info, ""


_COMPANIES = ("公司", "集团", "银行", "分行", "支行", "医院")


def _organs_party(title: str, org: str) -> tuple[str, str]:
    """The party group of an organ (县工商联党组), the party committee of a hospital (县人民医院党委) or the discipline
    committee of a company (…矿业集团纪委): its post is the organ's, as in 县教育局党组书记、局长 (党组书记 of
    县工商联); a place's party or discipline committee (镇党委, 镇纪委) is a body of its own."""
    for party, holders in (("党组", ()), ("党委", ("医院", "卫生院")), ("纪委", _COMPANIES)):
        base = org[:-len(party)]
        if org.endswith(party) and len(base) >= 3 and _ends_like_org(base) and (not holders or base.endswith(holders)):
            return party + title, base
    return title, org


def _before_known_title(info: str, n: int) -> tuple[str, str]:
    """Title and organisation of text ending in a known title of n characters: what precedes it is the
    organisation when it looks like one (县政协原副主席: 原副主席 of 县政协; 语文教研组长: no organisation)."""
    head, title = info[:-n].strip(), info[-n:]
    while head.endswith(_FORMER + ("副",)) and len(head) > 2:  # 县政协原副主席, 县新华书店副经理
        head, title = head[:-1], head[-1] + title
    if head and not (head.endswith(ORG_SUFFIXES) or names_a_place(head)) or _generic(head) or len(head) == 1 \
            or head in _PARTY + ("纪委",) or _stationed_in(head):  # 党委副书记, 纪委书记: a body of the plan's own
        return info, ""  # organisation, not named; 语文教研组长, 少先队大队辅导员, 村会计, 驻青竹村第一书记: none named
    return _department(head, title) if head else (title, "")
