"""The shell's input side: a file's bytes -> text (encoding detected), or why it cannot be read.

Plain text in UTF-8 (with or without BOM), UTF-16 with BOM, or GB18030/GBK (which also covers
GB2312); Markdown is read the same way; `.docx` through python-docx, an optional extra.
"""

from __future__ import annotations

import io
import os
import zipfile
from dataclasses import dataclass
from pathlib import Path

from .. import codepoints
from ..safeio import Refused, read_regular
from .hanzi import MissingExtra

MAX_BYTES = 20 * 1024 * 1024


@dataclass(frozen=True, slots=True)
class Input:
    text: str
    encoding: str


class Unreadable(Exception):
    """The input cannot be imported; the message says why, for the user."""


def read_input(path: Path, encoding: str | None = None) -> Input:
    """Text of a .txt/.md/.docx file. Raises Unreadable, or MissingExtra for .docx without python-docx."""
    if not os.path.lexists(path):
        raise Unreadable("no such file")
    if path.is_dir():
        raise Unreadable("is a folder, not a file")
    try:  # a regular file only, never more than the limit whatever its size claims (FIFOs, /dev/zero)
        data = read_regular(path, MAX_BYTES)
    except Refused as refused:
        raise Unreadable(refused.reason.replace("over the limit", "over the import limit")) from None
    if path.suffix.lower() == ".docx" or data[:4] == b"PK\x03\x04":
        from . import docxsafe  # (it imports this module)

        docxsafe.check_package(data)
        return Input(docxsafe.guarded(lambda: docx_text(data)), "docx")
    found = decode(data, encoding)
    if not found.text.strip():
        raise Unreadable("file is empty")
    text = found.text.translate(codepoints.LINE_BREAKS)  # (Word's line and page breaks)
    forbidden = codepoints.first_forbidden(text)
    if forbidden:  # refused as `plangen check` refuses it in a plan (docs/plan-format.md, "Characters")
        raise Unreadable(f"{forbidden}: a character that plans cannot hold (delete it, then import again)")
    return Input(text, found.encoding)


def decode(data: bytes, encoding: str | None = None) -> Input:
    """UTF-8, UTF-16 (BOM) or GB18030, detected; `encoding` forces one."""
    if encoding:
        try:
            return Input(data.decode(encoding).removeprefix("\ufeff"), encoding)
        except (UnicodeDecodeError, LookupError) as exc:
            raise Unreadable(f"cannot decode as {encoding}: {exc}") from exc
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return Input(data.decode("utf-16"), "utf-16")
    if b"\x00" in data[:8192]:
        raise Unreadable("binary file, not text (import reads .txt, .md and .docx)")
    try:
        return Input(data.decode("utf-8").removeprefix("\ufeff"), "utf-8")
    except UnicodeDecodeError:
        pass
    try:
        text = data.decode("gb18030")
    except UnicodeDecodeError as exc:
        raise Unreadable("neither UTF-8 nor GB18030/GBK text; name the encoding with --encoding") from exc
    han = sum(1 for ch in text if "\u4e00" <= ch <= "\u9fff")
    if han < max(1, len(text) // 20):
        raise Unreadable("not UTF-8, and not Chinese text in GB18030/GBK; name the encoding with --encoding")
    return Input(text, "gb18030")


def docx_text(data: bytes) -> str:
    """Paragraphs and table rows of a Word document, in order, one per line."""
    try:
        import docx
        from docx.table import Table
        from docx.text.paragraph import Paragraph
    except ImportError as exc:
        raise MissingExtra("reading .docx needs python-docx: pip install 'plangen[docx]'") from exc
    from docx.opc.exceptions import PackageNotFoundError
    try:
        document = docx.Document(io.BytesIO(data))
    except ValueError as exc:  # another Office format (.xlsx, .pptx)
        raise Unreadable("not a readable .docx file: a zip package, but not a Word document") from exc
    except (zipfile.BadZipFile, KeyError, PackageNotFoundError) as exc:
        raise Unreadable(f"not a readable .docx file ({exc})") from exc
    lines: list[str] = []
    for child in document.element.body.iterchildren():
        tag = child.tag.rsplit("}", 1)[-1]
        if tag == "p":
            paragraph = Paragraph(child, document)
            lines.append(_marked(paragraph.text, paragraph.style.name if paragraph.style else ""))
        elif tag == "tbl":
            rows = Table(child, document).rows
            lines.extend("\t".join(cell.text.strip() for cell in row.cells) for row in rows)
    text = "\n".join(lines)
    if not text.strip():
        raise Unreadable("the .docx file holds no text")
    return text


def _marked(text: str, style: str) -> str:
    """Word's Title and Heading styles become Markdown headings, so their level is kept."""
    if not text.strip():
        return text
    name = style.lower()
    if name in ("title", "标题"):
        return "# " + text.strip()
    for prefix in ("heading ", "标题 "):
        if name.startswith(prefix) and name[len(prefix):].isdigit():
            return "#" * min(6, int(name[len(prefix):]) + 1) + " " + text.strip()
    return text
