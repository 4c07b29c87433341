"""The people of one role's text: 'name（title）' forms, titles before or after names, columns, asides.

`people_in` reads what follows a role label (or a line continuing it): cntext.parse_people on the
simplified key after the written forms are rewritten to 'name（title）' (written.bracket_spaced), each
field cut back from the text as written. `without_asides` takes out of a line what is not a person's
post: phone numbers, （兼）, 女 / 汉族 between name and title. Pure.
"""

from __future__ import annotations

import re

from .. import cnposts, cntext
from .hanzi import back, key
from .phrases import prose_person
from .written import bracket_spaced, no_tongzhi, org_split, surname_post, titled

_PHONE = re.compile(r"[ \u3000]*(?:(?:联系)?电话[:：]?\s*)?(?<!\d)(?:1[3-9]\d{9}|0\d{2,3}[-－]?\d{7,8})(?!\d)"
                    r"|[ \u3000，,；;]*(?:联系)?电话[:：]?\s*\d[\d－-]{5,13}")
_ASIDE = re.compile(r"[（(]兼(?:任|职)?[)）]|[，,]\s*(?:男|女|[\u4e00-\u9fff]{1,2}族)(?=\s*[，,])"  # （兼）, ，女，汉族，
                    r"|(?<=[\u4e00-\u9fff])等(?:同志|人)?(?=\s*[。；;]?\s*$)"  # 李贽等同志
                    r"|[，,]\s*(?:负责|分管|主持|协助|兼)[^（()）]*(?=[）)])"  # （…副县长，负责全面工作）, （…，兼…主任）
                    r"|(?<=[长任记理师])[（(](?:负责|分管|主持|协助)[^（()）]{1,20}[)）]")  # 副院长（分管公共卫生）


_GROUP_START = cntext.GROUP_STARTS


def without_asides(text: str) -> str:
    """The line without phone numbers and asides: （兼）, 女 / 汉族 between name and title, 等同志 after the last
    name, a duty after the title in the brackets (the caller keeps the line as written)."""
    return _ASIDE.sub("", _PHONE.sub("", text)).rstrip()


def people_in(text: str, k: str, orgs: tuple[str, ...] = ()) -> list[dict[str, str]]:
    """cntext.parse_people on the key, each field cut back from the original."""
    text, k = bracket_spaced(*no_tongzhi(text, k))
    found = []
    for p in cntext.parse_people(k, tuple(key(o) for o in orgs)):
        raw = _fields(p, text, k, orgs)
        if p.description and not p.name:
            named = prose_person(back(text, k, p.description), p.description, orgs)  # 县人民政府副县长邓华
            if _titled_then_groups(named) and not surname_post(named[0]["name"]):  # …局长李四及各乡镇分管负责同志: the
                # person, then the group (not 秦老师（退休教师，志愿者）: a surname and a post name no one)
                found.extend(named)
                continue
        if p.description:
            raw["description"] = back(text, k, p.description.split("（")[0]) + p.description[len(p.description.split("（")[0]):]
        found.append(raw)
    return _shared_posts(_titles_joined(found, orgs), text)


def _shared_posts(found: list[dict[str, str]], text: str) -> list[dict[str, str]]:
    """'副院长杨雪梅、梁建功、李强': bare names right after a name written after its post share that post."""
    out: list[dict[str, str]] = []
    chain = ""  # the post and the names sharing it so far, as written (副院长杨雪梅、梁建功)
    for person in found:
        before = out[-1] if out else {}
        post = before.get("title", "")
        chain = (chain or before.get("org", "") + post + before.get("name", "")) if post else ""
        if set(person) == {"name"} and chain and chain + "、" + person["name"] in text:
            person = {**person, **{k: before[k] for k in ("title", "org") if k in before}}
            chain += "、" + person["name"]
        else:
            chain = ""
        out.append(person)
    return out


def _titled_then_groups(named: list[dict[str, str]]) -> bool:
    """One person read with a name and a post, and after it only groups of people (各…, 全体…)."""
    first, *rest = named or [{}]
    return bool(first.get("name") and (first.get("title") or first.get("org"))) and \
        all(p.get("description", "").startswith(_GROUP_START) for p in rest)


def _titles_joined(found: list[dict[str, str]], orgs: tuple[str, ...]) -> list[dict[str, str]]:
    """'县委副书记、县长张三': a title alone, then a person named after a title, are one person with both."""
    out: list[dict[str, str]] = []
    for person in found:
        before = out[-1].get("description", "") if out and len(out[-1]) == 1 else ""
        if person.get("name") and person.get("title") and cnposts.TITLE_ALONE.fullmatch(before) \
                and not before.startswith(_GROUP_START):
            out[-1] = titled(person["name"], before + "、" + person.get("org", "") + person["title"], orgs)
        else:
            out.append(person)
    return out




def _fields(p: cntext.PersonText, text: str, k: str, orgs: tuple[str, ...]) -> dict[str, str]:
    """Name, title and organisation of a person read on the key, cut back from the text as written."""
    raw = {field: back(text, k, value) for field, value in p.as_raw().items() if field != "description"}
    if raw.get("name", "").endswith("同志") and len(raw["name"]) > 3:
        raw["name"] = raw["name"][:-2]  # 卫国同志 -> 卫国
    if raw.get("title") and not raw.get("org"):
        raw["title"], org = org_split(raw["title"], orgs)
        raw.update({"org": org} if org else {})
    return raw
