"""The one module that runs git. Everything else receives values (commits, trees, blob bytes).

- `find_repo(path)`: the work tree root holding `path`, or None when it is not in a repository.
- `log_changes(root, pathspecs)`: ONE `git log --raw -M` pass: every commit with the files it
  added, modified, deleted or renamed, with their blob ids (so no tree is read per commit).
- `read_blobs(root, ids)`: many blobs through ONE `git cat-file --batch` process, whose stdin is
  fed from a thread so that neither side of the pipe can block the other.
- `tree_blobs(root, rev, prefix)`: {path: blob id} of a tree at a revision.
- `resolve_revision`, `is_shallow`.

Failures raise `GitError` (with a message meant for the user): `GitNotFound` when git is not
installed, `UnknownRevision` for a revision the repository does not have.
"""

from __future__ import annotations

import os
import subprocess
import threading
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import IO

from .codepoints import without_forbidden

_ZERO = "0" * 40
_ENV = {"GIT_TERMINAL_PROMPT": "0", "GIT_OPTIONAL_LOCKS": "0", "LC_ALL": "C"}


class GitError(Exception):
    """A git operation failed; str(error) says what and what to do."""


class GitNotFound(GitError):
    pass


class UnknownRevision(GitError):
    pass


@dataclass(frozen=True, slots=True)
class FileChange:
    """One file in one commit: status A/M/D/R/C/T, paths and blob ids (empty when absent)."""

    status: str
    old_path: str
    new_path: str
    old_blob: str
    new_blob: str


@dataclass(frozen=True, slots=True)
class Commit:
    hash: str
    date: str          # author date, ISO 8601
    author: str
    email: str
    message: str       # subject line
    changes: tuple[FileChange, ...] = ()


def run_git(root: Path | None, args: Sequence[str], input: bytes | None = None) -> bytes:
    """Run `git ARGS` in `root`; its stdout, or GitError with git's own message."""
    try:
        done = subprocess.run(["git", *args], cwd=root, input=input, capture_output=True,
                              env={**os.environ, **_ENV}, check=False)
    except FileNotFoundError:
        raise _missing(root) from None
    if done.returncode != 0:
        message = done.stderr.decode("utf-8", "replace").strip() or f"git {args[0]} failed"
        raise GitError(message)
    return done.stdout


def _missing(root: Path | None) -> GitError:
    """What a FileNotFoundError from starting git means: no such folder, or no git."""
    if root is not None and not Path(root).is_dir():
        return GitError(f"folder {root} does not exist")
    return GitNotFound(not_found_message())


def not_found_message() -> str:
    return ("git is not installed or not on PATH, so plangen cannot read revisions; "
            "install git (e.g. `apt-get install git`) or compare two files: plangen diff OLD_FILE NEW_FILE")


def find_repo(path: Path) -> Path | None:
    """The top folder of the work tree that holds `path`, or None outside a repository."""
    folder = path if path.is_dir() else path.parent
    try:
        out = run_git(folder, ["rev-parse", "--show-toplevel"])
    except GitNotFound:
        raise
    except GitError:
        return None
    return Path(out.decode("utf-8", "replace").strip())


def head_state(root: Path) -> str:
    """Which commit a history would be read from: the work tree's top, HEAD and shallowness, in one
    call (or why there is none)."""
    try:
        return run_git(root, ["rev-parse", "--show-toplevel", "--is-shallow-repository", "HEAD"]).decode(
            "utf-8", "replace")
    except GitError as exc:
        return f"no history: {type(exc).__name__}"


def is_shallow(root: Path) -> bool:
    return run_git(root, ["rev-parse", "--is-shallow-repository"]).strip() == b"true"


def has_commits(root: Path) -> bool:
    try:
        run_git(root, ["rev-parse", "--verify", "--quiet", "HEAD^{commit}"])
    except GitNotFound:
        raise
    except GitError:
        return False
    return True


def resolve_revision(root: Path, rev: str) -> str:
    """The commit id `rev` names, or UnknownRevision saying so."""
    if rev.startswith("-"):
        raise UnknownRevision(f"'{rev}' is not a revision")
    try:
        out = run_git(root, ["rev-parse", "--verify", "--quiet", "--end-of-options", f"{rev}^{{commit}}"])
    except GitNotFound:
        raise
    except GitError:
        raise UnknownRevision(f"unknown revision '{rev}': no commit, branch or tag of that name in {root}; "
                              "see `git log --oneline` for the revisions there are") from None
    return out.decode().strip()


def tree_blobs(root: Path, commit: str, prefix: str = "") -> dict[str, str]:
    """{path: blob id} of every file under `prefix` (relative to the repository) at `commit`."""
    args = ["ls-tree", "-r", "-z", "--full-tree", commit]
    if prefix:
        args += ["--", prefix]
    out: dict[str, str] = {}
    for entry in run_git(root, args).decode("utf-8", "replace").split("\0"):
        meta, _, path = entry.partition("\t")
        fields = meta.split()
        if len(fields) == 3 and fields[1] == "blob":
            out[path] = fields[2]
    return out


def log_changes(root: Path, pathspecs: Iterable[str] = ()) -> list[Commit]:
    """Every commit (newest first) with its file changes, renames detected, in one git process."""
    args = ["log", "-z", "--raw", "-M", "--no-abbrev", "--no-color", "--no-ext-diff", "--encoding=UTF-8",
            "--format=%x1e%H%x1f%aI%x1f%an%x1f%ae%x1f%s"]
    specs = list(pathspecs)
    if specs:
        args += ["--", *specs]
    raw = run_git(root, args).decode("utf-8", "replace")
    return [parse_commit(record) for record in raw.split("\x1e") if record.strip("\0\n")]


def parse_commit(record: str) -> Commit:
    """One record of `log_changes`' output: header fields, NUL, then raw entries."""
    header, _, rest = record.partition("\0")
    fields = header.split("\x1f")
    fields += [""] * (5 - len(fields))
    tokens = rest.lstrip("\n").split("\0")
    changes: list[FileChange] = []
    k = 0
    while k < len(tokens):
        meta = tokens[k].lstrip("\n")
        if not meta.startswith(":"):
            k += 1
            continue
        _, _, old_blob, new_blob, status = meta[1:].split(" ")
        paths = 2 if status[:1] in "RC" else 1
        old_path, new_path = tokens[k + 1], tokens[k + paths]
        changes.append(FileChange(status[:1], old_path, new_path, _blob(old_blob), _blob(new_blob)))
        k += 1 + paths
    author, email, message = (without_forbidden(f) for f in fields[2:5])  # (shown on history pages as they are)
    return Commit(fields[0], fields[1], author, email, message, tuple(changes))


def _blob(value: str) -> str:
    return "" if value == _ZERO else value


def read_blobs(root: Path, ids: Iterable[str]) -> dict[str, bytes]:
    """The content of every blob id given, through one `git cat-file --batch` process."""
    wanted = list(dict.fromkeys(i for i in ids if i))
    if not wanted:
        return {}
    try:
        proc = subprocess.Popen(["git", "cat-file", "--batch"], cwd=root, stdin=subprocess.PIPE,
                                stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, env={**os.environ, **_ENV})
    except FileNotFoundError:
        raise _missing(root) from None
    assert proc.stdin is not None and proc.stdout is not None
    feeder = threading.Thread(target=_feed, args=(proc.stdin, wanted), daemon=True)
    feeder.start()
    out: dict[str, bytes] = {}
    try:
        for blob in wanted:
            header = proc.stdout.readline().split()
            if len(header) != 3:
                continue  # "<id> missing": absent from a shallow or partial clone
            size = int(header[2])
            out[blob] = proc.stdout.read(size)
            proc.stdout.read(1)
    finally:
        feeder.join()
        proc.stdout.close()
        proc.wait()
    return out


def _feed(stdin: IO[bytes], ids: list[str]) -> None:
    try:
        stdin.write("".join(i + "\n" for i in ids).encode())
    except BrokenPipeError:
        pass
    finally:
        try:
            stdin.close()
        except BrokenPipeError:
            pass
