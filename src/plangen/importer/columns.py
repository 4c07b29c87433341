"""One person written in columns, in any order: name, title and organisation parted by spaces (a table
flattened into a line), a slash or a colon.

    张三　县教育局　局长      县教育局　张三　局长      张三　局长（县教育局）      张三/县教育局局长

Each column is told by its form: a name (two to four characters, or two parts joined by a middle dot,
ending like no title or organisation), a title (one that the importer knows, or ending like one: 长,
书记, 主任, 员…), an organisation (ending like one: 局, 学校, 中心…), or a title with its organisation
in brackets. The line is rewritten as 'name（organisation title）', the one form the reader takes, in the
text and its key alike. Pure.
"""

from __future__ import annotations

import re

from .. import cnposts

_TITLE_END = ("长", "记", "任", "员", "师", "理", "委", "席", "官")
_NAME = re.compile(r"[\u4e00-\u9fff]{1,8}[·•・][\u4e00-\u9fff]{1,8}|[\u4e00-\u9fff]{2,4}")
_GAP = re.compile(r"[ \u3000]+|\s*[/／：:]\s*")
_TITLE_ORG = re.compile(r"(?P<title>[^（(]{2,24})[（(](?P<org>[^）)]{2,30})[）)]")


def one_person(text: str, k: str) -> tuple[str, str] | None:
    """'张三　县教育局　局长' -> ('张三（县教育局局长）', …) in the text and its key; None when the line is not
    one person's name with a title (and an organisation) in columns."""
    spans = _columns(k)
    if not 2 <= len(spans) <= 3:
        return None
    kinds = [_kind(k[a:b]) for a, b in spans]
    if sorted(kinds) not in (["name", "title"], ["name", "org", "title"], ["name", "title+org"]):
        return None
    parts = {kind: (a, b) for kind, (a, b) in zip(kinds, spans)}
    return _written(text, parts), _written(k, parts)


def _columns(k: str) -> list[tuple[int, int]]:
    """Spans of the columns of a line: the text between its gaps (spaces, a slash, a colon)."""
    out, pos = [], 0
    body = k.rstrip()
    start = len(body) - len(body.lstrip())
    pos = start
    for gap in _GAP.finditer(body, start):
        if gap.start() > pos:
            out.append((pos, gap.start()))
        pos = gap.end()
    if pos < len(body):
        out.append((pos, len(body)))
    return out


def _kind(column: str) -> str:
    if _NAME.fullmatch(column) and not column.endswith(_TITLE_END + cnposts.ORG_SUFFIXES) \
            and column not in cnposts.TITLES:
        return "name"
    m = _TITLE_ORG.fullmatch(column)
    if m and _is_title(m["title"]) and m["org"].endswith(cnposts.ORG_SUFFIXES):
        return "title+org"
    if _is_title(column):
        return "title"
    if len(column) >= 3 and column.endswith(cnposts.ORG_SUFFIXES) and "、" not in column:
        return "org"
    return "other"


def _is_title(column: str) -> bool:
    """'局长', '县教育局局长', '县委常委、宣传部部长': every piece ends like a title."""
    pieces = column.split("、")
    return all(p and len(p) <= 30 and p.endswith(cnposts.TITLES + _TITLE_END) and not re.search(r"[（()）；;，,。]", p)
               for p in pieces)


def _written(s: str, parts: dict[str, tuple[int, int]]) -> str:
    name = s[slice(*parts["name"])]
    if "title+org" in parts:
        m = _TITLE_ORG.fullmatch(s[slice(*parts["title+org"])])
        assert m is not None
        return f"{name}（{m['org']}{m['title']}）"
    org = s[slice(*parts["org"])] if "org" in parts else ""
    return f"{name}（{org}{s[slice(*parts['title'])]}）"
