"""The values a plan diff is made of. Pure data; every renderer and the JSON form read these.

A `DiffReport` holds one `PlanDiff` per plan that differs between two sides (files, revisions,
or two single files). A `PlanDiff` holds `Change`s, each in one area of the plan (metadata,
leadership, steps, parts) with a kind from `KINDS`. Text changes carry `Hunk`s: short runs of
context and changed characters, never whole paragraphs.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Final, Literal

from ..model import Plan
from ..wording import Wording

SpanOp = Literal["same", "old", "new"]
Status = Literal["added", "removed", "modified", "renamed", "invalid", "unchanged"]

AREAS: Final = ("metadata", "leadership", "steps", "parts")
KINDS: Final = (
    "field-changed", "item-added", "item-removed",              # metadata and single fields
    "person-added", "person-removed", "person-changed",         # leadership group
    "step-added", "step-removed", "step-moved", "step-retitled", "step-dates", "step-changed",
    "part-added", "part-removed", "part-retitled",
    "text",                                                      # a text changed: see hunks
)


@dataclass(frozen=True, slots=True)
class Span:
    """A run of text: `same` (context), `old` (deleted) or `new` (inserted)."""

    op: SpanOp
    text: str


@dataclass(frozen=True, slots=True)
class Hunk:
    """One place where a text changed: context, the changed characters, context.

    Context that was cut short starts or ends with '…'.
    """

    spans: tuple[Span, ...]


@dataclass(frozen=True, slots=True)
class Change:
    area: str
    kind: str
    path: str        # stable machine path, e.g. "period.start", "steps[宣传动员阶段]"
    label: str       # what a reader sees, in Chinese, e.g. "实施时间 开始"
    old: str = ""
    new: str = ""
    hunks: tuple[Hunk, ...] = ()


@dataclass(frozen=True, slots=True)
class Version:
    """One side of a comparison for one file: its text, and its plan or why it is invalid."""

    path: str
    text: str
    plan: Plan | None
    errors: tuple[Wording, ...] = ()  # why it is invalid (worded when shown)


@dataclass(frozen=True, slots=True)
class PlanDiff:
    status: Status
    old_path: str | None
    new_path: str | None
    title: str
    changes: tuple[Change, ...] = ()
    similarity: int | None = None          # percent, for renamed plans
    old_errors: tuple[Wording, ...] = ()   # why the old side is invalid
    new_errors: tuple[Wording, ...] = ()

    @property
    def changed(self) -> bool:
        return self.status != "unchanged"

    @property
    def path(self) -> str:
        return self.new_path or self.old_path or ""


@dataclass(frozen=True, slots=True)
class DiffReport:
    old_label: str                          # "HEAD", "working tree", a file name…
    new_label: str
    plans: tuple[PlanDiff, ...]             # only plans that differ, in path order

    @property
    def has_changes(self) -> bool:
        return any(p.changed for p in self.plans)
