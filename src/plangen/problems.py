"""The one user-facing error family: a Problem says where, what is wrong, and how to fix it."""

from __future__ import annotations

import json
import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from typing import Any, Literal

from .wording import Wording, as_json, from_json, worded

Severity = Literal["error", "warning"]
Values = tuple[tuple[str, "str | Wording"], ...]


@dataclass(frozen=True, slots=True, order=True)
class Problem:
    """One finding about one place in one file. Lines and columns are 1-based; 0 means unknown.

    `key` and `values` name its message in the catalogue (wording.py), which words it in the
    command line's language; `message` and `hint` are its English words (docs/messages.md)."""

    path: str
    line: int
    column: int
    severity: Severity
    field: str
    message: str
    hint: str = ""
    code: str = ""
    key: str = ""
    values: Values = ()

    @property
    def is_error(self) -> bool:
        return self.severity == "error"

    @property
    def wording(self) -> Wording | None:
        return Wording(self.key, self.values) if self.key else None


def error(path: str, line: int, column: int, field: str, said: Wording, code: str = "") -> Problem:
    return _problem(path, line, column, "error", field, said, code)


def warning(path: str, line: int, column: int, field: str, said: Wording, code: str = "") -> Problem:
    return _problem(path, line, column, "warning", field, said, code)


def _problem(path: str, line: int, column: int, severity: Severity, field: str, said: Wording, code: str) -> Problem:
    message, hint = worded(said, "en")
    return Problem(path, line, column, severity, field, message, hint, code, said.key, said.values)


def in_language(problem: Problem, language: str | None) -> Problem:
    """The problem with its message and hint worded in `language` (as it is when it has no key)."""
    said = problem.wording
    if said is None:
        return problem
    message, hint = worded(said, language)
    return replace(problem, message=message, hint=hint)


def strict(problems: Iterable[Problem]) -> list[Problem]:
    """Warnings promoted to errors, for --strict."""
    return [replace(p, severity="error") for p in problems]


def as_dict(problem: Problem) -> dict[str, Any]:
    """The problem as JSON data (the `--format json` entry, and what a cache saves)."""
    return {"path": problem.path, "line": problem.line, "column": problem.column, "severity": problem.severity,
            "field": problem.field, "message": problem.message, "hint": problem.hint, "code": problem.code,
            "key": problem.key, "values": as_json(problem.values)}


def from_dict(data: dict[str, Any]) -> Problem:
    """as_dict's problem back; KeyError, TypeError or ValueError when `data` is not one."""
    severity = data["severity"]
    if severity not in ("error", "warning"):
        raise ValueError(f"not a severity: {severity!r}")
    return Problem(str(data["path"]), int(data["line"]), int(data["column"]), severity, str(data["field"]),
                   str(data["message"]), str(data["hint"]), str(data["code"]), str(data.get("key", "")),
                   from_json(data.get("values")))


def count(problems: Iterable[Problem]) -> tuple[int, int]:
    """(errors, warnings)."""
    errors = warnings = 0
    for p in problems:
        if p.is_error:
            errors += 1
        else:
            warnings += 1
    return errors, warnings


@dataclass(frozen=True, slots=True)
class Words:
    """The words format_text puts around a problem (messages.py gives them in Chinese)."""

    error: str = "error"
    warning: str = "warning"
    hint: str = "hint"
    left_out: str = "({n:,} characters left out)"


LEFT_OUT = Words().left_out


def format_text(problem: Problem, lines: Sequence[str] | None = None, colour: bool = False,
                words: Words = Words()) -> str:
    """Compiler style: `plans/a.md:12:3: error: field: message`, the source line, a marker, a hint."""
    problem = shortened(problem, words.left_out)
    where = f"{problem.path}:{problem.line}:{problem.column}" if problem.line else problem.path
    sev = words.error if problem.is_error else words.warning
    if colour:
        sev = ("\033[1;31m" if problem.is_error else "\033[1;33m") + sev + "\033[0m"
    head = f"{_visible(where)}: {sev}: "
    if problem.field:
        head += f"{_visible(problem.field)}: "
    out = [head + _visible(problem.message)]
    if lines is not None and 0 < problem.line <= len(lines):
        raw, column = excerpt(lines[problem.line - 1].rstrip("\r\n"), problem.column)
        text = _visible(raw)
        gutter = f"{problem.line:>5} | "
        out.append(gutter + text)
        out.append(" " * (len(gutter) - 2) + "| " + _marker(text, column))
    if problem.hint:
        out.append(f"      = {words.hint}: {_visible(problem.hint)}")
    return "\n".join(out)


LINE_WIDTH = 160  # characters of a source line shown at most, around the problem's column
TEXT_WIDTH = 400  # characters of a message, hint or field shown at most (they may quote a value)


def excerpt(line: str, column: int) -> tuple[str, int]:
    """A source line cut to LINE_WIDTH characters around `column` (1-based), with `…` where it was
    cut, and the column within the cut line."""
    if len(line) <= LINE_WIDTH:
        return line, column
    start = min(max(column - 1 - LINE_WIDTH // 2, 0), len(line) - LINE_WIDTH)
    end = start + LINE_WIDTH
    before, after = ("…" if start else ""), ("…" if end < len(line) else "")
    return before + line[start:end] + after, column - start + len(before)


def shortened(problem: Problem, left_out: str = LEFT_OUT) -> Problem:
    """The problem with its message, hint and field cut to TEXT_WIDTH characters (a message that
    quotes a 3 MB value must not print it): for every format."""
    texts = (problem.field, problem.message, problem.hint)
    if all(len(t) <= TEXT_WIDTH for t in texts):
        return problem
    field, message, hint = (_cut(t, left_out) for t in texts)
    return replace(problem, field=field, message=message, hint=hint, values=_cut_values(problem.values, left_out))


def _cut_values(values: Values, left_out: str) -> Values:
    """The values (which may quote the plan) cut as the texts are."""
    return tuple((name, _cut(v, left_out) if isinstance(v, str) else Wording(v.key, _cut_values(v.values, left_out)))
                 for name, v in values)


def _cut(text: str, left_out: str) -> str:
    if len(text) <= TEXT_WIDTH:
        return text
    keep = TEXT_WIDTH // 2
    return f"{text[:keep]} … {left_out.format(n=len(text) - 2 * keep)} … {text[-keep:]}"


_CONTROLS = {c: f"\\x{c:02x}" for c in [*range(0x20), 0x7f] if c != 0x09} | {0x0A: "\\n", 0x0D: "\\r"}
# C1 controls and bidirectional controls, which could reorder what the terminal shows, as \\uXXXX
_CONTROLS |= {c: f"\\u{c:04x}" for c in [*range(0x80, 0xA0), *range(0x202A, 0x202F), *range(0x2066, 0x206A)]}


def _visible(text: str) -> str:
    """Text from a plan, safe for a terminal: line breaks and control characters (escape sequences
    that could fake output lines or recolour the terminal) shown as escapes."""
    return text.translate(_CONTROLS)


def _marker(text: str, column: int) -> str:
    """Spaces up to the column (counting wide CJK characters as two cells), then a caret."""
    pad = ""
    for ch in text[: max(column - 1, 0)]:
        pad += "\t" if ch == "\t" else ("  " if _is_wide(ch) else " ")
    return pad + "^"


def _is_wide(ch: str) -> bool:
    return unicodedata.east_asian_width(ch) in ("W", "F")


def format_json(problems: Sequence[Problem], files: int) -> str:
    """The `--format json` document; its keys are stable (docs/plan-format.md lists them)."""
    errors, warnings = count(problems)
    doc = {
        "version": 1,
        "files": files,
        "errors": errors,
        "warnings": warnings,
        "problems": [as_dict(shortened(p)) for p in sorted(problems, key=_position)],
    }
    return json.dumps(doc, ensure_ascii=False, indent=2, sort_keys=True)


def _position(p: Problem) -> tuple[str, int, int, str, str]:
    return (p.path, p.line, p.column, p.field, p.message)
