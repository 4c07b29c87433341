"""Values computed from one object (a plan), kept while that very object is in use.

A plan object stands for one parse of one text: the build cache hands back the same object while
the file is unchanged, so anything computed from it alone can be kept by its identity. The object
itself is held with its value, so an id is never reused while its entry exists. A long-lived
process (serve) calls `keep_only` once per build to drop the values of plans no longer in use.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import Generic, TypeVar

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

    def keep_only(self, keys: Iterable[K]) -> None:
        alive = {id(k) for k in keys}
        for gone in [k for k in self._values if k not in alive]:
            del self._values[gone]

    def __len__(self) -> int:
        return len(self._values)
