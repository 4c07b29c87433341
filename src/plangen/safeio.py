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

from .wording import Wording, msg

_CHUNK = 1 << 20


class Refused(Exception):
    """A file that is not read; `said` says why, for a message (`code` names the kind)."""

    def __init__(self, said: Wording, code: str) -> None:
        super().__init__(said.message)
        self.said = said
        self.code = code

    @property
    def reason(self) -> str:
        """Why, in English (the importer's and diff's notes)."""
        return self.said.message


def kind_of_entry(mode: int) -> Wording:
    """What a non-regular entry is, in words."""
    if stat.S_ISDIR(mode):
        return msg("word.folder")
    if stat.S_ISFIFO(mode):
        return msg("word.fifo")
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return msg("word.device")
    if stat.S_ISSOCK(mode):
        return msg("word.socket")
    return msg("word.special")


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
            raise Refused(msg("file.not-regular", kind=kind_of_entry(st.st_mode)), "not-regular")
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
    if at_least:
        return Refused(msg("file.too-large-at-least", limit=f"{limit:,}"), "too-large")
    return Refused(msg("file.too-large", size=f"{size:,}", limit=f"{limit:,}"), "too-large")


def _refusal(exc: OSError) -> Refused:
    if exc.errno == errno.ELOOP:
        return Refused(msg("file.symlink-loop"), "symlink-loop")
    if exc.errno == errno.ENOENT:
        return Refused(msg("file.missing"), "unreadable")
    if exc.errno in (errno.ENXIO, errno.ENODEV):
        return Refused(msg("file.device"), "not-regular")
    return Refused(msg("file.unreadable", why=exc.strerror or exc), "unreadable")
