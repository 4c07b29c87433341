"""The history cache: parsed revisions and diffs of one plan in one JSON file, decoded lazily.

A file is `<sha1 of the rest>\\n<json>`; a file that is missing, truncated, edited, or written by
another version of plangen is ignored (and rewritten). Plans and diffs are stored as JSON strings
inside the JSON, and decoded only when a caller asks for them (`Lazy`), so loading the history of
an unchanged repository costs little more than reading the files.
"""

from __future__ import annotations

import hashlib
import json
import os
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path, PurePosixPath
from typing import Any, Generic, TypeVar

from . import __version__
from .diff.jsonform import plan_diff_data, plan_diff_from_data, value_data, value_from_data
from .diff.model import PlanDiff, Version
from .model import Plan

CACHE_FORMAT = f"plangen-history-cache/{__version__}/2"
T = TypeVar("T")
_UNSET: Any = object()


class Lazy(Generic[T]):
    """A value decoded from its JSON text on first use."""

    __slots__ = ("_decode", "_text", "_value")

    def __init__(self, text: str = "", decode: Callable[[str], T] | None = None, value: T = _UNSET) -> None:
        self._text, self._decode, self._value = text, decode, value

    def get(self) -> T:
        if self._value is _UNSET:
            assert self._decode is not None
            self._value = self._decode(self._text)
        return self._value

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Lazy) and self.get() == other.get()

    def __hash__(self) -> int:
        return hash(self.get())


def decode_plan(text: str) -> Plan | None:
    plan = value_from_data(json.loads(text))
    if plan is not None and not isinstance(plan, Plan):
        raise TypeError("the cache holds something else than a plan")
    return plan


def decode_diff(text: str) -> PlanDiff:
    return plan_diff_from_data(json.loads(text))


@dataclass(frozen=True, slots=True)
class Cached:
    """A plan file at one revision: shown path, text (only when invalid), errors, the plan (lazy)."""

    path: str
    text: str
    errors: tuple[str, ...]
    plan: Lazy[Plan | None]

    def version(self) -> Version:
        return Version(self.path, self.text, self.plan.get(), self.errors)


class PlanCache:
    """The cached revisions ({key: Cached}) and diffs ({key: Lazy[PlanDiff]}) of one plan."""

    def __init__(self, file: Path, path: str) -> None:
        self.file, self.path, self.dirty = file, path, False
        self.raw: dict[str, Any] = {"format": CACHE_FORMAT, "path": path, "parsed": {}, "diffs": {}}
        self.versions: dict[str, Cached] = {}
        self.diffs: dict[str, Lazy[PlanDiff]] = {}

    @classmethod
    def load(cls, cache_dir: Path, path: str) -> PlanCache:
        name = hashlib.sha1(path.encode()).hexdigest()[:20]
        cache = cls(cache_dir / f"{name}-{PurePosixPath(path).stem[:40]}.json", path)
        try:
            digest, _, body = cache.file.read_text(encoding="utf-8").partition("\n")
            if hashlib.sha1(body.encode()).hexdigest() != digest:
                return cache
            raw = json.loads(body)
            if raw.get("format") != CACHE_FORMAT or raw.get("path") != path:
                return cache
            versions = {k: Cached(e["path"], e["text"], tuple(e["errors"]), Lazy(e["plan"], decode_plan))
                        for k, e in raw["parsed"].items()}
            diffs = {k: Lazy(d, decode_diff) for k, d in raw["diffs"].items()}
        except (OSError, UnicodeDecodeError, ValueError, KeyError, TypeError, AttributeError):
            return cache
        cache.raw, cache.versions, cache.diffs = raw, versions, diffs
        return cache

    def put_version(self, key: str, v: Version) -> None:
        self.versions[key] = Cached(v.path, v.text if v.plan is None else "", v.errors, Lazy(value=v.plan))
        self.raw["parsed"][key] = {"path": v.path, "text": v.text if v.plan is None else "",
                                   "errors": list(v.errors), "plan": _compact(value_data(v.plan))}
        self.dirty = True

    def put_diff(self, key: str, diff: PlanDiff) -> Lazy[PlanDiff]:
        found: Lazy[PlanDiff] = Lazy(value=diff)
        self.diffs[key] = found
        self.raw["diffs"][key] = _compact(plan_diff_data(diff))
        self.dirty = True
        return found

    def save(self) -> None:
        if not self.dirty:
            return
        body = _compact(self.raw)
        try:
            self.file.parent.mkdir(parents=True, exist_ok=True)
            temp = self.file.with_suffix(f".{os.getpid()}.tmp")
            temp.write_text(hashlib.sha1(body.encode()).hexdigest() + "\n" + body, encoding="utf-8")
            os.replace(temp, self.file)
        except OSError:
            pass  # a cache that cannot be written only costs time on the next build
        self.dirty = False


def _compact(data: Any) -> str:
    return json.dumps(data, ensure_ascii=False, separators=(",", ":"))
