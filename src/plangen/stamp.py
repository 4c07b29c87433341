"""Has anything changed since the last build? Answered from file status alone, as make and git do.

A stamp is a digest of everything a build reads, taken *before* it reads it: plangen itself (its
version and the status of its code and default theme), the options, `SOURCE_DATE_EPOCH`, the
status (size, modification and change times, inode) of plangen.yaml, the registry, every entry of
the plans and templates folders, the git commit the history pages come from, and the search
binary. After a build that succeeded, the stamp is saved with what the build reported and the
status of every file it left in the output folder. The next `plangen build` whose stamp is the
same, and whose output files are all still as that build left them, has nothing to do: it reports
the same result without reading a plan.

A file modified less than two seconds before the stamp was taken is never trusted (a quick second
save can keep its size and time): such a stamp is not saved, and the next build does the work.
A stamp file that is missing, corrupt or from another plangen is ignored.
"""

from __future__ import annotations

import hashlib
import json
import os
import stat
import time
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

from . import __version__
from .problems import Problem

FILE = "stamp.json"
RACY_NS = 2_000_000_000
_PACKAGE = Path(__file__).resolve().parent


@dataclass(frozen=True, slots=True)
class Stamp:
    digest: str
    settled: bool  # no input changed within RACY_NS before the stamp was taken


@dataclass(frozen=True, slots=True)
class Outcome:
    """What a build reported, to be said again when nothing changed."""

    plans: int
    drafts_skipped: int
    pages: int
    problems: tuple[Problem, ...]
    notes: tuple[str, ...]
    outputs: dict[str, tuple[int, int]]  # output path -> (size, mtime_ns) as the build left it


def take(settings: str, files: list[Path], folders: list[Path]) -> Stamp:
    """The stamp of these settings, files and every entry under these folders (missing ones count too)."""
    h = hashlib.sha256()
    now = time.time_ns()
    newest = 0
    h.update(f"{__version__}\0{settings}\0".encode())
    for file in files:
        newest = max(newest, _add(h, str(file)))
    for folder in [*folders, _PACKAGE]:
        for dirpath, dirnames, filenames in os.walk(folder):
            dirnames[:] = sorted(d for d in dirnames if d != "__pycache__")
            for name in sorted(filenames) + dirnames:
                newest = max(newest, _add(h, os.path.join(dirpath, name)))
    return Stamp(h.hexdigest(), now - newest > RACY_NS)


def _add(h: Any, path: str) -> int:
    try:
        st = os.lstat(path)
    except OSError:
        h.update(f"{path}\0-\n".encode())
        return 0
    h.update(f"{path}\0{st.st_size}\0{st.st_mtime_ns}\0{st.st_ctime_ns}\0{st.st_ino}\0{st.st_mode}\n".encode())
    newest = st.st_mtime_ns
    if stat.S_ISLNK(st.st_mode):  # a link: its target's status too
        newest = max(newest, _add(h, os.path.realpath(path)))
    return newest


def outputs_of(out: Path, paths: list[str]) -> dict[str, tuple[int, int]]:
    found = {}
    for path in paths:
        try:
            st = os.stat(out / path)
        except OSError:
            continue
        found[path] = (st.st_size, st.st_mtime_ns)
    return found


def last(folder: Path, out: Path) -> tuple[str, Outcome] | None:
    """The stamp and outcome saved by the last build into `out`, if any."""
    try:
        doc = json.loads((folder / FILE).read_text("utf-8"))
        if doc.get("version") != __version__ or doc.get("out") != str(out):
            return None
        return str(doc["stamp"]), Outcome(int(doc["plans"]), int(doc["drafts"]), int(doc["pages"]),
                                          tuple(Problem(**p) for p in doc["problems"]), tuple(doc["notes"]),
                                          {k: (int(v[0]), int(v[1])) for k, v in doc["outputs"].items()})
    except (OSError, ValueError, KeyError, TypeError, AttributeError, IndexError):
        return None


def unchanged(saved: tuple[str, Outcome] | None, stamp: Stamp, out: Path) -> Outcome | None:
    """The last build's outcome when its stamp is this one and its output files are untouched."""
    if saved is None or not stamp.settled or saved[0] != stamp.digest or damaged(saved, out):
        return None
    return saved[1]


def damaged(saved: tuple[str, Outcome] | None, out: Path) -> set[str]:
    """Output files that are no longer as the last build left them (edited, replaced or removed)."""
    if saved is None:
        return set()
    recorded = saved[1].outputs
    now = outputs_of(out, list(recorded))
    return {path for path, status in recorded.items() if now.get(path) != status}


def save(folder: Path, stamp: Stamp, out: Path, outcome: Outcome | None) -> None:
    """Keep the stamp of a build that succeeded; forget it otherwise (or when it was not settled)."""
    target = folder / FILE
    try:
        if outcome is None or not stamp.settled:
            target.unlink(missing_ok=True)
            return
        doc = {"version": __version__, "stamp": stamp.digest, "out": str(out), "plans": outcome.plans,
               "drafts": outcome.drafts_skipped, "pages": outcome.pages,
               "problems": [asdict(p) for p in outcome.problems], "notes": list(outcome.notes),
               "outputs": {k: list(v) for k, v in sorted(outcome.outputs.items())}}
        folder.mkdir(exist_ok=True)
        tmp = folder / (FILE + ".tmp")
        tmp.write_text(json.dumps(doc, ensure_ascii=False, separators=(",", ":")), "utf-8")
        os.replace(tmp, target)
    except OSError:
        return
