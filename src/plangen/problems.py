"""The one user-facing error family: a Problem says where, what is wrong, and how to fix it."""

from __future__ import annotations

import json
import unicodedata
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import asdict, dataclass
from typing import Literal

Severity = Literal["error", "warning"]


@dataclass(frozen=True, slots=True, order=True)
class Problem:
    """One finding about one place in one file. Lines and columns are 1-based; 0 means unknown."""

    path: str
    line: int
    column: int
    severity: Severity
    field: str
    message: str
    hint: str = ""
    code: str = ""

    @property
    def is_error(self) -> bool:
        return self.severity == "error"


def error(path: str, line: int, column: int, field: str, message: str, hint: str = "",
          code: str = "") -> Problem:
    return Problem(path, line, column, "error", field, message, hint, code)


def warning(path: str, line: int, column: int, field: str, message: str, hint: str = "",
            code: str = "") -> Problem:
    return Problem(path, line, column, "warning", field, message, hint, code)


def strict(problems: Iterable[Problem]) -> list[Problem]:
    """Warnings promoted to errors, for --strict."""
    return [Problem(p.path, p.line, p.column, "error", p.field, p.message, p.hint, p.code)
            for p in problems]


def count(problems: Iterable[Problem]) -> tuple[int, int]:
    """(errors, warnings)."""
    errors = warnings = 0
    for p in problems:
        if p.is_error:
            errors += 1
        else:
            warnings += 1
    return errors, warnings


def format_text(problem: Problem, lines: Sequence[str] | None = None, colour: bool = False) -> str:
    """Compiler style: `plans/a.md:12:3: error: field: message`, the source line, a marker, a hint."""
    where = f"{problem.path}:{problem.line}:{problem.column}" if problem.line else problem.path
    sev: str = problem.severity
    if colour:
        sev = ("\033[1;31m" if problem.is_error else "\033[1;33m") + sev + "\033[0m"
    head = f"{_visible(where)}: {sev}: "
    if problem.field:
        head += f"{_visible(problem.field)}: "
    out = [head + _visible(problem.message)]
    if lines is not None and 0 < problem.line <= len(lines):
        text = _visible(lines[problem.line - 1].rstrip("\r\n"))
        gutter = f"{problem.line:>5} | "
        out.append(gutter + text)
        out.append(" " * (len(gutter) - 2) + "| " + _marker(text, problem.column))
    if problem.hint:
        out.append(f"      = hint: {_visible(problem.hint)}")
    return "\n".join(out)


_CONTROLS = {c: f"\\x{c:02x}" for c in [*range(0x20), 0x7f] if c != 0x09} | {0x0A: "\\n", 0x0D: "\\r"}


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


def summary(problems: Sequence[Problem], files: int) -> str:
    errors, warnings = count(problems)
    noun = "file" if files == 1 else "files"
    if not errors and not warnings:
        return f"checked {files} {noun}: no problems"
    return f"checked {files} {noun}: {errors} error(s), {warnings} warning(s)"


def format_json(problems: Sequence[Problem], files: int) -> str:
    """The `--format json` document; its keys are stable (docs/plan-format.md lists them)."""
    errors, warnings = count(problems)
    doc = {
        "version": 1,
        "files": files,
        "errors": errors,
        "warnings": warnings,
        "problems": [asdict(p) for p in sorted(problems, key=_position)],
    }
    return json.dumps(doc, ensure_ascii=False, indent=2, sort_keys=True)


def _position(p: Problem) -> tuple[str, int, int, str, str]:
    return (p.path, p.line, p.column, p.field, p.message)


def report(problems: Sequence[Problem], texts: Mapping[str, str], colour: bool = False) -> str:
    """All problems, sorted by file and position, each with its source line."""
    blocks = []
    for p in sorted(problems, key=_position):
        text = texts.get(p.path)
        blocks.append(format_text(p, text.splitlines() if text is not None else None, colour))
    return "\n".join(blocks)
