"""A problem's words as a key and values, worded in Chinese (zh-CN) or English from one catalogue. Pure.

A check never writes a sentence: it names a message of the catalogue (messages_problems.py for what
is in a plan, messages_files.py for files, settings and the build; messages_cli.py holds what the
commands themselves say, worded by messages.say) and gives its values:
`msg("rules.period-order", start=..., end=...)`. A value may itself be a Wording (a word such as
"a list", or a character described), worded in the same language. How to add a message:
docs/messages.md.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from types import MappingProxyType

from .messages_cli import CLI
from .messages_files import FILES
from .messages_import import IMPORT
from .messages_problems import PROBLEMS

EN = "en"

# key: (zh-CN message, English message) or (zh-CN message, English message, zh-CN hint, English hint)
CATALOGUE: Mapping[str, tuple[str, ...]] = MappingProxyType({**PROBLEMS, **FILES, **CLI, **IMPORT})


@dataclass(frozen=True, slots=True, order=True)
class Wording:
    """A message of the catalogue (its key) with the values its wording needs."""

    key: str
    values: tuple[tuple[str, str | Wording], ...] = ()

    @property
    def message(self) -> str:
        """The English message (logs, the importer's notes, --format json)."""
        return worded(self, EN)[0]

    @property
    def hint(self) -> str:
        return worded(self, EN)[1]


def msg(key: str, /, **values: object) -> Wording:
    """The message `key` with its values (any value but a Wording is shown as its text)."""
    return Wording(key, tuple((name, v if isinstance(v, Wording) else str(v)) for name, v in values.items()))


def worded(wording: Wording, language: str | None) -> tuple[str, str]:
    """(message, hint) in `language` (English for "en", else Chinese); a key missing from the
    catalogue (never in a release: tests/test_messages.py) shows as the key and its values."""
    entry = CATALOGUE.get(wording.key)
    values = {name: _value(v, language) for name, v in wording.values}
    if entry is None:
        return " ".join([wording.key, *(f"{k}={v}" for k, v in values.items())]), ""
    en = language == EN
    message = entry[1 if en else 0].format(**values)
    hint = entry[3 if en else 2].format(**values) if len(entry) == 4 else ""
    return message, hint


def _value(value: str | Wording, language: str | None) -> str:
    return value if isinstance(value, str) else worded(value, language)[0]


def english(wording: Wording) -> str:
    return worded(wording, EN)[0]


def one_of(words: list[Wording]) -> Wording:
    """`a, b or c` as one Wording (word.or joins two)."""
    return joined(words, "word.or")


def joined(words: list[Wording], key: str) -> Wording:
    """The words as one Wording, each two joined by the message `key` (its values `a` and `b`)."""
    together = words[0]
    for more in words[1:]:
        together = msg(key, a=together, b=more)
    return together


def as_json(values: tuple[tuple[str, str | Wording], ...]) -> dict[str, object]:
    """Values as JSON data: a nested Wording as {"key": ..., "values": {...}}."""
    return {name: v if isinstance(v, str) else {"key": v.key, "values": as_json(v.values)} for name, v in values}


def from_json(data: object) -> tuple[tuple[str, str | Wording], ...]:
    """as_json's values back (what a cache saved); anything else as no values."""
    if not isinstance(data, dict):
        return ()
    out: list[tuple[str, str | Wording]] = []
    for name, v in data.items():
        if isinstance(v, dict):
            out.append((str(name), Wording(str(v.get("key", "")), from_json(v.get("values")))))
        else:
            out.append((str(name), str(v)))
    return tuple(out)
