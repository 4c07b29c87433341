"""The shipped schema, the vocabulary and the model agree; `plangen schema` prints a usable schema."""

from __future__ import annotations

import dataclasses
import json
from typing import Any

import pytest
from jsonschema import Draft202012Validator

from plangen import model
from plangen.cli import main
from plangen.schema import editor_schema, plan_schema
from plangen.vocabulary import (
    NESTED_ALIASES,
    NESTED_LABELS,
    PART_SYNONYMS,
    REQUIRED_PARTS,
    TOP_ALIASES,
    TOP_LABELS,
    label_for,
)

SCHEMA = plan_schema()
PROPS: dict[str, Any] = SCHEMA["properties"]
DEFS: dict[str, Any] = SCHEMA["$defs"]


def _object(schema: dict[str, Any]) -> dict[str, Any]:
    """The object branch of a property (following $ref and anyOf)."""
    if "$ref" in schema:
        return _object(DEFS[schema["$ref"].rsplit("/", 1)[1]])
    if "anyOf" in schema and "properties" not in schema:
        return next(_object(b) for b in schema["anyOf"] if _object(b).get("type") == "object")
    if schema.get("type") == "array":
        return _object(schema["items"])
    if isinstance(schema.get("type"), list) and "properties" in schema:  # text or a mapping
        return {**schema, "type": "object"}
    return schema


# Where each nested vocabulary context lives in the schema.
NESTED = {
    "period": PROPS["period"],
    "basis": _object(PROPS["basis"]),
    "partners": PROPS["partners"],
    "attachments": _object(PROPS["attachments"]),
    "leadership": PROPS["leadership"],
    "person": _object(DEFS["person"]),
    "office": PROPS["leadership"]["properties"]["office"],
    "steps": _object(PROPS["steps"]),
    "item": _object(DEFS["item"]),
    "sections": _object(PROPS["sections"]),
    "headings": PROPS["headings"],
}

# Schema keys and the model field that carries them (None: the key itself is the field name).
TOP_TO_MODEL = {"partners": ("helpers", "recipients"), "leadership": ("leadership",), "sections": ("parts",)}
PART_KEYS = ("preamble", "guiding_thought", "objectives", "targets", "content", "forms", "measures",
             "requirements", "safeguards")
NESTED_MODEL = {"period": model.Period, "basis": model.DocRef, "attachments": model.Attachment,
                "leadership": model.Leadership, "person": model.Person, "office": model.Office,
                "steps": model.Step, "item": model.Item, "sections": model.Part}


def test_schema_is_valid_draft_2020_12() -> None:
    Draft202012Validator.check_schema(SCHEMA)  # the editor schema: in the `plangen schema` test below
    assert SCHEMA["$schema"] == "https://json-schema.org/draft/2020-12/schema"


def test_every_top_level_property_has_a_label_and_a_model_field() -> None:
    assert list(PROPS) == list(TOP_LABELS)
    fields = {f.name for f in dataclasses.fields(model.Plan)}
    for key, prop in PROPS.items():
        assert prop["title"] == TOP_LABELS[key], key
        if key in PART_KEYS:
            assert "parts" in fields, key
        else:
            assert set(TOP_TO_MODEL.get(key, (key,))) <= fields, key


@pytest.mark.parametrize("context", sorted(NESTED_MODEL))
def test_every_nested_property_has_a_label_and_a_model_field(context: str) -> None:
    props = NESTED[context]["properties"]
    assert set(props) == set(NESTED_LABELS[context]), context
    fields = {f.name for f in dataclasses.fields(NESTED_MODEL[context])}
    renamed = {"sections": {"items": "items", "title": "title", "body": "body"}}.get(context, {})
    for key, prop in props.items():
        assert prop.get("title") == NESTED_LABELS[context][key], (context, key)
        assert renamed.get(key, key) in fields, (context, key)


def test_partners_map_to_plan_fields() -> None:
    assert set(PROPS["partners"]["properties"]) == {"helpers", "recipients"}


def test_every_alias_maps_to_a_schema_property() -> None:
    for alias, key in TOP_ALIASES.items():
        assert key in PROPS, (alias, key)
    for context, aliases in NESTED_ALIASES.items():
        for alias, key in aliases.items():
            assert key in NESTED[context]["properties"], (context, alias, key)


def test_every_heading_part_and_required_part_is_a_property() -> None:
    assert set(PART_SYNONYMS) <= set(PROPS)
    assert set(REQUIRED_PARTS) <= set(SCHEMA["required"])


def test_labels_in_messages() -> None:
    assert label_for(("leadership", "leaders", 0, "name")) == "组长 姓名"
    assert label_for(("leadership", "office", "director", "org")) == "主任 单位"
    assert label_for(("steps", 2, "start")) == "实施步骤 开始"
    assert label_for(("requirements", 0, "title")) == "工作要求 标题"
    assert label_for(("nonsense",)) == ""


def test_plangen_schema_prints_the_editor_schema_with_chinese_aliases(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["schema"]) == 0
    printed = json.loads(capsys.readouterr().out)
    Draft202012Validator.check_schema(printed)
    assert printed["$schema"] == "https://json-schema.org/draft/2020-12/schema"
    for alias in ("指导思想", "领导小组", "实施步骤", "工作要求", "标题", "总体思路"):
        assert alias in printed["properties"], alias
    leadership = printed["properties"]["领导小组"]["properties"]
    assert {"组长", "副组长", "成员", "组员", "办公室"} <= set(leadership)
    assert {"负责人", "开始"} <= set(printed["properties"]["steps"]["items"]["properties"])
    assert printed["properties"]["指导思想"]["description"].startswith("同 guiding_thought。")


def test_editor_schema_accepts_a_chinese_plan_the_checker_accepts() -> None:
    plan = {"标题": "方案", "发文单位": "测试小学", "指导思想": "目标。",
            "领导小组": {"组长": [{"姓名": "张明", "职务": "校长"}], "成员": ["全体教师"]},
            "实施步骤": [{"名称": "启动", "开始": "2016-09-01", "负责人": "教导处"}],
            "工作要求": ["认真"]}
    validator = Draft202012Validator(editor_schema())
    assert list(validator.iter_errors(plan)) == []
    missing = {k: v for k, v in plan.items() if k != "指导思想"}
    assert [e.validator for e in validator.iter_errors(missing)] == ["anyOf"]
    nameless = {**plan, "领导小组": {"组长": [{"职务": "校长"}]}}
    assert len(list(validator.iter_errors(nameless))) == 1


# Keywords that draft-07 (what the YAML language server validates with) and 2020-12 share.
SHARED_KEYWORDS = {"$schema", "$id", "$ref", "title", "description", "type", "properties", "additionalProperties",
                   "required", "enum", "pattern", "minLength", "maxLength", "items", "anyOf", "allOf", "oneOf",
                   "not", "if", "then", "else", "const", "default", "examples", "$defs"}


def _keywords(node: Any, found: set[str]) -> set[str]:
    if isinstance(node, dict):
        for key, value in node.items():
            found.add(key)
            children = value.values() if key in ("properties", "$defs") and isinstance(value, dict) else [value]
            for child in children:
                _keywords(child, found)
    elif isinstance(node, list):
        for child in node:
            _keywords(child, found)
    return found


def test_editor_schema_uses_only_keywords_draft_07_also_knows() -> None:
    from jsonschema import Draft7Validator

    schema = editor_schema()
    assert _keywords(schema, set()) <= SHARED_KEYWORDS
    Draft7Validator.check_schema(schema)
    plan = {"标题": "方案", "发文单位": "测试小学", "指导思想": "目标。", "领导小组": {"组长": ["张明"]},
            "实施步骤": [{"名称": "启动"}], "工作要求": ["认真"], "状态": "草稿"}
    errors = list(Draft7Validator(schema).iter_errors(plan))
    assert [e.validator for e in errors] == ["enum"]  # the same answers under draft-07 rules


def test_docs_describe_every_field_and_every_code() -> None:
    import re
    from pathlib import Path

    docs = (Path(__file__).resolve().parents[1] / "docs" / "plan-format.md").read_text("utf-8")
    for key in PROPS:
        assert f"`{key}`" in docs, key
    for context in NESTED.values():
        for key in context["properties"]:
            assert re.search(rf"[`({{ ]{key}[ `)]", docs), key
    src = Path(__file__).resolve().parents[1] / "src" / "plangen"
    owned = ("problems", "sources", "documents", "markdown_plan", "aliases", "schema", "rules", "project", "config")
    codes: set[str] = set()
    for name in owned:
        text = (src / f"{name}.py").read_text("utf-8")
        codes |= set(re.findall(r'code="([a-z0-9-]+)"', text))
        codes |= set(re.findall(r'"(?:placeholder|date-no-year|bad-date|period-order|step-order|'
                                r'step-outside-period|empty-part|no-leader|person-twice|person-two-roles)"', text))
    codes = {c.strip('"') for c in codes}
    assert {"required", "placeholder", "person-two-roles"} <= codes
    missing = sorted(c for c in codes if f"`{c}`" not in docs)
    assert missing == []
    for keyword in ("schema-type", "schema-enum", "schema-pattern"):
        assert f"`{keyword}`" in docs
