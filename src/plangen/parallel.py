"""A function over many items in forked worker processes, one per core.

Forked workers inherit the function and the items, so only indexes go to them and only results
come back. Where forking is not available, or for a batch too small to repay starting the
workers, the items are done in this process. Results come back in the items' order.
"""

from __future__ import annotations

import multiprocessing
import os
from collections.abc import Callable
from typing import Any

_WORK: tuple[Callable[[Any], Any], list[Any]] | None = None


def _one(i: int) -> Any:
    assert _WORK is not None
    fn, items = _WORK
    return fn(items[i])


def can_fork() -> bool:
    return "fork" in multiprocessing.get_all_start_methods()


def fork_map(fn: Callable[[Any], Any], items: list[Any], smallest: int, workers: int = 0) -> list[Any]:
    """[fn(x) for x in items], spread over forked workers when there are at least `smallest` items."""
    workers = workers or (os.cpu_count() or 1)
    if workers < 2 or len(items) < smallest or not can_fork():
        return [fn(x) for x in items]
    global _WORK
    _WORK = (fn, items)
    try:
        with multiprocessing.get_context("fork").Pool(workers) as pool:
            return pool.map(_one, range(len(items)), chunksize=max(1, min(32, len(items) // (4 * workers))))
    finally:
        _WORK = None
