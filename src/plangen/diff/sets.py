"""Two sets of plan files compared: plans added, removed, renamed and modified. Pure.

Files are paired by path; the rest are paired as renames when their content is at least half the
same (git's 50% rule), comparing the canonical text of valid plans so that a YAML plan renamed to
its Markdown rewrite is a rename with no change.
"""

from __future__ import annotations

from collections.abc import Mapping

from ..project import Parsed
from ..textconv import canonical_text
from ..wording import Wording, msg
from .model import DiffReport, PlanDiff, Status, Version
from .plans import diff_plans
from .text import similarity

RENAME_THRESHOLD = 0.5
MAX_PAIRS = 40_000


def version_of(parsed: Parsed) -> Version:
    errors = tuple(msg("diff.revision-error", where=f"{p.path}:{p.line}:{p.column}",
                       field=msg("diff.revision-field", field=p.field) if p.field else "", why=Wording(p.key, p.values))
                   for p in parsed.problems if p.is_error)
    return Version(parsed.source.path, parsed.source.text, parsed.plan, errors)


def content_of(v: Version) -> str:
    return canonical_text(v.plan) if v.plan is not None else v.text


def diff_pair(old: Version, new: Version, status: Status = "modified", similar: int | None = None) -> PlanDiff:
    """One plan compared; `status` is what to call it when it differs (modified or renamed)."""
    plan = new.plan or old.plan
    title = plan.title if plan is not None else ""
    if old.plan is not None and new.plan is not None:
        changes = () if old.plan == new.plan else diff_plans(old.plan, new.plan)
        kind: Status = status if changes or status == "renamed" else "unchanged"
        return PlanDiff(kind, old.path, new.path, title, changes, similar)
    if old.text == new.text:
        same: Status = "unchanged" if old.path == new.path else "renamed"
        return PlanDiff(same, old.path, new.path, title, (), similar, old.errors, new.errors)
    return PlanDiff("invalid", old.path, new.path, title, (), similar, old.errors, new.errors)


def added(v: Version) -> PlanDiff:
    status: Status = "added" if v.plan is not None else "invalid"
    return PlanDiff(status, None, v.path, v.plan.title if v.plan else "", new_errors=v.errors)


def removed(v: Version) -> PlanDiff:
    status: Status = "removed" if v.plan is not None else "invalid"
    return PlanDiff(status, v.path, None, v.plan.title if v.plan else "", old_errors=v.errors)


def diff_sets(old: Mapping[str, Version], new: Mapping[str, Version], old_label: str = "old",
              new_label: str = "new") -> DiffReport:
    """Every plan that differs between the two sets, in path order."""
    out = [diff_pair(old[p], new[p]) for p in old.keys() & new.keys()]
    gone = [old[p] for p in sorted(old.keys() - new.keys())]
    came = [new[p] for p in sorted(new.keys() - old.keys())]
    for a, b, score in find_renames(gone, came):
        out.append(diff_pair(a, b, "renamed", round(score * 100)))
        gone.remove(a)
        came.remove(b)
    out += [removed(v) for v in gone] + [added(v) for v in came]
    changed = sorted((d for d in out if d.changed), key=lambda d: (d.path, d.old_path or ""))
    return DiffReport(old_label, new_label, tuple(changed))


def find_renames(gone: list[Version], came: list[Version]) -> list[tuple[Version, Version, float]]:
    """Renamed files: same content first, then same file name, then any pair; each at least
    RENAME_THRESHOLD alike, best pairs first. The all-pairs step is skipped past MAX_PAIRS."""
    texts = {id(v): content_of(v) for v in [*gone, *came]}
    left, right = list(gone), list(came)
    found: list[tuple[Version, Version, float]] = []
    by_text = {texts[id(v)]: v for v in reversed(right)}
    for a in list(left):
        b = by_text.pop(texts[id(a)], None)
        if b is not None:
            found.append((a, b, 1.0))
            left.remove(a)
            right.remove(b)
    same_name = [(a, b) for a in left for b in right if _stem(a.path) == _stem(b.path)]
    found += _best_pairs(same_name, texts, left, right)
    if len(left) * len(right) <= MAX_PAIRS:
        found += _best_pairs([(a, b) for a in left for b in right], texts, left, right)
    return found


def _stem(path: str) -> str:
    return path.rsplit("/", 1)[-1].rsplit(".", 1)[0]


def _best_pairs(pairs: list[tuple[Version, Version]], texts: dict[int, str], left: list[Version],
                right: list[Version]) -> list[tuple[Version, Version, float]]:
    """Pairs at least RENAME_THRESHOLD alike, best first; taken ones leave `left` and `right`."""
    scored = sorted(((similarity(texts[id(a)], texts[id(b)]), k) for k, (a, b) in enumerate(pairs)), reverse=True)
    found = []
    for score, k in scored:
        a, b = pairs[k]
        if score >= RENAME_THRESHOLD and a in left and b in right:
            left.remove(a)
            right.remove(b)
            found.append((a, b, score))
    return found
