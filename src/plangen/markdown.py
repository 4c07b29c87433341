"""Markdown bodies to safe HTML: the one home of markdown-it-py.

Raw HTML is off, so `<script>` in a plan is shown as text. Every link and image goes through
`safe_href`: only relative links, http(s), mailto and `plan:slug` cross-references survive;
`plan:` links are resolved by the caller (to a relative URL) and reported when unknown.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from functools import lru_cache
from typing import Any
from urllib.parse import unquote

from markdown_it import MarkdownIt
from markdown_it.common.utils import isMdAsciiPunct, isPunctChar, isWhiteSpace
from markdown_it.token import Token

Resolver = Callable[[str], "str | None"]

_SAFE_SCHEMES = ("http:", "https:", "mailto:")
_SCHEME = re.compile(r"^([a-zA-Z][a-zA-Z0-9+.-]*):")
_PLAN_LINK = re.compile(r"\]\(\s*plan:([^)\s#]+)")


@lru_cache(maxsize=1)
def _parser() -> MarkdownIt:
    md = MarkdownIt("commonmark", {"html": False, "linkify": False, "typographer": False})
    md.enable("table")
    md.enable("strikethrough")
    return md


def safe_href(url: str, resolve: Resolver | None = None) -> str | None:
    """The href to write for `url`, or None when the link must not become a link."""
    url = url.strip()
    # decode %-escapes before looking for a scheme: markdown-it turns `jav&#x09;ascript:` into `jav%09ascript:`
    squeezed = re.sub(r"[\x00-\x20]", "", unquote(url)).lower()
    if squeezed.startswith("plan:"):
        return resolve(url[5:].strip()) if resolve else None
    m = _SCHEME.match(squeezed)
    if m:
        return url if squeezed.startswith(_SAFE_SCHEMES) else None
    if squeezed.startswith("//"):
        return None  # another host, protocol-relative
    return url


def render(text: str, resolve: Resolver | None = None) -> str:
    """HTML for a Markdown body. Unsafe or unknown links are rendered as plain text."""
    if not text.strip():
        return ""
    plain = _plain_paragraphs(text)
    if plain is not None:
        return plain
    md = _parser()
    tokens = md.parse(text)
    for token in tokens:
        if token.children:
            token.children = _clean_links(token.children, resolve)
    return str(md.renderer.render(tokens, md.options, {}))


# A line that CommonMark (with tables and strikethrough, HTML off) renders as itself: it starts with
# no character that can open a block (ASCII punctuation or digit, whitespace) and holds no character
# that inline rules, entities or escaping act on. Most lines of Chinese prose are like this.
_INERT_LINE = re.compile(r'[^\x00-\x40\x5b-\x60\x7b-\x7f\s][^\x00-\x1f\x7f\\*_\[\]!<>`~&|"]*')


def _plain_paragraphs(text: str) -> str | None:
    """The HTML of a body of plain paragraphs (the parser's exact output), or None for anything else.

    Plain lines may hold `**strong**` too (see _strong_line and _strong).
    """
    paragraphs: list[list[str]] = [[]]
    stars = False
    for line in text.split("\n"):
        if not line:
            if paragraphs[-1]:
                paragraphs.append([])
        elif _INERT_LINE.fullmatch(line) and not line[-1].isspace():
            paragraphs[-1].append(line)
        elif _strong_line(line):
            paragraphs[-1].append(line)
            stars = True
        else:
            return None
    html = ["\n".join(lines) for lines in paragraphs if lines]
    if stars:
        strong = [_strong(inline) for inline in html]
        if None in strong:
            return None
        html = [inline for inline in strong if inline is not None]
    return "".join("<p>" + inline + "</p>\n" for inline in html)


def _strong_line(line: str) -> bool:
    """A plain line but for `**` runs (exactly two stars, never two runs side by side)."""
    parts = line.split("**")
    bare = "".join(parts)
    return (len(parts) > 1 and all(parts[1:-1]) and _INERT_LINE.fullmatch(bare) is not None
            and not line[-1].isspace())


def _strong(inline: str) -> str | None:
    """A paragraph's plain text with each `**…**` pair as <strong>, or None unless every run opens or
    closes as the parser's emphasis rule sees it (CommonMark flanking) and the pairs neither nest nor
    stay open: then the parser pairs each run with the one before it, and nothing else differs."""
    pieces = inline.split("**")
    out = [pieces[0]]
    is_open = False
    at = len(pieces[0])
    for piece in pieces[1:]:
        can_open, can_close = _flanking(inline[at - 1] if at else " ", inline[at + 2] if at + 2 < len(inline) else " ")
        if is_open and can_close:
            out.append("</strong>")
        elif not is_open and can_open:
            out.append("<strong>")
        else:
            return None
        is_open = not is_open
        out.append(piece)
        at += 2 + len(piece)
    return None if is_open else "".join(out)


def _flanking(before: str, after: str) -> tuple[bool, bool]:
    """Whether a `**` run between these characters can open, and can close, emphasis (markdown-it's
    StateInline.scanDelims for `*`, which may split words; a line's start and end count as a space)."""
    before_space, after_space = isWhiteSpace(ord(before)), isWhiteSpace(ord(after))
    before_punct = isMdAsciiPunct(ord(before)) or isPunctChar(before)
    after_punct = isMdAsciiPunct(ord(after)) or isPunctChar(after)
    left = not (after_space or (after_punct and not (before_space or before_punct)))
    right = not (before_space or (before_punct and not (after_space or after_punct)))
    return left, right


def _clean_links(children: list[Token], resolve: Resolver | None) -> list[Token]:
    out: list[Token] = []
    depth_dropped = 0
    for tok in children:
        if tok.type == "link_open":
            href = safe_href(str(tok.attrGet("href") or ""), resolve)
            if href is None:
                depth_dropped += 1
                continue
            tok.attrSet("href", href)
        elif tok.type == "link_close" and depth_dropped:
            depth_dropped -= 1
            continue
        elif tok.type == "image":
            src = safe_href(str(tok.attrGet("src") or ""))
            if src is None or _SCHEME.match(src):
                out.append(_text_token(tok.content or str(tok.attrGet("alt") or "")))
                continue
        out.append(tok)
    return out


def _text_token(content: str) -> Token:
    tok = Token("text", "", 0)
    tok.content = content
    return tok


# A line starting with a run of characters that open or indent blocks (quote and list markers,
# indentation), three of them quote markers or spaces: only a text with one can nest deeply enough
# to lose text (a date such as 2016-09-01 is no such run).
_DEEP_START = re.compile(r"^(?=[ \t>*+\-0-9.)]{6})(?:[*+\-0-9.)]*[ \t>]){3}", re.MULTILINE)
_CONTAINERS = ("blockquote_open", "bullet_list_open", "ordered_list_open", "list_item_open")


def too_deep(text: str) -> int:
    """The 1-based line of `text` from which the renderer would drop the text because its blocks
    (quotes, lists) nest deeper than it keeps (markdown-it's maxNesting); 0 when nothing is lost."""
    if _DEEP_START.search(text) is None:
        return 0
    md = _parser()
    limit = int(md.options["maxNesting"])
    for tok in md.parse(text):
        if tok.type in _CONTAINERS and tok.level >= limit - 1 and tok.map:
            return tok.map[0] + 1
    return 0


def plan_links(text: str) -> list[str]:
    """The slugs named by `[…](plan:slug)` links in a Markdown body."""
    return _PLAN_LINK.findall(text)


@lru_cache(maxsize=4096)
def plain_text(text: str) -> str:
    """The text of a Markdown body without markup (for excerpts, feeds and calendars)."""
    tokens = _parser().parse(text)
    words: list[str] = []
    for tok in tokens:
        if tok.type == "inline":
            words.append("".join(_inline_text(tok.children or [])))
    return "\n".join(w for w in words if w)


def _inline_text(children: Sequence[Any]) -> list[str]:
    return ["\n" if c.type in ("softbreak", "hardbreak") else c.content
            for c in children if c.type in ("text", "code_inline", "softbreak", "hardbreak")]
