"""The YAML depth guard without a second parse: depth read from the composed tree, when composing is safe."""

from __future__ import annotations

import pytest
import yaml

from plangen import documents
from plangen.documents import MAX_DEPTH, load_yaml


def _nested(depth: int) -> str:
    return "[" * depth + "x" + "]" * depth


CASES = [
    f"a: &A {_nested(MAX_DEPTH - 1)}\nb: *A\n",  # an alias is not nested again
    f"a: &A [1]\nb: {'[' * MAX_DEPTH}*A{']' * MAX_DEPTH}\n",  # ... nor is what it refers to
    f"? {_nested(MAX_DEPTH)}\n: v\n",  # a key
    f"- &A\n  k: {_nested(MAX_DEPTH - 2)}\n- *A\n",
    f"a: !!python/object {_nested(MAX_DEPTH + 2)}\n",  # a tag
    "&A " + "[" * MAX_DEPTH + "*A" + "]" * MAX_DEPTH,  # an alias inside itself
    f"x: &A {{a: {_nested(MAX_DEPTH)}}}\ny: [*A, *A]\n",
    "".join(" " * i + f"k{i}:\n" for i in range(MAX_DEPTH + 1)) + " " * (MAX_DEPTH + 1) + "v\n",
]


@pytest.mark.parametrize("text", CASES)
def test_depth_from_the_tree_is_the_depth_of_the_event_stream(text: str) -> None:
    assert documents._shape(yaml.compose(text, Loader=documents._Loader)).deep == documents._too_deep(text)


@pytest.mark.parametrize("text", CASES)
def test_the_same_result_when_the_event_stream_is_scanned_first(text: str, monkeypatch: pytest.MonkeyPatch) -> None:
    composed_first = load_yaml(text, "p.yaml")
    monkeypatch.setattr(documents, "COMPOSE_SAFE_DEPTH", 0)
    assert load_yaml(text, "p.yaml") == composed_first


def test_nesting_met_before_a_syntax_error_is_what_is_reported() -> None:
    deep_first = load_yaml(f"a: {_nested(MAX_DEPTH + 1)}\nb: [\n", "p.yaml")
    error_first = load_yaml(f"b: [\n}}\na: {_nested(MAX_DEPTH + 1)}\n", "p.yaml")
    assert [p.code for p in deep_first.problems] == ["too-complex"]
    assert [p.code for p in error_first.problems] == ["yaml-syntax"]


def test_nesting_in_a_second_document_is_reported() -> None:
    result = load_yaml(f"--- [a]\n--- {_nested(MAX_DEPTH + 1)}\n", "p.yaml", line_offset=1)
    assert [(p.line, p.column, p.code) for p in result.problems] == [(3, 5 + MAX_DEPTH, "too-complex")]


def test_the_composer_never_sees_what_may_be_nested_too_deep(monkeypatch: pytest.MonkeyPatch) -> None:
    def refuse(*args: object, **kwargs: object) -> None:
        raise AssertionError("composed")

    monkeypatch.setattr(documents, "COMPOSE_SAFE_DEPTH", 100)
    monkeypatch.setattr(yaml, "compose", refuse)
    result = load_yaml("a: " + _nested(101), "p.yaml")
    assert [p.code for p in result.problems] == ["too-complex"]


@pytest.mark.parametrize("items", [documents.MAX_NODES - 3, documents.MAX_NODES - 2])  # 20,000 and 20,001 nodes
def test_without_anchors_the_tree_size_is_the_expanded_size(items: int) -> None:
    text = "tags: [" + ", ".join(["x"] * items) + "]\n"
    node = yaml.compose(text, Loader=documents._Loader)
    assert documents._tree_size(node) == documents._expanded_size(node, {}, set(), 0) == items + 3
    assert documents._shape(node).size == items + 3
    codes = [p.code for p in load_yaml(text, "p.yaml").problems]
    assert codes == ([] if items + 3 <= documents.MAX_NODES else ["too-complex"])
