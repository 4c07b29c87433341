"""One parsed plan file as the build cache keeps it: in memory (`Entry`) and as its line of
`.plangen-cache/build.jsonl` (cache.py reads and writes the file).

A line is `<sha256 of the rest> [path, entry]<tab><plan>`: the entry holds the file's hash, kind,
slug and its place, problems, summary print, `plan:` links and the plan's header (the fields the
checks across plans read); the plan's own JSON, most of the line, is read only when the plan is
used (plancodec.plan_from_json_on_use; docs/architecture.md, "A plan read back from
`build.jsonl`"). A line is made where the file is parsed, in a parse worker too, and saved as it is.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
from dataclasses import dataclass, replace
from typing import Any

from .crosscheck import linked
from .model import Plan
from .plancodec import plan_from_json_on_use, plan_head_json, plan_json
from .prints import digest
from .problems import Problem, as_dict, from_dict
from .project import Parsed, parse_source
from .sources import Source
from .store import compact_json
from .summary import summary_print


@dataclass(slots=True)
class Entry:
    """A parsed file as the cache keeps it: no data, and of the marks only the slug's."""

    hash: str
    parsed: Parsed
    text: str = ""  # the text parsed, when it came from this process (compared by identity: no hashing)
    line: str = ""  # its line of the saved cache, as loaded or as a parse worker made it: saved as it is
    summary: str = ""  # the plan's summary print (summary.py), made when it was parsed
    links: tuple[str, ...] = ()  # the slugs its bodies link to with `plan:` (crosscheck.py), made when it was parsed


def parse_entry(source: Source) -> Entry:
    """parse_source, keeping what the cache keeps of a parsed file (as `_from_worker` does of one
    parsed by a worker): the model, the problems and the slug's mark, and its line of the saved
    cache (made here, where parsing is shared among processes, rather than when the cache is saved)."""
    parsed = parse_source(source)
    entry = Entry(digest(source.path, source.kind, source.text),
                   _cache_entry(source, parsed.plan, parsed.problems, parsed.slug, _slug_mark(parsed)),
                   summary=summary_print(parsed.plan) if parsed.plan is not None else "",
                   links=linked(parsed.plan) if parsed.plan is not None else ())
    with contextlib.suppress(TypeError):  # a plan whose values do not fit the model's types: never saved
        entry.line = entry_line(source.path, _parsed_to_json(entry))
    return entry


def _slug_mark(parsed: Parsed) -> tuple[int, int] | None:
    mark = parsed.marks.get(("slug",))
    return (mark[0], mark[1]) if mark else None


def _cache_entry(source: Source, plan: Plan | None, problems: tuple[Problem, ...], slug: str,
          mark: tuple[int, int] | None) -> Parsed:
    """What the cache keeps of a parsed file: no data, and of the marks only the slug's."""
    return Parsed(source, plan, None, {("slug",): mark} if mark else {}, problems, slug)


def checked(line: str) -> tuple[str, dict[str, Any], str] | None:
    """A saved entry (see `entry_line`) when its check holds: its path, the rest of its entry, and
    its plan as JSON text, not read yet."""
    check, _, rest = line.rstrip("\n").partition(" ")
    if hashlib.sha256(rest.encode("utf-8")).hexdigest() != check:
        return None
    return entry_parts(rest)


def entry_parts(rest: str) -> tuple[str, dict[str, Any], str]:
    head, tab, plan = rest.partition("\t")
    path, item = json.loads(head)
    if not tab or not isinstance(path, str) or not isinstance(item, dict):
        raise TypeError("a cache entry is a path, an object and a plan")
    return path, item, plan


def entry_line(path: str, item: dict[str, Any]) -> str:
    """`<sha256 of the rest> [path, the entry but its plan]<tab><the plan>`: most of a line is its
    plan, which a build reads only when the plan is used (a tab is never within compact JSON)."""
    rest = compact_json([path, {k: v for k, v in item.items() if k != "plan"}]) + "\t" + compact_json(item["plan"])
    return f"{hashlib.sha256(rest.encode('utf-8')).hexdigest()} {rest}\n"


def _parsed_to_json(entry: Entry) -> dict[str, Any]:
    p = entry.parsed
    mark = p.marks.get(("slug",))
    return {
        "hash": entry.hash,
        "kind": p.source.kind,
        "plan": plan_json(p.plan) if p.plan else None,
        "head": plan_head_json(p.plan) if p.plan else None,
        "slug": p.slug,
        "slug_mark": list(mark) if mark else None,
        "problems": [as_dict(x) for x in p.problems],
        "summary": entry.summary,
        "links": list(entry.links),
    }


def _summary_of(item: dict[str, Any]) -> str:
    return str(item["summary"])


def _links_of(item: dict[str, Any]) -> tuple[str, ...]:
    links = item["links"]
    if type(links) is not list or not all(type(slug) is str for slug in links):
        raise TypeError("a cached plan's links are slugs")
    return tuple(links)


def _parsed_from_json(path: str, item: dict[str, Any], plan_text: str, shared: dict[Any, Any]) -> Parsed:
    kind = item["kind"]
    if not isinstance(path, str) or kind not in ("yaml", "markdown") or not isinstance(item["slug"], str):
        raise TypeError("a cached plan's path, kind and slug are text")
    source = Source(path, "", "yaml" if kind == "yaml" else "markdown")  # the text itself is read from disk on every build
    problems = tuple(from_dict(x) for x in item["problems"])
    plan = plan_from_json_on_use(item["head"], plan_text, shared) if item["head"] is not None else None
    if plan is not None and (plan.source, plan.kind) != (path, kind):
        raise ValueError("a cached plan names another file")
    mark = item["slug_mark"]
    return _cache_entry(source, plan, problems, str(item["slug"]), (int(mark[0]), int(mark[1])) if mark else None)


def entry_from(path: str, item: dict[str, Any], plan_text: str, shared: dict[Any, Any], line: str,
               source: Source | None = None) -> Entry:
    """The entry of a line (as `checked` or `entry_parts` split it); `source`: the file as read now."""
    parsed = _parsed_from_json(path, item, plan_text, shared)
    return Entry(item["hash"], parsed if source is None else replace(parsed, source=source), line=line,
                 summary=_summary_of(item), links=_links_of(item))


def line_of(path: str, entry: Entry) -> str:
    """The entry's line, as made when it was parsed or read; TypeError when the plan's values do not fit
    the model's types (such a plan is parsed again next time)."""
    return entry.line or entry_line(path, _parsed_to_json(entry))
