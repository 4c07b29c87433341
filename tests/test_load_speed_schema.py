"""The fast schema check: the plan schema with its `$ref`s inlined accepts exactly what the schema accepts."""

from __future__ import annotations

import copy
import json
from pathlib import Path
from typing import Any

import pytest
from jsonschema import Draft202012Validator

from plangen import schema
from plangen.project import parse_source
from plangen.sources import Source, kind_of

FIXTURES = Path(__file__).parent / "fixtures"


def _plans() -> list[dict[str, Any]]:
    found = []
    for file in sorted(FIXTURES.rglob("*")):
        kind = kind_of(file.name)
        if kind and file.is_file():
            data = parse_source(Source(file.name, file.read_text("utf-8"), kind)).data
            if isinstance(data, dict):
                found.append(data)
    return found


def _variants(data: dict[str, Any]) -> list[dict[str, Any]]:
    """The plan, and copies with one top-level value replaced by values of every kind."""
    out = [data]
    for key in list(data)[:8]:
        for value in (None, "", "x", [], {}, ["x"], [{}], [{"title": ""}], {"zz": "x"}, "a" * 2001):
            changed = copy.deepcopy(data)
            changed[key] = value
            out.append(changed)
    return out


def test_no_reference_is_left() -> None:
    inlined = schema._without_refs(schema.plan_schema())
    assert "$ref" not in json.dumps(inlined) and "$defs" not in inlined


def test_the_inlined_schema_accepts_what_the_schema_accepts() -> None:
    plans = [v for data in _plans() for v in _variants(data)]
    full = Draft202012Validator(schema.plan_schema())
    assert len(plans) > 100 and any(full.is_valid(p) for p in plans) and not all(full.is_valid(p) for p in plans)
    for plan in plans:
        assert schema._is_valid_fast(plan) == full.is_valid(plan)


def test_a_reference_beside_rules_is_not_inlined() -> None:
    odd = {"$defs": {"text": {"type": "string"}}, "properties": {"a": {"$ref": "#/$defs/text", "minLength": 2}}}
    with pytest.raises(ValueError, match="cannot inline"):
        schema._without_refs(odd)
    assert schema._without_refs({"$defs": {"text": {"type": "string", "title": "t"}},
                                 "properties": {"a": {"$ref": "#/$defs/text", "title": "a"}}}) == \
        {"properties": {"a": {"type": "string", "title": "a"}}}
