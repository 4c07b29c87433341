"""Text changes at character level for Chinese and word level for Latin text. Pure.

Each CJK character (and each punctuation mark) is one token; a Latin word, a number or a run of
spaces is one token. Texts are first compared line by line, then the replaced lines token by
token, so long texts stay fast. The result is a few `Hunk`s with a little context each.
"""

from __future__ import annotations

import re
from difflib import SequenceMatcher

from .model import Hunk, Span, SpanOp

CONTEXT = 8  # characters of context on each side of a change
_TOKEN = re.compile(r"[A-Za-z]+(?:['’][A-Za-z]+)*|\d+(?:[.,:]\d+)*|[ \t]+|.", re.DOTALL)

Piece = tuple[SpanOp, str]


def tokens(text: str) -> list[str]:
    return _TOKEN.findall(text)


def similarity(old: str, new: str) -> float:
    """0..1, how much of the two texts is shared (by characters)."""
    if old == new:
        return 1.0
    if not old or not new:
        return 0.0
    matcher = SequenceMatcher(None, old, new, autojunk=False)
    if matcher.real_quick_ratio() < 0.3 or matcher.quick_ratio() < 0.3:
        return matcher.quick_ratio()
    return matcher.ratio()


def pieces(old: str, new: str) -> list[Piece]:
    """The whole of both texts as same/old/new pieces, adjacent pieces of one kind merged."""
    out: list[Piece] = []
    a, b = old.splitlines(keepends=True), new.splitlines(keepends=True)
    for op, i1, i2, j1, j2 in SequenceMatcher(None, a, b, autojunk=False).get_opcodes():
        if op == "equal":
            _add(out, "same", "".join(a[i1:i2]))
        elif op == "replace":
            out.extend(_token_pieces("".join(a[i1:i2]), "".join(b[j1:j2])))
        else:
            _add(out, "old", "".join(a[i1:i2]))
            _add(out, "new", "".join(b[j1:j2]))
    return _merged(out)


def _token_pieces(old: str, new: str) -> list[Piece]:
    a, b = tokens(old), tokens(new)
    out: list[Piece] = []
    for op, i1, i2, j1, j2 in SequenceMatcher(None, a, b, autojunk=False).get_opcodes():
        if op == "equal":
            _add(out, "same", "".join(a[i1:i2]))
        else:
            _add(out, "old", "".join(a[i1:i2]))
            _add(out, "new", "".join(b[j1:j2]))
    return out


def _add(out: list[Piece], op: SpanOp, text: str) -> None:
    if text:
        out.append((op, text))


def _merged(found: list[Piece]) -> list[Piece]:
    out: list[Piece] = []
    for op, text in found:
        if out and out[-1][0] == op:
            out[-1] = (op, out[-1][1] + text)
        else:
            out.append((op, text))
    return out


def hunks(old: str, new: str, context: int = CONTEXT) -> tuple[Hunk, ...]:
    """The changes from `old` to `new`, each with up to `context` characters around it."""
    if old == new:
        return ()
    found = pieces(old, new)
    out: list[Hunk] = []
    current: list[Span] = []
    for k, (op, text) in enumerate(found):
        if op != "same":
            current.append(Span(op, text))
            continue
        first, last = k == 0, k == len(found) - 1
        if current and not last and len(text) <= 2 * context and "\n" not in text:
            current.append(Span("same", text))
            continue
        if current:
            current.append(Span("same", _head(text, context)))
            out.append(Hunk(tuple(current)))
            current = []
        if not last:
            current = [Span("same", _tail(text, context))] if not first or text else []
    if current:
        out.append(Hunk(tuple(current)))
    return tuple(_clean(h) for h in out)


def _head(text: str, n: int) -> str:
    """Up to `n` characters from the start of `text`, whole words, within the first line."""
    line = text.split("\n", 1)[0]
    taken = _take(tokens(line), n)
    return taken + ("…" if len(taken) < len(line) else "")


def _tail(text: str, n: int) -> str:
    line = text.rsplit("\n", 1)[-1]
    taken = _take(tokens(line)[::-1], n, reverse=True)
    return ("…" if len(taken) < len(line) else "") + taken


def _take(found: list[str], n: int, reverse: bool = False) -> str:
    out: list[str] = []
    size = 0
    for tok in found:
        if size >= n:
            break
        out.append(tok)
        size += len(tok)
    return "".join(out[::-1] if reverse else out)


def _clean(hunk: Hunk) -> Hunk:
    return Hunk(tuple(s for s in hunk.spans if s.text and s.text != "…"))
