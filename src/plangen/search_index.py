"""The search index as files: a pure function of the searchable pages. See docs/search.md.

    search/meta.js       the number of shards, records and plans (records 0…plans-1, the others
                         after them), the filter values with their records
    search/s/<k>.js      postings of the keys whose hash is k: every character pair (and single
                         character) of the normalised text -> the records holding it, and those
                         whose title holds it
    search/d/<n>.js      record n: title, URL, kind, line, passages (excerpts and phrase checks)

Every file is a script that hands its data to `plangenSearch` (templates/assets/search.js), so
the index loads with <script> elements: from a server and from file:// alike, no fetch, no eval.
The content is sorted and the JSON written with sorted keys: the same pages give the same bytes,
and an edit to one plan changes its record and the shards of the pairs it gained or lost.

Normalisation (the same in search.js): each character on its own through NFKC and lower case;
letters and digits are kept, everything else dropped; CELL and passage ends are boundaries no
pair crosses.
"""

from __future__ import annotations

import functools
import json
import unicodedata
from collections import defaultdict
from collections.abc import Iterable
from typing import Any

from .search_docs import CELL, SearchDoc

FOLDER = "search"
META = f"{FOLDER}/meta.js"
FORMAT = 1
BOUNDARY = "\x00"  # in normalised text: a pair never spans it
SHARD_TARGET = 24 * 1024  # bytes of postings per shard, about
MIN_SHARDS, MAX_SHARDS = 8, 4096
_MASK32 = 0xFFFFFFFF


@functools.cache
def _table() -> dict[int, str]:
    """Normalised form of every BMP character (str.translate table), made on first use."""
    table: dict[int, str] = {}
    for cp in range(0x10000):
        if 0xD800 <= cp < 0xE000:
            continue
        norm = _normal_char(chr(cp))
        if norm != chr(cp):
            table[cp] = norm
    table[ord(CELL.strip())] = BOUNDARY
    table[ord(BOUNDARY)] = BOUNDARY
    return table


def _normal_char(ch: str) -> str:
    return "".join(c for c in unicodedata.normalize("NFKC", ch).lower() if unicodedata.category(c)[0] in "LN")


def normalise(text: str) -> str:
    """Text as the index sees it: 帮扶 Ｗork，２０２４ -> 帮扶work2024 (CELL -> BOUNDARY)."""
    norm = text.translate(_table())
    if not norm or max(norm) < "\U00010000":
        return norm
    return "".join(_normal_char(c) if ord(c) >= 0x10000 else c for c in norm)


def keys_of(passages: Iterable[str]) -> set[str]:
    """Every character pair and every single character of the passages (normalised); no pair
    spans two passages or two table cells."""
    norm = normalise(BOUNDARY.join(passages))
    keys = set(norm)
    keys.update(map(str.__add__, norm, norm[1:]))
    if BOUNDARY in keys:
        keys = {k for k in keys if BOUNDARY not in k}
    return keys


def shard_of(key: str, shards: int) -> int:
    """Stable hash of a one- or two-character key (search.js computes the same)."""
    a = ord(key[0])
    b = ord(key[1]) if len(key) > 1 else 0
    return (((a * 0x9E3779B1 + b * 0x85EBCA77) & _MASK32) >> 16) & (shards - 1)


def shard_count(total_bytes: int) -> int:
    n = MIN_SHARDS
    while n < MAX_SHARDS and total_bytes / n > SHARD_TARGET:
        n *= 2
    return n


def index_files(docs: list[SearchDoc]) -> dict[str, bytes]:
    """{output path: bytes} of the whole index (the records numbered in the order given)."""
    body: dict[str, list[int]] = defaultdict(list)
    title: dict[str, list[int]] = defaultdict(list)
    for n, doc in enumerate(docs):
        for key in keys_of(doc.passages + (doc.title,) + tuple(value for _, value in doc.labelled)):
            body[key].append(n)
        for key in keys_of((doc.title,)):
            title[key].append(n)
    postings = {key: [_deltas(ids), _deltas(title.get(key, ()))] for key, ids in body.items()}
    shards = shard_count(sum(len(k) * 3 + len(v[0]) + len(v[1]) + 8 for k, v in postings.items()))
    grouped: list[dict[str, list[str]]] = [{} for _ in range(shards)]
    for key, value in postings.items():
        grouped[shard_of(key, shards)][key] = value
    files = {f"{FOLDER}/s/{k}.js": _script("shard", k, grouped[k]) for k in range(shards)}
    files.update((f"{FOLDER}/d/{n}.js", _script("doc", n, _record(doc))) for n, doc in enumerate(docs))
    meta = {"format": FORMAT, "shards": shards, "docs": len(docs), "plans": sum(d.kind == "plan" for d in docs),
            "facets": _facets(docs)}
    files[META] = _script("meta", 0, meta)
    return files


def _record(doc: SearchDoc) -> dict[str, Any]:
    return {"u": doc.url, "k": doc.kind, "t": doc.title, "l": doc.line, "p": list(doc.passages),
            "m": [list(pair) for pair in doc.labelled]}


def _facets(docs: list[SearchDoc]) -> list[dict[str, Any]]:
    """The filters: each value with the records that have it (plans only)."""
    named: dict[str, dict[str, list[int]]] = {name: defaultdict(list) for name in ("year", "category", "status", "org")}
    for n, doc in enumerate(docs):
        for name, values in (("year", (doc.year,)), ("category", (doc.category,)), ("status", (doc.status,)),
                             ("org", doc.orgs)):
            for value in values:
                if value:
                    named[name][value].append(n)
    return [{"name": name, "values": _values(by_value, newest_first=name == "year")}
            for name, by_value in named.items()]


def _values(by_value: dict[str, list[int]], newest_first: bool = False) -> list[list[str]]:
    order = sorted(by_value, reverse=newest_first)
    return [[value, _deltas(by_value[value])] for value in order]


def _deltas(ids: Iterable[int]) -> str:
    """Ascending record numbers as differences: 3,4,9 -> '3,1,5'."""
    out, last = [], 0
    for n in ids:
        out.append(n - last)
        last = n
    return ",".join(map(str, out))


def _script(call: str, n: int, data: Any) -> bytes:
    text = json.dumps(data, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    text = text.replace("\u2028", "\\u2028").replace("\u2029", "\\u2029")
    return f"plangenSearch.{call}({n},{text});\n".encode()
