"""Build a Word document from a block-by-block description (the corpus's NAME.docx.yaml files).

Blocks: {title: text} Word's Title style; {h1: text} … {h3: text} Heading 1–3; {p: text} a plain
paragraph; {bold: text} a bold plain paragraph (a heading in a file without heading styles);
{right: text} a right-aligned paragraph (a signature line); {item: text} a paragraph Word numbers
itself (List Number style, no number in the text); {page: true} a page break;
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
