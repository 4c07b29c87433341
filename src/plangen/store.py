"""`.plangen-cache/`: one folder, one format version, one way to write a file into it. Shell.

Every file plangen keeps between runs lives under `CACHE_DIR` in the project folder and is written
by `write_atomic` (a temporary file beside it, then one rename), so a reader, or a build killed
half way, sees the old file or the new one, never half of one; `clean` removes the temporary files
a killed build leaves. Each file records `FORMAT` (with plangen's version): a file of another
format is ignored, never trusted. The layout is described in docs/architecture.md.
"""

from __future__ import annotations

import errno
import json
import os
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from . import __version__

CACHE_DIR = ".plangen-cache"
# 3: one store, every entry checked against its source's hash; 4: problems with their message key;
# 5: plans' links; 6: a plan's JSON after its entry, the index as a line per table
FORMAT = f"{__version__}/6"
TMP_SUFFIX = ".plangen-tmp"


def folder(root: Path) -> Path:
    return root / CACHE_DIR


def temporary(target: Path) -> Path:
    """The temporary name a file is written under before it is renamed into place."""
    return target.with_name(f".{target.name}.{os.getpid()}{TMP_SUFFIX}")


def compact_json(value: Any) -> str:
    """JSON as every file of the cache folder holds it: no spaces, characters as they are."""
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"))


def write_atomic(target: Path, data: bytes | str | Iterable[str]) -> None:
    """Write `target` in one step: readers see the old file or the new one. Raises OSError."""
    target.parent.mkdir(parents=True, exist_ok=True)
    tmp = temporary(target)
    try:
        if isinstance(data, bytes):
            tmp.write_bytes(data)
        elif isinstance(data, str):
            tmp.write_text(data, "utf-8")
        else:
            with tmp.open("w", encoding="utf-8") as f:
                f.writelines(data)
        os.replace(tmp, target)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise


def check(root: Path) -> None:
    """Raise OSError when the cache folder is there but cannot be read and written."""
    found = folder(root)
    if found.exists() and not found.is_dir():
        raise NotADirectoryError(errno.ENOTDIR, os.strerror(errno.ENOTDIR), str(found))
    if found.is_dir() and not os.access(found, os.R_OK | os.W_OK | os.X_OK):
        raise PermissionError(errno.EACCES, os.strerror(errno.EACCES), str(found))


def clean(root: Path) -> None:
    """Remove the temporary files that a build killed while writing left in the cache folder."""
    for dirpath, _, filenames in os.walk(folder(root)):
        for name in filenames:
            if name.endswith((TMP_SUFFIX, ".tmp")):  # (".tmp": what older versions left)
                try:
                    os.unlink(os.path.join(dirpath, name))
                except OSError:
                    continue
