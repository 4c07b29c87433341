"""The JSON Schema of a plan (shipped in the package) and its errors as Problems: the home of jsonschema."""

from __future__ import annotations

import copy
import difflib
import json
from collections.abc import Callable
from functools import lru_cache
from importlib import resources
from typing import TYPE_CHECKING, Any

import fastjsonschema

if TYPE_CHECKING:  # jsonschema itself is imported only when a plan has errors (it takes ~0.1 s to import)
    from jsonschema import Draft202012Validator, ValidationError

from .documents import FieldPath, Marks, dotted, mark_of
from .problems import Problem, error
from .vocabulary import NESTED_ALIASES, REQUIRED_PARTS, TOP_ALIASES, label_for
from .wording import Wording, msg, one_of

_KIND = {"dict": "word.mapping", "list": "word.list", "str": "word.text", "NoneType": "word.nothing"}
_WANTED = {"object": "word.mapping-kv", "array": "word.list", "string": "word.text"}


@lru_cache(maxsize=1)
def plan_schema() -> dict[str, Any]:
    """The canonical schema: English keys only. Validation runs after aliases are resolved."""
    text = resources.files("plangen").joinpath("schema/plan.schema.json").read_text("utf-8")
    schema: dict[str, Any] = json.loads(text)
    return schema


def editor_schema() -> dict[str, Any]:
    """The schema for editors: the canonical one, with every Chinese alias accepted as a key.

    Each alias becomes a property of its own (so editors complete it and show its label), and a
    required key may be written under any of its names.
    """
    schema = copy.deepcopy(plan_schema())
    defs, props = schema["$defs"], schema["properties"]
    targets = {
        "period": props["period"],
        "basis": props["basis"]["items"],
        "partners": props["partners"],
        "attachments": props["attachments"]["items"],
        "leadership": props["leadership"],
        "office": props["leadership"]["properties"]["office"],
        "steps": props["steps"]["items"],
        "person": defs["person"],
        "item": defs["item"],
        "sections": props["sections"]["items"],
        "headings": props["headings"],
    }
    for context, target in targets.items():  # nested first: top-level aliases copy these objects
        _accept_aliases(target, NESTED_ALIASES.get(context, {}))
    _accept_aliases(schema, TOP_ALIASES)
    return schema


def _accept_aliases(target: dict[str, Any], aliases: dict[str, str]) -> None:
    properties: dict[str, Any] = target["properties"]
    names: dict[str, list[str]] = {key: [key] for key in properties}
    for alias, key in sorted(aliases.items()):
        if alias not in properties and key in properties:
            original = properties[key]
            properties[alias] = {**original, "description": f"同 {key}。" + original.get("description", "")}
            names[key].append(alias)
    _any_name_required(target, names)


def _any_name_required(node: dict[str, Any], names: dict[str, list[str]]) -> None:
    """`required: [title]` -> title under any of its names (also inside if/then/not)."""
    for keyword in ("if", "then", "not"):
        if isinstance(node.get(keyword), dict):
            _any_name_required(node[keyword], names)
    for branch in node.get("anyOf", []):  # name or description: each under any of its names
        _any_name_required(branch, names)
    required = node.get("required")
    if not required or all(len(names.get(k, [k])) == 1 for k in required):
        return
    del node["required"]
    groups = [{"anyOf": [{"required": [n]} for n in names.get(k, [k])]} for k in required]
    node["allOf"] = node.get("allOf", []) + groups


@lru_cache(maxsize=1)
def _validator() -> Draft202012Validator:
    from jsonschema import Draft202012Validator

    return Draft202012Validator(plan_schema())


@lru_cache(maxsize=1)
def _fast_validator() -> Callable[[Any], Any]:
    """The schema compiled to Python by fastjsonschema: ~20x faster than jsonschema on valid plans.

    It stops at the first error, so it only answers "valid?"; invalid plans go through jsonschema,
    which finds every error.
    """
    return fastjsonschema.compile(_without_refs(plan_schema()), detailed_exceptions=False)


def _without_refs(schema: dict[str, Any]) -> dict[str, Any]:
    """The same rules with each `$ref` replaced by its definition (`$defs` has no cycles): compiled
    code then checks each value in line, without a function call and a field name built per value."""
    definitions: dict[str, Any] = schema["$defs"]

    def inline(node: Any) -> Any:
        if isinstance(node, list):
            return [inline(v) for v in node]
        if not isinstance(node, dict):
            return node
        ref = node.get("$ref")
        out = {k: inline(v) for k, v in node.items() if not (k == "$ref" and isinstance(ref, str))}
        if not isinstance(ref, str):
            return out
        if not ref.startswith("#/$defs/") or set(out) - {"title", "description"}:  # only annotations beside it
            raise ValueError(f"cannot inline {ref} beside {sorted(out)}")
        return {**inline(definitions[ref.removeprefix("#/$defs/")]), **out}

    inlined: dict[str, Any] = inline({k: v for k, v in schema.items() if k != "$defs"})
    return inlined


def _is_valid_fast(data: Any) -> bool:
    try:
        _fast_validator()(data)
    except fastjsonschema.JsonSchemaException:
        return False
    return True


def validate(data: Any, marks: Marks, path: str) -> list[Problem]:
    """Every schema violation in one plan, as Problems with line, column and field."""
    if _is_valid_fast(data):
        return []
    found: list[Problem] = []
    for err in sorted(_validator().iter_errors(data), key=lambda e: list(map(str, e.absolute_path))):
        found.extend(_translate(err, marks, path))
    unique = list(dict.fromkeys(found))
    return unique


def _translate(err: ValidationError, marks: Marks, path: str) -> list[Problem]:
    at: FieldPath = tuple(err.absolute_path)
    kind = err.validator
    if err.instance is None and len(at) == 1 and at[0] in REQUIRED_PARTS:
        return []  # an empty required part: the empty-part rule says so in its own words
    if kind in ("anyOf", "oneOf"):
        return _translate_union(err, marks, path)
    instance: Any = err.instance
    if kind == "required":
        wanted: list[str] = list(_value(err))
        return [_required(at, m, marks, path) for m in wanted if m not in instance]
    if kind == "additionalProperties":
        where: dict[str, Any] = dict(_schema_of(err))
        return [_unknown(at, k, where, marks, path) for k in instance if k not in where["properties"]]
    line, col = mark_of(marks, at)
    return [error(path, line, col, dotted(at), _describe(err), code=f"schema-{kind}")]


def _translate_union(err: ValidationError, marks: Marks, path: str) -> list[Problem]:
    """`anyOf` of required keys (a person's name or description, an item's title or body): the first is missing."""
    branches: list[dict[str, Any]] = list(_value(err))
    at: FieldPath = tuple(err.absolute_path)
    if all(set(b) == {"required"} for b in branches):
        return [_required(at, branches[0]["required"][0], marks, path)]
    line, col = mark_of(marks, at)  # the plan schema has no other unions; say at least where and what
    return [error(path, line, col, dotted(at), msg("schema.any-of"), code="schema-anyOf")]


def _required(at: FieldPath, missing: str, marks: Marks, path: str) -> Problem:
    line, col = mark_of(marks, at) if at else (1, 1)
    field = at + (missing,)
    label = label_for(field)
    said = msg("schema.required-labelled", key=missing, label=label) if label else msg("schema.required", key=missing)
    return error(path, line, col, dotted(field), said, code="required")


def _unknown(at: FieldPath, key: str, schema: dict[str, Any], marks: Marks, path: str) -> Problem:
    line, col = mark_of(marks, at + (key,))
    known = {k: k for k in schema["properties"]}
    known.update({v.get("title", ""): k for k, v in schema["properties"].items() if v.get("title")})
    close = difflib.get_close_matches(key, list(known), n=1, cutoff=0.5)
    if not close:
        said = msg("schema.unknown-key", key=key, known=", ".join(schema["properties"]))
    elif close[0] != known[close[0]]:
        said = msg("schema.unknown-key-alias", key=key, target=known[close[0]], alias=close[0])
    else:
        said = msg("schema.unknown-key-close", key=key, target=known[close[0]])
    return error(path, line, col, dotted(at + (key,)), said, code="unknown-key")


def _value(err: ValidationError) -> Any:
    """The keyword's value in the schema (typed loosely by jsonschema)."""
    return err.validator_value


def _schema_of(err: ValidationError) -> Any:
    return err.schema


def _describe(err: ValidationError) -> Wording:
    kind, value, rule = err.validator, err.instance, _value(err)
    if kind == "type":
        wanted = one_of([_word(_WANTED, str(w)) for w in (rule if isinstance(rule, list) else [rule])])
        if value is None:
            return msg("schema.empty", wanted=wanted)
        return msg("schema.type", wanted=wanted, found=_word(_KIND, type(value).__name__))
    if kind == "enum":
        return msg("schema.enum", value=value, allowed=", ".join(map(str, rule)))
    if kind == "minLength":
        return msg("schema.min-length")
    if kind == "maxLength":
        return msg("schema.max-length", length=len(str(value)), most=rule)
    if kind == "pattern":
        return _pattern_message(err)
    return msg("schema.other", rule=kind, detail=err.message)


def _pattern_message(err: ValidationError) -> Wording:
    value = err.instance
    if "年" in str(err.validator_value):
        return msg("schema.date", value=value)
    if err.absolute_path and err.absolute_path[-1] == "slug":
        return msg("schema.slug", value=value)
    return msg("schema.pattern", value=value, pattern=err.validator_value)


def _word(table: dict[str, str], name: str) -> Wording:
    """The word for a JSON type (or a Python type's name), or the name as it is."""
    key = table.get(name)
    return msg(key) if key else msg("word.value-of", kind=name)
