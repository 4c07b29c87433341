"""The stable JSON form of a diff (documented in docs/diff.md), and its reading back. Pure.

Also a JSON codec for `Plan` values, used by the history cache.
"""

from __future__ import annotations

import json
from dataclasses import fields
from typing import Any

from .. import model
from ..dates import PlanDate
from ..wording import Wording, as_json, from_json
from .model import Change, DiffReport, Hunk, PlanDiff, Span

FORMAT = "plangen-diff"
VERSION = 1


def report_data(report: DiffReport) -> dict[str, Any]:
    return {"format": FORMAT, "version": VERSION, "old": report.old_label, "new": report.new_label,
            "changed": report.has_changes, "plans": [plan_diff_data(p) for p in report.plans]}


def report_json(report: DiffReport) -> str:
    return json.dumps(report_data(report), ensure_ascii=False, indent=2, sort_keys=True)


def plan_diff_data(d: PlanDiff) -> dict[str, Any]:
    return {"status": d.status, "old_path": d.old_path, "new_path": d.new_path, "title": d.title,
            "similarity": d.similarity, "old_errors": [e.message for e in d.old_errors],
            "new_errors": [e.message for e in d.new_errors], "old_error_keys": errors_data(d.old_errors),
            "new_error_keys": errors_data(d.new_errors),
            "changes": [_change_data(c) for c in d.changes]}


def _change_data(c: Change) -> dict[str, Any]:
    return {"area": c.area, "kind": c.kind, "path": c.path, "label": c.label, "old": c.old, "new": c.new,
            "hunks": [{"spans": [{"op": s.op, "text": s.text} for s in h.spans]} for h in c.hunks]}


def plan_diff_from_data(data: dict[str, Any]) -> PlanDiff:
    changes = tuple(Change(c["area"], c["kind"], c["path"], c["label"], c["old"], c["new"],
                           tuple(Hunk(tuple(Span(s["op"], s["text"]) for s in h["spans"])) for h in c["hunks"]))
                    for c in data["changes"])
    return PlanDiff(data["status"], data["old_path"], data["new_path"], data["title"], changes,
                    data["similarity"], errors_from_data(data["old_error_keys"]), errors_from_data(data["new_error_keys"]))


def errors_data(errors: tuple[Wording, ...]) -> list[dict[str, Any]]:
    """Why a side is invalid, as message keys and values (the English words are beside them)."""
    return [{"key": e.key, "values": as_json(e.values)} for e in errors]


def errors_from_data(data: list[dict[str, Any]]) -> tuple[Wording, ...]:
    return tuple(Wording(str(e["key"]), from_json(e["values"])) for e in data)


# --- Plan values <-> JSON ------------------------------------------------------------------------

_TYPES: dict[str, type] = {t.__name__: t for t in (
    model.Plan, model.Person, model.Office, model.Leadership, model.Step, model.Item, model.Part, model.Heading,
    model.DocRef, model.Attachment, model.Period, PlanDate)}
_FIELDS: dict[type, tuple[str, ...]] = {t: tuple(f.name for f in fields(t)) for t in _TYPES.values()}


def value_data(value: Any) -> Any:
    """Plan values as {"@": type name, field: …}; tuples as lists."""
    names = _FIELDS.get(type(value))
    if names is not None:
        out: dict[str, Any] = {"@": type(value).__name__}
        for name in names:
            out[name] = value_data(getattr(value, name))
        return out
    if isinstance(value, (tuple, list)):
        return [value_data(v) for v in value]
    return value


def value_from_data(data: Any) -> Any:
    """The inverse of `value_data`. Raises KeyError/TypeError on data it did not write."""
    if isinstance(data, dict):
        cls = _TYPES[data["@"]]
        return cls(**{k: value_from_data(v) for k, v in data.items() if k != "@"})
    if isinstance(data, list):
        return tuple(value_from_data(v) for v in data)
    return data
