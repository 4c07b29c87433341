"""A plan's summary print: what any page shows of a plan it does not show in full, as one hash.
Pages that list a plan are made again when its summary print changes (docs/architecture.md, "What a
template may print"); it is made when the plan is parsed and kept with it in the build cache. Pure."""

from __future__ import annotations

from .model import Plan
from .prints import digest


def summary_print(plan: Plan) -> str:
    """What any page shows of a plan it does not show in full: its list entry (title, issuer,
    dates, status, category, tags, partners, cited documents), the people of its leadership
    group, and its steps' titles, dates, owners and ids (the timeline and the site calendar).
    Templates may print only these of a plan they do not `read` (docs/architecture.md)."""
    group = tuple((role, p.name, p.title, p.org, p.description) for role, p in plan.leadership.roles())
    steps = tuple((s.title, str(s.start), str(s.end), s.owner, s.id) for s in plan.steps)
    card = (plan.slug, plan.title, plan.issuer, str(plan.date), str(plan.period), plan.status, plan.category,
            plan.tags, plan.helpers, plan.recipients, plan.basis, group, steps)
    return digest(repr(card))
