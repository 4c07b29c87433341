"""Score `plangen import` on the corpus in tests/import_corpus/, field by field.

    PYTHONPATH=src python bench/import_score.py            # figures, and every miss
    PYTHONPATH=src python bench/import_score.py -q         # figures only
    PYTHONPATH=src python bench/import_score.py n          # only the files whose name starts with n

Each case is an input (NAME.txt, NAME.md, or NAME.docx.yaml: a Word document described block by
block and built here with python-docx) and NAME.expect.yaml with the fields a careful person
would extract. The rules (also in docs/import.md):

- plans: the number of plans found equals the number expected (per file);
- parts: each expected part is right when the expected opening words are in that part's text;
  title, number, issuer, date, period and attachments are scored as parts too;
- people: right when a person with the same role, name, title and organisation is in the group
  (the office's director counts with the role 办公室主任); each name under `not_people` (a member
  organisation, a group description, a placeholder) is right when no person has that name;
- dated steps: right when a step whose title holds the expected words has the expected start and end;
- lost sentences: every sentence of the input is in the output (compared without spaces and
  punctuation), or listed in the report as dropped page chrome; a sentence that only the importer's
  safety net kept (in the section 未归入的原文, because no field took it) is counted apart, as one the
  structure failed to place.
"""

from __future__ import annotations

import multiprocessing as mp
import os
import sys
import threading
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT / "tests" / "import_corpus"
sys.path.insert(0, str(CORPUS))
sys.path.insert(0, str(ROOT / "src"))

from build_docx import build_docx

from plangen.importer import Options, convert
from plangen.importer.cleaning import Line
from plangen.importer.fidelity import lost as lost_sentences
from plangen.importer.reading import decode, docx_text
from plangen.importer.splitting import compile_split
from plangen.vocabulary import fold

ROLE_LABELS = {"leaders": "组长", "deputies": "副组长", "members": "成员"}


@dataclass
class Score:
    right: dict[str, int] = field(default_factory=lambda: {"plans": 0, "parts": 0, "people": 0, "steps": 0})
    total: dict[str, int] = field(default_factory=lambda: {"plans": 0, "parts": 0, "people": 0, "steps": 0})
    lost: list[str] = field(default_factory=list)
    netted: list[str] = field(default_factory=list)  # kept only by the safety net (section 未归入的原文)
    misses: list[str] = field(default_factory=list)

    def add(self, kind: str, ok: bool, what: str) -> None:
        self.total[kind] += 1
        self.right[kind] += ok
        if not ok:
            self.misses.append(f"{kind}: {what}")

    def share(self, kind: str) -> float:
        return self.right[kind] / self.total[kind] if self.total[kind] else 1.0


def cases(prefix: str = "") -> list[Path]:
    return sorted(p for p in CORPUS.iterdir() if p.name.endswith(".expect.yaml") and p.name.startswith(prefix))


def input_of(expect: Path) -> tuple[str, str]:
    """(name, text) of the case's input."""
    stem = expect.name.removesuffix(".expect.yaml")
    for suffix in (".txt", ".md"):
        path = CORPUS / (stem + suffix)
        if path.exists():
            return path.name, decode(path.read_bytes()).text
    spec = CORPUS / (stem + ".docx.yaml")
    return stem + ".docx", docx_text(build_docx(yaml.safe_load(spec.read_text("utf-8"))))


def _strings(value: Any) -> list[str]:
    if isinstance(value, str):
        return [value]
    if isinstance(value, dict):
        return [s for v in value.values() for s in _strings(v)]
    if isinstance(value, list):
        return [s for v in value for s in _strings(v)]
    return [str(value)] if value is not None else []


def _text(value: Any) -> str:
    return fold("".join(_strings(value)))


def _people(group: Any) -> list[tuple[str, str, str, str]]:
    out = []
    if not isinstance(group, dict):
        return out
    for role, label in ROLE_LABELS.items():
        for p in group.get(role) or []:
            if isinstance(p, dict):
                out.append((p.get("role") or label, p.get("name", ""), p.get("title", ""), p.get("org", "")))
    office = group.get("office")
    director = office.get("director") if isinstance(office, dict) else None
    if isinstance(director, dict):
        out.append(("办公室主任", director.get("name", ""), director.get("title", ""), director.get("org", "")))
    return out


def score_plan(got: dict[str, Any], want: dict[str, Any], score: Score, where: str) -> None:
    for key in ("title", "number", "issuer", "date"):
        if key in want:
            score.add("parts", str(got.get(key, "")) == str(want[key]), f"{where} {key}: {got.get(key)!r} != {want[key]!r}")
    if "period" in want:
        period = got.get("period") or {}
        found = [period.get("start"), period.get("end")] if isinstance(period, dict) else []
        score.add("parts", found == want["period"], f"{where} period: {found} != {want['period']}")
    for part, words in (want.get("parts") or {}).items():
        ok = fold(words) in _text(got.get(part))
        score.add("parts", ok, f"{where} {part}: '{words}' not in {str(got.get(part))[:80]!r}")
    if "attachments" in want:
        titles = [a.get("title") if isinstance(a, dict) else a for a in got.get("attachments") or []]
        score.add("parts", titles == want["attachments"], f"{where} attachments: {titles} != {want['attachments']}")
    people = _people(got.get("leadership"))
    for p in want.get("people") or []:
        person = tuple((list(p) + ["", "", ""])[:4])
        score.add("people", person in people, f"{where} person {person} not in {people}")
    for name in want.get("not_people") or []:
        score.add("people", all(p[1] != name for p in people), f"{where} {name!r} made a person: {people}")
    steps = [s for s in got.get("steps") or [] if isinstance(s, dict)]
    for title, start, end in want.get("steps") or []:
        ok = any(fold(title) in fold(s.get("title", "")) and s.get("start") == start and s.get("end") == end
                 for s in steps)
        score.add("steps", ok, f"{where} step {title} {start}–{end} not in "
                               f"{[(s.get('title'), s.get('start'), s.get('end')) for s in steps]}")


def score_cases(expects: list[Path]) -> Score:
    """The score of the given cases, one after the other."""
    score = Score()
    options = Options(compile_split(None))
    for expect in expects:
        name, text = input_of(expect)
        want = yaml.safe_load(expect.read_text("utf-8"))
        result = convert(text, name, options)
        got = [d for d, _ in result.plans]
        score.add("plans", len(got) == len(want["plans"]), f"{name}: {len(got)} plans, expected {len(want['plans'])}")
        for i, (g, w) in enumerate(zip(got, want["plans"])):
            score_plan(g, w, score, f"{name}#{i + 1}")
        raw = [Line(i + 1, t) for i, t in enumerate(text.splitlines())]
        score.lost += [f"{name}:{no}: {s}" for no, s in lost_sentences(raw, got, result.dropped_text())]
        score.netted += [f"{name}:{no}: {s}" for no, s in result.lost]
    return score


def _merged(scores: list[Score]) -> Score:
    total = Score()
    for part in scores:
        for kind in total.right:
            total.right[kind] += part.right[kind]
            total.total[kind] += part.total[kind]
        total.lost += part.lost
        total.netted += part.netted
        total.misses += part.misses
    return total


def _in_parallel(expects: list[Path]) -> Score:
    """The cases scored on every core, in runs of consecutive files so that the misses keep the files' order
    (forked workers, where the platform forks and this process runs no other thread); one after the other
    otherwise."""
    workers = min(os.cpu_count() or 1, 8)
    if workers == 1 or len(expects) < 100 or "fork" not in mp.get_all_start_methods() or threading.active_count() > 1:
        return score_cases(expects)
    size = -(-len(expects) // (workers * 4))  # four runs a worker: the batches' costs even out
    runs = [expects[i:i + size] for i in range(0, len(expects), size)]
    with ProcessPoolExecutor(workers, mp_context=mp.get_context("fork")) as pool:
        return _merged(list(pool.map(score_cases, runs)))


def run(verbose: bool = True, prefix: str = "") -> Score:
    score = _in_parallel(cases(prefix))
    if verbose:
        for miss in score.misses:
            print("  miss", miss)
        for lost in score.lost:
            print("  lost", lost)
        for netted in score.netted:
            print("  kept only by the safety net", netted)
    return score


def main() -> int:
    prefixes = [a for a in sys.argv[1:] if not a.startswith("-")]
    score = run(verbose="-q" not in sys.argv, prefix=prefixes[0] if prefixes else "")
    for kind in ("plans", "parts", "people", "steps"):
        print(f"{kind:7} {score.right[kind]:4d} / {score.total[kind]:<4d} {score.share(kind):6.1%}")
    print(f"lost sentences: {len(score.lost)}")
    print(f"sentences kept only by the safety net: {len(score.netted)}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
