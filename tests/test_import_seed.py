"""Acceptance of `plangen import` on the seed collection (read at run time, never copied)."""

from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path
from typing import Any

import pytest
import yaml

from plangen.cli import main
from plangen.importer import Options, convert
from plangen.importer.assemble import Report
from plangen.importer.splitting import compile_split
from plangen.importer.writer import to_markdown, to_yaml
from plangen.project import parse_source
from plangen.sources import Source
from plangen.vocabulary import REQUIRED_PARTS

SEEDS = Path(__file__).resolve().parents[1].parent / "shared" / "seeds"
SEED = SEEDS / "000_b3ab74a9220c91c1.txt"
FIXTURE = Path(__file__).parent / "fixtures" / "import" / "seed_parts.yaml"
PINYIN = re.compile(r"[(（][a-zü]*[āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜ][a-zü]*[)）]")

pytestmark = pytest.mark.skipif(not SEED.exists(), reason="seed collection not present")


@lru_cache(maxsize=2)
def imported(simplified: bool = False) -> list[tuple[dict[str, Any], Report]]:
    convert_t2s = None
    if simplified:
        from plangen.importer.hanzi import simplifier
        convert_t2s = simplifier()
    text = SEED.read_text("utf-8")
    return convert(text, SEED.name, Options(compile_split(None), convert_t2s)).plans


def test_fifteen_plans() -> None:
    assert [r.header[-3:].lstrip("案") for _, r in imported()][:3] == ["篇一", "篇二", "篇三"]
    assert len(imported()) == 15


@pytest.mark.parametrize("fmt", ["yaml", "markdown"])
def test_every_plan_passes_check(fmt: str) -> None:
    for i, (data, _) in enumerate(imported(), 1):
        text = to_yaml(data) if fmt == "yaml" else to_markdown(data)
        parsed = parse_source(Source(f"plans/seed-{i:02d}.{'yaml' if fmt == 'yaml' else 'md'}", text, fmt))
        errors = [p for p in parsed.problems if p.is_error]
        assert errors == [], (i, errors)
        assert parsed.plan is not None


def test_markdown_and_yaml_spellings_load_to_the_same_data() -> None:
    for i, (data, _) in enumerate(imported(), 1):
        as_yaml = parse_source(Source(f"plans/s{i}.yaml", to_yaml(data), "yaml"))
        as_md = parse_source(Source(f"plans/s{i}.md", to_markdown(data), "markdown"))
        assert as_yaml.data == as_md.data == data, i


def test_required_parts_recognised_as_the_fixture_says() -> None:
    expected = yaml.safe_load(FIXTURE.read_text("utf-8"))
    for i, (data, report) in enumerate(imported(), 1):
        got = report.parts() & set(REQUIRED_PARTS)
        assert got == set(expected[i]), (i, sorted(got), expected[i])
        assert set(report.missing) - {"issuer"} == set(REQUIRED_PARTS) - got, i


def test_simplified_import_recognises_the_same_parts() -> None:
    plain = [r.parts() for _, r in imported()]
    assert [r.parts() for _, r in imported(simplified=True)] == plain


def test_pinyin_annotations_gone_from_all() -> None:
    for data, _ in imported():
        assert not PINYIN.search(to_yaml(data))
    assert sum(c.count for _, r in imported() for c in r.cleanings if c.kind == "pinyin") > 2000


def test_simplified_output_has_no_traditional_only_characters() -> None:
    from plangen.importer.hanzi import simplifier
    t2s = simplifier()
    for data, _ in imported(simplified=True):
        text = to_yaml(data)
        assert t2s(text) == text
        assert not set("幫對組長學優書國") & set(text)
    assert "帮扶" in imported(simplified=True)[0][0]["title"]


def test_mojibake_reported_with_location_and_left_in_place() -> None:
    data, report = imported()[1]
    bad = [c for c in report.cleanings if c.kind == "mojibake"]
    assert bad and all(c.line > 0 and c.column > 0 for c in bad)
    assert "?" in to_yaml(data)


def test_leadership_from_role_lines_with_several_roles_per_line() -> None:
    group = imported()[6][0]["leadership"]
    assert [p["name"] for p in group["leaders"]] == ["井明泉", "于海軍", "魏可海"]
    assert group["leaders"][0] == {"name": "井明泉", "title": "校長", "org": "五井小學"}
    assert [p["name"] for p in group["deputies"]] == ["劉鈺", "劉光成", "史學剛", "趙磊"]
    assert group["members"] == [{"description": "結對學校全體教師"}]


def test_leadership_from_prose_and_office() -> None:
    group = imported()[11][0]["leadership"]
    assert group["leaders"] == [{"name": "李詒蕓", "title": "縣委常委、縣紀委書記"}]
    assert group["deputies"][0] == {"name": "溫生平", "title": "副縣長", "org": "縣政府", "role": "常务副组长"}
    assert group["office"] == {"location": "縣工信局", "director": {"name": "劉禮聰"}}


def test_prose_of_the_group_is_kept_as_its_text() -> None:
    group = imported()[13][0]["leadership"]
    assert group["name"] == "幫困共建工作領導小組" and group["office"] == {"location": "黨委工作部"}
    assert group["body"].startswith("為更好地做好此項工作") and "負責日常工作開展" in group["body"]
    assert "body" not in imported()[6][0]["leadership"]  # role lines are fully represented


def test_empty_template_slots_are_empty_and_warned() -> None:
    data, report = imported()[2]
    assert data["leadership"]["leaders"] == []
    assert sum("empty template slot" in w.message for w in report.warnings) == 3


def test_closing_lines_give_issuer_and_date() -> None:
    data, _ = imported()[2]
    assert (data["issuer"], data["date"]) == ("南陽市第七小學", "2009-03")
    data, report = imported()[6]
    assert data["issuer"] == "五井小學" and "date" not in data
    assert any("2016.94" in w.message for w in report.warnings)


def test_steps_with_dates_and_placeholders() -> None:
    steps = imported()[3][0]["steps"]
    assert steps[0]["start"] == "20xx年10月13日"
    period = imported()[2][0]["period"]
    assert period == {"start": "2007-01", "end": "2007-12"}


def test_basis_documents_with_numbers() -> None:
    basis = imported()[8][0]["basis"]
    assert basis[0]["number"] == "甘人社通〔2015〕103號"
    assert basis[0]["title"].startswith("關於印發甘肅省") or basis[0]["title"].startswith("關于印發甘肅省")


def test_cli_imports_the_seed_into_fifteen_files_that_check_accepts(tmp_path: Path,
                                                                    capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "plans"
    assert main(["import", str(SEED), "-o", str(out)]) == 0
    report = capsys.readouterr().out
    assert "已识别：" in report and "已推断：" in report and "缺少：" in report and "已清理：" in report
    files = sorted(out.glob("*.yaml"))
    assert len(files) == 15
    assert main(["check", str(out)]) == 0


def test_every_sentence_of_the_seed_is_in_the_plans_or_reported() -> None:
    from plangen.importer import Options, convert
    from plangen.importer.reading import read_input
    from plangen.importer.splitting import compile_split

    result = convert(read_input(SEED).text, SEED.name, Options(compile_split(None)))
    assert len(result.plans) == 15
    assert result.lost == []
