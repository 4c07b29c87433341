"""The search index as files: a pure function of the searchable pages. See docs/search.md.

    search/meta.js       the number of shards, records and plans (records 0…plans-1, the others
                         after them), the filter values
    search/filters.js    each filter value with its records (loaded when a filter is chosen)
    search/s/<k>.js      postings of the keys whose hash is k: every character pair (and single
                         character) of the normalised text -> the records holding it, and those
                         whose title holds it
    search/d/<c>.js      records c*8 … c*8+7 (RECORDS_PER_FILE): title, URL, kind, line, passages
                         (for excerpts and to check a match), in one file: a page of results is
                         a few requests, not twenty

Every file is a script that hands its data to `plangenSearch` (templates/assets/search.js), so
the index loads with <script> elements: from a server and from file:// alike, no fetch, no eval.
The content is sorted and the JSON written with sorted keys: the same pages give the same bytes,
and an edit to one plan changes its record and the shards of the pairs it gained or lost.

Normalisation (the same in search.js): each character on its own through NFKC and lower case;
letters and digits are kept, everything else dropped; CELL and passage ends are boundaries no
pair crosses.
"""

from __future__ import annotations

import bisect
import functools
import hashlib
import json
import unicodedata
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from .search_docs import CELL, SearchDoc

FOLDER = "search"
META = f"{FOLDER}/meta.js"
FILTERS = f"{FOLDER}/filters.js"
FORMAT = 2
BOUNDARY = "\x00"  # in normalised text: a pair never spans it
RECORDS_PER_FILE = 8
RECORDS_PER_SHARD = 24  # about 20-30 KiB of postings per shard for plans of a few KB
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


def shard_count(records: int) -> int:
    """A power of two, about one shard per RECORDS_PER_SHARD records (a function of the record count
    alone, so an edit never reshards)."""
    n = MIN_SHARDS
    while n < MAX_SHARDS and n * RECORDS_PER_SHARD < records:
        n *= 2
    return n


@dataclass(slots=True)
class IndexState:
    """The index last made, kept between builds (search.py) so that a build where some records
    changed updates their postings instead of inverting every record again."""

    key: str  # the format and the records' URLs in order: equal keys number the records alike
    records: list[bytes]  # each record's JSON
    body: dict[str, list[int]]  # key -> ascending record numbers whose text holds it
    title: dict[str, list[int]]  # key -> those whose title holds it
    shard_keys: list[set[str]]
    shards: list[bytes]  # each shard's file


def index_files(docs: list[SearchDoc], state: IndexState | None = None) -> tuple[dict[str, bytes], IndexState]:
    """{output path: bytes} of the whole index (the records numbered in the order given), and the
    state to pass to the next build. The bytes depend on `docs` alone, never on `state`."""
    records = [_json(_record(doc)).encode() for doc in docs]
    key = hashlib.sha256("\0".join([str(FORMAT), *(d.url for d in docs)]).encode()).hexdigest()
    if state is not None and state.key == key and len(state.shards) == shard_count(len(docs)):
        try:
            _update(state, records)
        except (ValueError, KeyError, TypeError, IndexError, AttributeError):  # a state not of this plangen
            state = None
    else:
        state = None
    if state is None:
        state = _fresh(docs, records, key)
    files = {f"{FOLDER}/s/{k}.js": data for k, data in enumerate(state.shards)}
    for c in range(0, len(records), RECORDS_PER_FILE):
        chunk = b",".join(records[c:c + RECORDS_PER_FILE])
        files[f"{FOLDER}/d/{c // RECORDS_PER_FILE}.js"] = b"plangenSearch.docs(%d,[%s]);\n" % (c // RECORDS_PER_FILE, chunk)
    facets = _facets(docs)
    meta = {"format": FORMAT, "shards": len(state.shards), "docs": len(docs),
            "plans": sum(d.kind == "plan" for d in docs),
            "facets": [{"name": f["name"], "values": [v[0] for v in f["values"]]} for f in facets]}
    files[META] = _script("meta", 0, meta)
    files[FILTERS] = _script("filters", 0, facets)
    return files, state


def _searched(doc: SearchDoc) -> tuple[str, ...]:
    return (*doc.passages, doc.title, *(value for _, value in doc.labelled))


def _fresh(docs: list[SearchDoc], records: list[bytes], key: str) -> IndexState:
    body: dict[str, list[int]] = defaultdict(list)
    title: dict[str, list[int]] = defaultdict(list)
    for n, doc in enumerate(docs):
        for k in keys_of(_searched(doc)):
            body[k].append(n)
        for k in keys_of((doc.title,)):
            title[k].append(n)
    shards = shard_count(len(docs))
    shard_keys: list[set[str]] = [set() for _ in range(shards)]
    for k in body:
        shard_keys[shard_of(k, shards)].add(k)
    state = IndexState(key, records, dict(body), dict(title), shard_keys, [])
    state.shards = [_shard(state, n) for n in range(shards)]
    return state


def _update(state: IndexState, records: list[bytes]) -> None:
    """The postings of the records whose file changed, moved from their old keys to their new ones."""
    touched: set[int] = set()
    shards = len(state.shards)
    for n, (old, new) in enumerate(zip(state.records, records, strict=True)):
        if old == new:
            continue
        before, after = _record_keys(old), _record_keys(new)
        for postings, was, now in ((state.body, before[0], after[0]), (state.title, before[1], after[1])):
            for k in was - now:
                postings[k].remove(n)
                if not postings[k]:
                    del postings[k]
            for k in now - was:
                bisect.insort(postings.setdefault(k, []), n)
        for k in before[0] ^ after[0]:
            shard = shard_of(k, shards)
            (state.shard_keys[shard].add if k in state.body else state.shard_keys[shard].discard)(k)
        touched.update(shard_of(k, shards) for k in (before[0] ^ after[0]) | (before[1] ^ after[1]))
    state.records = records
    for shard in sorted(touched):
        state.shards[shard] = _shard(state, shard)


def _record_keys(record: bytes) -> tuple[set[str], set[str]]:
    """The keys of a record file's text and of its title (the record holds all that is searched)."""
    data = json.loads(record)
    searched = (*data["p"], data["t"], *(value for _, value in data["m"]))
    return keys_of(searched), keys_of((data["t"],))


def _shard(state: IndexState, shard: int) -> bytes:
    title = state.title
    return _script("shard", shard, {k: [_deltas(state.body[k]), _deltas(title.get(k, ()))]
                                     for k in sorted(state.shard_keys[shard])})


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


def _json(data: Any) -> str:
    text = json.dumps(data, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    return text.replace("\u2028", "\\u2028").replace("\u2029", "\\u2029")


def _script(call: str, n: int, data: Any) -> bytes:
    return f"plangenSearch.{call}({n},{_json(data)});\n".encode()
