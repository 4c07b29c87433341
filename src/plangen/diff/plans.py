"""The structured diff of two plans: metadata, leadership, steps, parts. Pure.

People are matched by name and organisation (then by name alone), never by position. Steps are
matched by identity (see `steps.match_steps`), parts by key and sections by title.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from pathlib import PurePosixPath

from ..dates import PlanDate
from ..model import Leadership, Part, Person, Plan
from ..vocabulary import HEADED_PARTS, NESTED_LABELS, TOP_LABELS
from .model import Change
from .steps import diff_steps
from .text import hunks, similarity

ROLE_LABELS = {**{r: NESTED_LABELS["leadership"][r] for r in ("leaders", "deputies", "members")},
               "director": "办公室主任"}


def diff_plans(old: Plan, new: Plan) -> tuple[Change, ...]:
    """Every change from `old` to `new`, area by area. Empty when they say the same thing."""
    return (*_metadata(old, new), *diff_leadership(old.leadership, new.leadership),
                  *diff_steps(old.steps, new.steps), *diff_parts(old.parts, new.parts))


def _date(d: PlanDate | None) -> str:
    return str(d) if d else ""


def _metadata(old: Plan, new: Plan) -> list[Change]:
    out: list[Change] = []
    fields = [("title", old.title, new.title), ("number", old.number, new.number), ("slug", old.slug, new.slug),
              ("issuer", old.issuer, new.issuer),
              ("date", _date(old.date), _date(new.date)), ("status", old.status, new.status),
              ("period.start", _date(old.period.start), _date(new.period.start)),
              ("period.end", _date(old.period.end), _date(new.period.end)),
              ("category", old.category, new.category)]
    fields += _headings(old, new)
    for path, a, b in fields:
        out += field_change("metadata", path, _label(path), a, b)
    lists = [("tags", old.tags, new.tags), ("basis", _docs(old), _docs(new)),
             ("partners.helpers", old.helpers, new.helpers), ("partners.recipients", old.recipients, new.recipients),
             ("attachments", _attachments(old), _attachments(new))]
    for path, xs, ys in lists:
        out += list_changes("metadata", path, _label(path), xs, ys)
    return out


def _headings(old: Plan, new: Plan) -> list[tuple[str, str, str]]:
    """The author's headings of the canonical parts, where they differ. A YAML plan and its Markdown rewrite
    differ in spelling only: there a heading written on one side alone (## 一、指导思想) is no change."""
    same_spelling = PurePosixPath(old.source).suffix == PurePosixPath(new.source).suffix
    pairs = [(f"headings.{key}", old.heading(key), new.heading(key)) for key in HEADED_PARTS]
    return [(path, a, b) for path, a, b in pairs if a != b and (same_spelling or (a and b))]


def _label(path: str) -> str:
    head, _, tail = path.partition(".")
    if not tail:
        return TOP_LABELS.get(head, head)
    return f"{TOP_LABELS.get(head, head)} {NESTED_LABELS.get(head, {}).get(tail, tail)}"


def _docs(plan: Plan) -> tuple[str, ...]:
    return tuple((f"《{d.title}》" if d.title else "") + d.number for d in plan.basis)


def _attachments(plan: Plan) -> tuple[str, ...]:
    return tuple(a.title + (f" ({a.file})" if a.file else "") for a in plan.attachments)


def field_change(area: str, path: str, label: str, old: str, new: str) -> list[Change]:
    """One field: nothing, a short value changed, or a long text changed (with hunks)."""
    if old == new:
        return []
    if old and new and max(len(old), len(new)) > 40:
        return [Change(area, "text", path, label, hunks=hunks(old, new))]
    return [Change(area, "field-changed", path, label, old, new)]


def list_changes(area: str, path: str, label: str, old: Sequence[str], new: Sequence[str]) -> list[Change]:
    """Entries of a list added or removed; order is not a change."""
    gone = [x for x in dict.fromkeys(old) if x not in new]
    came = [x for x in dict.fromkeys(new) if x not in old]
    return ([Change(area, "item-removed", path, label, old=x) for x in gone]
            + [Change(area, "item-added", path, label, new=x) for x in came])


# --- leadership ----------------------------------------------------------------------------------

Role = tuple[str, Person]


def diff_leadership(old: Leadership, new: Leadership) -> list[Change]:
    group = TOP_LABELS["leadership"]
    out = field_change("leadership", "leadership.name", f"{group} 小组名称", old.name, new.name)
    pairs, gone, came = match_people(old.roles(), new.roles())
    for a, b in pairs:
        if describe_role(a) != describe_role(b):
            out.append(Change("leadership", "person-changed", _person_path(b[1]), _who(b[1]),
                              describe_role(a), describe_role(b)))
    out += [Change("leadership", "person-removed", _person_path(p), _who(p), old=describe_role((r, p)))
            for r, p in gone]
    out += [Change("leadership", "person-added", _person_path(p), _who(p), new=describe_role((r, p)))
            for r, p in came]
    out += field_change("leadership", "leadership.office.location", f"{group} 办公室设在",
                        old.office.location if old.office else "", new.office.location if new.office else "")
    for path, was, now in (("leadership.office.body", old.office.body if old.office else "",
                            new.office.body if new.office else ""), ("leadership.body", old.body, new.body)):
        if was != now:
            out.append(Change("leadership", "text", path, f"{group} 说明", hunks=hunks(was, now)))
    return out


def match_people(old: Sequence[Role], new: Sequence[Role]) -> tuple[list[tuple[Role, Role]], list[Role], list[Role]]:
    """Pairs of the same person (by name and organisation, then by name alone), then the rest."""
    left, right = list(old), list(new)
    pairs: list[tuple[Role, Role]] = []
    for key in (_full_key, _name_key):
        for a in list(left):
            candidates = [b for b in right if key(b[1]) == key(a[1])]
            same_key_left = [x for x in left if key(x[1]) == key(a[1])]
            if candidates and (key is _full_key or len(candidates) == len(same_key_left) == 1):
                b = next((c for c in candidates if c[0] == a[0]), candidates[0])
                pairs.append((a, b))
                left.remove(a)
                right.remove(b)
    return pairs, left, right


def _full_key(p: Person) -> tuple[str, str, str]:
    return (p.name, p.org, "" if p.name else p.description)


def _name_key(p: Person) -> tuple[str, str, str]:
    return (p.name, "", "") if p.name else ("", "", p.description)


def _who(p: Person) -> str:
    return p.name or p.description


def _person_path(p: Person) -> str:
    return f"leadership.people[{p.name}|{p.org}]" if p.name else f"leadership.people[{p.description}]"


def describe_role(role: Role) -> str:
    """'组长 · 校长 · 五井小学': role, title, organisation (what a person-changed compares)."""
    key, p = role
    return " · ".join(x for x in (ROLE_LABELS.get(key, key), p.title, p.org) if x)


# --- parts ---------------------------------------------------------------------------------------

def part_text(part: Part) -> str:
    """A part as one text: its body, then one line per item ('标题：内容')."""
    lines = [part.body] if part.body else []
    lines += ["：".join(x for x in (i.title, i.body) if x) for i in part.items]
    return "\n".join(lines)


def diff_parts(old: Iterable[Part], new: Iterable[Part]) -> list[Change]:
    pairs, gone, came = match_parts(list(old), list(new))
    out: list[Change] = []
    for a, b in pairs:
        path = _part_path(b)
        if a.title != b.title:
            out.append(Change("parts", "part-retitled", path, b.title, a.title, b.title))
        elif a.key.startswith("section-") and a.heading != b.heading:  # 五、经费保障 -> 四、经费保障
            out.append(Change("parts", "part-retitled", path, b.title, a.heading, b.heading))
        if part_text(a) != part_text(b):
            out.append(Change("parts", "text", path, b.title, hunks=hunks(part_text(a), part_text(b))))
    out += [Change("parts", "part-removed", _part_path(p), p.title, old=part_text(p)) for p in gone]
    out += [Change("parts", "part-added", _part_path(p), p.title, new=part_text(p)) for p in came]
    return out


def _part_path(p: Part) -> str:
    return f"parts.sections[{p.title}]" if p.key.startswith("section-") else f"parts.{p.key}"


def match_parts(old: list[Part], new: list[Part]) -> tuple[list[tuple[Part, Part]], list[Part], list[Part]]:
    """Known parts by key; further sections by title, then by similar text (a retitled section)."""
    def ident(p: Part) -> str:
        return "§" + p.title if p.key.startswith("section-") else p.key

    pairs: list[tuple[Part, Part]] = []
    right = list(new)
    left: list[Part] = []
    for a in old:
        b = next((x for x in right if ident(x) == ident(a)), None)
        if b is None:
            left.append(a)
        else:
            pairs.append((a, b))
            right.remove(b)
    for a in list(left):
        scored = [(similarity(part_text(a), part_text(b)), k) for k, b in enumerate(right)
                  if a.key.startswith("section-") and b.key.startswith("section-")]
        best = max(scored, default=(0.0, -1))
        if best[0] >= 0.5:
            pairs.append((a, right.pop(best[1])))
            left.remove(a)
    return pairs, left, right
