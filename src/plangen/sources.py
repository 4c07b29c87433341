"""Reading plan files from disk, safely: the only module of the core that touches the file system.

Every refusal is a Problem, never an exception: files too large, binary, not UTF-8, empty,
holding a character that XML or HTML forbid (codepoints.py), named with invisible or bidirectional
control characters, not regular files (FIFOs, devices, symlink loops: safeio.py), or reached through
a symlink that leads outside the plans folder.
"""

from __future__ import annotations

import errno
import os
import stat
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

from . import codepoints
from .problems import Problem, error
from .safeio import Refused, kind_of_entry, read_regular
from .wording import Wording, msg

Kind = Literal["yaml", "markdown"]
PLAN_SUFFIXES: dict[str, Kind] = {".yaml": "yaml", ".yml": "yaml", ".md": "markdown"}
DEFAULT_SIZE_LIMIT = 4 * 1024 * 1024
_BOM = "\ufeff"


@dataclass(frozen=True, slots=True)
class Source:
    """The text of one plan file. `path` is how messages name it (relative to the project)."""

    path: str
    text: str
    kind: Kind


def kind_of(name: str) -> Kind | None:
    return PLAN_SUFFIXES.get(os.path.splitext(name)[1].lower())


def display_path(file: Path, root: Path) -> str:
    try:
        return file.relative_to(root).as_posix()
    except ValueError:
        return file.as_posix()


def discover(folder: Path, root: Path) -> list[Path] | Problem:
    """Plan files under `folder`, sorted, skipping hidden files and editor leftovers."""
    found = discover_files(folder, root)
    return found if isinstance(found, Problem) else [Path(f) for f in found]


def discover_files(folder: Path, root: Path) -> list[str] | Problem:
    """`discover`, as path strings (no Path object per file: a large project lists thousands)."""
    if not folder.is_dir():
        shown = display_path(folder, root)
        key = "file.plans-folder-is-file" if folder.exists() else "file.no-plans-folder"
        return error(shown, 0, 0, "", msg(key, folder=shown), code="no-plans-folder")
    found: list[str] = []
    for dirpath, dirnames, filenames in os.walk(folder, followlinks=False):
        dirnames[:] = sorted(d for d in dirnames if not d.startswith("."))
        # a linked folder is not entered; one that leads outside is named, so that it is refused
        found.extend(os.path.join(dirpath, d) for d in dirnames if _outside(Path(dirpath) / d, folder))
        found.extend(os.path.join(dirpath, name) for name in filenames if is_plan_name(name))
    return sorted(found, key=lambda f: f.split(os.sep))  # in Path order: part by part


def is_plan_name(name: str) -> bool:
    """A plan file, not a hidden file or an editor's swap, backup or lock file."""
    if name.startswith((".", "#", "~")) or name.endswith(("~", ".swp", ".swx", ".tmp")):
        return False
    return kind_of(name) is not None


def read_source(file: Path, root: Path, folder: Path, *, limit: int = DEFAULT_SIZE_LIMIT,
                encoding: str | None = None) -> Source | Problem:
    """Read one plan file, or say precisely why it cannot be read."""
    shown = display_path(file, root)
    outside = _outside(file, folder)
    if outside:
        return error(shown, 0, 0, "", msg("file.symlink-outside", target=outside), code="symlink-outside")
    kind = kind_of(file.name)
    if kind is None:
        return error(shown, 0, 0, "", msg("file.not-a-plan"), code="not-a-plan")
    named = file_name_problem(file.name, shown)
    if named is not None:
        return named
    data = read_limited(file, shown, limit)
    if isinstance(data, Problem):
        return data
    text = decode(data, shown, encoding)
    if isinstance(text, Problem):
        return text
    if not text.strip():
        return error(shown, 1, 1, "", msg("file.empty"), code="empty")
    return Source(shown, text, kind)


def read_limited(file: Path, shown: str, limit: int = DEFAULT_SIZE_LIMIT) -> bytes | Problem:
    """The bytes of a regular file, at most `limit` of them, or the Problem saying why not."""
    try:
        return read_regular(file, limit)
    except Refused as refused:
        return error(shown, 0, 0, "", refused.said, code=refused.code)


def read_text_file(file: Path, shown: str, limit: int = DEFAULT_SIZE_LIMIT) -> str | Problem | None:
    """The decoded text of a project file (plangen.yaml, the registry), None when there is none."""
    if not os.path.lexists(file):
        return None
    data = read_limited(file, shown, limit)
    return data if isinstance(data, Problem) else decode(data, shown)


def special_files(folder: Path, root: Path) -> list[Problem]:
    """An error for each entry under `folder` (the templates) that is not a regular file or folder:
    a FIFO, a device, a socket, a symlink loop or a link to nothing. Nothing there is read until
    every entry is a plain file, so no build can hang on one or read one without end."""
    found: list[Problem] = []
    for dirpath, dirnames, filenames in os.walk(folder, followlinks=False):
        dirnames[:] = sorted(dirnames)
        for name in sorted(filenames + [d for d in dirnames if os.path.islink(os.path.join(dirpath, d))]):
            path = os.path.join(dirpath, name)
            why = _not_plain(path)
            if why is not None:
                found.append(error(display_path(Path(path), root), 0, 0, "", why, code="not-regular"))
    return found


def _not_plain(path: str) -> Wording | None:
    try:
        mode = os.stat(path).st_mode
    except OSError as exc:
        return msg("file.template-loop" if exc.errno == errno.ELOOP else "file.template-dangling")
    if stat.S_ISREG(mode) or stat.S_ISDIR(mode):
        return None
    return msg("file.template-special", kind=kind_of_entry(mode))


def file_name_problem(name: str, shown: str) -> Problem | None:
    """A file name that hides what it is: invisible-only before its extension, or with a bidi control."""
    stem = os.path.splitext(name)[0]
    bidi = codepoints.BIDI_CONTROLS.search(name)
    if bidi:
        return error(shown, 0, 0, "", msg("file.bidi-name", char=codepoints.describe(bidi.group())), code="file-name")
    if codepoints.shows_nothing(stem):
        return error(shown, 0, 0, "", msg("file.invisible-name"), code="file-name")
    return None


def _outside(file: Path, folder: Path) -> str:
    """The real target when `file` resolves to somewhere outside `folder`, else ''. A file under the
    folder as written with no link from the folder down to it is inside (the folder itself may be
    reached through a link); otherwise its real path must be under the folder's, as written or resolved."""
    if not _linked_below(os.fspath(file), os.fspath(folder)):
        return ""
    real = os.path.realpath(file)
    if _within(real, os.path.abspath(folder)) or _within(real, os.path.realpath(folder)):
        return ""
    return real


def _linked_below(file: str, folder: str) -> bool:
    """Whether `file` is not under `folder` as written, or a link is on the way down from it (the
    file included): one `lstat` per level instead of resolving the whole path."""
    base = folder.rstrip(os.sep) + os.sep
    if not file.startswith(base) or os.pardir in file[len(base):].split(os.sep):
        return True
    at = len(base) - 1
    while at != -1:
        at = file.find(os.sep, at + 1)
        if os.path.islink(file if at == -1 else file[:at]):
            return True
    return False


def _within(path: str, base: str) -> bool:
    return path == base or path.startswith(base.rstrip(os.sep) + os.sep)


def decode(data: bytes, shown: str, encoding: str | None = None) -> str | Problem:
    """UTF-8 (with or without BOM), or the encoding the user named; GB18030 is recognised."""
    text = _decoded(data, shown, encoding)
    return text if isinstance(text, Problem) else forbidden_problem(text, shown) or text


def forbidden_problem(text: str, shown: str) -> Problem | None:
    """The first character of `text` that XML or HTML forbid (codepoints.py), as an error; else None."""
    found = codepoints.find_forbidden(text)
    if found is None:
        return None
    line, column = codepoints.position(text, found.start())
    more = codepoints.count_forbidden(text) - 1
    char = codepoints.describe(found.group())
    said = msg("file.forbidden-characters", char=char, more=more) if more else msg("file.forbidden-character", char=char)
    return error(shown, line, column, "", said, code="forbidden-character")


def _decoded(data: bytes, shown: str, encoding: str | None) -> str | Problem:
    if encoding:
        try:
            return data.decode(encoding).removeprefix(_BOM)
        except (UnicodeDecodeError, LookupError) as exc:
            return error(shown, 0, 0, "", msg("file.cannot-decode", encoding=encoding, why=exc), code="encoding")
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return error(shown, 0, 0, "", msg("file.utf16"), code="encoding")
    if b"\x00" in data[:8192]:
        return error(shown, 0, 0, "", msg("file.binary"), code="binary")
    try:
        return data.decode("utf-8").removeprefix(_BOM)
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        column = exc.start - (data.rfind(b"\n", 0, exc.start) + 1) + 1
        return error(shown, line, column, "", msg("file.gb18030" if _looks_gb18030(data) else "file.not-utf8"),
                     code="encoding")


def _looks_gb18030(data: bytes) -> bool:
    try:
        text = data.decode("gb18030")
    except UnicodeDecodeError:
        return False
    han = sum(1 for ch in text if "\u4e00" <= ch <= "\u9fff")
    return han >= max(1, len(text) // 20)
