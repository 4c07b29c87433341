"""Every bad plan in tests/fixtures/bad/ declares the problems it must produce, in comments:

    # expect: error 7:7 leadership.leaders[0].name: required
    #   hint: add `name:` (组长 姓名)

(`-` stands for an empty field; a `hint:` line is optional and checks the problem above it.)
The words recorded are the English ones of the message catalogue (`Problem.message`, what
`--lang en` prints after the field): readable in review, and exact. The terminal shows the field
with its Chinese label (`leadership.leaders[0].name（组长 姓名）`), which is not part of the message.
That every one of these problems also has its Chinese words (and no English left in them) is
tests/test_messages.py's part.
A YAML syntax error's wording and column are the YAML parser's, and change with its version, so its
expectation ends in `…` after plangen's own words: the severity, line, field and the words before
`…` are compared, not the parser's wording or column.
The checker must report exactly these problems: same severity, line, column, field and message,
no more and no fewer. In a Markdown plan the comments sit in the front matter.

After a deliberate change of messages, rewrite the expectations with
`PLANGEN_REGEN=1 python -m pytest tests/test_core_fixtures.py` and review the diff.
"""

from __future__ import annotations

import os
import re
from pathlib import Path

import pytest

from plangen.problems import Problem
from plangen.project import ReadOptions, load_project

BAD = Path(__file__).parent / "fixtures" / "bad"
FILES = sorted(p for p in BAD.iterdir() if p.suffix in (".yaml", ".yml", ".md"))
_EXPECT = re.compile(r"^#\s*expect:\s*(error|warning) (\d+):(\d+) (\S+): (.*)$")
_HINT = re.compile(r"^#\s+hint:\s*(.*)$")
_HINTED = ("unknown-key",)
_PARSER_WORDED = ("yaml-syntax",)
_ELLIPSIS = " …"

Expected = tuple[str, int, int, str, str]


def expectations(text: str) -> tuple[list[Expected], dict[int, str]]:
    """The declared problems, and the hints declared for some of them (by index)."""
    found: list[Expected] = []
    hints: dict[int, str] = {}
    for line in text.splitlines():
        m = _EXPECT.match(line.strip())
        if m:
            field = "" if m[4] == "-" else m[4]
            found.append((m[1], int(m[2]), int(m[3]), field, m[5]))
        elif (h := _HINT.match(line.strip())) and found:
            hints[len(found) - 1] = h[1]
    return found, hints


def check(file: Path) -> list[Problem]:
    project = load_project([file], BAD, ReadOptions())
    return sorted(project.problems, key=lambda p: (p.line, p.column, p.field, p.message))


def as_expected(p: Problem, declared: Expected) -> Expected:
    """The problem as its expectation is written: a declared `…` keeps only plangen's words before it
    (and the declared column, which is the parser's)."""
    message = declared[4]
    if message.endswith(_ELLIPSIS) and p.message.startswith(message[: -len(_ELLIPSIS)]):
        return (p.severity, p.line, declared[2], p.field, message)
    return (p.severity, p.line, p.column, p.field, p.message)


@pytest.mark.parametrize("file", FILES, ids=[f.name for f in FILES])
def test_bad_plan_reports_exactly_its_declared_problems(file: Path) -> None:
    if os.environ.get("PLANGEN_REGEN"):
        regenerate(file)
    expected, hints = expectations(file.read_text("utf-8"))
    assert expected, f"{file.name} declares no `# expect:` line"
    got = check(file)
    assert [p.path for p in got] == [file.name] * len(got)
    assert [as_expected(p, e) for p, e in zip(got, expected)] == expected
    assert len(got) == len(expected)
    for i, hint in hints.items():
        assert got[i].hint == hint


def test_every_fixture_fails_the_check() -> None:
    for file in FILES:
        assert any(p.is_error or p.severity == "warning" for p in check(file)), file.name


# --- regeneration (PLANGEN_REGEN=1): write the current problems back as expectations -------------


def _expect_lines(problems: list[Problem]) -> list[str]:
    out = []
    for p in problems:
        message = p.message.split(": ", 1)[0] + ":" + _ELLIPSIS if p.code in _PARSER_WORDED else p.message
        out.append(f"# expect: {p.severity} {p.line}:{p.column} {p.field or '-'}: {message}")
        if p.code in _HINTED and p.hint:
            out.append(f"#   hint: {p.hint}")
    return out


def _with_expectations(text: str, lines: list[str]) -> str:
    kept = [ln for ln in text.splitlines() if not (_EXPECT.match(ln.strip()) or _HINT.match(ln.strip()))]
    at = 1 if kept and kept[0].strip() == "---" else 0
    return "\n".join(kept[:at] + lines + kept[at:]) + "\n"


def regenerate(file: Path) -> None:
    """Insert expectation lines; they shift line numbers, so repeat until the count settles."""
    text = file.read_text("utf-8")
    lines: list[str] = []
    for _ in range(5):
        file.write_text(_with_expectations(text, lines), "utf-8")
        new = _expect_lines(check(file))
        if new == lines:
            return
        lines = new
    raise AssertionError(f"expectations of {file.name} do not settle")
