"""Plan pages as Pagefind should read them: every Chinese character a word of its own. Pure.

Pagefind segments Chinese with jieba when it indexes, but the browser segments the query with
`Intl.Segmenter` (ICU): the two disagree, so a word inside a longer segment is lost (帮扶 inside
结对帮扶 was found in 3 of 9 plans). Indexing each character as a word and searching for the query
as an exact phrase of characters (`"帮 扶"`, done by app.js) gives plain substring search, which is
what Chinese readers expect. The site's own HTML is left as it is; only the copy that Pagefind
reads is spaced, and app.js removes the spaces from excerpts again.

Elements whose text is a Pagefind meta or filter value (the title, the issuer, a category…) keep
their text unspaced, so values read well, and get `data-pagefind-ignore` (Pagefind still reads
meta and filters inside), and a spaced copy follows them, so they are found once.
"""

from __future__ import annotations

import re

# Han ideographs (with extension A and compatibility forms), CJK and full-width punctuation.
_RANGES = ((0x3000, 0x303F), (0x3400, 0x4DBF), (0x4E00, 0x9FFF), (0xF900, 0xFAFF), (0xFF00, 0xFFEF))
_SPACE_OUT = {cp: f" {chr(cp)} " for lo, hi in _RANGES for cp in range(lo, hi + 1)}  # str.translate: 5x re.sub
_TAG = re.compile(r"<[^>]*>")
# One pass over the page (a parser is 15x slower on 1,000 plans): scripts and styles are kept as
# they are; an element whose text is a meta or filter value (a value without ':' or '[') is kept,
# ignored for words, and followed by a spaced copy; any other text between tags is spaced.
_PASS = re.compile(
    r"(?P<raw><(?P<rawtag>script|style)\b.*?</(?P=rawtag)>)"
    r"|(?P<valued><(?!(?:area|br|col|embed|hr|img|input|link|meta|source|wbr)\b)(?P<tag>[a-zA-Z][\w-]*)(?P<attrs>\s[^>]*?data-pagefind-(?:meta|filter)=\"[^\":\[]*\"[^>]*?)>"
    r"(?P<inner>.*?)</(?P=tag)>)"
    r"|(?<=>)(?P<text>[^<]+)(?=<)",
    re.DOTALL | re.IGNORECASE)


def spaced(text: str) -> str:
    """A space on each side of every CJK character: 帮扶工作 -> ` 帮  扶  工  作 ` (spaces are not counted)."""
    return text.translate(_SPACE_OUT)


def _replace(m: re.Match[str]) -> str:
    if m.group("raw") is not None:
        return m.group("raw")
    if m.group("valued") is not None:
        tag, attrs, inner = m.group("tag"), m.group("attrs"), m.group("inner")
        ignore = "" if "data-pagefind-ignore" in attrs else " data-pagefind-ignore"
        return f"<{tag}{attrs}{ignore}>{inner}</{tag}><span>{spaced(_TAG.sub('', inner))}</span>"
    return spaced(m.group("text"))


def spaced_html(html: str) -> str:
    """The page with its text spaced for indexing (markup, scripts and attribute values untouched)."""
    return _PASS.sub(_replace, html)
