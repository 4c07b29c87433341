"""index._top_related: the best few plans sharing organisations, people, documents (2 points) or
tags (1 point), compared with the plain definition on random feature sets full of ties."""

from __future__ import annotations

import random
from collections import defaultdict
from dataclasses import dataclass

import pytest

from plangen.index import COMMON_FEATURE, RELATED_MAX, _top_related


@dataclass(frozen=True)
class Slugged:
    slug: str


def plainly(plans: tuple[Slugged, ...], features: dict[str, set[str]]) -> dict[str, tuple[str, ...]]:
    """The definition: every other plan's score, sorted by score (high first), then position."""
    holders: dict[str, list[int]] = defaultdict(list)
    for i, plan in enumerate(plans):
        for feat in features[plan.slug]:
            holders[feat].append(i)
    related = {}
    for i, plan in enumerate(plans):
        scores: dict[int, int] = defaultdict(int)
        for feat in features[plan.slug]:
            if len(holders[feat]) <= COMMON_FEATURE:
                for j in holders[feat]:
                    scores[j] += 1 if feat.startswith("t:") else 2
        ranked = sorted((j for j in scores if j != i), key=lambda j: (-scores[j], j))
        related[plan.slug] = tuple(plans[j].slug for j in ranked[:RELATED_MAX])
    return related


@pytest.mark.parametrize("seed", range(6))
def test_the_best_related_plans_follow_the_definition(seed: int) -> None:
    rng = random.Random(seed)
    plans = tuple(Slugged(f"p{i}") for i in range(rng.choice([5, 40, 400])))
    kinds, size = ["t:", "o:", "p:", "d:"], rng.choice([3, 30, 300])
    features = {p.slug: {rng.choice(kinds) + str(rng.randrange(size)) for _ in range(rng.randrange(6))} for p in plans}
    assert _top_related(plans, features) == plainly(plans, features)


def test_a_feature_of_too_many_plans_counts_for_nothing() -> None:
    plans = tuple(Slugged(f"p{i}") for i in range(COMMON_FEATURE + 2))
    features = {p.slug: {"o:everyone"} for p in plans}
    features["p0"] |= {"t:rare"}
    features["p1"] |= {"t:rare"}
    related = _top_related(plans, features)
    assert related["p0"] == ("p1",) and related["p5"] == ()
