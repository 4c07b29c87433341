"""The history cache: parsed revisions and diffs of each plan, in JSON files, read only when needed.

- `index.json` maps each plan path to the signature of its chain of changes (blob ids and paths).
  When the signature still fits, the plan's history is unchanged and its file is not even read
  until a caller asks for a plan or a diff (`Lazy`).
- One file per plan, `<sha1 of the rest>\\n<json>`, holding {"blob:path": parsed revision} and
  {"old>new": diff}; plans and diffs are stored as JSON text and decoded on use.
A file that is missing, truncated, edited, or written by another version of plangen is ignored and
rewritten; a revision missing from it is read from git again.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Callable
from pathlib import Path, PurePosixPath
from typing import Any, Generic, TypeVar

from .diff.jsonform import (
    errors_data,
    errors_from_data,
    plan_diff_data,
    plan_diff_from_data,
    value_data,
    value_from_data,
)
from .diff.model import PlanDiff, Version
from .model import Plan
from .store import FORMAT, compact_json, write_atomic

CACHE_FORMAT = f"plangen-history-cache/{FORMAT}/2"  # 2: why a revision is invalid, as message keys
T = TypeVar("T")
_UNSET: Any = object()


class Lazy(Generic[T]):
    """A value computed on first use."""

    __slots__ = ("_make", "_value")

    def __init__(self, make: Callable[[], T] | None = None, value: T = _UNSET) -> None:
        self._make, self._value = make, value

    def get(self) -> T:
        if self._value is _UNSET:
            assert self._make is not None
            self._value, self._make = self._make(), None
        return self._value

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Lazy) and self.get() == other.get()

    def __hash__(self) -> int:
        return hash(self.get())


def signature(parts: list[str]) -> str:
    return hashlib.sha1("\n".join([CACHE_FORMAT, *parts]).encode()).hexdigest()


def read_index(cache_dir: Path) -> dict[str, str]:
    """{plan path: signature of its history when it was cached}; empty when unreadable."""
    try:
        data = json.loads((cache_dir / "index.json").read_text(encoding="utf-8"))
        plans = data["plans"] if data.get("format") == CACHE_FORMAT else {}
        return {str(k): str(v) for k, v in plans.items()}
    except (OSError, UnicodeDecodeError, ValueError, KeyError, TypeError, AttributeError):
        return {}


def write_index(cache_dir: Path, plans: dict[str, str]) -> None:
    _write(cache_dir / "index.json", compact_json({"format": CACHE_FORMAT, "plans": plans}))


class PlanCache:
    """The cached revisions and diffs of one plan; the file is read on first use."""

    def __init__(self, cache_dir: Path, path: str) -> None:
        name = hashlib.sha1(path.encode()).hexdigest()[:20]
        self.file = cache_dir / f"{name}-{PurePosixPath(path).stem[:40]}.json"
        self.path, self.dirty = path, False
        self._raw: dict[str, Any] | None = None
        self._versions: dict[str, Version] = {}
        self._diffs: dict[str, PlanDiff] = {}

    @property
    def raw(self) -> dict[str, Any]:
        if self._raw is None:
            self._raw = self._read()
        return self._raw

    def _read(self) -> dict[str, Any]:
        empty = {"format": CACHE_FORMAT, "path": self.path, "parsed": {}, "diffs": {}}
        try:
            digest, _, body = self.file.read_text(encoding="utf-8").partition("\n")
            if hashlib.sha1(body.encode()).hexdigest() != digest:
                return empty
            raw = json.loads(body)
            ok = (raw.get("format") == CACHE_FORMAT and raw.get("path") == self.path
                  and isinstance(raw.get("parsed"), dict) and isinstance(raw.get("diffs"), dict))
        except (OSError, UnicodeDecodeError, ValueError, AttributeError):
            return empty
        return raw if ok else empty

    def has_version(self, key: str) -> bool:
        return key in self._versions or key in self.raw["parsed"]

    def version(self, key: str) -> Version | None:
        if key not in self._versions:
            entry = self.raw["parsed"].get(key)
            if entry is None:
                return None
            self._versions[key] = Version(entry["path"], entry["text"], _decode_plan(entry["plan"]),
                                          errors_from_data(entry["errors"]))
        return self._versions[key]

    def put_version(self, key: str, v: Version, keep: bool = True) -> None:
        """Remember a parsed revision (the text only of an invalid one: it is all a diff then shows)."""
        v = Version(v.path, v.text if v.plan is None else "", v.plan, v.errors)
        self._versions[key] = v
        if keep:
            self.raw["parsed"][key] = {"path": v.path, "text": v.text if v.plan is None else "",
                                       "errors": errors_data(v.errors), "plan": compact_json(value_data(v.plan))}
            self.dirty = True

    def diff(self, key: str) -> PlanDiff | None:
        if key not in self._diffs:
            found = self.raw["diffs"].get(key)
            if found is None:
                return None
            self._diffs[key] = plan_diff_from_data(json.loads(found))
        return self._diffs[key]

    def put_diff(self, key: str, diff: PlanDiff) -> None:
        self._diffs[key] = diff
        self.raw["diffs"][key] = compact_json(plan_diff_data(diff))
        self.dirty = True

    def save(self) -> None:
        if self.dirty:
            body = compact_json(self.raw)
            _write(self.file, hashlib.sha1(body.encode()).hexdigest() + "\n" + body)
            self.dirty = False


def _decode_plan(text: str) -> Plan | None:
    plan = value_from_data(json.loads(text))
    if plan is not None and not isinstance(plan, Plan):
        raise TypeError("the cache holds something else than a plan")
    return plan




def _write(file: Path, text: str) -> None:
    try:
        write_atomic(file, text)
    except OSError:
        pass  # a cache that cannot be written only costs time on the next build
