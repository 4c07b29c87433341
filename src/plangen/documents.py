"""YAML to plain data with source marks: the one home of PyYAML.

Safe by construction: the YAML is only *composed* (never constructed by PyYAML), then turned
into dicts, lists and strings here. So no tag can build an object, every scalar stays text
(`no`, `on`, `2016-09-01` are strings; plangen parses dates itself), duplicate keys are found,
and aliases cannot expand without bound ("billion laughs" is refused before anything is built:
the expanded size is counted once per distinct node).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any, NamedTuple

import yaml

from .problems import Problem, error
from .wording import Wording, msg

try:
    _Loader: Any = yaml.CSafeLoader
except AttributeError:  # pragma: no cover - PyYAML without libyaml
    _Loader = yaml.SafeLoader

FieldPath = tuple[str | int, ...]
Marks = dict[FieldPath, tuple[int, int]]

MAX_NODES = 20_000
MAX_DEPTH = 40
# libyaml's composer recurses in C, ~350 bytes of stack per level (measured: a 256 KB thread stack
# overflows near 800 levels, an 8 MB one between 20,000 and 100,000). A document that cannot nest
# deeper than this is composed at once and its depth read from the tree; any other is scanned first.
COMPOSE_SAFE_DEPTH = 500
# Every collection nested in another has an indicator character of its own: `[`, `{`, `?`, `:` or `-`.
# So their count bounds the nesting depth.
_INDICATORS = "[{?:-"
_STD = "tag:yaml.org,2002:"
_ALLOWED_TAGS = {_STD + t for t in ("str", "int", "float", "bool", "null", "timestamp", "map", "seq")}
_NULLS = {"", "~", "null", "Null", "NULL"}
_NULL_TAG = _STD + "null"
_MERGE_TAG = _STD + "merge"


@dataclass(slots=True)
class YamlResult:
    """Plain data, where each field path was written (1-based line, column), and problems."""

    data: Any
    marks: Marks = field(default_factory=dict)
    problems: list[Problem] = field(default_factory=list)


def load_yaml(text: str, path: str, line_offset: int = 0) -> YamlResult:
    """Parse one YAML document. `line_offset` shifts marks (for Markdown front matter)."""
    try:
        tree = _compose(text)
    except yaml.MarkedYAMLError as exc:
        return YamlResult(None, {}, [_syntax_problem(exc, path, line_offset)])
    except yaml.YAMLError as exc:  # pragma: no cover - unmarked errors are rare
        return YamlResult(None, {}, [error(path, 1, 1, "", msg("yaml.invalid", why=exc), code="yaml-syntax")])
    if tree.deep:
        line, col = tree.deep[0] + 1 + line_offset, tree.deep[1] + 1
        why = msg("yaml.too-deep", depth=MAX_DEPTH)
        return YamlResult(None, {}, [error(path, line, col, "", msg("yaml.refused", why=why), code="too-complex")])
    node = tree.node
    if node is None:
        return YamlResult(None)
    if _too_many(node, tree.size, text):
        line, col = node.start_mark.line + 1 + line_offset, node.start_mark.column + 1
        why = msg("yaml.too-many", nodes=f"{MAX_NODES:,}", depth=MAX_DEPTH)
        return YamlResult(None, {}, [error(path, line, col, "", msg("yaml.refused", why=why), code="too-complex")])
    builder = _Builder(path, line_offset)
    data = builder.build(node, ())
    return YamlResult(data, builder.marks, builder.problems)


class _Tree(NamedTuple):
    node: yaml.Node | None
    deep: tuple[int, int] | None = None  # where nesting first goes past MAX_DEPTH (0-based line, column)
    size: int = 0  # how many nodes were written, keys included, an alias as one (0: not counted)


def _compose(text: str) -> _Tree:
    """The node tree, or where nesting first goes past MAX_DEPTH.

    As if the event stream were read to its end before composing: nesting too deep is reported
    when met before a syntax error, and the syntax error (raised) otherwise.
    """
    if sum(map(text.count, _INDICATORS)) > COMPOSE_SAFE_DEPTH:
        deep = _too_deep(text)  # the composer must never see it
        return _Tree(None, deep) if deep else _Tree(yaml.compose(text, Loader=_Loader))
    try:
        node = yaml.compose(text, Loader=_Loader)
    except yaml.YAMLError:
        deep = _too_deep(text)
        if deep:
            return _Tree(None, deep)
        raise
    return _shape(node)


def _shape(root: yaml.Node | None) -> _Tree:
    """What `_too_deep` finds, read from a composed tree: the first collection in document order
    (an alias is not followed: its anchor came first) nested more than MAX_DEPTH levels; and, when
    nothing is, how many nodes were written, keys included (an alias counts as one)."""
    seen: set[int] = set()
    size = 1

    def visit(node: yaml.Node, depth: int) -> tuple[int, int] | None:
        nonlocal size
        if isinstance(node, yaml.ScalarNode) or id(node) in seen:
            return None
        seen.add(id(node))
        if depth > MAX_DEPTH:
            return node.start_mark.line, node.start_mark.column
        children = node.value if isinstance(node, yaml.SequenceNode) else [n for pair in node.value for n in pair]
        size += len(children)
        for child in children:
            found = visit(child, depth + 1)
            if found:
                return found
        return None

    deep = visit(root, 1) if root is not None else None
    return _Tree(None if deep else root, deep, size if root is not None else 0)


def _too_deep(text: str) -> tuple[int, int] | None:
    """Where nesting first goes past MAX_DEPTH, read from the event stream (libyaml's composer
    recurses in C and would crash the process on absurd nesting, so it must never see it).

    libyaml's scanner reads ahead of the events it hands out, and newer libyaml builds stop at a
    nesting limit of their own (about 1,000 levels) before the 41st level's event is seen. Then the
    same stream is read again by PyYAML's pure-Python parser, which has no such limit, so the
    answer does not depend on which libyaml is installed."""
    try:
        return _first_too_deep(yaml.parse(text, Loader=_Loader))
    except yaml.YAMLError:
        if _Loader is yaml.SafeLoader:
            return None  # composing reports it, with its position
    try:
        return _first_too_deep(yaml.parse(text, Loader=yaml.SafeLoader))
    except yaml.YAMLError:
        return None  # composing reports it, with its position


def _first_too_deep(events: Iterator[yaml.Event]) -> tuple[int, int] | None:
    """The (0-based line, column) of the first collection nested more than MAX_DEPTH levels.
    Raises the parser's error when the stream breaks before such a collection."""
    depth = 0
    for event in events:
        if isinstance(event, (yaml.SequenceStartEvent, yaml.MappingStartEvent)):
            depth += 1
            mark = event.start_mark
            if depth > MAX_DEPTH and mark is not None:
                return mark.line, mark.column
        elif isinstance(event, (yaml.SequenceEndEvent, yaml.MappingEndEvent)):
            depth -= 1
    return None


def _too_many(node: yaml.Node, size: int, text: str) -> bool:
    """More than MAX_NODES values once aliases are expanded, or aliases nesting past MAX_DEPTH."""
    if "&" not in text:  # no anchor, so no alias: the tree is all there is (and its depth was checked)
        return (size or _tree_size(node)) > MAX_NODES
    return _expanded_size(node, {}, set(), 0) > MAX_NODES  # counted once per distinct node: fast for any bomb


def _tree_size(root: yaml.Node) -> int:
    """How many nodes the tree holds, keys included (as `_expanded_size` counts them)."""
    size, stack = 1, [root]
    while stack:
        node = stack.pop()
        if isinstance(node, yaml.SequenceNode):
            size += len(node.value)
            stack.extend(node.value)
        elif isinstance(node, yaml.MappingNode):
            size += 2 * len(node.value)
            for pair in node.value:
                stack.extend(pair)
    return size


def _expanded_size(node: yaml.Node, memo: dict[int, int], active: set[int], depth: int) -> int:
    """How many values the document holds once every alias is expanded (capped past the budget)."""
    key = id(node)
    if key in memo:
        return memo[key]
    if key in active or depth > MAX_DEPTH:
        return MAX_NODES + 1  # an alias inside itself, or nesting no plan needs
    active.add(key)
    children: list[yaml.Node] = []
    if isinstance(node, yaml.SequenceNode):
        children = list(node.value)
    elif isinstance(node, yaml.MappingNode):
        children = [n for pair in node.value for n in pair]
    total = 1
    for child in children:
        total = min(total + _expanded_size(child, memo, active, depth + 1), MAX_NODES + 1)
    active.discard(key)
    memo[key] = total
    return total


def _syntax_problem(exc: yaml.MarkedYAMLError, path: str, offset: int) -> Problem:
    """`YAML syntax error: …` in plangen's words; what the parser said is worded by _PARSER where
    plangen knows the phrase, else quoted as it is."""
    mark = exc.problem_mark or exc.context_mark
    line, col = (mark.line + 1 + offset, mark.column + 1) if mark else (1 + offset, 1)
    what = _parser_words(exc.problem or "", _PARSER) if exc.problem else msg("yaml.p.invalid")
    if not exc.context:
        return error(path, line, col, "", msg("yaml.syntax", what=what), code="yaml-syntax")
    started = exc.context_mark
    since: str | Wording = ""
    if started and mark and started.line != mark.line:
        since = msg("yaml.since", line=started.line + 1 + offset)
    context = _parser_words(exc.context, _CONTEXTS)
    return error(path, line, col, "", msg("yaml.syntax-in", context=context, since=since, what=what), code="yaml-syntax")


# The phrases of PyYAML (and libyaml) that plangen words itself: a pattern of the parser's words, and
# the message (its values are the pattern's named groups: the parser's tokens). Other phrases are quoted.
_PARSER = (
    (re.compile(r"mapping values are not allowed (?:here|in this context)"), "yaml.p.mapping-values"),
    (re.compile(r"did not find expected (?P<a>'.+?') or (?P<b>'.+?')"), "yaml.p.expected-either"),
    (re.compile(r"did not find expected '-' indicator"), "yaml.p.expected-dash"),
    (re.compile(r"did not find expected key"), "yaml.p.expected-key"),
    (re.compile(r"did not find expected node content"), "yaml.p.expected-value"),
    (re.compile(r"found character that cannot start any token"), "yaml.p.cannot-start-any"),
    (re.compile(r"found undefined alias"), "yaml.p.alias-any"),
    (re.compile(r"found unknown escape character(?: (?P<what>.+))?"), "yaml.p.escape"),
    (re.compile(r"expected a comment or a line break, but found (?P<what>.+)"), "yaml.p.line-end"),
    (re.compile(r"did not find expected (?P<what>.+)"), "yaml.p.expected"),
    (re.compile(r"could not find expected (?P<what>.+)"), "yaml.p.could-not-find"),
    (re.compile(r"found character (?P<what>.+) that cannot start any token"), "yaml.p.cannot-start"),
    (re.compile(r"found unexpected end of stream"), "yaml.p.unexpected-end"),
    (re.compile(r"found a tab character (?:that violates|where an) ind.*"), "yaml.p.tab"),
    (re.compile(r"expected <block end>, but found (?P<what>.+)"), "yaml.p.block-end"),
    (re.compile(r"found undefined alias (?P<what>.+)"), "yaml.p.alias"),
)
_CONTEXTS = (
    (re.compile(r"while parsing a flow sequence"), "yaml.c.flow-sequence"),
    (re.compile(r"while parsing a flow mapping"), "yaml.c.flow-mapping"),
    (re.compile(r"while parsing a block mapping"), "yaml.c.block-mapping"),
    (re.compile(r"while parsing a block collection"), "yaml.c.block-collection"),
    (re.compile(r"while scanning a simple key"), "yaml.c.simple-key"),
    (re.compile(r"while scanning for the next token"), "yaml.c.next-token"),
    (re.compile(r"while scanning a (?:double-)?quoted scalar"), "yaml.c.quoted"),
    (re.compile(r"while scanning a block scalar"), "yaml.c.block-scalar"),
    (re.compile(r"while parsing a (?:block |flow )?node"), "yaml.c.node"),
)


def _parser_words(said: str, table: tuple[tuple[re.Pattern[str], str], ...]) -> Wording:
    for pattern, key in table:
        found = pattern.fullmatch(said.strip())
        if found:
            return msg(key, **{k: v or "" for k, v in found.groupdict().items()})
    return msg("yaml.parser-said", text=said)


class _Builder:
    def __init__(self, path: str, offset: int) -> None:
        self.path = path
        self.offset = offset
        self.marks: Marks = {}
        self.problems: list[Problem] = []

    def where(self, node: yaml.Node) -> tuple[int, int]:
        return node.start_mark.line + 1 + self.offset, node.start_mark.column + 1

    def build(self, node: yaml.Node, at: FieldPath) -> Any:
        """Plain data from a node whose expanded size was checked (so recursion is bounded)."""
        if at not in self.marks:  # a mapping's value is already marked where its key was written
            self.marks[at] = self.where(node)
        if node.tag not in _ALLOWED_TAGS:
            line, col = self.where(node)
            self.problems.append(error(self.path, line, col, dotted(at), msg("yaml.tag", tag=_short(node.tag)),
                                       code="yaml-tag"))
            return None  # never built: the value is refused, not interpreted
        if isinstance(node, yaml.MappingNode):
            return self.mapping(node, at)
        if isinstance(node, yaml.SequenceNode):
            return [self.build(item, at + (i,)) for i, item in enumerate(node.value)]
        value = str(node.value)
        if node.tag == _NULL_TAG and value in _NULLS:  # libyaml marks plain style '' (PyYAML: None)
            return None
        return value

    def mapping(self, node: yaml.MappingNode, at: FieldPath) -> dict[str, Any]:
        out: dict[str, Any] = {}
        first: dict[str, tuple[int, int]] = {}
        for key_node, value_node in node.value:
            line, col = self.where(key_node)
            if not isinstance(key_node, yaml.ScalarNode):
                self.problems.append(error(self.path, line, col, dotted(at), msg("yaml.key-not-text"), code="bad-key"))
                continue
            key = str(key_node.value)
            if key_node.tag == _MERGE_TAG:
                self.problems.append(error(self.path, line, col, dotted(at), msg("yaml.merge"), code="yaml-merge"))
                continue
            if key in first:
                self.problems.append(error(self.path, line, col, dotted(at + (key,)),
                                           msg("yaml.duplicate-key", key=key, line=first[key][0]), code="duplicate-key"))
                continue
            first[key] = (line, col)
            self.marks[at + (key,)] = (line, col)
            out[key] = self.build(value_node, at + (key,))
        return out


def _short(tag: str) -> str:
    """'tag:yaml.org,2002:python/object' -> '!!python/object', as the user wrote it."""
    return "!!" + tag[len(_STD):] if tag.startswith(_STD) else tag


def dotted(at: FieldPath) -> str:
    """('leadership', 'leaders', 0, 'name') -> 'leadership.leaders[0].name'."""
    out = ""
    for seg in at:
        out += f"[{seg}]" if isinstance(seg, int) else (f".{seg}" if out else str(seg))
    return out


def mark_of(marks: Marks, at: FieldPath) -> tuple[int, int]:
    """Where a field was written, or its nearest written ancestor."""
    while at:
        if at in marks:
            return marks[at]
        at = at[:-1]
    return marks.get((), (1, 1))
