"""The importer on its own corpus (tests/import_corpus/), scored field by field as docs/import.md says."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "bench"))
pytest.importorskip("docx")

import import_score


@pytest.fixture(scope="module")
def score() -> import_score.Score:
    return import_score.run(verbose=False)


def test_the_corpus_has_a_few_dozen_documents_of_every_form() -> None:
    names = [p.name for p in import_score.cases()]
    assert len(names) >= 30
    assert {n[0] for n in names} >= {"t", "d", "m", "b"}  # texts, Word documents, Markdown, later additions
    assert sum(1 for n in import_score.CORPUS.iterdir() if n.name.endswith(".docx.yaml")) >= 8


def test_every_file_gives_the_right_number_of_plans(score: import_score.Score) -> None:
    assert score.right["plans"] == score.total["plans"], score.misses


def test_parts_people_and_steps_meet_the_targets(score: import_score.Score) -> None:
    assert score.share("parts") >= 0.90, score.misses
    assert score.share("people") >= 0.95, score.misses
    assert score.share("steps") >= 0.90, score.misses


def test_no_sentence_is_lost(score: import_score.Score) -> None:
    assert score.lost == [] and score.netted == []


def test_the_scorer_can_fail() -> None:
    """A plan with a wrong person, a moved step and a missing part scores below full."""
    score = import_score.Score()
    want = {"title": "甲方案", "parts": {"guiding_thought": "坚持"}, "people": [["组长", "王立新", "局长", "县教育局"]],
            "steps": [["动员", "2024-03-01", "2024-03-15"]]}
    got = {"title": "甲方案", "guiding_thought": "另一段话", "leadership": {"leaders": [{"name": "王立新", "title": "县教育局局长"}]},
           "steps": [{"title": "动员", "start": "2024-03-02", "end": "2024-03-15"}]}
    import_score.score_plan(got, want, score, "x")
    assert (score.right["parts"], score.total["parts"]) == (1, 2)
    assert score.right["people"] == 0 and score.right["steps"] == 0
