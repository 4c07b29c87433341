"""Word documents that are bombs or broken: `plangen import` reads them within a memory bound and
answers every malformed one with one message, never a traceback."""

from __future__ import annotations

import functools
import io
import zipfile
from collections.abc import Callable
from pathlib import Path

import pytest
from hostile_helpers import no_traceback, plangen

docx = pytest.importorskip("docx")

from plangen.importer.reading import Unreadable, read_input

MALFORMED = "not a readable .docx file"


def _document() -> bytes:
    doc = docx.Document()
    doc.add_paragraph("测试小学结对帮扶工作方案", style="Title")
    doc.add_paragraph("一、指导思想")
    doc.add_paragraph("以促进城乡教育均衡发展为目标。")
    out = io.BytesIO()
    doc.save(out)
    return out.getvalue()


def _rewritten(change: Callable[[str, bytes], bytes | None]) -> bytes:
    """The document with each part passed through `change` (None drops the part)."""
    source = zipfile.ZipFile(io.BytesIO(_document()))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as package:
        for info in source.infolist():
            data = change(info.filename, source.read(info.filename))
            if data is not None:
                package.writestr(info.filename, data)
    return out.getvalue()


def _body(extra: bytes) -> Callable[[str, bytes], bytes]:
    def change(name: str, data: bytes) -> bytes:
        return data.replace(b"<w:body>", b"<w:body>" + extra) if name == "word/document.xml" else data
    return change


def _broken_xml(name: str, data: bytes) -> bytes:
    return data[: len(data) // 2] if name == "word/document.xml" else data


def _broken_styles(name: str, data: bytes) -> bytes:
    return b"<w:styles><oops" if name == "word/styles.xml" else data


def _no_document(name: str, data: bytes) -> bytes | None:
    return None if name == "word/document.xml" else data


def _lying_sizes(data: bytes) -> bytes:
    """The central directory says document.xml unpacks to 100 bytes: it unpacks to more."""
    at = 0
    while (at := data.find(b"PK\x01\x02", at + 1)) >= 0:  # central directory entries
        name_length = int.from_bytes(data[at + 28:at + 30], "little")
        if data[at + 46:at + 46 + name_length] == b"word/document.xml":
            return data[:at + 24] + (100).to_bytes(4, "little") + data[at + 28:]  # its uncompressed size
    raise AssertionError("no entry for word/document.xml")


@functools.cache
def _bomb() -> bytes:
    """65 kB of packed text that unpacks to 64 MB: a compression bomb (sizes declared truthfully)."""
    return _rewritten(_body(b"<w:p><w:r><w:t>" + b" " * (64 * 1024 * 1024) + b"</w:t></w:r></w:p>"))


def _wide() -> bytes:
    """A part whose unpacking ratio is ordinary for XML bloat but over any plan: 3 MB of spaces."""
    return _rewritten(_body(b"<w:p><w:r><w:t>" + b" " * (3 * 1024 * 1024) + b"</w:t></w:r></w:p>"))


CASES: dict[str, Callable[[], bytes]] = {
    "bomb": _bomb,
    "ratio": _wide,
    "broken-xml": lambda: _rewritten(_broken_xml),
    "broken-styles": lambda: _rewritten(_broken_styles),
    "no-document-part": lambda: _rewritten(_no_document),
    "lying-sizes": lambda: _lying_sizes(_document()),
    "truncated": lambda: _document()[:-200],
    "not-zip-inside": lambda: b"PK\x03\x04" + b"\x00" * 200,
}


@pytest.mark.parametrize("case", sorted(CASES))
def test_a_malformed_or_bomb_docx_is_one_message(tmp_path: Path, case: str) -> None:
    source = tmp_path / "a.docx"
    source.write_bytes(CASES[case]())
    with pytest.raises(Unreadable) as caught:
        read_input(source)
    assert str(caught.value).startswith(MALFORMED)
    assert len(str(caught.value)) < 300


@pytest.mark.parametrize("case", ["bomb", "broken-xml", "lying-sizes"])
def test_import_of_a_malformed_docx_exits_with_the_message(tmp_path: Path, case: str) -> None:
    source = tmp_path / "a.docx"
    source.write_bytes(CASES[case]())
    run = plangen("import", str(source), "-o", str(tmp_path / "plans"), cwd=tmp_path)
    assert run.code not in (0, None) and no_traceback(run), run
    assert MALFORMED in run.err
    assert not (tmp_path / "plans").exists() or not any((tmp_path / "plans").iterdir())


def test_a_good_docx_still_imports(tmp_path: Path) -> None:
    source = tmp_path / "a.docx"
    source.write_bytes(_document())
    assert "以促进城乡教育均衡发展为目标。" in read_input(source).text


def test_a_text_to_import_with_a_control_character_is_refused_with_its_place(tmp_path: Path) -> None:
    source = tmp_path / "a.txt"
    source.write_text("一、指导思想\n以促进\x1b[2J城乡\n", encoding="utf-8")
    with pytest.raises(Unreadable, match=r"line 2, column 4: U\+001B"):
        read_input(source)


def test_word_line_and_page_breaks_in_a_text_to_import_are_line_breaks(tmp_path: Path) -> None:
    source = tmp_path / "a.txt"
    source.write_text("一、指导思想\x0b以促进城乡\x0c二、工作要求\n", encoding="utf-8")
    assert read_input(source).text == "一、指导思想\n以促进城乡\n二、工作要求\n"
