"""Reading a file's bytes safely: only a regular file, never more than a limit, never a hang.

A name in a plans folder, a template folder or the registry setting may be a FIFO (opening it
for reading would wait for a writer forever), a device such as /dev/zero (endless), a symlink
loop, or a file that grows while it is read. `read_regular` opens without blocking, looks at
what it opened (not at the name, which may change in between), and reads at most `limit` bytes
whatever the file's size claims. Every refusal is a `Refused` with a sentence for the user.
"""

from __future__ import annotations

import errno
import os
import stat
from pathlib import Path

_CHUNK = 1 << 20


class Refused(Exception):
    """A file that is not read; `reason` says why, for a message (`code` names the kind)."""

    def __init__(self, reason: str, code: str) -> None:
        super().__init__(reason)
        self.reason = reason
        self.code = code


def kind_of_entry(mode: int) -> str:
    """What a non-regular entry is, in words."""
    if stat.S_ISDIR(mode):
        return "a folder"
    if stat.S_ISFIFO(mode):
        return "a named pipe (FIFO)"
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "a device"
    if stat.S_ISSOCK(mode):
        return "a socket"
    return "not a regular file"


def read_regular(path: Path | str, limit: int) -> bytes:
    """The bytes of the regular file at `path`, at most `limit` of them; else `Refused`."""
    flags = os.O_RDONLY | os.O_NONBLOCK | getattr(os, "O_CLOEXEC", 0) | getattr(os, "O_NOCTTY", 0)
    try:
        fd = os.open(path, flags)
    except OSError as exc:
        raise _refusal(exc) from None
    try:
        st = os.fstat(fd)
        if not stat.S_ISREG(st.st_mode):
            raise Refused(f"{kind_of_entry(st.st_mode)}, not a regular file; only regular files are read",
                          "not-regular")
        if st.st_size > limit:
            raise _too_large(st.st_size, limit)
        return _read_capped(fd, limit)
    except OSError as exc:
        raise _refusal(exc) from None
    finally:
        os.close(fd)


def _read_capped(fd: int, limit: int) -> bytes:
    """At most `limit` bytes; one more means the file is too large (it grew, or its size lied)."""
    chunks: list[bytes] = []
    got = 0
    while True:
        chunk = os.read(fd, min(_CHUNK, limit + 1 - got))
        if not chunk:
            return b"".join(chunks)
        chunks.append(chunk)
        got += len(chunk)
        if got > limit:
            raise _too_large(got, limit, at_least=True)


def _too_large(size: int, limit: int, at_least: bool = False) -> Refused:
    size_text = f"more than {limit:,}" if at_least else f"{size:,}"
    return Refused(f"file is {size_text} bytes, over the limit of {limit:,}", "too-large")


def _refusal(exc: OSError) -> Refused:
    if exc.errno == errno.ELOOP:
        return Refused("a symlink loop (the link leads back to itself)", "symlink-loop")
    if exc.errno == errno.ENOENT:
        return Refused("no such file (or a symlink to nothing)", "unreadable")
    if exc.errno in (errno.ENXIO, errno.ENODEV):
        return Refused("a device or socket, not a regular file; only regular files are read", "not-regular")
    return Refused(f"cannot read file: {exc.strerror or exc}", "unreadable")
