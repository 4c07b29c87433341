"""Shared test helpers: plans from strings, a project folder from a dict of files, the benchmark's corpus."""

from __future__ import annotations

import importlib.util
import sys
import textwrap
from pathlib import Path
from types import ModuleType

import pytest

from plangen.project import Parsed, parse_source
from plangen.sources import Source

REPO = Path(__file__).resolve().parents[1]
SEEDS = REPO.parent / "shared" / "seeds"


def _bench_corpus() -> ModuleType:
    """bench/corpus.py, the benchmark's generated plans (loaded once, under the name "corpus")."""
    if "corpus" not in sys.modules:
        spec = importlib.util.spec_from_file_location("corpus", REPO / "bench" / "corpus.py")
        assert spec and spec.loader
        module = importlib.util.module_from_spec(spec)
        sys.modules["corpus"] = module
        spec.loader.exec_module(module)
    return sys.modules["corpus"]


corpus = _bench_corpus()


def parse_yaml(text: str, path: str = "plans/t.yaml") -> Parsed:
    return parse_source(Source(path, textwrap.dedent(text), "yaml"))


def parse_md(text: str, path: str = "plans/t.md") -> Parsed:
    return parse_source(Source(path, textwrap.dedent(text), "markdown"))


@pytest.fixture
def project_dir(tmp_path: Path):
    """Write {relative path: text} into a fresh folder and return it."""

    def make(files: dict[str, str | bytes]) -> Path:
        for name, content in files.items():
            target = tmp_path / name
            target.parent.mkdir(parents=True, exist_ok=True)
            if isinstance(content, bytes):
                target.write_bytes(content)
            else:
                target.write_text(textwrap.dedent(content), encoding="utf-8")
        return tmp_path

    return make


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption("--update-golden", action="store_true", default=False,
                     help="rewrite tests/golden/ from the current output instead of comparing (review the diff)")


@pytest.fixture
def update_golden(request: pytest.FixtureRequest) -> bool:
    return bool(request.config.getoption("--update-golden"))
