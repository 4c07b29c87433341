"""The example plans in plans/: they pass `plangen check --strict` and exercise the cross-links.

These plans are the project's showcase and the fixture for the site's index pages, so the test
checks what the site needs from them: both spellings, several kinds, shared organisations,
people and documents, and Markdown plans that parse into real structure (named leaders with
title and organisation, dated steps with an owner, requirement items with titles).
"""

from __future__ import annotations

import re
import subprocess
import sys
from collections import Counter
from functools import lru_cache
from pathlib import Path

from plangen.model import Plan
from plangen.project import Project, load_project

REPO = Path(__file__).resolve().parents[1]
PLANS = REPO / "plans"


@lru_cache(maxsize=1)
def project() -> Project:
    return load_project([PLANS], REPO)


def plans() -> tuple[Plan, ...]:
    return project().plans


def markdown_plans() -> list[Plan]:
    return [p for p in plans() if p.kind == "markdown"]


def test_examples_pass_check_strictly() -> None:
    problems = [f"{p.path}:{p.line}:{p.column} {p.field} {p.message}" for p in project().problems]
    assert problems == []
    assert len(plans()) == project().files


def test_cli_check_strict_passes() -> None:
    done = subprocess.run([sys.executable, "-m", "plangen", "check", "--strict", "plans"], cwd=REPO, check=False,
                          capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stdout + done.stderr


def test_enough_plans_in_both_spellings() -> None:
    kinds = Counter(p.kind for p in plans())
    assert len(plans()) >= 10
    assert kinds["yaml"] >= 4 and kinds["markdown"] >= 4, kinds


def test_categories_and_statuses() -> None:
    assert len({p.category for p in plans() if p.category}) >= 5
    statuses = Counter(p.status for p in plans())
    assert statuses["draft"] == 1
    assert {"active", "completed", "archived"} <= set(statuses)


def _orgs(plan: Plan) -> set[str]:
    people = {person.org for _, person in plan.leadership.roles() if person.org}
    return {plan.issuer, *plan.helpers, *plan.recipients, *people} - {""}


def test_an_organisation_appears_in_three_plans() -> None:
    counts = Counter(org for p in plans() for org in _orgs(p))
    assert counts.most_common(1)[0][1] >= 3, counts.most_common(5)


def test_a_school_helps_in_two_plans_and_issues_another() -> None:
    helpers = Counter(h for p in plans() for h in p.helpers)
    issuers = {p.issuer for p in plans()}
    assert any(n >= 2 and org in issuers for org, n in helpers.items())


def test_a_person_sits_in_two_leadership_groups() -> None:
    def people(plan: Plan) -> set[tuple[str, str]]:
        return {(x.name, x.org) for _, x in plan.leadership.roles() if x.name and x.org}

    counts = Counter(key for p in plans() for key in people(p))
    assert counts.most_common(1)[0][1] >= 2, counts.most_common(5)
    # and across the two spellings: someone named in a Markdown plan also sits in a YAML plan
    md = {key for p in markdown_plans() for key in people(p)}
    yaml = {key for p in plans() if p.kind == "yaml" for key in people(p)}
    assert md & yaml


def test_a_document_is_cited_by_two_plans() -> None:
    counts = Counter(doc.number or doc.title for p in plans() for doc in set(p.basis))
    _number, n = counts.most_common(1)[0]
    assert n >= 2, counts.most_common(5)
    assert any(doc.number and counts[doc.number] >= 2 for p in plans() for doc in p.basis)


def test_plans_share_tags() -> None:
    counts = Counter(tag for p in plans() for tag in p.tags)
    assert counts.most_common(1)[0][1] >= 3


def test_every_plan_has_dated_steps_inside_its_period() -> None:
    for plan in plans():
        assert plan.steps, plan.slug
        for step in plan.steps:
            assert step.title and step.start and step.end and step.owner, (plan.slug, step)
            if plan.period.start and plan.period.end:
                assert plan.period.start.first() <= step.start.first(), (plan.slug, step.title)
                assert step.end.last() <= plan.period.end.last(), (plan.slug, step.title)


def test_markdown_leadership_parses_into_people() -> None:
    assert markdown_plans()
    for plan in markdown_plans():
        group = plan.leadership
        assert group.leaders and group.deputies and group.members, plan.slug
        for person in group.leaders + group.deputies:
            assert person.name and person.title and person.org, (plan.slug, person)
        assert group.office and group.office.location and group.office.director, plan.slug
        assert group.office.director.name, plan.slug


def test_markdown_parts_parse_into_items() -> None:
    for plan in markdown_plans():
        requirements = plan.part("requirements")
        assert requirements and requirements.items, plan.slug
        assert all(item.title and item.body for item in requirements.items), plan.slug
        assert plan.part("guiding_thought"), plan.slug
    # at least one Markdown heading that names no known part is kept as a further section
    assert any(key.startswith("section-") for p in markdown_plans() for key in p.order)


def test_an_office_is_set_up_somewhere() -> None:
    assert any(p.leadership.office and p.leadership.office.location for p in plans())


_PLAN_LINK = re.compile(r"\]\(plan:([a-z0-9-]+)\)")


def test_plan_links_point_at_existing_plans() -> None:
    slugs = {p.slug for p in plans()}
    linked = [m for text in project().texts.values() for m in _PLAN_LINK.findall(text)]
    assert linked, "the examples should show a cross-reference between related plans"
    assert set(linked) <= slugs, set(linked) - slugs
