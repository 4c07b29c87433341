"""Traditional -> simplified characters, one for one, so the vocabulary matches traditional text.

`key(text)` has exactly the length of `text`: every pattern of the importer runs on the key, and
what it finds is cut from the original at the same offsets, so imported text keeps its script.
The table (t2s_chars.txt: traditional characters, newline, their simplified forms) was made from
OpenCC's t2s conversion of each CJK character that maps to exactly one other character.
Whole-text conversion (`--simplified`) uses OpenCC itself, an optional extra.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import lru_cache
from importlib import resources


@lru_cache(maxsize=1)
def _table() -> dict[int, int]:
    text = resources.files("plangen.importer").joinpath("t2s_chars.txt").read_text("utf-8")
    traditional, simplified = text.split("\n")[:2]
    return str.maketrans(traditional, simplified)


def key(text: str) -> str:
    """`text` with each traditional character replaced by its simplified form (same length)."""
    return text.translate(_table())


def back(original: str, keyed: str, piece: str, start: int = 0) -> str:
    """The part of `original` that reads `piece` in the key; `piece` itself when not found."""
    at = keyed.find(piece, start)
    return original[at:at + len(piece)] if at >= 0 else piece


class MissingExtra(Exception):
    """An optional dependency is not installed; the message says how to install it."""


def simplifier() -> Callable[[str], str]:
    """A function converting traditional text to simplified with OpenCC (phrase-aware)."""
    try:
        import opencc
    except ImportError as exc:
        raise MissingExtra("--simplified needs OpenCC: pip install 'plangen[simplified]'") from exc
    converter = opencc.OpenCC("t2s")
    convert: Callable[[str], str] = converter.convert
    return convert
