"""Has anything changed since the last build? Answered from file status alone, as make and git do.

A stamp is a digest of everything a build reads, taken *before* it reads it: plangen itself (its
version and the status of its code and default theme), the options, `SOURCE_DATE_EPOCH`, the
status (size, modification and change times, inode) of plangen.yaml, the registry, every entry of
the plans and templates folders, the git commit the history pages come from, and the search
binary. After a build that succeeded, the stamp is saved with what the build reported and the
status of every file it left in the output folder. The next `plangen build` whose stamp is the
same, and whose output files are all still as that build left them, has nothing to do: it reports
the same result without reading a plan.

A file changed less than two seconds before a stamp is taken is not known by its status alone (a
quick second save can keep its size and times): the stamp also holds a hash of its content, and so
does every later stamp compared with it (as git does for "racily clean" files).
A stamp file that is missing, corrupt or from another plangen is ignored.
"""

from __future__ import annotations

import hashlib
import json
import os
import stat
import time
from dataclasses import dataclass
from pathlib import Path

from . import __version__
from .problems import Problem, as_dict, from_dict
from .safeio import Refused, read_regular
from .store import FORMAT, compact_json, write_atomic
from .wording import Wording, as_json, from_json

FILE = "stamp.json"
RACY_NS = 2_000_000_000
_PACKAGE = Path(__file__).resolve().parent


@dataclass(frozen=True, slots=True)
class Stamp:
    digest: str
    hashed: tuple[str, ...]  # files known by their content too (changed shortly before a stamp)


@dataclass(frozen=True, slots=True)
class Outcome:
    """What a build reported, to be said again when nothing changed."""

    plans: int
    drafts_skipped: int
    pages: int
    problems: tuple[Problem, ...]
    notes: tuple[Wording, ...]
    outputs: dict[str, tuple[int, int]]  # output path -> (size, mtime_ns) as the build left it


def take(settings: str, files: list[Path], folders: list[Path], hashed: tuple[str, ...] = ()) -> Stamp:
    """The stamp of these settings, files and every entry under these folders (missing ones count
    too); the files in `hashed`, and any changed within the last two seconds, by content as well."""
    lines = [f"{__version__}\0{settings}"]
    recent = set(hashed)
    since = time.time_ns() - RACY_NS
    paths = [str(f) for f in files]
    for folder in [*folders, _PACKAGE]:
        for dirpath, dirnames, filenames in os.walk(folder):
            dirnames[:] = sorted(d for d in dirnames if d != "__pycache__")
            paths += [os.path.join(dirpath, name) for name in sorted(filenames) + dirnames]
    for path in paths:
        line, changed = _status(path)
        lines.append(line)
        if changed > since:
            recent.add(path)
    h = hashlib.sha256("\n".join(lines).encode())
    for path in sorted(recent):
        h.update(f"\0{path}\0{_content(path)}".encode())
    return Stamp(h.hexdigest(), tuple(sorted(recent)))


def _status(path: str) -> tuple[str, int]:
    """A file's status line (a link's with its target's) and when it last changed."""
    try:
        st = os.lstat(path)
    except OSError:
        return f"{path}\0-", 0
    line = f"{path}\0{st.st_size}\0{st.st_mtime_ns}\0{st.st_ctime_ns}\0{st.st_ino}\0{st.st_mode}"
    changed = max(st.st_mtime_ns, st.st_ctime_ns)
    if stat.S_ISLNK(st.st_mode):
        real = os.path.realpath(path)  # a link loop resolves to a link: not followed again
        target, when = (f"{real}\0loop", 0) if os.path.islink(real) else _status(real)
        line, changed = f"{line}\0{target}", max(changed, when)
    return line, changed


def _content(path: str) -> str:
    try:  # only a regular file, within a bound: never a FIFO (a hang) or a device (endless)
        return hashlib.sha256(read_regular(path, _HASHED_LIMIT)).hexdigest()
    except Refused:  # a folder, a special file, or gone
        return "-"


_HASHED_LIMIT = 1 << 30


def outputs_of(out: Path, paths: list[str]) -> dict[str, tuple[int, int]]:
    found = {}
    base = os.fspath(out) + os.sep  # (tens of thousands of files: no Path object for each)
    for path in paths:
        try:
            st = os.stat(base + path)
        except OSError:
            continue
        found[path] = (st.st_size, st.st_mtime_ns)
    return found


Saved = tuple[Stamp, Outcome]  # what the last build kept: its stamp and its outcome


def last(folder: Path, out: Path) -> Saved | None:
    """The stamp and outcome saved by the last build into `out`, if any."""
    try:
        doc = json.loads((folder / FILE).read_text("utf-8"))
        if doc.get("format") != FORMAT or doc.get("out") != str(out):
            return None
        stamp = Stamp(str(doc["stamp"]), tuple(str(p) for p in doc["hashed"]))
        return stamp, Outcome(int(doc["plans"]), int(doc["drafts"]), int(doc["pages"]),
                              tuple(from_dict(p) for p in doc["problems"]), tuple(Wording(str(n["key"]), from_json(n["values"])) for n in doc["notes"]),
                              {k: (int(v[0]), int(v[1])) for k, v in doc["outputs"].items()})
    except (OSError, ValueError, KeyError, TypeError, AttributeError, IndexError):
        return None


def damaged(saved: Saved | None, out: Path, seen: dict[str, tuple[int, int]] | None = None) -> set[str]:
    """Output files that are no longer as the last build left them (edited, replaced or removed);
    `seen` receives the status of each file found."""
    if saved is None:
        return set()
    recorded = saved[1].outputs
    now = outputs_of(out, list(recorded))
    if seen is not None:
        seen.update(now)
    return {path for path, status in recorded.items() if now.get(path) != status}


def outputs_after(out: Path, paths: list[str], seen: dict[str, tuple[int, int]], changed: set[str]) -> dict[str, tuple[int, int]]:
    """outputs_of, taking the status `damaged` saw before the build for files the build did not write."""
    found = {path: seen[path] for path in paths if path in seen and path not in changed}
    found.update(outputs_of(out, [path for path in paths if path not in found]))
    return found


def forget(folder: Path) -> None:
    """No stamp: the output folder is about to change."""
    (folder / FILE).unlink(missing_ok=True)


def save(folder: Path, stamp: Stamp, out: Path, outcome: Outcome | None) -> None:
    """Keep the stamp of a build that succeeded; forget it otherwise."""
    target = folder / FILE
    try:
        if outcome is None:
            target.unlink(missing_ok=True)
            return
        doc = {"format": FORMAT, "stamp": stamp.digest, "hashed": list(stamp.hashed), "out": str(out),
               "plans": outcome.plans,
               "drafts": outcome.drafts_skipped, "pages": outcome.pages,
               "problems": [as_dict(p) for p in outcome.problems], "notes": [{"key": n.key, "values": as_json(n.values)} for n in outcome.notes],
               "outputs": {k: list(v) for k, v in sorted(outcome.outputs.items())}}
        write_atomic(target, compact_json(doc))
    except OSError:
        return
