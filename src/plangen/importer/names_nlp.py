"""The people of a leadership group read piece by piece with a Chinese word segmenter (optional).

The rules (people.py and the modules beside it) read the layouts they know. Where they read no one by
name, or read something that is no name ('|'), or names without a single title where the text gives
titles, `check` reads the group's lines again without knowing their layout: each line is cut into
pieces (at separators, brackets, table cells), each piece is a role (组长, 任副组长), a post (县卫生健康局
局长), a name, a field label (姓名：) or other words; names are told from other words by jieba's
part-of-speech tags (nr, nrfg, nrt), or by their place in a row that also holds a role or a post. A
name takes the role of its sentence (or the role above it, or its table column), and the post written
next to it (in brackets after it, glued before it, after it up to the next name, on the line below it,
or after 分别). Without jieba installed (`pip install plangen[names]`) nothing changes.
"""

from __future__ import annotations

import re
from functools import cache, lru_cache
from typing import Any

from .. import cntext, plantables
from .written import placeholder_name

_ROLES = tuple(sorted(plantables.ROLE_WORDS, key=len, reverse=True))
_ROLE_RE = re.compile("|".join(_ROLES))
_FIELD_LABELS = ("工作单位及职务", "单位及职务", "领导小组职务", "小组职务", "组内职务", "现任职务", "工作单位", "职务", "姓名",
                 "单位", "职位", "备注", "性别")
_FIELD_LABEL = re.compile(r"(?:" + "|".join(_FIELD_LABELS) + r")\s*[:：]")
_MARKUP = re.compile(r"\*\*|__|^\s*(?:#+|[-*•●▪◆■>]|\d{1,2}[.．、]|[（(][一二三四五六七八九十\d]{1,3}[)）]|[一二三四五六七八九十]{1,3}、)\s*")
_SENTENCE = re.compile(r"[；;。]")
_PIECE = re.compile(r"[（(][^（()）]*[)）]|[^\s|｜/／：:，,、—－（()）]+")
_ROLE_PREFIX = re.compile(r"^(?:同志)?(?:亲自)?(?:担任|兼任|出任|任|为|是)")
_NOT_NAME_WORDS = ("各", "全体", "所有", "负责", "同志", "领导", "人员", "部门", "单位", "成员", "小组", "办公室", "分别")
_BAD_TAGS = ("v", "vd", "vn", "a", "ad", "an", "d", "p", "c", "u", "uj", "ul", "m", "q", "r", "f")
_NAME_TAGS = ("nr", "nrfg", "nrt")


@cache
def available() -> bool:
    """jieba installed."""
    try:
        import jieba.posseg  # noqa: F401
    except ImportError:
        return False
    return True


@lru_cache(maxsize=4096)
def _tags(text: str) -> tuple[tuple[str, str], ...]:
    import logging

    import jieba
    import jieba.posseg

    jieba.setLogLevel(logging.WARNING)
    return tuple((w.word, w.flag) for w in jieba.posseg.lcut(text))


def _hanzi_name(text: str) -> bool:
    return bool(re.fullmatch(r"[\u4e00-\u9fff]{2,4}|[\u4e00-\u9fff]{1,8}[·•・][\u4e00-\u9fff]{1,8}", text))


def _ends_like_post(text: str) -> bool:
    """Ends in a known title or an organisation's ending (not in 长 alone: 魏文长)."""
    return text.endswith(cntext.TITLES) or text.endswith(cntext.ORG_SUFFIXES)


def is_name(text: str, placed: bool = False) -> bool:
    """A person's name: jieba tags a name in it, or (placed: in a row that also holds a role or a post) it is
    two to four characters that no tag marks as an ordinary word."""
    if not _hanzi_name(text) or placeholder_name(text) or text in plantables.ROLE_WORDS or _ends_like_post(text) \
            or any(w in text for w in _NOT_NAME_WORDS):
        return False
    tags = _tags(text)
    if any(flag in _NAME_TAGS for _, flag in tags):
        return not any(len(w) >= 2 and flag in _BAD_TAGS for w, flag in tags)
    return placed and "·" not in text and not any(len(w) >= 2 and flag in _BAD_TAGS for w, flag in tags)


def _post(text: str) -> bool:
    """A post: a job title, with its organisation before it or not (县卫生健康局局长, 副县长), or an organisation."""
    if not text or text in plantables.ROLE_WORDS or text.startswith(("各", "全体", "所有")):
        return False
    _, org = cntext.split_title(text)
    return bool(org) or text.endswith(cntext.TITLES) or (len(text) >= 3 and text.endswith(cntext.ORG_SUFFIXES))


def _glued(text: str) -> tuple[str, str] | None:
    """'县委宣传部部长潘秋萍' -> ('县委宣传部部长', '潘秋萍'): a post, then a name that jieba tags at the end."""
    tags = _tags(text)
    if len(tags) < 2:
        return None
    word, flag = tags[-1]
    name = word
    if flag not in _NAME_TAGS:
        if len(tags) >= 3 and tags[-2][1] in _NAME_TAGS and len(tags[-2][0]) == 1 and len(word) <= 2:
            name = tags[-2][0] + word  # 陆 永福: a surname tagged alone
        else:
            return None
    before = text[: len(text) - len(name)]
    if _hanzi_name(name) and before.endswith(cntext.TITLES + ("长", "记", "任", "员", "委", "席")) and _post(before):
        return before, name
    return None


def _items(line: str) -> list[tuple[str, str, int]]:
    """The pieces of a line, in order: (kind, text, cell) with kind role / name / post / post+ (in brackets) /
    group (各…) / sep (the end of a sentence) / apart (分别) / other."""
    line = _FIELD_LABEL.sub(" ", _MARKUP.sub("", line)).replace("同志", " ")
    cells = line.strip().strip("|｜").split("|") if line.count("|") >= 2 else [line]
    out: list[tuple[str, str, int]] = []
    for c, cell in enumerate(cells):
        for s, sentence in enumerate(_SENTENCE.split(cell)):
            if s:
                out.append(("sep", "", c))
            if re.search("办公室设在|下设办公室|办公室主任", sentence):  # the office: the rules read it
                continue
            for m in _PIECE.finditer(sentence):
                out.extend((kind, text, c) for kind, text in _piece(m.group()))
    return out


def _piece(piece: str) -> list[tuple[str, str]]:
    if piece[0] in "（(":
        inner = piece[1:-1].strip()
        if inner in plantables.ROLE_WORDS:
            return [("role", inner)]
        return [("post+", inner)] if _post(inner) or "、" in inner else [("other", inner)]
    if piece.startswith(("各", "全体", "所有")) and len(piece) <= 30:  # 各有关乡镇分管领导: a group, kept as written
        return [("group", piece)]
    bare = _ROLE_PREFIX.sub("", piece)
    if bare in plantables.ROLE_WORDS:
        return [("role", bare)]
    if piece.startswith("分别"):
        return [("apart", "")] + _piece(re.sub(r"^分别(?:为|任|是|担任)?", "", piece) or "分别")
    m = re.match(r"(" + _ROLE_RE.pattern + r")(?:为|是|有|包括)", piece)
    if m and len(piece) > m.end():  # 成员为甘志明
        return [("role", m.group(1))] + _piece(piece[m.end():])
    piece = re.sub(r"(?<=[\u4e00-\u9fff]{2})(?:[两三四五六七八九十几]位|等)$", "", piece)  # 廖金凤两位
    if _post(piece) and not _glued(piece):
        return [("post", piece)]
    if _hanzi_name(piece) and is_name(piece, placed=False):
        return [("name", piece)]
    if _hanzi_name(piece) and not _ends_like_post(piece):
        return [("name?", piece)]
    glued = _glued(piece)
    if glued:
        return [("post", glued[0]), ("name", glued[1])]
    found: list[tuple[str, str]] = []
    for m in _ROLE_RE.finditer(piece):  # 两位任副组长, 牵头抓总、任组长
        if not re.search("[\u4e00-\u9fff]", piece[m.end():m.end() + 1] or "") or m.end() == len(piece):
            before = piece[:m.start()]
            name = re.sub(r"(?:两|三|四|五|几)位$|等$", "", re.sub(r"(?:担任|兼任|任|为)$", "", before))
            if _hanzi_name(name) and is_name(name):
                found.append(("name", name))
            found.append(("role", m.group()))
            return found
    return found or [("other", piece)]


def read(lines: list[str]) -> dict[str, list[dict[str, str]]]:
    """The people of the group's lines by role (leaders, deputies, members)."""
    out: dict[str, list[dict[str, str]]] = {}
    role = ""
    columns: list[str] = []
    last: dict[str, Any] | None = None
    for line in lines:
        items = _items(line)
        if not items:
            continue
        kinds = {k for k, _, _ in items}
        roles = [t for k, t, _ in items if k == "role"]
        if len(roles) >= 2 and kinds <= {"role", "sep"}:  # a header of role columns
            columns = [t for k, t, _ in items if k == "role"]
            continue
        placed = bool(kinds & {"role", "post", "post+"}) or bool(role and len(items) == 1)  # 黎月红 under 成员
        items = [("name" if k == "name?" and is_name(t, placed) else k, t, c) for k, t, c in items]
        if not any(k == "name" for k, _, _ in items):
            posts = [t for k, t, _ in items if k in ("post", "post+")]
            if roles and not posts:
                role = roles[-1]
            elif posts and not roles and last is not None and not last["post"]:  # the post on the line below
                last["post"] = "".join(posts)
            continue
        for sentence in _sentences(items):
            people, role = _people(sentence, role, columns)
            for label, name, post in people:
                person = {"label": label, "name": name, "post": post}
                out.setdefault(label, []).append(person)  # type: ignore[arg-type]
                last = person if name is not None else last
    return _as_data(out)


def _sentences(items: list[tuple[str, str, int]]) -> list[list[tuple[str, str, int]]]:
    found: list[list[tuple[str, str, int]]] = [[]]
    for item in items:
        if item[0] == "sep":
            found.append([])
        else:
            found[-1].append(item)
    return [s for s in found if s]


def _people(items: list[tuple[str, str, int]], role: str,
            columns: list[str]) -> tuple[list[tuple[str, str | None, str]], str]:
    """(label, name, post) of one sentence, and the role open after it."""
    names = [i for i, (k, _, _) in enumerate(items) if k == "name"]
    roles = [i for i, (k, _, _) in enumerate(items) if k == "role"]
    posts: dict[int, str] = {}
    apart = next((i for i, (k, _, _) in enumerate(items) if k == "apart"), None)
    if apart is not None:
        after = [t for k, t, _ in items[apart:] if k in ("post", "post+")]
        before = [i for i in names if i < apart]
        if len(after) == len(before):
            posts.update(zip(before, after))
        elif len(before) == 1 and after:
            posts[before[0]] = "".join(after)
    for n, i in enumerate(names):
        if i in posts:
            continue
        nxt = names[n + 1] if n + 1 < len(names) else len(items)
        if i + 1 < len(items) and items[i + 1][0] == "post+":
            posts[i] = items[i + 1][1]
            continue
        if i > 0 and items[i - 1][0] == "post" and (n == 0 or names[n - 1] < i - 1):
            if i - 1 not in posts.values():
                posts[i] = items[i - 1][1]
                j = i - 2
                while j >= 0 and items[j][0] == "post" and (n == 0 or names[n - 1] < j):
                    posts[i] = items[j][1] + posts[i]
                    j -= 1
                continue
        after = [t for k, t, _ in items[i + 1:nxt] if k in ("post", "post+")]
        if after and (apart is None or apart > nxt):
            posts[i] = "".join(after)
    found: list[tuple[str, str | None, str]] = []
    for i in names + [i for i, (k, _, _) in enumerate(items) if k == "group"]:
        if columns and len(columns) > items[i][2]:
            label = columns[items[i][2]]
        elif roles:
            before = [r for r in roles if r < i]
            label = items[before[-1]][1] if before and len(roles) > 1 else items[roles[0]][1] if len(roles) == 1 else \
                items[min(roles, key=lambda r: abs(r - i))][1]
        else:
            label = role
        if label and items[i][0] == "group":
            found.append((label, None, items[i][1]))
        elif label:
            found.append((label, items[i][1], posts.get(i, "")))
    return found, (items[roles[-1]][1] if roles else role)


def _as_data(found: dict[str, list[dict[str, str]]]) -> dict[str, list[dict[str, str]]]:
    from .group import with_role

    data: dict[str, list[dict[str, str]]] = {}
    for label, people in found.items():
        for p in people:
            if p["name"] is None:  # a group of people, as written
                data.setdefault(plantables.ROLE_WORDS[label], []).append({"description": p["post"]})
                continue
            person: dict[str, str] = {"name": p["name"]}
            if p["post"]:
                title, org = cntext.split_title(p["post"])
                if "、" in p["post"]:
                    title, org = cntext.split_titles(p["post"])
                person.update({k: v for k, v in (("title", title), ("org", org)) if v})
            data.setdefault(plantables.ROLE_WORDS[label], []).append(with_role(person, label))
    return data


def _named(data: dict[str, Any]) -> list[dict[str, str]]:
    return [p for r in ("leaders", "deputies", "members") for p in data.get(r, []) if isinstance(p, dict) and p.get("name")]


def plausible(name: str) -> bool:
    """A name the rules read that may be one (the shape of a name, no post, no group's word): jieba's tags are
    not asked, since they miss many names the rules read right."""
    return "·" in name or (_hanzi_name(name) and not placeholder_name(name) and name not in plantables.ROLE_WORDS
                           and not _ends_like_post(name) and not any(w in name for w in _NOT_NAME_WORDS))


def _roles(data: dict[str, Any]) -> set[tuple[str, str]]:
    return {(r, p["name"]) for r in ("leaders", "deputies", "members") for p in data.get(r, [])
            if isinstance(p, dict) and p.get("name")}


def check(data: dict[str, Any], lines: list[str]) -> dict[str, Any]:
    """The group as the rules read it, or as read piece by piece where the rules read no one by name, or a
    name that is none (and the pieces read everyone else the rules read), or no post at all (and the pieces
    read the same people in the same roles, with posts)."""
    if not available():
        return data
    rules = _named(data)
    valid = [p for p in rules if plausible(p["name"])]
    if rules and len(valid) == len(rules) and any(p.get("title") or p.get("org") for p in rules):
        return data
    found = read(lines)
    mine = _named(found)
    if not mine or {p["name"] for p in valid} - {p["name"] for p in mine}:
        return data
    if len(valid) < len(rules) or not rules:
        return _replaced(data, found)
    if any(p.get("title") or p.get("org") for p in mine) and _roles(found) >= _roles(data):
        return _replaced(data, found)
    return data


def _replaced(data: dict[str, Any], found: dict[str, Any]) -> dict[str, Any]:
    """The roles read piece by piece in place of the rules' ones; what the rules kept unnamed (各乡镇分管负责同志,
    an empty slot) kept where it is no post of a person read."""
    out = dict(data)
    for role, people in found.items():
        names = [p["name"] for p in _named(found)]
        unnamed = [p for p in data.get(role, []) if isinstance(p, dict) and not p.get("name")
                   and not _post(str(p.get("description", "")).split("（")[0])
                   and not any(n in str(p.get("description", "")) for n in names)]  # a name read in it
        out[role] = people + [p for p in unnamed if p and p not in people]
    return out
