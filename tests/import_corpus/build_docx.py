"""Build a Word document from a block-by-block description (the corpus's NAME.docx.yaml files).

Blocks: {title: text} Word's Title style; {h1: text} … {h3: text} Heading 1–3; {p: text} a plain
paragraph; {bold: text} a bold plain paragraph (a heading in a file without heading styles);
{right: text} a right-aligned paragraph (a signature line); {item: text} a paragraph Word numbers
itself (List Number style, no number in the text); {n1: text} / {n2: text} Heading 1 / 2 numbered
by Word as 一、 / （一） (the number not in the text); {page: true} a page break;
{table: [[header…], [row…], …]} a table.
"""

from __future__ import annotations

import io
from typing import Any


def build_docx(blocks: list[dict[str, Any]]) -> bytes:
    import docx
    from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_BREAK

    document = docx.Document()
    for block in blocks:
        (kind, value), = block.items()
        if kind == "title":
            document.add_paragraph(str(value), style="Title")
        elif kind in ("h1", "h2", "h3"):
            document.add_heading(str(value), level=int(kind[1]))
        elif kind == "p":
            document.add_paragraph(str(value))
        elif kind == "bold":
            document.add_paragraph().add_run(str(value)).bold = True
        elif kind in ("n1", "n2"):
            level = int(kind[1]) - 1
            heading = document.add_heading(str(value), level=level + 1)
            _number(document, heading, level)
        elif kind == "item":
            document.add_paragraph(str(value), style="List Number")
        elif kind == "right":
            document.add_paragraph(str(value)).alignment = WD_ALIGN_PARAGRAPH.RIGHT
        elif kind == "page":
            document.add_paragraph().add_run().add_break(WD_BREAK.PAGE)
        elif kind == "table":
            rows = [[str(c) for c in row] for row in value]
            table = document.add_table(rows=len(rows), cols=len(rows[0]))
            for r, row in enumerate(rows):
                for c, text in enumerate(row):
                    table.cell(r, c).text = text
        else:
            raise ValueError(f"unknown block {kind}")
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


_W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
_NUM_ID = "90"


def _number(document: Any, paragraph: Any, level: int) -> None:
    """Word's own numbering on a paragraph: level 0 as 一、, level 1 as （一） (defined once per document)."""
    from docx.oxml import parse_xml

    root = document.part.numbering_part.element
    if not any(n.get(f"{{{_W}}}numId") == _NUM_ID for n in root.iter(f"{{{_W}}}num")):
        root.insert(0, parse_xml(
            f'<w:abstractNum xmlns:w="{_W}" w:abstractNumId="{_NUM_ID}">'
            '<w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/><w:lvlText w:val="%1、"/></w:lvl>'
            '<w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/><w:lvlText w:val="（%2）"/></w:lvl>'
            '</w:abstractNum>'))
        root.append(parse_xml(f'<w:num xmlns:w="{_W}" w:numId="{_NUM_ID}"><w:abstractNumId w:val="{_NUM_ID}"/></w:num>'))
    ppr = paragraph._p.get_or_add_pPr()
    ppr.append(parse_xml(f'<w:numPr xmlns:w="{_W}"><w:ilvl w:val="{level}"/><w:numId w:val="{_NUM_ID}"/></w:numPr>'))
