"""The benchmark corpus (bench/corpus.py) is valid input: 50 generated plans pass the real loader.

Fast (well under a second): it checks validity, both spellings and cross-plan sharing, not speed.
"""

from __future__ import annotations

from collections import Counter
from pathlib import Path

from conftest import corpus

from plangen.project import load_project


def test_generated_corpus_passes_check_strictly(tmp_path: Path) -> None:
    corpus.generate(tmp_path, 50, seed=3)
    project = load_project([tmp_path / "plans"], tmp_path)
    assert [f"{p.path}:{p.line} {p.message}" for p in project.problems] == []
    assert project.files == 50 and len(project.plans) == 50
    kinds = Counter(p.kind for p in project.plans)
    assert kinds["markdown"] == 25 and kinds["yaml"] == 25
    md = [p for p in project.plans if p.kind == "markdown"]
    assert all(p.leadership.leaders and p.leadership.leaders[0].org for p in md)
    assert all(len(p.steps) >= 3 and all(s.start and s.end and s.owner for s in p.steps) for p in md)
    assert all(p.part("requirements") and p.part("requirements").items[0].title for p in md)  # type: ignore[union-attr]
    issuers = Counter(p.issuer for p in project.plans)
    assert issuers.most_common(1)[0][1] >= 2  # organisations recur across plans
    cited = Counter(d.title for p in project.plans for d in p.basis)
    assert cited.most_common(1)[0][1] >= 3  # documents are cited by several plans


def test_corpus_is_deterministic_and_mixes_key_languages(tmp_path: Path) -> None:
    first = [corpus.plan_file(s) for s in corpus.specs(12, seed=7)]
    assert first == [corpus.plan_file(s) for s in corpus.specs(12, seed=7)]
    assert first != [corpus.plan_file(s) for s in corpus.specs(12, seed=8)]
    texts = [text for _, text in first]
    assert any(t.startswith("---") for t in texts) and any("标题:" in t for t in texts)
