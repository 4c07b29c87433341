"""A plan as plain JSON for the build cache: each value as the list of its fields, read back by the
model's types (never pickle). The codecs are made once, from the model's type hints, when the
module loads; a model of another shape gives another `model_print`, and its cache is not read."""

from __future__ import annotations

import hashlib
import json
import types
import typing
from collections.abc import Callable
from dataclasses import fields, is_dataclass
from types import MappingProxyType
from typing import Any

from .model import Plan

_Encoder = Callable[[Any], Any]
_Decoder = Callable[[Any, dict[Any, Any]], Any]
_Codecs = dict[Any, tuple[_Encoder, _Decoder]]


def plan_json(plan: Plan) -> list[Any]:
    """The plan as nested lists of its fields' values; TypeError when a value does not have its field's type."""
    encoded: list[Any] = _CODECS[Plan][0](plan)
    return encoded


def plan_from_json(value: Any, shared: dict[Any, Any]) -> Plan:
    """The plan `plan_json` gave; `shared` holds one object for each equal string or small value
    met (strings, names, dates…), shared by the plans read with the same dict. Raises TypeError or
    ValueError on anything else."""
    plan = _CODECS[Plan][1](value, shared)
    if not isinstance(plan, Plan):
        raise TypeError("not a plan")
    return plan


def plan_head_json(plan: Plan) -> list[Any]:
    """The plan's `HEADER` fields as `plan_json` writes them: what `plan_from_json_on_use` decodes at once."""
    return [encode(getattr(plan, name)) for name, encode in _HEADER_ENCODERS]


def plan_from_json_on_use(head: Any, rest: str, shared: dict[Any, Any]) -> Plan:
    """The plan whose `plan_head_json` is `head` and whose `plan_json` is the JSON text `rest`, with
    only the fields the checks across plans read decoded now (`HEADER`); the others are decoded
    from `rest` when one of them is first read. An edit makes a few plans' pages again, so most
    plans of the cache are never decoded in full (docs/architecture.md, "A plan read back from
    `build.jsonl`"). Raises TypeError or ValueError on a head that is not such a plan's; a `rest`
    that is not raises `Undecodable` when first read."""
    if type(head) is not list or len(head) != len(HEADER):
        raise TypeError("not a plan's header")
    plan = object.__new__(_PlanOnUse)
    for (name, decode), value in zip(_HEADER_DECODERS, head, strict=True):
        object.__setattr__(plan, name, decode(value, shared))
    object.__setattr__(plan, "_rest", (rest, shared))
    return plan


class Undecodable(Exception):
    """A plan read back from the build cache whose other fields do not decode when first read (its
    entry passed its check but was not written by plangen), or such a table of a kept index
    (index_json.py). The build is made again without what .plangen-cache/ kept (build.py)."""


HEADER = ("slug", "status", "source", "kind", "tags", "category")  # decoded when a plan is read back


class _PlanOnUse(Plan):
    """A plan read back from the build cache whose fields outside `HEADER` are set when one of them
    is first read: reading an unset field of a slotted class asks `__getattr__`. It is a `Plan` in
    every other way, and equal to a `Plan` of the same fields."""

    __slots__ = ("_rest",)

    def __getattr__(self, name: str) -> Any:
        if name not in _PLAN_NAMES:
            raise AttributeError(name)
        text, shared = object.__getattribute__(self, "_rest")
        try:
            value = json.loads(text)
            if type(value) is not list or len(value) != len(_PLAN_FIELDS):
                raise TypeError("not a plan")
            rest = [(field_name, decode(value[at], shared)) for at, (field_name, decode) in enumerate(_PLAN_FIELDS)
                    if at not in _HEADER_AT]
        except (TypeError, ValueError) as exc:
            raise Undecodable(self.source) from exc
        for field_name, decoded in rest:
            object.__setattr__(self, field_name, decoded)
        object.__delattr__(self, "_rest")
        return object.__getattribute__(self, name)

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, Plan):
            return NotImplemented
        return _compared(self) == _compared(other)

    __hash__ = Plan.__hash__


def _compared(plan: Plan) -> tuple[Any, ...]:
    return tuple(getattr(plan, f.name) for f in fields(Plan) if f.compare)


def model_print() -> str:
    """The model's shape (each value's fields and their types): a cache of another shape is not read."""
    return _MODEL_PRINT


def _codec(hint: Any, made: _Codecs) -> tuple[_Encoder, _Decoder]:
    """The encoder and decoder of one type of the model: str, int, X | None, tuple[X, ...], a dataclass."""
    if hint in made:
        return made[hint]
    if hint is str or hint is int:
        pair = _scalar(hint)
    elif typing.get_origin(hint) in (types.UnionType, typing.Union):
        inner = [a for a in typing.get_args(hint) if a is not type(None)]
        if len(inner) != 1 or len(typing.get_args(hint)) != 2:
            raise TypeError(f"no codec for {hint}")
        pair = _optional(*_codec(inner[0], made))
    elif typing.get_origin(hint) is tuple and typing.get_args(hint)[1:] == (Ellipsis,):
        pair = _sequence(*_codec(typing.get_args(hint)[0], made))
    elif isinstance(hint, type) and is_dataclass(hint):
        pair = _record(hint, made)
    else:
        raise TypeError(f"no codec for {hint}")
    made[hint] = pair
    return pair


def _scalar(kind: type) -> tuple[_Encoder, _Decoder]:
    def enc(v: Any) -> Any:
        if type(v) is not kind:
            raise TypeError(f"expected {kind.__name__}, found {type(v).__name__}")
        return v

    def dec(v: Any, shared: dict[Any, Any]) -> Any:
        return shared.setdefault(v, v) if type(v) is kind else enc(v)

    return enc, dec


def _optional(inner_enc: _Encoder, inner_dec: _Decoder) -> tuple[_Encoder, _Decoder]:
    return (lambda v: None if v is None else inner_enc(v),
            lambda v, shared: None if v is None else inner_dec(v, shared))


def _sequence(inner_enc: _Encoder, inner_dec: _Decoder) -> tuple[_Encoder, _Decoder]:
    def enc(v: Any) -> Any:
        if type(v) is not tuple:
            raise TypeError(f"expected a tuple, found {type(v).__name__}")
        return [inner_enc(x) for x in v]

    def dec(v: Any, shared: dict[Any, Any]) -> Any:
        if type(v) is not list:
            raise TypeError(f"expected a list, found {type(v).__name__}")
        return tuple([inner_dec(x, shared) for x in v])

    return enc, dec


def _unmade(*_: Any) -> Any:
    raise TypeError("a model type that contains itself")


def _record(cls: type, made: _Codecs) -> tuple[_Encoder, _Decoder]:
    made[cls] = (_unmade, _unmade)  # (no model type contains itself)
    names, hints = zip(*_field_hints(cls), strict=True)
    codecs = [_codec(hint, made) for hint in hints]
    pairs = list(zip(names, [c[0] for c in codecs], strict=True))
    decoders = [c[1] for c in codecs]
    keep_one = cls is not Plan  # a plan is one object per parse (values are kept by its identity)

    def enc(v: Any) -> Any:
        if type(v) is not cls:
            raise TypeError(f"expected {cls.__name__}, found {type(v).__name__}")
        return [e(getattr(v, name)) for name, e in pairs]

    def dec(v: Any, shared: dict[Any, Any]) -> Any:
        if type(v) is not list:
            raise TypeError(f"expected a list, found {type(v).__name__}")
        made_one = cls(*[d(x, shared) for d, x in zip(decoders, v, strict=True)])
        return shared.setdefault(made_one, made_one) if keep_one else made_one

    return enc, dec


def _field_hints(cls: type) -> list[tuple[str, Any]]:
    """Each field's name and type (its annotation evaluated once)."""
    hints = typing.get_type_hints(cls)
    return [(f.name, hints[f.name]) for f in fields(cls)]


def _shape(cls: type) -> str:
    return f"{cls.__name__}(" + ",".join(f"{name}:{hint}" for name, hint in _field_hints(cls)) + ")"


def _codecs() -> MappingProxyType[Any, tuple[_Encoder, _Decoder]]:
    made: _Codecs = {}
    _codec(Plan, made)
    return MappingProxyType(made)


_CODECS = _codecs()
_MODEL_PRINT = hashlib.sha256("\0".join(sorted(_shape(t) for t in _CODECS if isinstance(t, type) and is_dataclass(t)))
                              .encode()).hexdigest()
_PLAN_FIELDS = tuple((name, _CODECS[hint][1]) for name, hint in _field_hints(Plan))  # (name, decoder)
_PLAN_NAMES = frozenset(name for name, _ in _PLAN_FIELDS)
_HEADER_AT = frozenset(at for at, (name, _) in enumerate(_PLAN_FIELDS) if name in HEADER)
_HEADER_DECODERS = tuple(_PLAN_FIELDS[at] for at in sorted(_HEADER_AT))
_HEADER_ENCODERS = tuple((name, _CODECS[hint][0]) for name, hint in _field_hints(Plan) if name in HEADER)
