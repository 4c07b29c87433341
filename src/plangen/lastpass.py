"""The last `plangen build`'s pass, kept in `.plangen-cache/` for the next one. Shell.

`plangen serve` keeps the last build's index and the fingerprints of what every page is made from
in memory, so that a save which changes only some plans' text redoes just those plans' files
(build._update). A new `plangen build` process has no memory of the last one, so the last build
leaves the same facts here: the index (as plain JSON, index_json.index_to_json), the digest of every
plan's summary it was made from, the shape of the site, every plan's text print, the template
prints, and the files of the output folder. The next build uses them only when its own shape is
the same (the same plans, summaries, settings and history) and no output file was touched since;
anything missing, corrupt, from another plangen or for another output folder is ignored.

Plain JSON, like the rest of the cache: never pickle.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Collection, Iterator
from pathlib import Path
from typing import Any

from .store import FORMAT, compact_json, write_atomic

FILE = "pass.json"
INDEX_FILE = "index.json"


def save(folder: Path, doc: dict[str, Any], index_key: str, index: Callable[[], dict[str, Any]]) -> None:
    """Keep a pass; its index is made and written only when it is not the one already kept under
    `index_key` (an edit to a plan's text keeps the index)."""
    try:
        folder.mkdir(exist_ok=True)
        if _kept_index_key(folder) != index_key:
            write_atomic(folder / INDEX_FILE, _index_lines(index_key, index()))
        _write(folder / FILE, {"format": FORMAT, "index_key": index_key, **doc})
    except OSError:
        forget(folder)


def load(folder: Path, out: Path, parts: Collection[str]) -> tuple[dict[str, Any], dict[str, str]] | None:
    """The last pass into `out` and its index, each of the index's `parts` as its JSON text (read
    when first used: index_json.py), or None. An index file that cannot be used is removed, so that
    the next build writes it again even when its key is the same."""
    try:
        doc = json.loads((folder / FILE).read_text("utf-8"))
    except (OSError, ValueError):
        return None
    index = _index(folder, parts)
    if index is None:
        (folder / INDEX_FILE).unlink(missing_ok=True)
        return None
    key, found = index
    if not isinstance(doc, dict) or doc.get("format") != FORMAT or doc.get("out") != str(out) or doc.get("index_key") != key:
        return None
    return doc, found


def _index(folder: Path, parts: Collection[str]) -> tuple[str, dict[str, str]] | None:
    """The kept index's key and parts, when it is of this format and has every part."""
    try:
        head, *lines = (folder / INDEX_FILE).read_text("utf-8").splitlines()
        key = _key_of(head)
    except (OSError, ValueError):
        return None
    found = dict(line.partition("\t")[::2] for line in lines)
    if key is None or set(found) != set(parts) or "" in found.values():
        return None
    return key, found


def _index_lines(key: str, index: dict[str, Any]) -> Iterator[str]:
    """The index file: a head line (format, key), then a line for each part of the index, its name
    and its JSON after a tab (never within compact JSON)."""
    yield compact_json({"format": FORMAT, "key": key}) + "\n"
    for name, part in index.items():
        yield f"{name}\t{compact_json(part)}\n"


def forget(folder: Path) -> None:
    """No pass is kept (a build that failed, or one whose pass cannot be written)."""
    for name in (FILE, INDEX_FILE):
        try:
            (folder / name).unlink(missing_ok=True)
        except OSError:
            continue


def _kept_index_key(folder: Path) -> str | None:
    """The key of the index kept, when it is of this format (an index of another plangen is written
    again). Only its head line is read."""
    try:
        with open(folder / INDEX_FILE, encoding="utf-8") as f:
            return _key_of(f.readline())
    except (OSError, ValueError):
        return None


def _key_of(head: str) -> str | None:
    """The key in an index file's head line, when it is of this format. Raises ValueError on a line that is not JSON."""
    kept = json.loads(head)
    return str(kept.get("key")) if isinstance(kept, dict) and kept.get("format") == FORMAT else None


def _write(target: Path, doc: dict[str, Any]) -> None:
    write_atomic(target, compact_json(doc))
