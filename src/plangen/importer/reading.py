"""The shell's input side: a file's bytes -> text (encoding detected), or why it cannot be read.

Plain text in UTF-8 (with or without BOM), UTF-16 with BOM, or GB18030/GBK (which also covers
GB2312); Markdown is read the same way; `.docx` through python-docx, an optional extra.
"""

from __future__ import annotations

import io
import os
import re
import zipfile
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from .. import codepoints
from ..plantables import pipe_text
from ..safeio import Refused, read_regular
from .hanzi import MissingExtra
from .wordnumbers import Counters

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
    if path.suffix.lower() in (".doc", ".wps") or data[:8] == b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1":
        raise Unreadable(
            "a legacy Word or WPS document (.doc/.wps): plangen reads .docx only, as no well-kept library "
            "reads the old binary format; convert it first, e.g. "
            f"`libreoffice --headless --convert-to docx '{path.name}'` (Debian package libreoffice-writer), "
            "or save it as .docx from Word or WPS, then import the .docx")
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


PAGE_BREAK = "<<分页>>"  # a page break of a Word document, as a line of its own; read by splitting


def docx_text(data: bytes) -> str:
    """Paragraphs and tables of a Word document, in order, as the importer's intermediate text."""
    try:
        import docx
    except ImportError as exc:
        raise MissingExtra("reading .docx needs python-docx: pip install 'plangen[docx]'") from exc
    from docx.opc.exceptions import PackageNotFoundError
    try:
        document = docx.Document(io.BytesIO(data))
    except ValueError as exc:  # another Office format (.xlsx, .pptx)
        raise Unreadable("not a readable .docx file: a zip package, but not a Word document") from exc
    except (zipfile.BadZipFile, KeyError, PackageNotFoundError) as exc:
        raise Unreadable(f"not a readable .docx file ({exc})") from exc
    text = "\n".join(document_lines(document))
    if not text.replace(PAGE_BREAK, "").strip():
        raise Unreadable("the .docx file holds no text")
    return text


def document_lines(document: Any) -> list[str]:
    """A python-docx Document as lines: headings as Markdown headings, tables as pipe rows, page breaks marked."""
    from docx.table import Table
    from docx.text.paragraph import Paragraph

    blocks: list[Any] = []
    for child in document.element.body.iterchildren():
        tag = child.tag.rsplit("}", 1)[-1]
        if tag == "p":
            blocks.append(Paragraph(child, document))
        elif tag == "tbl":
            blocks.append(Table(child, document))
    styles = _Styles()
    styled_blocks = [(b, styles.of(b) if isinstance(b, Paragraph) else None) for b in blocks]
    styled = any(_style_level(style) is not None for b, style in styled_blocks if isinstance(b, Paragraph))
    counters = Counters(document)
    lines: list[str] = []
    for block, style in styled_blocks:
        if isinstance(block, Table):
            lines.extend(table_lines(block))
        else:
            lines.extend(paragraph_lines(block, style, styled, counters))
    return lines


class _Styles:
    """Each paragraph's style: the one it names, else the document's default, looked up once (python-docx finds
    the default by reading every style of the document, for each paragraph that names none)."""

    def __init__(self) -> None:
        self.default: Any = None
        self.found = False

    def of(self, paragraph: Any) -> Any:
        if paragraph._p.style is not None:
            return paragraph.style
        if not self.found:
            self.default, self.found = paragraph.style, True
        return self.default


def paragraph_lines(paragraph: Any, style: Any, styled: bool, counters: Counters) -> list[str]:
    """One paragraph: its text (a heading marked by its style, or by bold when the file has no styles),
    with the number Word draws before it, and a page-break line before or after it where Word breaks the page."""
    text = paragraph.text.strip()
    before, after = _page_breaks(paragraph)
    out = [PAGE_BREAK] if before else []
    if text:
        label = counters.label(paragraph, style)
        if label and not _NUMBERED_TEXT.match(text):
            text = label + text
        level = _style_level(style)
        if level is None and not styled and _bold_heading(paragraph, text):
            level = 1
        if level is not None:
            out.append("#" * min(6, level + 1) + " " + text)
        else:
            out.append(("- " + text) if _auto_numbered(paragraph, text, style) else text)
    if after:
        out.append(PAGE_BREAK)
    return out


def _style_level(style: Any) -> int | None:
    """0 for Word's Title style, N for Heading N (also the Chinese style names), else None."""
    name = (style.name if style is not None else "").lower()
    if name in ("title", "标题"):
        return 0
    for prefix in ("heading ", "标题 "):
        if name.startswith(prefix) and name[len(prefix):].isdigit():
            return int(name[len(prefix):])
    return None


_NUMBERED_TEXT = re.compile(r"^\s*(?:[（(]?[一二三四五六七八九十\d]{1,3}[)）、.．]|[①-⑳]|第)")


def _auto_numbered(paragraph: Any, text: str, style: Any) -> bool:
    """A paragraph Word numbers itself (a list style, or numbering in its properties), whose text has no number:
    an item of a list, written as `- ` so that the outline reader sees the item."""
    name = (style.name if style is not None else "").lower()
    numbered = name.startswith(("list number", "list bullet", "list paragraph")) or any(
        node.tag.endswith("}numPr") for node in paragraph._p.iter())
    return numbered and not _NUMBERED_TEXT.match(text)


def _bold_heading(paragraph: Any, text: str) -> bool:
    """A short paragraph all in bold, not ending like a sentence: a heading in a file without styles."""
    runs = [r for r in paragraph.runs if r.text.strip()]
    return bool(runs) and all(r.bold for r in runs) and len(text) <= 30 and not text.endswith(("。", "；", ";"))


def _page_breaks(paragraph: Any) -> tuple[bool, bool]:
    """(break before the text, break after it): explicit page breaks and page-breaking paragraph settings."""
    xml = paragraph._p
    breaks = [b for b in xml.iter() if b.tag.endswith("}br") and b.get(_W + "type") == "page"]
    before = any(p.tag.endswith("}pageBreakBefore") for p in xml.iter())
    if not breaks:
        return before, False
    text_after = False
    seen = False
    for node in xml.iter():
        if node in breaks:
            seen = True
        elif seen and node.tag.endswith("}t") and (node.text or "").strip():
            text_after = True
    return before or text_after, not text_after


_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


def table_lines(table: Any) -> list[str]:
    """A Word table as Markdown pipe rows (merged cells repeat their text, as Word shows them)."""
    rows = [tuple(cell.text.strip().replace("\n", " ") for cell in row.cells) for row in table.rows]
    rows = [r for r in rows if any(r)]
    if not rows:
        return []
    if len(rows[0]) == 1:  # a one-column table is a box of text
        return [r[0] for r in rows]
    return pipe_text(rows[0], rows[1:])
