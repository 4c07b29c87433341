"""Characters a plan may not hold, and characters that hide text: one definition for every reader.

The rule (docs/plan-format.md, "Characters"): code points that XML 1.0 or HTML forbid in a
document (C0 and C1 control characters other than tab, line feed and carriage return, lone
surrogates, and the Unicode noncharacters U+FDD0–U+FDEF and U+xFFFE/U+xFFFF of every plane) are
refused by `plangen check` with file:line:column, never removed silently, so every output (HTML,
Atom, sitemap, calendars, JSON) stays well-formed. A text made only of invisible characters, or
one holding a bidirectional embedding, override or isolate control, is refused too: it would show
as nothing, or in another order than it is written. Pure.
"""

from __future__ import annotations

import re
import unicodedata

from .wording import Wording, english, msg

_NONCHARACTERS = "\ufdd0-\ufdef" + "".join(
    f"{chr(plane * 0x10000 + 0xFFFE)}{chr(plane * 0x10000 + 0xFFFF)}" for plane in range(17))
FORBIDDEN = re.compile(f"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ud800-\udfff{_NONCHARACTERS}]")
# the same, but any character beyond the BMP stands for its 32 noncharacters (a class that lists them
# is 8 times slower to search): a match there is looked at again
_QUICK = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ud800-\udfff\ufdd0-\ufdef\ufffe\uffff\U00010000-\U0010ffff]")
BIDI_CONTROLS = re.compile("[\u202a-\u202e\u2066-\u2069]")
# characters that draw nothing (format characters, fillers, variation selectors), beside whitespace
_INVISIBLE = ("\u00ad\u034f\u061c\u115f\u1160\u17b4\u17b5\u180b-\u180f\u200b-\u200f\u202a-\u202e"
              "\u2060-\u206f\u2800\u3164\ufe00-\ufe0f\ufeff\uffa0\U0001d173-\U0001d17a\U000e0000-\U000e0fff")
INVISIBLE = re.compile(f"[{_INVISIBLE}]")
_NOTHING_SHOWN = re.compile(f"[\\s{_INVISIBLE}]*")


def find_forbidden(text: str, start: int = 0) -> re.Match[str] | None:
    """The first character of `text` (from `start`) that XML or HTML forbid, or None."""
    found = _QUICK.search(text, start)
    while found is not None and ord(found.group()) > 0xFFFF and ord(found.group()) & 0xFFFE != 0xFFFE:
        found = _QUICK.search(text, found.end())
    return found


def count_forbidden(text: str) -> int:
    found, n = find_forbidden(text), 0
    while found is not None:
        n += 1
        found = find_forbidden(text, found.end())
    return n


def describe(ch: str) -> Wording:
    """`U+FFFE (a noncharacter)`: a character named so that a message can show it."""
    code = ord(ch)
    what = "word.control"
    if 0xD800 <= code <= 0xDFFF:
        what = "word.surrogate"
    elif 0xFDD0 <= code <= 0xFDEF or code & 0xFFFE == 0xFFFE:
        what = "word.noncharacter"
    elif BIDI_CONTROLS.match(ch):
        what = "word.bidi"
    elif INVISIBLE.match(ch):
        what = "word.invisible"
    name = unicodedata.name(ch, "")
    if name:
        return msg("char.named", code=f"U+{code:04X}", what=msg(what), name=name)
    return msg("char.unnamed", code=f"U+{code:04X}", what=msg(what))


def position(text: str, offset: int) -> tuple[int, int]:
    """1-based line and column of `offset` in `text` (columns count characters)."""
    line = text.count("\n", 0, offset) + 1
    return line, offset - (text.rfind("\n", 0, offset) + 1) + 1


def shows_nothing(text: str) -> bool:
    """A text that is not empty, holds an invisible character, and would show as nothing at all."""
    return bool(text) and INVISIBLE.search(text) is not None and _NOTHING_SHOWN.fullmatch(text) is not None


def without_forbidden(text: str) -> str:
    """`text` without the characters XML or HTML forbid: for text that is not checked on reading
    (what git says of a commit: its message and author, shown on history pages)."""
    return FORBIDDEN.sub("", text)


def without_invisible(text: str) -> str:
    return INVISIBLE.sub("", text)


def unpublishable(text: str) -> Wording | None:
    """Why a text from a setting or the registry cannot be published as written, or None."""
    bad = find_forbidden(text) or BIDI_CONTROLS.search(text)
    if bad:
        return msg("char.holds", char=describe(bad.group()))
    if shows_nothing(text):
        return msg("char.invisible-only")
    return None


# Controls that every reader of text lines (Python's splitlines) takes as line breaks: in a text to
# import they stand for Word's line and page breaks, and are read as line breaks.
LINE_BREAKS = str.maketrans({c: "\n" for c in "\x0b\x0c\x1c\x1d\x1e\x85"})


def first_forbidden(text: str) -> str:
    """`line L, column C: U+001B (…)` for the first character of `text` that plans may not hold, or ''."""
    found = find_forbidden(text)
    if found is None:
        return ""
    line, column = position(text, found.start())
    return f"line {line}, column {column}: {english(describe(found.group()))}"
