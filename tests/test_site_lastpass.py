"""lastpass.py: a new `plangen build` process picks up the last build's pass from .plangen-cache/,
so a text edit redoes only that plan's files; whatever is wrong with the kept pass is ignored."""

from __future__ import annotations

import json
import random
import sys
from pathlib import Path

import pytest

from plangen import lastpass
from plangen.build import BuildOptions, BuildResult, build
from plangen.cache import CACHE_DIR

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "bench"))
import corpus


def _build(root: Path, out: Path, persistent: bool = True) -> BuildResult:
    result = build(BuildOptions(root=root, output=out, search=False, history=False, jobs=1,
                                persistent_cache=persistent))
    assert result.ok, [str(p) for p in result.problems]
    return result


def _tree(out: Path) -> dict[str, bytes]:
    return {p.relative_to(out).as_posix(): p.read_bytes() for p in sorted(out.rglob("*")) if p.is_file()}


@pytest.fixture
def project(tmp_path: Path) -> Path:
    root = tmp_path / "project"
    corpus.generate(root, 16, seed=5)
    return root


def _plans(root: Path) -> list[Path]:
    return sorted(p for p in (root / "plans").rglob("*") if p.suffix in (".yaml", ".md"))


def _edit_text(root: Path, n: int) -> Path:
    plan = _plans(root)[n % len(_plans(root))]
    text = plan.read_text("utf-8")
    marker = next(m for m in ("加强", "做好", "推进", "工作") if m in text)
    plan.write_text(text.replace(marker, marker + "并改进", 1), "utf-8")
    return plan


def test_a_text_edit_in_a_new_process_redoes_only_that_plans_files(project: Path, tmp_path: Path) -> None:
    out = tmp_path / "site"
    cold = _build(project, out)
    assert (project / CACHE_DIR / lastpass.FILE).is_file() and (project / CACHE_DIR / lastpass.INDEX_FILE).is_file()
    _edit_text(project, 3)
    index_file = project / CACHE_DIR / lastpass.INDEX_FILE
    kept = index_file.stat().st_mtime_ns
    again = _build(project, out)
    assert index_file.stat().st_mtime_ns == kept  # the index was not made again
    # its page, calendar, source and JSON (and the Atom feed, when the plan is among the newest)
    assert 4 <= again.rendered <= 5 < cold.rendered
    assert again.pages == cold.pages
    assert _tree(out) == _tree_of_cold(project, tmp_path / "cold")


def _tree_of_cold(root: Path, out: Path) -> dict[str, bytes]:
    _build(root, out, persistent=False)
    return _tree(out)


@pytest.mark.parametrize("seed", range(3))
def test_new_processes_after_random_edits_match_cold_builds(project: Path, tmp_path: Path, seed: int) -> None:
    rng = random.Random(seed)
    out = tmp_path / "site"
    _build(project, out)
    for step in range(4):
        plan = rng.choice(_plans(project))
        text = plan.read_text("utf-8")
        what = rng.choice(["text", "title", "template", "delete"])
        if what == "text":
            _edit_text(project, rng.randrange(100))
        elif what == "title":
            plan.write_text(text.replace("工作方案", "工作方案（修订）", 1), "utf-8")
        elif what == "template":
            (project / "templates").mkdir(exist_ok=True)
            theme = Path(__file__).resolve().parents[1] / "templates" / "timeline.html"
            (project / "templates" / "timeline.html").write_text(
                theme.read_text("utf-8").replace("<h1>", f'<h1 data-step="{step}">', 1), "utf-8")
        else:
            plan.unlink()
        _build(project, out)
        assert _tree(out) == _tree_of_cold(project, tmp_path / f"cold{step}"), f"step {step}: {what}"


@pytest.mark.parametrize("damage", ["garbage", "other-version", "other-index", "other-output", "missing-index"])
def test_a_damaged_or_foreign_pass_is_ignored(project: Path, tmp_path: Path, damage: str) -> None:
    out = tmp_path / "site"
    _build(project, out)
    folder = project / CACHE_DIR
    doc = json.loads((folder / lastpass.FILE).read_text("utf-8"))
    if damage == "garbage":
        (folder / lastpass.FILE).write_text("{not json", "utf-8")
    elif damage == "other-version":
        (folder / lastpass.FILE).write_text(json.dumps({**doc, "format": "0.0.0/3"}), "utf-8")
    elif damage == "other-index":
        index = json.loads((folder / lastpass.INDEX_FILE).read_text("utf-8"))
        index["index"]["plans"] = index["index"]["plans"][1:]  # an index of other plans: not used
        (folder / lastpass.INDEX_FILE).write_text(json.dumps(index), "utf-8")
    elif damage == "other-output":
        (folder / lastpass.FILE).write_text(json.dumps({**doc, "out": str(tmp_path / "elsewhere")}), "utf-8")
    else:
        (folder / lastpass.INDEX_FILE).unlink()
    assert lastpass.load(folder, out) is None or damage == "other-index"
    _edit_text(project, 1)
    _build(project, out)
    assert _tree(out) == _tree_of_cold(project, tmp_path / "cold")


def test_without_the_record_of_the_output_folder_the_pass_is_not_used(project: Path, tmp_path: Path) -> None:
    """The kept pass trusts the output folder; with no stamp saying it is as the last build left it
    (stamp.json gone), every file is checked again, and a file deleted by hand comes back."""
    out = tmp_path / "site"
    _build(project, out)
    (project / CACHE_DIR / "stamp.json").unlink()
    gone = min(out.rglob("*.html"))
    gone.unlink()
    _edit_text(project, 2)
    _build(project, out)
    assert gone.is_file()
    assert _tree(out) == _tree_of_cold(project, tmp_path / "cold")
