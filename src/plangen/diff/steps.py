"""Steps matched by identity, not by index, and the changes of each matched step. Pure.

A step is the same step in both revisions when it has the same explicit `id`; else the same
title; else a similar title, the same dates or a similar body (best pairs first). So inserting a
step at the top shows one added step, not every later step as changed. Steps that kept their
identity but left the longest run of steps still in order are reported as moved.
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Sequence

from ..model import Step
from ..vocabulary import TOP_LABELS, fold
from .model import Change
from .text import hunks, similarity

Pair = tuple[int, int]
THRESHOLD = 0.5


def match_steps(old: Sequence[Step], new: Sequence[Step]) -> list[Pair]:
    """(old index, new index) of every step present in both, sorted by old index."""
    pairs: list[Pair] = []
    left, right = set(range(len(old))), set(range(len(new)))
    for key in (lambda s: s.id, lambda s: fold(s.title)):
        for i in sorted(left):
            k = key(old[i])
            j = next((j for j in sorted(right) if k and key(new[j]) == k and _ids_agree(old[i], new[j])), None)
            if j is not None:
                pairs.append((i, j))
                left.discard(i)
                right.discard(j)
    scored = sorted(((_score(old[i], new[j]), i, j) for i in left for j in right), reverse=True)
    for score, i, j in scored:
        if score >= THRESHOLD and i in left and j in right:
            pairs.append((i, j))
            left.discard(i)
            right.discard(j)
    return sorted(pairs)


def _ids_agree(a: Step, b: Step) -> bool:
    return not (a.id and b.id and a.id != b.id)


def _score(a: Step, b: Step) -> float:
    if not _ids_agree(a, b):
        return 0.0
    dates = 1.0 if (a.start, a.end) == (b.start, b.end) and (a.start or a.end) else 0.0
    return 0.5 * similarity(a.title, b.title) + 0.25 * dates + 0.25 * similarity(step_text(a), step_text(b))


def moved(pairs: Sequence[Pair]) -> set[Pair]:
    """Pairs outside the longest run that kept its order (pairs sorted by old index)."""
    news = [j for _, j in pairs]
    tails: list[int] = []
    tail_at: list[int] = []
    back: list[int] = []
    for k, j in enumerate(news):
        pos = bisect_left(tails, j)
        tails[pos:pos + 1] = [j]
        tail_at[pos:pos + 1] = [k]
        back.append(tail_at[pos - 1] if pos else -1)
    keep: set[int] = set()
    k = tail_at[-1] if tail_at else -1
    while k >= 0:
        keep.add(k)
        k = back[k]
    return {p for k, p in enumerate(pairs) if k not in keep}


def step_text(s: Step) -> str:
    return "\n".join([s.body] * bool(s.body) + list(s.items))


def dates_of(s: Step) -> str:
    if not (s.start or s.end):
        return ""
    return f"{s.start or '?'} — {s.end or '?'}"


def _path(s: Step) -> str:
    return f"steps[{s.id or s.title}]"


def _label(s: Step) -> str:
    return f"{TOP_LABELS['steps']}「{s.title}」"


def diff_steps(old: Sequence[Step], new: Sequence[Step]) -> list[Change]:
    pairs = match_steps(old, new)
    shifted = moved(pairs)
    out: list[Change] = []
    for i, j in sorted(pairs, key=lambda p: p[1]):
        if (i, j) in shifted:
            out.append(Change("steps", "step-moved", _path(new[j]), _label(new[j]), f"第{i + 1}步", f"第{j + 1}步"))
        out += _changed(old[i], new[j])
    paired_old, paired_new = {i for i, _ in pairs}, {j for _, j in pairs}
    out += [Change("steps", "step-removed", _path(s), _label(s), old=_summary(s))
            for i, s in enumerate(old) if i not in paired_old]
    out += [Change("steps", "step-added", _path(s), _label(s), new=_summary(s))
            for j, s in enumerate(new) if j not in paired_new]
    return out


def _summary(s: Step) -> str:
    head = " ".join(x for x in (s.title, dates_of(s) and f"({dates_of(s)})", s.owner and f"负责：{s.owner}") if x)
    return head + ("\n" + step_text(s) if step_text(s) else "")


def _changed(a: Step, b: Step) -> list[Change]:
    path, label = _path(b), _label(b)
    out: list[Change] = []
    if a.title != b.title:
        out.append(Change("steps", "step-retitled", path, label, a.title, b.title))
    if dates_of(a) != dates_of(b):
        out.append(Change("steps", "step-dates", path, label, dates_of(a), dates_of(b)))
    if a.owner != b.owner:
        out.append(Change("steps", "step-changed", path + ".owner", f"{label} 负责", a.owner, b.owner))
    if step_text(a) != step_text(b):
        out.append(Change("steps", "text", path + ".body", f"{label} 内容", hunks=hunks(step_text(a), step_text(b))))
    return out
