"""A leadership group read piece by piece, whatever its layout, with a word segmenter's name tags.

The rules (people.py and the modules beside it) read the layouts they know. Where they read no one
by name, something that is no name, or names without any post while the text gives posts, `check`
reads the group's lines again without knowing their layout (docs/import.md, "People read piece by
piece"):

- each line is cut into pieces, at separators, brackets and table cells (`pieces_of_line`);
- each piece is a role (组长, 任副组长), a post (县卫生健康局局长), a name, a group of people written as
  such (各有关乡镇分管领导), or other words; names are told from other words by jieba's name tags
  (wordtags.py), or by their place in a row that also holds a role or a post;
- a name takes the role of its sentence (or the role above it, or its table column), and the post
  written next to it: in brackets after it, glued before it, before or after it (the sentence's
  first name tells which), on the line below it, or after 分别.

Without jieba installed (the extra `names`), `check` returns the rules' reading unchanged.
"""

from __future__ import annotations

import re
from typing import Any, NamedTuple

from .. import cnposts, cntext, plantables
from . import wordtags
from .group import with_role
from .written import placeholder_name

_ROLE_RE = re.compile(plantables.ROLE_PATTERN)
_FIELD_LABEL = re.compile(
    r"(?:工作单位及职务|单位及职务|领导小组职务|小组职务|组内职务|现任职务|工作单位|职务|姓名|单位|职位|备注|性别)\s*[:：]")
_MARKUP = re.compile(r"\*\*|__|^\s*(?:#+|[-*•●▪◆■>]|\d{1,2}[.．、]|[（(][一二三四五六七八九十\d]{1,3}[)）]"
                     r"|[一二三四五六七八九十]{1,3}、)\s*")
_SENTENCE_END = re.compile(r"[；;。]")
_PIECE = re.compile(r"[（(][^（()）]*[)）]|[^\s|｜/／：:，,、—－（()）]+")
_ROLE_VERB = re.compile(r"^(?:同志)?(?:亲自)?(?:担任|兼任|出任|任|为|是)")
_ROLE_THEN = re.compile(r"(" + _ROLE_RE.pattern + r")(?:为|是|有|包括)")  # 成员为甘志明
_COUNTED = re.compile(r"(?<=[\u4e00-\u9fff]{2})(?:[两三四五六七八九十几]位|等)$")  # 廖金凤两位
_BEFORE_ROLE = re.compile(r"(?:担任|兼任|任|为)$")
_OFFICE = re.compile("办公室设在|下设办公室|办公室主任")  # the office: the rules read it
_HANZI_NAME = re.compile(r"[\u4e00-\u9fff]{2,4}|[\u4e00-\u9fff]{1,8}[·•・][\u4e00-\u9fff]{1,8}")
_GROUP_WORDS = cntext.GROUP_STARTS
_NOT_NAME_WORDS = _GROUP_WORDS + ("负责", "同志", "领导", "人员", "部门", "单位", "成员", "小组", "办公室", "分别")
_POST_ENDS = cnposts.TITLES + ("长", "记", "任", "员", "委", "席")
_ROLES = ("leaders", "deputies", "members")


class Piece(NamedTuple):
    """One piece of a line: its kind, its text, and the table cell it stands in."""

    kind: str  # role, name, maybe (a name if its row places it), post, post+ (in brackets), group,
    #            apart (分别), end (of a sentence), other
    text: str
    cell: int = 0


class Person(NamedTuple):
    """A person (or a group of people, name None) as read from one sentence."""

    label: str
    name: str | None
    post: str


def _name_shaped(text: str) -> bool:
    return bool(_HANZI_NAME.fullmatch(text))


def _ends_like_post(text: str) -> bool:
    """Ends in a known title or an organisation's ending (not in 长 alone: 魏文长)."""
    return text.endswith(cnposts.TITLES + cnposts.ORG_SUFFIXES)


def plausible(name: str) -> bool:
    """A name the rules read that may be one: the shape of a name, no post, no group's word (jieba's tags
    are not asked: they miss many names the rules read right)."""
    return "·" in name or (_name_shaped(name) and not placeholder_name(name) and name not in plantables.ROLE_WORDS
                           and not _ends_like_post(name) and not any(w in name for w in _NOT_NAME_WORDS))


def is_post(text: str) -> bool:
    """A job title, with its organisation before it or not (县卫生健康局局长, 副县长), or an organisation."""
    if not text or text in plantables.ROLE_WORDS or text.startswith(_GROUP_WORDS):
        return False
    _, org = cnposts.split_title(text)
    return bool(org) or text.endswith(cnposts.TITLES) or (len(text) >= 3 and text.endswith(cnposts.ORG_SUFFIXES))


class _Reader:
    """Pieces and people of a group's lines, asking one tagger."""

    def __init__(self, tags: wordtags.WordTags) -> None:
        self.tags = tags

    def is_name(self, text: str, placed: bool = False) -> bool:
        """A person's name: tagged as one, or (placed: in a row that also holds a role or a post) two to four
        characters that no tag marks as an ordinary word."""
        if not _name_shaped(text) or not plausible(text) or self.tags.has_word(text):
            return False
        return self.tags.has_name(text) or (placed and "·" not in text)

    def glued(self, text: str) -> tuple[str, str] | None:
        """'县委宣传部部长潘秋萍' -> ('县委宣传部部长', '潘秋萍'): a post, then a name tagged at the end."""
        tagged = self.tags.of(text)
        if len(tagged) < 2:
            return None
        name = _last_name(tagged)
        before = text[: len(text) - len(name)]
        if name and _name_shaped(name) and before.endswith(_POST_ENDS) and is_post(before):
            return before, name
        return None

    def pieces_of_line(self, line: str) -> list[Piece]:
        """The pieces of a line, in order, with an `end` piece between its sentences."""
        line = _FIELD_LABEL.sub(" ", _MARKUP.sub("", line)).replace("同志", " ")
        cells = line.strip().strip("|｜").split("|") if line.count("|") >= 2 else [line]
        out: list[Piece] = []
        for c, cell in enumerate(cells):
            for s, sentence in enumerate(_SENTENCE_END.split(cell)):
                if s:
                    out.append(Piece("end", "", c))
                if not _OFFICE.search(sentence):
                    out.extend(Piece(kind, text, c) for m in _PIECE.finditer(sentence)
                               for kind, text in self.kinds(m.group()))
        return out

    def kinds(self, piece: str) -> list[tuple[str, str]]:
        """What one piece is: one kind, or several for a piece holding a role and a name."""
        if piece[0] in "（(":
            return [_bracketed(piece[1:-1].strip())]
        if piece.startswith(_GROUP_WORDS) and len(piece) <= 30:
            return [("group", piece)]
        bare = _ROLE_VERB.sub("", piece)
        if bare in plantables.ROLE_WORDS:
            return [("role", bare)]
        if piece.startswith("分别"):
            return [("apart", "")] + self.kinds(re.sub(r"^分别(?:为|任|是|担任)?", "", piece) or "分别")
        m = _ROLE_THEN.match(piece)
        if m and len(piece) > m.end():
            return [("role", m.group(1))] + self.kinds(piece[m.end():])
        return self.plain(_COUNTED.sub("", piece))

    def plain(self, piece: str) -> list[tuple[str, str]]:
        """A piece with no brackets, group word or role in front: a post, a name, a post with a name glued
        after it, or a name with its role after it (两位任副组长)."""
        glued = self.glued(piece)
        if is_post(piece) and not glued:
            return [("post", piece)]
        if _name_shaped(piece) and not _ends_like_post(piece):
            return [("name" if self.is_name(piece) else "maybe", piece)]
        if glued:
            return [("post", glued[0]), ("name", glued[1])]
        return self.named_role(piece) or [("other", piece)]

    def named_role(self, piece: str) -> list[tuple[str, str]]:
        """'覃海峰任组长' -> a name and a role; [] when no role ends the piece."""
        for m in _ROLE_RE.finditer(piece):
            if m.end() == len(piece) or not re.match("[\u4e00-\u9fff]", piece[m.end()]):
                name = _COUNTED.sub("", _BEFORE_ROLE.sub("", piece[: m.start()]))
                return ([("name", name)] if _name_shaped(name) and self.is_name(name) else []) + [("role", m.group())]
        return []

    def placed_names(self, pieces: list[Piece], role: str) -> list[Piece]:
        """`maybe` pieces made names where their row places them: beside a role or a post, or alone on a line
        under a role."""
        kinds = {p.kind for p in pieces}
        placed = bool(kinds & {"role", "post", "post+"}) or bool(role and len(pieces) == 1)
        return [p._replace(kind="name") if p.kind == "maybe" and self.is_name(p.text, placed) else p for p in pieces]

    def read(self, lines: list[str]) -> dict[str, list[dict[str, str]]]:
        """The people of the group's lines by role (leaders, deputies, members)."""
        found: list[Person] = []
        role = ""
        columns: list[str] = []
        for line in lines:
            pieces = self.pieces_of_line(line)
            roles = [p.text for p in pieces if p.kind == "role"]
            if len(roles) >= 2 and all(p.kind in ("role", "end") for p in pieces):
                columns = roles  # a header of role columns
                continue
            pieces = self.placed_names(pieces, role)
            if not any(p.kind == "name" for p in pieces):
                role = _without_names(pieces, role, found)
                continue
            for sentence in _sentences(pieces):
                people, role = _people(sentence, role, columns)
                found.extend(people)
        return _as_data(found)


def _last_name(tagged: wordtags.Tagged) -> str:
    """The name at the end of tagged words: the last word tagged as a name, or a one-character surname
    tagged as a name followed by a word of one or two (陆 永福)."""
    word, flag = tagged[-1]
    if flag in wordtags.NAME_TAGS:
        return word
    if len(tagged) >= 3 and tagged[-2][1] in wordtags.NAME_TAGS and len(tagged[-2][0]) == 1 and len(word) <= 2:
        return tagged[-2][0] + word
    return ""


def _bracketed(inner: str) -> tuple[str, str]:
    if inner in plantables.ROLE_WORDS:
        return ("role", inner)
    return ("post+", inner) if is_post(inner) or "、" in inner else ("other", inner)


def _without_names(pieces: list[Piece], role: str, found: list[Person]) -> str:
    """A line with no name: a role alone opens it for the lines below; posts alone are the post of the last
    person read, when that person has none (name and post on lines of their own). The role open after it."""
    roles = [p.text for p in pieces if p.kind == "role"]
    posts = [p.text for p in pieces if p.kind in ("post", "post+")]
    if roles and not posts:
        return roles[-1]
    if posts and not roles:
        _give_post_to_last(found, "".join(posts))
    return role


def _give_post_to_last(found: list[Person], post: str) -> None:
    named = [i for i, person in enumerate(found) if person.name is not None]
    if named and not found[named[-1]].post:
        found[named[-1]] = found[named[-1]]._replace(post=post)


def _sentences(pieces: list[Piece]) -> list[list[Piece]]:
    out: list[list[Piece]] = [[]]
    for piece in pieces:
        if piece.kind == "end":
            out.append([])
        else:
            out[-1].append(piece)
    return [s for s in out if s]


def _people(pieces: list[Piece], role: str, columns: list[str]) -> tuple[list[Person], str]:
    """The people of one sentence, and the role open after it."""
    names = [i for i, p in enumerate(pieces) if p.kind == "name"]
    roles = [i for i, p in enumerate(pieces) if p.kind == "role"]
    groups = [i for i, p in enumerate(pieces) if p.kind == "group"]
    posts = _posts(pieces, names)
    people = [_person(pieces[i], _label(pieces, i, roles, columns) or role, posts.get(i, "")) for i in names + groups]
    return [p for p in people if p.label], (pieces[roles[-1]].text if roles else role)


def _person(piece: Piece, label: str, post: str) -> Person:
    """A named person with the post read beside the name, or a group of people kept as written."""
    return Person(label, piece.text, post) if piece.kind == "name" else Person(label, None, piece.text)


def _label(pieces: list[Piece], i: int, roles: list[int], columns: list[str]) -> str:
    """The role of the piece at i: its table column's, the sentence's only role, the nearest role before it,
    or else the nearest one after it; '' when the sentence has none."""
    if columns and len(columns) > pieces[i].cell:
        return columns[pieces[i].cell]
    if not roles:
        return ""
    before = [r for r in roles if r < i]
    if before and len(roles) > 1:
        return pieces[before[-1]].text
    return pieces[min(roles, key=lambda r: abs(r - i))].text


def _posts(pieces: list[Piece], names: list[int]) -> dict[int, str]:
    """The post of each name (by index), where the sentence writes one; a post is given to one name only."""
    apart = next((i for i, p in enumerate(pieces) if p.kind == "apart"), None)
    posts = _posts_after_apart(pieces, names, apart) if apart is not None else {}
    used: set[int] = set()
    for n, i in enumerate(names):
        behind = names[n - 1] if n else -1
        ahead = names[n + 1] if n + 1 < len(names) else len(pieces)
        if i in posts:
            continue
        taken = _post_beside(pieces, i, [j for j in range(behind + 1, i) if j not in used], range(i + 1, ahead), apart)
        used.update(taken)
        if taken:
            posts[i] = "".join(pieces[j].text for j in taken)
    return posts


def _post_beside(pieces: list[Piece], i: int, behind: list[int], ahead: range, apart: int | None) -> list[int]:
    """Where the post of the name at i is written: in brackets right after it; else the posts right before
    it that no name before took; else the posts after it up to the next name (unless 分别 hands them out)."""
    if i + 1 < len(pieces) and pieces[i + 1].kind == "post+":
        return [i + 1]
    run = _posts_right_before(pieces, i, behind)
    if run:
        return run
    if apart is not None and apart < ahead.stop:
        return []
    return [j for j in ahead if pieces[j].kind in ("post", "post+")]


def _posts_right_before(pieces: list[Piece], i: int, free: list[int]) -> list[int]:
    """The posts written right before the piece at i, among the free pieces, in order."""
    run: list[int] = []
    while free and free[-1] == (run[0] if run else i) - 1 and pieces[free[-1]].kind == "post":
        run.insert(0, free.pop())
    return run


def _posts_after_apart(pieces: list[Piece], names: list[int], apart: int) -> dict[int, str]:
    """'甲、乙任副组长，分别为县文化局局长、县融媒体中心主任': the posts after 分别, one for each name before it
    (or all of them for a single name)."""
    after = [p.text for p in pieces[apart:] if p.kind in ("post", "post+")]
    before = [i for i in names if i < apart]
    if len(after) == len(before):
        return dict(zip(before, after))
    if len(before) == 1 and after:
        return {before[0]: "".join(after)}
    return {}


def _as_data(found: list[Person]) -> dict[str, list[dict[str, str]]]:
    """The people as the plan's group data (leaders/deputies/members), each post split into title and
    organisation; a group of people kept as written."""
    data: dict[str, list[dict[str, str]]] = {}
    for person in found:
        key = plantables.ROLE_WORDS[person.label]
        if person.name is None:
            data.setdefault(key, []).append({"description": person.post})
            continue
        entry = {"name": person.name}
        if person.post:
            split = cnposts.split_titles if "、" in person.post else cnposts.split_title
            title, org = split(person.post)
            entry.update({k: v for k, v in (("title", title), ("org", org)) if v})
        data.setdefault(key, []).append(with_role(entry, person.label))
    return data


def _named(data: dict[str, Any]) -> list[dict[str, str]]:
    return [p for r in _ROLES for p in data.get(r, []) if isinstance(p, dict) and p.get("name")]


def _roles_of(data: dict[str, Any]) -> set[tuple[str, str]]:
    return {(r, p["name"]) for r in _ROLES for p in data.get(r, []) if isinstance(p, dict) and p.get("name")}


def _with_posts(people: list[dict[str, str]]) -> bool:
    return any(p.get("title") or p.get("org") for p in people)


def check(data: dict[str, Any], lines: list[str]) -> dict[str, Any]:
    """The group as the rules read it, or as read piece by piece where the rules read no one by name, or a
    name that is none (and the pieces read everyone else the rules read), or no post at all (and the
    pieces read the same people in the same roles, with posts)."""
    rules = _named(data)
    if _trusted(rules) or not wordtags.available():
        return data
    found = _Reader(wordtags.WordTags()).read(lines)
    return _replaced(data, found) if _better(data, found) else data


def _trusted(rules: list[dict[str, str]]) -> bool:
    """The rules read names, every one plausible, and posts."""
    return bool(rules) and all(plausible(p["name"]) for p in rules) and _with_posts(rules)


def _better(data: dict[str, Any], found: dict[str, Any]) -> bool:
    """The reading piece by piece has every plausible name the rules read, and the rules read a name that is
    none, or no one, or (with the same people in the same roles) no post."""
    rules = _named(data)
    valid = {p["name"] for p in rules if plausible(p["name"])}
    mine = _named(found)
    if not mine or valid - {p["name"] for p in mine}:
        return False
    if len(valid) < len(rules) or not rules:
        return True
    return _with_posts(mine) and _roles_of(found) >= _roles_of(data)


def _replaced(data: dict[str, Any], found: dict[str, Any]) -> dict[str, Any]:
    """The roles read piece by piece in place of the rules' ones, with what the rules kept unnamed
    (各乡镇分管负责同志, an empty slot) where it is no post and holds no name read."""
    names = [p["name"] for p in _named(found)]
    out = dict(data)
    for role, people in found.items():
        unnamed = [p for p in data.get(role, []) if _unnamed_kept(p, names)]
        out[role] = people + [p for p in unnamed if p not in people]
    return out


def _unnamed_kept(entry: Any, names: list[str]) -> bool:
    if not isinstance(entry, dict) or not entry or entry.get("name"):
        return False
    description = str(entry.get("description", ""))
    return not is_post(description.split("（")[0]) and not any(n in description for n in names)
