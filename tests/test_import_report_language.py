"""`plangen import` speaks the site's language: its report (what was found, inferred, left out,
cleaned, and its warnings) comes from the one catalogue, in zh-CN by default and in English with --lang en."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from plangen.importer import Options, convert
from plangen.importer.assemble import Report
from plangen.importer.report import format_report
from plangen.importer.splitting import compile_split

CORPUS = Path(__file__).resolve().parent / "import_corpus"
ENGLISH_RUN = re.compile(r"[A-Za-z][A-Za-z']+(?:[ -]+[A-Za-z][A-Za-z']*){2,}")
QUOTED = re.compile(r"“[^”]*”|'[^']*'|`[^`]*`")


@pytest.fixture(scope="module")
def imported() -> list[Report]:
    """The import report of every plan of the corpus's texts, each imported once for both languages."""
    out = []
    for file in sorted(CORPUS.glob("*.txt")):
        converted = convert(file.read_text("utf-8"), file.name, Options(compile_split(None)))
        out += [report for _, report in converted.plans]
    return out


def _reports(imported: list[Report], language: str) -> list[str]:
    return [format_report(report, "out.yaml", (), True, language) for report in imported]


@pytest.fixture(scope="module")
def chinese(imported: list[Report]) -> list[str]:
    return _reports(imported, "zh-CN")


def test_the_corpus_gives_warnings_inferences_and_left_out_lines(chinese: list[str]) -> None:
    text = "\n".join(chinese)
    for label in ("警告：", "已推断：", "未收录：", "已清理："):
        assert label in text, label


def test_no_english_sentence_in_a_chinese_import_report(chinese: list[str]) -> None:
    found = {run for report in chinese for line in report.splitlines()
             for run in ENGLISH_RUN.findall(QUOTED.sub("", line))}
    assert found == set()


def test_the_same_report_in_english(imported: list[Report]) -> None:
    text = "\n".join(_reports(imported, "en"))
    assert "left out:" in text and "warning:" in text and "inferred:" in text
    assert not re.search("[警推收]", "".join(line.split("'")[0] for line in text.splitlines() if line.startswith("  warning")))
