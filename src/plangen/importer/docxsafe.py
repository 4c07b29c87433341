"""A Word document read within a memory bound, and every malformed one turned into one message.

A .docx is a zip package. Its sizes are checked before anything is unpacked: the sizes the
package declares for its parts (in total and for each), and how much each part claims to grow
(a "zip bomb" of 1 MB can unpack to gigabytes). Each part is then streamed with a cap, so a part
that unpacks to more than it declared stops being read at once. Only then is the document parsed;
any error of the zip or XML layers, or of python-docx reading a broken structure, becomes the
importer's `Unreadable` error with one message for malformed documents.
"""

from __future__ import annotations

import io
import zipfile
import zlib
from collections.abc import Callable
from typing import TypeVar

from .hanzi import MissingExtra
from .reading import Unreadable

MAX_PART = 32 * 1024 * 1024  # one part (document.xml, an image) unpacked
MAX_TOTAL = 128 * 1024 * 1024  # the whole package unpacked
MAX_RATIO = 200  # unpacked / packed, for a part over 1 MB (real Word XML packs about 10:1)
MAX_PARTS = 10_000
_RATIO_FROM = 1024 * 1024
_CHUNK = 1 << 16
MALFORMED = "not a readable .docx file: the Word document is damaged or malformed"

T = TypeVar("T")


def check_package(data: bytes) -> None:
    """Raise Unreadable unless `data` is a zip package within every bound (sizes first, then each
    part streamed and counted); MissingExtra first when python-docx is not installed."""
    try:
        import docx  # noqa: F401  (only whether it is there)
    except ImportError as exc:
        raise MissingExtra("reading .docx needs python-docx: pip install 'plangen[docx]'") from exc
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as package:
            infos = package.infolist()
            _check_declared(infos)
            for info in infos:
                _stream(package, info)
    except Unreadable:
        raise
    except (zipfile.BadZipFile, zipfile.LargeZipFile, zlib.error, EOFError, OSError, ValueError,
            NotImplementedError, RuntimeError) as exc:
        raise Unreadable(f"{MALFORMED} ({_short(exc)})") from None


def _check_declared(infos: list[zipfile.ZipInfo]) -> None:
    if len(infos) > MAX_PARTS:
        raise Unreadable(f"not a readable .docx file: it holds {len(infos):,} parts (at most {MAX_PARTS:,})")
    total = 0
    for info in infos:
        total += info.file_size
        if info.file_size > MAX_PART:
            raise Unreadable(f"not a readable .docx file: its part {info.filename!r} unpacks to "
                             f"{info.file_size:,} bytes (at most {MAX_PART:,})")
        if info.file_size > _RATIO_FROM and info.file_size > MAX_RATIO * max(info.compress_size, 1):
            raise Unreadable(f"not a readable .docx file: its part {info.filename!r} unpacks to "
                             f"{info.file_size // max(info.compress_size, 1):,} times its packed size "
                             "(a compression bomb?)")
    if total > MAX_TOTAL:
        raise Unreadable(f"not a readable .docx file: it unpacks to {total:,} bytes (at most {MAX_TOTAL:,})")


def _stream(package: zipfile.ZipFile, info: zipfile.ZipInfo) -> None:
    """Read one part to its end in chunks, never past what it declared (zipfile checks its CRC)."""
    got = 0
    with package.open(info) as part:
        while chunk := part.read(_CHUNK):
            got += len(chunk)
            if got > info.file_size:
                raise Unreadable(f"{MALFORMED} (part {info.filename!r} unpacks to more than it declares)")


def guarded(read: Callable[[], T]) -> T:
    """`read()` (python-docx at work), with any error of a malformed document as Unreadable."""
    try:
        return read()
    except (Unreadable, MemoryError):
        raise
    except SyntaxError as exc:  # lxml's XMLSyntaxError is one
        raise Unreadable(f"{MALFORMED} (its XML is broken: {_short(exc)})") from None
    except (zipfile.BadZipFile, zlib.error, EOFError, KeyError, ValueError, TypeError, AttributeError,
            IndexError, NotImplementedError, RuntimeError, OSError) as exc:
        raise Unreadable(f"{MALFORMED} ({_short(exc)})") from None


def _short(exc: BaseException) -> str:
    text = str(exc) or type(exc).__name__
    return text if len(text) <= 160 else text[:157] + "…"
