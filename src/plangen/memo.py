"""Values computed from one object (a plan), kept while that very object is in use.

A plan object stands for one parse of one text: the build cache hands back the same object while
the file is unchanged, so anything computed from it alone can be kept by its identity. The object
itself is held with its value, so an id is never reused while its entry exists. A long-lived
process (serve) calls `keep_only` once per build to drop the values of plans no longer in use.
"""

from __future__ import annotations

import operator
from collections.abc import Callable, Collection, Sequence
from typing import Generic, TypeVar

SLACK = 64  # values of objects no longer in use kept before a sweep (each a few KB)
K = TypeVar("K")
V = TypeVar("V")


class ByIdentity(Generic[K, V]):
    def __init__(self) -> None:
        self._values: dict[int, tuple[K, V]] = {}

    def get(self, key: K, compute: Callable[[K], V]) -> V:
        hit = self._values.get(id(key))
        if hit is not None and hit[0] is key:
            return hit[1]
        value = compute(key)
        self._values[id(key)] = (key, value)
        return value

    def put(self, key: K, value: V) -> None:
        self._values[id(key)] = (key, value)

    def keep_only(self, keys: Collection[K]) -> None:
        """Drop the values of objects not among `keys`, once more than SLACK of them have gathered:
        a save re-parses one plan, so a long-lived process sweeps its thousands of entries now and
        then rather than at every build."""
        if len(self._values) <= len(keys) + SLACK:
            return
        alive = {id(k) for k in keys}
        for gone in [k for k in self._values if k not in alive]:
            del self._values[gone]

    def __len__(self) -> int:
        return len(self._values)


def changed_positions(before: Sequence[object], now: Sequence[object]) -> list[int] | None:
    """The positions where `now` holds another object than `before` did (None when their lengths
    differ): how a long-lived process finds the few plans a save re-parsed among thousands kept."""
    if len(before) != len(now):
        return None
    flags = list(map(operator.is_not, before, now))
    return [i for i, other in enumerate(flags) if other] if True in flags else []
