"""Chinese key aliases -> English keys (`指导思想:` -> `guiding_thought:`), marks carried along."""

from __future__ import annotations

from typing import Any

from .documents import FieldPath, Marks, dotted
from .problems import Problem, error
from .vocabulary import ITEM_PARTS, NESTED_ALIASES, TOP_ALIASES, TOP_LABELS
from .wording import msg

# The vocabulary context of each child: which alias table applies below a key.
_CHILD_CONTEXT: dict[tuple[str, str], str] = {
    ("", "period"): "period",
    ("", "partners"): "partners",
    ("", "leadership"): "leadership",
    ("", "steps"): "steps",
    ("", "basis"): "basis",
    ("", "attachments"): "attachments",
    ("", "sections"): "sections",
    ("", "headings"): "headings",
    ("leadership", "leaders"): "person",
    ("leadership", "deputies"): "person",
    ("leadership", "members"): "person",
    ("leadership", "office"): "office",
    ("office", "director"): "person",
    ("sections", "items"): "item",
}


def canonicalise(data: Any, marks: Marks, path: str) -> tuple[Any, Marks, list[Problem]]:
    """Rename alias keys at every level; a field given under two names is an error."""
    walker = _Walker(marks, path)
    out = walker.walk(data, (), None, "")
    if not walker.moves:
        return out, dict(marks), walker.problems
    moved = {walker.moves.get(at, at): mark for at, mark in marks.items()}
    return out, moved, walker.problems


class _Walker:
    """`new` is None while the path is unchanged (no key renamed above it): `moves` holds changed paths only."""

    def __init__(self, marks: Marks, path: str) -> None:
        self.marks = marks
        self.path = path
        self.moves: dict[FieldPath, FieldPath] = {}
        self.problems: list[Problem] = []

    def walk(self, value: Any, old: FieldPath, new: FieldPath | None, ctx: str) -> Any:
        if new is None and ctx == "leaf":
            return value  # nothing below is renamed, and no path moves
        if new is not None:
            self.moves[old] = new
        if isinstance(value, list):
            return [self.walk(v, old + (i,), None if new is None else new + (i,), ctx) for i, v in enumerate(value)]
        if isinstance(value, dict):
            return self.mapping(value, old, new, ctx)
        return value

    def mapping(self, value: dict[str, Any], old: FieldPath, new: FieldPath | None, ctx: str) -> dict[str, Any]:
        names = _NAMES.get(ctx, {})
        out: dict[str, Any] = {}
        written: dict[str, str] = {}
        for key, child in value.items():
            canon = names.get(key, key)
            if canon in out:
                line, col = self.marks.get(old + (key,), (0, 0))
                self.problems.append(error(
                    self.path, line, col, dotted((old if new is None else new) + (canon,)),
                    msg("key.given-twice", first=written[canon], second=key), code="duplicate-key"))
                continue
            written[canon] = key
            child_new = (old if new is None else new) + (canon,) if new is not None or canon != key else None
            out[canon] = self.walk(child, old + (key,), child_new, _context(ctx, canon))
        return out


def _names(ctx: str) -> dict[str, str]:
    """Every key written in a context -> its canonical key (a canonical key stays itself)."""
    canonical = TOP_LABELS if ctx == "" else NESTED_ALIASES.get(ctx, {}).values()
    table = TOP_ALIASES if ctx == "" else NESTED_ALIASES.get(ctx, {})
    return {**table, **{key: key for key in canonical}}


_NAMES: dict[str, dict[str, str]] = {ctx: _names(ctx) for ctx in ("", *NESTED_ALIASES)}


def _context(parent: str, key: str) -> str:
    if parent == "" and key in ITEM_PARTS:
        return "item"
    return _CHILD_CONTEXT.get((parent, key), "leaf")
