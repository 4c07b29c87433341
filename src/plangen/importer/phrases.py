"""People written in a phrase: '县委常委、县纪委书记李诒芸', '冯建华校长', '副局长黎明、侯静', and the office
('办公室设在…，由…兼任办公室主任'). Titles are split from the organisation written before them. Pure.
"""

from __future__ import annotations

import re
from typing import Any

from .. import cnposts, cntext
from .written import NAME, TITLE_END, no_tongzhi, titled

_OFFICE = re.compile(r"(?:办公室[，,（(]?\s*设(?:在|于)|下设办公室(?:于|在))(?P<loc>[^，,。；;（()）]+(?:[〔（(][^）)〕]{1,8}[〕）)][^，,。；;（()）]*)?)")  # also 下设办公室，设在…
_DIRECTOR = re.compile(r"由(?P<who>[^，,。；;]+?)(?:同志)?(?:兼任|担任|任|兼)(?:办公室)?主任|主任[:：由]\s*(?P<who2>[^，,。；;]+?)(?:同志)?(?:兼任|担任)?(?:[，,。；;]|$)"
                       r"|(?<=[，,；;])\s*(?P<who3>[^，,。；;由]{2,20}?)(?:同志)?(?:兼任|担任|任|兼)(?:办公室)?主任")


def office(text: str, k: str) -> dict[str, Any]:
    """'办公室设在县教育局，由王五兼任办公室主任' -> location and director; a line that names the director only
    ('领导小组办公室主任由向秀同志兼任') -> the director."""
    m = _OFFICE.search(k)
    found: dict[str, Any] = {"location": text[m.start("loc"):m.end("loc")].strip()} if m else {}
    d = _DIRECTOR.search(k, m.end()) if m else _DIRECTOR_ONLY.search(k)
    if d:
        group = next(g for g in ("who", "who2", "who3") if d[g])
        who = text[d.start(group):d.end(group)]
        bracketed = re.fullmatch(r"\s*(?P<name>[^（(]{2,8}?)\s*[（(](?P<info>[^）)]+)[）)]\s*", who)
        spaced = re.fullmatch(rf"\s*(?P<info>\S{{2,30}})\s+(?P<name>{NAME})\s*", who)  # 免疫规划科科长 石磊
        if bracketed:
            person = [titled(bracketed["name"], bracketed["info"])]
        elif spaced and spaced["info"].endswith(cnposts.TITLES + TITLE_END):
            person = [titled(spaced["name"], spaced["info"])]
        else:  # a bare name (官志明: not the title 官) or a name with its title (局长王五)
            person = [{"name": who.strip()}] if _name_alone(who) else prose_person(who, d[group])
        if person and person[0].get("name"):
            found["director"] = person[0]
    return found


def _name_alone(text: str) -> bool:
    """A name and nothing else: 2–4 characters that end in no title (官志明; not 局长王五)."""
    return bool(re.fullmatch(NAME, text.strip())) and not text.strip().endswith(cnposts.TITLES)


_DIRECTOR_ONLY = re.compile(r"办公室主任(?:由|[:：]\s*)(?P<who>[^，,。；;]+?)(?:同志)?(?:兼任|担任)?(?:[，,。；;]|$)"
                            r"|^(?P<who2>[^，,。；;由]{2,20}?)(?:同志)?(?:兼任|担任|任|兼)(?:领导小组)?办公室主任"
                            r"|(?<=[，,；;])\s*由?(?P<who3>[^，,。；;由]{2,20}?)(?:同志)?(?:兼任|担任|任|兼)(?:领导小组)?办公室主任")


def prose_person(text: str, k: str, orgs: tuple[str, ...] = ()) -> list[dict[str, str]]:
    """'县委常委、县纪委书记李诒芸' -> one person with both titles; '各帮扶责任县领导' -> a description."""
    text, k = no_tongzhi(text, k)  # 肖丹同志（…主任科员）
    if _units_then_heads(k):
        return [{"description": text.strip()}]
    out: list[dict[str, str]] = []
    titles: list[str] = []  # posts written alone, waiting for the name after them
    pos = 0
    for piece in _pieces(k):
        start = k.find(piece, pos)
        pos = start + len(piece)
        original, piece = _bare(text[start:start + len(piece)], piece)
        named = _split_name(piece)
        person = _one_person(original, piece, named, orgs)
        if person is not None:
            out.append(person)
        elif named:
            out.append(_titled_name(original, len(piece) - len(named), titles, out, orgs))
            titles = []
        elif piece and not _a_group(piece):
            titles.append(original)
        elif piece:  # 各村民小组组长: a group, no title of the person after it
            out.extend({"description": t} for t in [*titles, original])
            titles = []
    out.extend({"description": t} for t in titles)
    return out


def _one_person(original: str, piece: str, named: str, orgs: tuple[str, ...]) -> dict[str, str] | None:
    """The person a piece names with name and post both in it, in brackets (张三（县长）), post first with the name
    in brackets (寄递事业部经理（潘雪梅）) or name first (李四副局长, when `named`, the name ending it, is none); None
    when it names no one so."""
    bracketed = _BRACKETED.fullmatch(piece)
    if bracketed:
        return titled(original[:bracketed.end("name")], original[bracketed.start("info"):bracketed.end("info")], orgs)
    post_first = _post_then_name(piece)
    if post_first:
        return titled(original[post_first.start("name"):post_first.end("name")], original[:post_first.end("post")], orgs)
    first = _name_first(piece) if not named else None
    return titled(original[:first], original[first:], orgs) if first else None


def _a_group(piece: str) -> bool:
    """Words naming a group of people (各村民小组组长, 村“两委”其他干部), not one post."""
    return piece.startswith(cntext.GROUP_STARTS) or any(w in piece for w in ("其他", "其余", "全体", "有关", "相关"))


_BRACKETED = re.compile(r"(?P<name>" + NAME + r")[（(](?P<info>[^（()）]{2,40})[)）]")
_POST_NAME = re.compile(r"(?P<post>[^（()）]{2,30})[（(](?P<name>" + NAME + r")[)）]")


_HEADS = re.compile(rf"(?:主要)?负责(?:人|同志)(?=$|{cntext.AND_A_GROUP})")  # …负责人, …负责人及各…


def _units_then_heads(k: str) -> bool:
    """'办公室、立案庭、民事审判庭、梅溪人民法庭负责人': units in a list sharing the word for their heads, one group."""
    *units, last = re.split(r"、", k.strip())
    head = _HEADS.search(last)
    return bool(units and head and head.start() >= 2 and not last.startswith(_GROUP_START)
                and all(u.endswith(cnposts.ORG_SUFFIXES + ("庭", "科")) for u in units))


def _titled_name(original: str, title_len: int, titles: list[str], out: list[dict[str, str]],
                 orgs: tuple[str, ...]) -> dict[str, str]:
    """The person of a piece that ends with a name, with the titles written before it (in the piece, or in the
    pieces before it: 县委常委、县纪委书记李诒芸); a bare name after a titled one shares its title (副局长黎明、侯静)."""
    title = "、".join(titles + [original[:title_len]]) if title_len else "、".join(titles)
    person = titled(original[title_len:], title, orgs)
    if not title and out and out[-1].get("name") and out[-1].get("title"):
        person.update({k: out[-1][k] for k in ("title", "org") if k in out[-1]})
    return person


def _bare(original: str, piece: str) -> tuple[str, str]:
    """A piece without spaces, a leading 由 and a trailing 同志, cut alike from the text as written and its key."""
    lead = len(piece) - len(piece.lstrip())
    piece = piece.strip()
    original = original[lead:lead + len(piece)]
    if piece.startswith("由"):
        piece, original = piece[1:], original[1:]
    if piece.endswith("同志") and len(piece) > 2 and not piece.startswith(cntext.GROUP_STARTS):  # 各乡镇负责同志: a group
        piece, original = piece[:-2], original[:-2]
    duty = _DUTY.search(piece)  # 副校长麻秀云（分管小学部）: the duty left out (the sentence stays in the group's text)
    if duty and len(piece) > duty.end() - duty.start() + 2:
        piece, original = piece[:duty.start()], original[:duty.start()]
    return original, piece


_DUTY = re.compile(r"[（(](?:负责|分管|主持|协助)[^（()）]{1,20}[)）]$")


def _pieces(k: str) -> list[str]:
    """'副局长鞠文、人力资源和社会保障局副局长栾海' -> two pieces: 、 always divides; 和 / 及 only between names."""
    out: list[str] = []
    for piece in re.split(r"、(?![^（(]*[)）])", k):  # not inside brackets: 张三（县委常委、副县长）
        halves = re.split(r"以及|[和及]", piece)
        out.extend(halves if all(0 < len(h) <= 4 for h in halves) else _titled_people(piece))
    return out


def _titled_people(piece: str) -> list[str]:
    """'局长耿精忠和县医疗保障局局长孙延龄' -> two pieces: 和 / 及 between two people each written with a title
    before the name, or between such a person and a group (…主任麻振宇及各村党组织书记); the piece whole
    otherwise (人力资源和社会保障局副局长栾海)."""
    for m in re.finditer(r"以及|[和及]", piece):
        parted = _parted_at(piece, m.start(), m.end())
        if parted:
            return parted
    return [piece]


def _parted_at(piece: str, start: int, end: int) -> list[str]:
    """The pieces the 和 / 及 at piece[start:end] parts the piece into; [] when it joins the words of one name."""
    left, right = piece[:start], piece[end:]
    if _titled(left):
        if right.startswith(cntext.GROUP_STARTS) or cnposts.TITLE_ALONE.fullmatch(right) or _HEADS.search(right) \
                or re.match("^[^、，,]{1,4}各", right):  # …以及社区各网格员
            return [left, right]  # …主任麻振宇及各村党组织书记; …副院长唐雪梅和院党组成员、政治部主任欧阳立新
        rest = _titled_people(right)
        if all(_titled(r) for r in rest):
            return [left, *rest]
    if _bare_name(left) and _titled(right) and _joins_people(piece, start):
        return [left, right]  # …委员邱伟、杨春燕和网格员麻建军: a name sharing the post before it
    if left.startswith(cntext.GROUP_STARTS) and _ends_in_title(left) and _titled(right):
        return [left, right]  # 各村民小组组长和五里岗稻虾专业合作社理事长熊德贵: a group, then a person
    return []


def _joins_people(piece: str, at: int) -> bool:
    """The 和 at `at` joins two people, not two words of an organisation's name (发展和改革局, 县住房和城乡建设局; not
    陆薇和村会计蓝秋菊, whose 村 alone is no name's second word)."""
    name = _split_name(piece)
    org = cnposts.split_org(piece[:len(piece) - len(name)])[1] if name else ""
    return len(org.rpartition("和")[2]) < 3 and not re.search("[省市县区乡镇村]", piece[:at])


def _titled(piece: str) -> bool:
    name = _split_name(piece)
    return bool(name) and len(piece) > len(name) or _post_then_name(piece) is not None


def _post_then_name(piece: str) -> re.Match[str] | None:
    """'寄递事业部经理（潘雪梅）': a post, then its holder's name in brackets."""
    m = _POST_NAME.fullmatch(piece)
    return m if m and _ends_in_title(m["post"]) else None


def _name_first(piece: str) -> int:
    """'冯建华校长' -> 3 (a name of 2–3 characters, then a known title); 0 when the piece is not so."""
    if piece in cnposts.TITLES or cnposts.implied_body(piece):  # 教研组长 is a post, not 教研 the 组长; 公司党支部书记
        return 0  # a post of the company's own, not 公司党 the 支部书记
    for size in (2, 3):  # 曹敏副校长: the longer title first; 集团总校长: no name 集团总 before 校长
        name = piece[:size]
        if len(piece) > size + 1 and piece[size:] in cnposts.TITLES and piece[size - 1:] not in cnposts.TITLES \
                and not any(w in piece for w in _NOT_A_NAME) \
                and not name.endswith(cnposts.ORG_SUFFIXES + ("副",)) and not re.search("[县市区省乡镇村]", name):
            return size
    return 0


_NOT_A_NAME = ("全体", "各", "所有", "等", "负责人", "干部", "领导", "代表", "人员", "班子", "骨干", "党员", "教师", "部门",
               "单位", "分管", "主管", "有关", "相关", "牵头")
_GROUP_START = cntext.GROUP_STARTS
_DEPARTMENT = re.compile(r"^[\u4e00-\u9fff]{2,8}?[股科处室](?=[\u4e00-\u9fff]{1,3}[长任]$)")  # 干部监督股 of 干部监督股股长
_ORG_END = ("会", "部", "局", "委", "处", "办", "室", "厅", "院", "所", "站", "队", "校", "园", "村", "乡", "镇", "组")


def _ends_in_title(text: str) -> bool:
    """'县纪委书记', '县委常委' end in a title; '县委', '镇党委' end in an organisation (县委统战部 names no one)."""
    text = re.sub(r"〔[^〔〕]{2,6}〕$", "", text)  # 局长〔经理〕: the post's other name, marked so by the reader
    if text.endswith("委") and not text.endswith(("常委", "政委")):
        return False
    return text.endswith(cnposts.TITLES + TITLE_END) or _unit_head(text, "负责人")


def _name_after_org(piece: str) -> str:
    """The name after an organisation and no title ('县教育局王五' -> '王五'), or ''."""
    for size in cntext.name_sizes(piece):
        org, name = piece[:-size], piece[-size:]
        if len(org) >= 3 and org.endswith(cnposts.ORG_SUFFIXES) and not name.endswith(TITLE_END + cnposts.ORG_SUFFIXES):
            return name
    return ""


def _split_name(piece: str) -> str:
    """The name at the end of '县纪委书记李诒芸' ('李诒芸'), a bare 2–3 character name, or ''."""
    if piece.startswith(_GROUP_START):
        return ""
    dotted = _dotted_name(piece)
    if dotted:
        return dotted
    for size in _name_sizes(piece):
        if len(piece) > size:
            title = piece[:-size]
            if _ends_in_title(title) and not piece[-size:].endswith((*TITLE_END, *cnposts.DEPARTMENT_ENDS)):
                # 县纪委书记李诒芸; not 总裁办公室, a department named after its head
                return "" if _grouped(title, piece[-size:]) else piece[-size:]
    if any(w in piece for w in _NOT_A_NAME):
        return ""
    return _name_after_org(piece) or _bare_name(piece) or _four_after_title(piece)


def _four_after_title(piece: str) -> str:
    """A name of four characters after a known title, where no shorter name leaves one (镇长更登扎西: a Tibetan name
    written without a dot), or ''."""
    name = piece[-4:]
    if len(piece) > 4 and piece[:-4].endswith(cnposts.TITLES) and not name.endswith(TITLE_END + _ORG_END) \
            and not any(w in name for w in _NOT_A_NAME):
        return name
    return ""


def _grouped(title: str, name: str) -> bool:
    """The words before the name say a group (全体教师…), not one post: 县教师发展中心主任樊莉: 教师 is the
    organisation's; 干部监督股 a department; 心理健康教师, 信息科负责人 a post."""
    post = cnposts.split_org(title)[0]
    own = _DEPARTMENT.sub("", post) + name
    return any(w in own and not (post.endswith(w) and w in cnposts.TITLES) and not _unit_head(post, w)
               and not (w in ("分管", "主管") and post.endswith(cnposts.TITLES))  # 分管医疗副院长黎红英: one post
               for w in _NOT_A_NAME)


def _unit_head(post: str, word: str) -> bool:
    """信息科负责人: the head of one named unit, a post (not 各科室负责人, a group)."""
    return word == "负责人" and post.endswith(word) and post[:-len(word)].endswith(("科", "股", "室", "部", "处", "站", "所", "中心"))


def _name_sizes(piece: str) -> tuple[int, ...]:
    """The lengths a name ending the piece may have, longest first; a shorter one first when the longer would
    cut a known title short (集团总会计师梁慧: 梁慧, not 师梁慧 after 会计)."""
    sizes = cntext.name_sizes(piece)
    longer = [n for n in sizes[1:] if len(piece) > n and piece[:-n].endswith(cnposts.TITLES)]
    return tuple(longer[:1]) + tuple(n for n in sizes if n not in longer[:1])


def _bare_name(piece: str) -> str:
    """A piece that is a name alone (2–3 characters, or 4 after a two-character surname), or ''."""
    if (2 <= len(piece) <= 3 or cntext.name_sizes(piece)[0] == len(piece) == 4) \
            and not piece.endswith(TITLE_END + _ORG_END):
        return piece
    return ""


_DOTTED_END = re.compile(r"(?P<first>[\u4e00-\u9fff]{1,8})[·•・][\u4e00-\u9fff]{1,8}$")


def _dotted_name(piece: str) -> str:
    """The name with a middle dot at the end of '镇社会事务办主任买买提·艾力' ('买买提·艾力'): its first half runs
    back to the end of the title before it (the last cut that leaves a title), or '' when there is none."""
    m = _DOTTED_END.search(piece)
    if not m:
        return ""
    start = m.start("first")
    for cut in range(m.end("first") - 1, start - 1, -1):
        if cut == 0 or piece[:cut].endswith(cnposts.TITLES + TITLE_END):
            return piece[cut:]
    return piece[start:] if start == 0 else ""
