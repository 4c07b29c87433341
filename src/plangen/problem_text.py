"""Problems as the terminal shows them, in the command line's language. Pure.

A problem's message and hint are worded from its key and values by the catalogue (wording.py), in
zh-CN or English; nothing here reads the English words. Its field is shown with its key and its
Chinese label (`leadership.leaders[0].name（组长 姓名）`, in English `… (组长 姓名)`), and the
severity, the hint label and the note of a shortened text are in the same language.
`--format json` keeps the English words, with the key and values beside them (docs/messages.md).
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import replace

from .messages import EN, say
from .problems import Problem, Words, format_text, in_language
from .vocabulary import label_for
from .wording import CATALOGUE

_SEGMENT = re.compile(r"([^.\[\]]+)|\[(\d+)\]")


def field_path(field: str) -> tuple[str | int, ...]:
    """`leadership.leaders[0].name` as ('leadership', 'leaders', 0, 'name')."""
    return tuple(int(m[2]) if m[2] is not None else m[1] for m in _SEGMENT.finditer(field))


def shown_field(field: str, language: str | None) -> str:
    """The field's key with its Chinese label, where it has one."""
    label = label_for(field_path(field)) if field else ""
    if not label:
        return field
    return f"{field} ({label})" if language == EN else f"{field}（{label}）"


def localised(problem: Problem, language: str | None = None) -> Problem:
    """The problem worded in `language` (zh-CN unless "en"), its field shown with its label."""
    worded = in_language(problem, language)
    return replace(worded, field=shown_field(problem.field, language))


def words_of(language: str | None) -> Words:
    """The severities, the hint's label and the note of a shortened text (a template of n), from the catalogue."""
    at = 1 if say(language).en else 0
    error, warning, hint, left_out = (CATALOGUE[key][at] for key in ("error", "warning", "hint", "left_out"))
    return Words(error, warning, hint, left_out)


def format_problem(language: str | None, problem: Problem, lines: Sequence[str] | None = None,
                   colour: bool = False) -> str:
    """format_text in the command line's language."""
    return format_text(localised(problem, language), lines, colour, words_of(language))


def report_in(language: str | None, problems: Sequence[Problem], texts: Mapping[str, str],
              colour: bool = False) -> str:
    """All problems in the command line's language, by file and position, each with its source line."""
    blocks = []
    for p in sorted(problems, key=lambda p: (p.path, p.line, p.column, p.field, p.message)):
        text = texts.get(p.path)
        blocks.append(format_problem(language, p, text.splitlines() if text is not None else None, colour))
    return "\n".join(blocks)
