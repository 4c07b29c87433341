"""Plan data -> the text of a YAML plan or a Markdown plan. Pure.

YAML is written by hand, in a deliberately small style that always reads back the same: every
string double-quoted (JSON escapes, which YAML accepts), long texts as literal blocks (`|-`),
nothing that YAML 1.1 could turn into a boolean, number or date. The Markdown plan keeps the
structured fields (leadership, steps, period, basis…) in its front matter and writes the prose
parts as `##` sections, which the Markdown loader recognises with the same synonym table.
"""

from __future__ import annotations

import json
import re
from typing import Any

from ..markdown_plan import load_markdown
from ..vocabulary import ITEM_PARTS, TOP_LABELS, recognise_heading, strip_numbering

_NOT_IN_BLOCK = re.compile(r"[^\t\n\x20-\x7e\xa0-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]|[\u2028\u2029\ufeff]|\r")
_ESCAPE = re.compile(r"[\x7f-\x9f\u2028\u2029\ufeff\ufffe\uffff]")
_MD_UNSAFE = re.compile(r"^(?:#|---|\.\.\.|```|~~~|[-*+]\s|\d{1,3}[.)、]\s)", re.MULTILINE)


def quote(text: str) -> str:
    """A YAML double-quoted scalar that reads back as `text`."""
    dumped = json.dumps(text, ensure_ascii=False)
    return _ESCAPE.sub(lambda m: f"\\u{ord(m.group(0)):04x}", dumped)


def _scalar(text: str, indent: int) -> list[str]:
    if "\n" not in text or _NOT_IN_BLOCK.search(text) or text != text.rstrip() or text.startswith((" ", "\t")):
        return [quote(text)]
    pad = " " * (indent + 2)
    return ["|-"] + [(pad + line) if line else "" for line in text.split("\n")]


def _emit(value: Any, indent: int) -> list[str]:
    """Lines of `value` placed after 'key:' (the first line continues that line)."""
    if isinstance(value, str):
        return _scalar(value, indent)
    if isinstance(value, dict):
        if not value:
            return ["{}"]
        return [""] + _mapping(value, indent + 2)
    if isinstance(value, list):
        if not value:
            return ["[]"]
        return [""] + _sequence(value, indent + 2)
    return [quote(str(value))]


def _mapping(data: dict[str, Any], indent: int) -> list[str]:
    out: list[str] = []
    pad = " " * indent
    for k, v in data.items():
        first, *rest = _emit(v, indent)
        out.append(f"{pad}{quote(k) if not re.fullmatch(r'[a-z_]+', k) else k}:" + (f" {first}" if first else ""))
        out.extend(rest)
    return out


def _sequence(items: list[Any], indent: int) -> list[str]:
    out: list[str] = []
    pad = " " * indent
    for item in items:
        if isinstance(item, dict) and item:
            lines = _mapping(item, indent + 2)
            out.append(pad + "- " + lines[0].lstrip())
            out.extend(lines[1:])
        else:
            first, *rest = _emit(item, indent)
            out.append(f"{pad}- {first}".rstrip())
            out.extend(rest)
    return out


def to_yaml(data: dict[str, Any]) -> str:
    return "\n".join(_mapping(data, 0)) + "\n"


def to_markdown(data: dict[str, Any]) -> str:
    """Front matter for structured fields, `# title`, the preamble, then one `##` per prose part."""
    body_keys = [k for k in ITEM_PARTS if k in data and _reads_back(k, data[k])]
    sections = data.get("sections", [])
    in_body = bool(sections) and all(_section_ok(s) for s in sections) and _sections_read_back(sections)
    written, front = _split_headings(data, body_keys, in_body)
    out = ["---", to_yaml(front).rstrip("\n"), "---", f"# {data.get('title', '')}", ""]  # (no title: check says so)
    if "preamble" in body_keys:
        out += [_part_text(data["preamble"]), ""]
    for k in body_keys:
        if k != "preamble":
            out += [f"## {written.get(k) or TOP_LABELS[k]}", "", _part_text(data[k]), ""]
    if in_body:
        for s in sections:
            out += [f"## {s.get('heading') or s['title']}", ""] + ([s["body"], ""] if s.get("body") else [])
    return "\n".join(out).rstrip("\n") + "\n"


def _split_headings(data: dict[str, Any], body_keys: list[str], in_body: bool) -> tuple[dict[str, str],
                                                                                       dict[str, Any]]:
    """(headings written as the parts' `##` lines, the front matter with the other headings)."""
    headings = data.get("headings") or {}
    written = {k: headings[k] for k in body_keys if k in headings and _heading_ok(headings[k], k)}
    front = {k: v for k, v in data.items() if k not in ("title", "headings") and k not in body_keys
             and not (k == "sections" and in_body)}
    rest = {k: v for k, v in headings.items() if k not in written}
    if rest:
        front["headings"] = rest
    return written, front


def _heading_ok(heading: str, key: str) -> bool:
    """A heading written as `## …` that the Markdown loader recognises as the same part."""
    return "\n" not in heading and "#" not in heading and recognise_heading(heading) == key


def _reads_back(key: str, value: Any) -> bool:
    """The part, written as Markdown, loads back as the same value (else it goes to the front matter)."""
    if not _md_safe(value):
        return False
    head = "" if key == "preamble" else f"## {TOP_LABELS[key]}\n\n"
    got = load_markdown(f"# T\n\n{head}{_part_text(value)}\n", "check.md").data
    return isinstance(got, dict) and got.get(key) == value


def _sections_read_back(sections: list[dict[str, Any]]) -> bool:
    body = "".join(f"## {s.get('heading') or s['title']}\n\n" + (f"{s['body']}\n\n" if s.get("body") else "")
                   for s in sections)
    got = load_markdown(f"# T\n\n{body}", "check.md").data
    return isinstance(got, dict) and got.get("sections") == sections


def _section_ok(section: dict[str, Any]) -> bool:
    title = section.get("title", "")
    heading = section.get("heading", title)
    return (set(section) <= {"title", "heading", "body"} and recognise_heading(title) is None and "\n" not in title
            and strip_numbering(heading) == title and "\n" not in heading
            and "#" not in title and title == title.strip() and _md_safe(section.get("body", "x")))


def _md_safe(value: Any) -> bool:
    """A part the Markdown loader reads back as written: plain paragraphs, or titled items."""
    if isinstance(value, str):
        return bool(value.strip()) and not _MD_UNSAFE.search(value) and value.splitlines() == value.split("\n")
    if isinstance(value, list) and value:
        return all(_md_title_ok(i) if isinstance(i, str) else
                   (isinstance(i, dict) and set(i) == {"title", "body"} and _md_title_ok(i["title"])
                    and _md_safe(i["body"])) for i in value)
    return False


def _md_title_ok(title: str) -> bool:
    return (bool(title.strip()) and len(title) <= 20 and "\n" not in title and not re.search(r"[。：:#*]", title)
            and strip_numbering(title) == title)


def _part_text(value: Any) -> str:
    if isinstance(value, str):
        return value
    blocks = []
    for item in value:
        if isinstance(item, str):
            blocks.append(f"### {item}")
        else:
            blocks.append(f"### {item['title']}\n\n{item['body']}")
    return "\n\n".join(blocks)
