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

from .store import FORMAT, write_atomic

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
        kept = json.loads(head)
    except (OSError, ValueError):
        return None
    found = dict(line.partition("\t")[::2] for line in lines)
    if not isinstance(kept, dict) or kept.get("format") != FORMAT or set(found) != set(parts) or "" in found.values():
        return None
    return str(kept.get("key")), found


def _index_lines(key: str, index: dict[str, Any]) -> Iterator[str]:
    """The index file: a head line (format, key), then a line for each part of the index, its name
    and its JSON after a tab (never within compact JSON)."""
    yield _dumps({"format": FORMAT, "key": key}) + "\n"
    for name, part in index.items():
        yield f"{name}\t{_dumps(part)}\n"


def forget(folder: Path) -> None:
    """No pass is kept (a build that failed, or one whose pass cannot be written)."""
    for name in (FILE, INDEX_FILE):
        try:
            (folder / name).unlink(missing_ok=True)
        except OSError:
            continue


def _kept_index_key(folder: Path) -> str | None:
    """The key of the index kept, when it is of this format (an index of another plangen is written again)."""
    try:
        with open(folder / INDEX_FILE, "rb") as f:
            head = f.read(300).decode("utf-8", "replace")
    except OSError:
        return None
    if not head.startswith(json.dumps({"format": FORMAT}, ensure_ascii=False, separators=(",", ":"))[:-1] + ","):
        return None
    marker = '"key":"'
    at = head.find(marker)
    return head[at + len(marker):at + len(marker) + 64] if at >= 0 else None


def _write(target: Path, doc: dict[str, Any]) -> None:
    write_atomic(target, _dumps(doc))


def _dumps(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"))
