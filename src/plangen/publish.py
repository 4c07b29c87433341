"""Publishing the site all or nothing, and one build of a project at a time. Shell.

A build stages the new site in a hidden folder beside the output folder: the files it made, and
hard links to the old site's files for everything unchanged (they keep their bytes, inode and
modification time). The search index is made in the staged folder too. Then one rename swaps the
staged folder and the output folder (`renameat2(RENAME_EXCHANGE)` where the system has it), and
the old site is removed. An interrupted publish leaves the old site whole: the next build removes
what it left (`recover`). The protocol and why it was chosen are in docs/architecture.md.

`PLANGEN_FAULT=<moment>:<action>` stops a build at one of the `MOMENTS`, for the fault tests and
for trying it by hand: `kill` (the process kills itself with SIGKILL), `enospc` (the disk is full),
`pause:<file>` (creates <file>, then waits until it is removed).
"""

from __future__ import annotations

import contextlib
import ctypes
import errno
import fcntl
import glob
import os
import shutil
import signal
import sys
import time
from collections.abc import Callable, Collection, Iterator
from pathlib import Path

from . import messages
from .mirror import mirror
from .output import MANIFEST, WriteStats, check_inside, manifest_bytes, read_manifest, same_bytes, write_file

MOMENTS = ("locked", "staged", "indexed", "swapped", "remembered")
FAULT = "PLANGEN_FAULT"
LOCK_FILE = "build.lock"


def fault(moment: str) -> None:
    """Stop here when PLANGEN_FAULT names this moment (see the module's docstring)."""
    wanted = os.environ.get(FAULT, "")
    if not wanted.startswith(moment + ":"):
        return
    action = wanted[len(moment) + 1:]
    if action == "kill":
        os.kill(os.getpid(), signal.SIGKILL)
    elif action == "enospc":
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))
    elif action.startswith("pause:"):
        flag = Path(action[len("pause:"):])
        flag.write_text(str(os.getpid()), "utf-8")
        while flag.exists():
            time.sleep(0.05)


# --- one build at a time -------------------------------------------------------------------------

def _say(message: str) -> None:
    print(message, file=sys.stderr, flush=True)


@contextlib.contextmanager
def one_at_a_time(folder: Path, say: Callable[[str], None] = _say, language: str | None = None) -> Iterator[None]:
    """Hold the project's build lock (`folder`/build.lock, holding the holder's process id) while the
    block runs; when another build holds it, say so naming that process and wait for it. A lock whose
    holder died is free: the system releases it with the process. The lock file is removed on
    release. No lock when the folder cannot be written (the build reports what it cannot write)."""
    made = not folder.exists()
    try:
        fd = _acquire(folder, say, language)
    except OSError:
        yield
        return
    try:
        os.pwrite(fd, f"{os.getpid()}\n".encode(), 0)
        fault("locked")
        yield
    finally:
        with contextlib.suppress(OSError):
            os.unlink(folder / LOCK_FILE)  # (while holding it: a waiting build then opens a new one)
            if made:
                folder.rmdir()  # (only when empty: a build that was refused leaves no trace)
        os.close(fd)


def _acquire(folder: Path, say: Callable[[str], None], language: str | None) -> int:
    """The file descriptor of the lock file, locked by this process. Raises OSError."""
    told = False
    path = folder / LOCK_FILE
    while True:
        folder.mkdir(parents=True, exist_ok=True)
        fd = os.open(path, os.O_RDWR | os.O_CREAT | os.O_CLOEXEC, 0o666)
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            if not told:
                holder = os.pread(fd, 32, 0).decode("ascii", "replace").strip() or "unknown"
                say(messages.say(language)("build.waiting", holder=holder))
                told = True
            os.close(fd)
            time.sleep(0.1)
            continue
        try:
            if os.stat(path).st_ino == os.fstat(fd).st_ino:  # (not a file its last holder removed meanwhile)
                return fd
        except FileNotFoundError:
            pass
        os.close(fd)


# --- the staged site and the swap ----------------------------------------------------------------

def staging_of(out: Path) -> Path:
    """This build's staged folder, named with its process id: what a killed build's processes may
    still be writing for a moment never lands in another build's."""
    return out.with_name(f".{out.name}.plangen-new-{os.getpid()}")


def old_of(out: Path) -> Path:
    return out.with_name(f".{out.name}.plangen-old")


def base_of(out: Path) -> Path:
    """The site before the last build's, kept to start the next staged folder from (see Publication)."""
    return out.with_name(f".{out.name}.plangen-base")


def recover(out: Path) -> None:
    """Leave `out` as the last publish that finished left it: an output folder moved aside but not
    replaced (a system without an atomic exchange) is put back; a staged or old folder is removed."""
    old = old_of(out)
    if not out.exists() and old.is_dir():
        old.rename(out)
    for leftover in [old, *out.parent.glob(f".{glob.escape(out.name)}.plangen-new-*")]:
        shutil.rmtree(leftover, ignore_errors=True)


class Publication:
    """A new version of the output folder, staged beside it and swapped in at once.

    It writes as `output.SiteWriter` does (`put`, `commit`, `abort`), but into the staged folder;
    `swap` then makes the staged folder the output folder. The staged folder starts as the site
    before the last build's (`base_of`), made the same as the site in place by hard links
    (mirror.py: only the files that differ are linked again); the site it replaces is kept as the
    next build's start. So a build that changes a few files links and removes only a few."""

    def __init__(self, out: Path) -> None:
        self.out = out
        self.folder = staging_of(out)
        recover(out)
        self.old: Path | None = out if out.is_dir() else None
        base = base_of(out)
        if self.old is not None and base.is_dir() and not base.is_symlink():
            base.rename(self.folder)
        else:
            _remove(base)
            self.folder.mkdir(parents=True)
        self.paths: list[str] = []
        self.unchanged = 0
        self._written: dict[str, None] = {}  # the files written (not linked), in order
        self._root, self._old = str(self.folder), str(self.old) if self.old else ""
        self._folders: set[str] = {""}
        self._mirrored = self._mirror() if self.old is not None else set()  # the old site's files, linked
        if self.old is not None:
            os.chmod(self.folder, os.stat(self.old).st_mode & 0o7777)

    def _mirror(self) -> set[str]:
        """The staged folder made the same as the old site (mirror.py); started again empty when the kept
        site it began as cannot be changed (a file someone made read-only there, say)."""
        try:
            return mirror(self._old, self._root)
        except OSError:
            shutil.rmtree(self.folder, ignore_errors=True)
            self.folder.mkdir(parents=True)
            return mirror(self._old, self._root)

    def put(self, path: str, data: bytes) -> None:
        """Stage one file: the old site's file (a hard link) when its bytes are the same."""
        self.note(path, self.stage(path, data))

    def stage(self, path: str, data: bytes) -> str | None:
        """The disk work of `put`, which a worker process may do for this one (jobs.stage_all): None
        when the old site's file holds `data` (it is kept, linked), else the staged file written."""
        check_inside(path)
        self._make_folder(path.rpartition("/")[0])
        target = os.path.join(self._root, path)
        old = os.path.join(self._old, path)
        if self._old and same_bytes(old, data):
            if not _same_file(old, target):  # (put before in this build, or not mirrored)
                _unlink(target)
                os.link(old, target)
            return None
        _unlink(target)  # the old site's file (mirrored), or put twice: replaced, never written in place
        write_file(target, data, os.O_EXCL)
        return target

    def note(self, path: str, staged: str | None) -> None:
        """What `stage` did for `path`, noted in the process that commits."""
        self.paths.append(path)
        if staged is None:
            self.unchanged += 1
        else:
            self._written[path] = None

    def _make_folder(self, folder: str) -> None:
        if folder not in self._folders:
            os.makedirs(os.path.join(self._root, folder), exist_ok=True)
            self._folders.add(folder)

    def commit(self, keep: tuple[str, ...] = (), kept: tuple[str, ...] = (),
               previous: Collection[str] | None = None, current: Collection[str] | None = None) -> WriteStats:
        """Complete the staged folder: it holds the old site (mirrored) with what was put; the stale
        files (the old manifest lists them, this build does not make them) are removed, with the
        folders they leave empty; then the manifest. Files plangen did not write stay, and so do the
        folders of `keep`. The staged folder is then complete but for the search index."""
        previous = set(read_manifest(self.old) if previous is None and self.old else (previous or ()))
        made = set(self.paths)
        files = set(kept) | made if current is None else set(current)
        unchanged = files - made
        if not unchanged <= self._mirrored:
            raise FileNotFoundError(errno.ENOENT, "a file of the site was removed while it was built", str(self.old))
        self._drop(sorted(previous - files - made, reverse=True))
        written = tuple(self._written)
        self.put(MANIFEST, manifest_bytes(files))  # (not counted: as before, in place)
        self.paths.pop()
        removed = sum(1 for path in previous if path not in files and not path.startswith(keep or ("\0",)))
        return WriteStats(len(written), len(files) - len(written), removed, written)

    def _drop(self, stale: list[str]) -> None:
        """Remove stale files from the staged folder, and each folder that one leaves empty."""
        for path in stale:
            if path not in self._mirrored or path == MANIFEST:
                continue
            _unlink(os.path.join(self._root, path))
            folder = path.rpartition("/")[0]
            while folder:
                try:
                    os.rmdir(os.path.join(self._root, folder))
                except OSError:  # not empty (or not there)
                    break
                self._folders.discard(folder)
                folder = folder.rpartition("/")[0]

    def abort(self) -> None:
        shutil.rmtree(self.folder, ignore_errors=True)

    def swap(self) -> None:
        """Make the staged folder the output folder in one step; the site it replaces is kept as the
        next build's start (`base_of`)."""
        if self.old is None:
            self.folder.rename(self.out)
        elif not _exchange(self.folder, self.out):
            old = old_of(self.out)
            self.out.rename(old)  # (no atomic exchange here: `recover` puts it back if stopped now)
            self.folder.rename(self.out)
        fault("swapped")
        replaced = self.folder if self.old is not None and self.folder.exists() else old_of(self.out)
        if replaced.is_dir():
            _keep_as_base(replaced, self.out)


def _keep_as_base(replaced: Path, out: Path) -> None:
    """The site just replaced, kept as the next build's start; removed when it cannot be kept there."""
    base = base_of(out)
    _remove(base)  # (anything someone left under that name)
    try:
        replaced.rename(base)
    except OSError:
        shutil.rmtree(replaced, ignore_errors=True)


def _remove(path: Path) -> None:
    """Whatever is at `path` (a folder, a file, a symbolic link: the link, never what it points to)."""
    if path.is_symlink() or (path.exists() and not path.is_dir()):
        with contextlib.suppress(OSError):
            path.unlink()
    else:
        shutil.rmtree(path, ignore_errors=True)


def _same_file(a: str, b: str) -> bool:
    try:
        first, second = os.stat(a), os.stat(b)
    except OSError:
        return False
    return (first.st_ino, first.st_dev) == (second.st_ino, second.st_dev)


def _unlink(path: str) -> None:
    with contextlib.suppress(FileNotFoundError):
        os.unlink(path)


def _exchange(a: Path, b: Path) -> bool:
    """Swap two folders atomically (Linux's renameat2 RENAME_EXCHANGE); False where not supported."""
    try:
        libc = ctypes.CDLL(None, use_errno=True)
        renameat2 = libc.renameat2
    except (OSError, AttributeError):
        return False
    at_fdcwd, rename_exchange = -100, 2
    if renameat2(at_fdcwd, os.fsencode(a), at_fdcwd, os.fsencode(b), rename_exchange) == 0:
        return True
    code = ctypes.get_errno()
    if code in (errno.EINVAL, errno.ENOSYS, errno.EOPNOTSUPP):
        return False
    raise OSError(code, os.strerror(code), str(b))


def can_swap(out: Path) -> bool:
    """Whether the output folder can be replaced by a rename (not when it is a mount point)."""
    return not (out.is_dir() and os.path.ismount(out))
