"""The build's search stage: the published pages -> the files of the search index. Pure.

plangen writes its own index (search_index.py) from the model (search_docs.py): no other tool,
no subprocess, no parsing of written pages. The stage returns {output path: bytes} like every
other stage, so the site writer writes the index with the pages, in the same commit, only the
files whose bytes changed; a build that fails writes neither, and the manifest removes index
files no longer made. The browser side is templates/assets/search.js. See docs/search.md.
"""

from __future__ import annotations

import marshal
import time
from dataclasses import dataclass
from pathlib import Path

from . import __version__
from .i18n import translator
from .index import Index
from .messages import search_summary
from .search_docs import search_docs
from .search_index import FOLDER, FORMAT, IndexState, index_files
from .store import write_atomic

BUNDLE = FOLDER
KEEP: tuple[str, ...] = ()  # output prefixes written by another tool: none (the index goes through the writer)
PENDING = "search.reason.later"  # (no longer used: the index is made with the pages)
STATE_FILE = "search-index.marshal"  # in .plangen-cache/: the last index's postings (search_index.IndexState)
# why search is off: keys of the catalogue (messages_cli.py), worded by messages.search_summary
NO_SEARCH = "search.reason.no-search"
CONFIG_OFF = "search.reason.config-off"
NO_PLANS = "search.reason.no-plans"


@dataclass(frozen=True, slots=True)
class SearchReport:
    """What the search stage made: for the build summary."""

    ran: bool
    ok: bool
    pages: int = 0  # records: plans, organisations, people, documents
    plans: int = 0
    files: int = 0
    size: int = 0  # bytes of the whole index
    seconds: float = 0.0
    reason: str = ""  # why search is off: a key of the catalogue

    def line(self, language: str = "en") -> str:
        return search_summary(language, self.ok, self.ran, self.pages, self.plans, self.files, self.size,
                              self.seconds, self.reason)


def off_reason(wanted: bool, config_wanted: bool = True, plans: int = 1) -> str:
    """Why search will not run ('' when it will)."""
    if not wanted:
        return NO_SEARCH
    if not config_wanted:
        return CONFIG_OFF
    if plans == 0:
        return NO_PLANS
    return ""


def skipped(reason: str) -> SearchReport:
    return SearchReport(ran=False, ok=False, reason=reason)


def search_stage(index: Index, language: str, off: str,
                 state: IndexState | None = None) -> tuple[dict[str, bytes], SearchReport, IndexState | None]:
    """The index files of the published plans and the organisation, person and document pages
    (none when search is off: the writer then removes an earlier index), and the state for the
    next build (`state`: the last build's, when the caller kept it; the files do not depend on it)."""
    if off:
        return {}, skipped(off), None
    started = time.perf_counter()
    docs = search_docs(index, translator(language))
    files, state = index_files(docs, state)
    report = SearchReport(True, True, len(docs), len(index.plans), len(files), sum(map(len, files.values())),
                          time.perf_counter() - started)
    return files, report, state


def load_state(folder: Path) -> IndexState | None:
    """The index state a `plangen build` left in .plangen-cache/ (None: none, or not readable)."""
    try:
        data = marshal.loads((folder / STATE_FILE).read_bytes())
        version, key, records, body, title, shard_keys, shards = data
        if version != (__version__, FORMAT) or not isinstance(body, dict) or not isinstance(shard_keys, list):
            return None
        return IndexState(key, records, body, title, shard_keys, shards)
    except (OSError, EOFError, ValueError, TypeError):
        return None


def save_state(folder: Path, state: IndexState | None) -> None:
    """Keep the state for the next build (atomically; a state that cannot be written is not kept)."""
    target = folder / STATE_FILE
    try:
        if state is None:
            target.unlink(missing_ok=True)
            return
        write_atomic(target, marshal.dumps(((__version__, FORMAT), state.key, state.records, state.body, state.title,
                                            state.shard_keys, state.shards)))  # (store.py: one way to write the cache)
    except OSError:
        return
