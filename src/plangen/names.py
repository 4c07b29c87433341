"""Names of organisations and people: matching, canonical forms, the optional registry.

Two spellings name the same organisation when they fold equal (width, spaces, punctuation:
`五井小学` = `五井 小学` = `五井小学。`) or when the registry lists one as an alias of the other.
A person is identified by name *and* organisation, so two 张伟 of different schools stay apart;
a registry entry can merge spellings or give a person without organisation a home.
"""

from __future__ import annotations

import difflib
import hashlib
import re
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

from . import codepoints
from .documents import Marks, mark_of
from .problems import Problem, error, warning
from .vocabulary import fold
from .wording import msg


@dataclass(frozen=True, slots=True)
class Registry:
    """Canonical names: folded alias -> canonical name, for organisations and people."""

    orgs: dict[str, str] = field(default_factory=dict)
    people: dict[str, str] = field(default_factory=dict)
    titles: dict[str, str] = field(default_factory=dict)
    person_orgs: dict[str, str] = field(default_factory=dict)

    @property
    def exists(self) -> bool:
        return bool(self.orgs or self.people)

    def org(self, name: str) -> str:
        return self.orgs.get(fold(name), name.strip())

    def person(self, name: str) -> str:
        return self.people.get(fold(name), name.strip())

    def suggest_org(self, name: str) -> str:
        """A did-you-mean for an organisation the registry does not know, or ''."""
        key = fold(name)
        if not self.orgs or key in self.orgs or any(key.startswith(known) for known in self.orgs):
            return ""  # known, or a department of a known organisation (…人民医院医务科)
        close = difflib.get_close_matches(key, list(self.orgs), n=1, cutoff=0.6)
        return self.orgs[close[0]] if close else ""

    def suggest_person(self, name: str) -> str:
        if not self.people or fold(name) in self.people:
            return ""
        close = difflib.get_close_matches(fold(name), list(self.people), n=1, cutoff=0.6)
        return self.people[close[0]] if close else ""


def registry_from_data(data: Any, marks: Marks, path: str) -> tuple[Registry, list[Problem]]:
    """Read `registry.yaml`: organisations: [{name, aliases}], people: [{name, org, title, aliases}]."""
    problems: list[Problem] = []
    if not isinstance(data, dict):
        return Registry(), [error(path, 1, 1, "", msg("registry.not-a-mapping"))]
    registry = Registry()
    for key in data:
        if key not in ("organisations", "people"):
            line, col = mark_of(marks, (key,))
            problems.append(error(path, line, col, key, msg("registry.unknown-key", key=key), code="registry-key"))
    for i, entry in enumerate(_entries(data.get("organisations"), ("organisations",), marks, path, problems)):
        _add(registry.orgs, entry, ("organisations", i), marks, path, problems)
    for i, entry in enumerate(_entries(data.get("people"), ("people",), marks, path, problems)):
        canonical = _add(registry.people, entry, ("people", i), marks, path, problems)
        if canonical and isinstance(entry.get("title"), str):
            registry.titles[canonical] = entry["title"]
        if canonical and isinstance(entry.get("org"), str):
            registry.person_orgs[canonical] = entry["org"]
    return registry, problems


def _entries(value: Any, at: tuple[str], marks: Marks, path: str, problems: list[Problem]) -> list[dict[str, Any]]:
    if value is None:
        return []
    if not isinstance(value, list) or not all(isinstance(v, dict) for v in value):
        line, col = mark_of(marks, at)
        problems.append(error(path, line, col, at[0], msg("registry.shape"), code="registry-shape"))
        return []
    return value


def _add(table: dict[str, str], entry: dict[str, Any], at: tuple[str, int], marks: Marks, path: str,
         problems: list[Problem]) -> str:
    name = entry.get("name")
    why = msg("registry.name-required") if not isinstance(name, str) or not name.strip() \
        else codepoints.unpublishable(name)
    if why is not None:
        line, col = mark_of(marks, at)
        problems.append(error(path, line, col, f"{at[0]}[{at[1]}].name", why, code="registry-name"))
        return ""
    assert isinstance(name, str)
    aliases = entry.get("aliases") or []
    for alias in [name, *(a for a in aliases if isinstance(a, str))]:
        table[fold(alias)] = name.strip()
    return name.strip()


def check_names(names: list[tuple[str, str, str, int, int]], registry: Registry) -> list[Problem]:
    """Did-you-mean warnings for (kind, name, path, line, col) that the registry does not know."""
    found = []
    for kind, name, path, line, col in names:
        suggestion = registry.suggest_org(name) if kind == "org" else registry.suggest_person(name)
        if suggestion:
            found.append(warning(path, line, col, "", msg("registry.unknown-name", name=name, suggestion=suggestion),
                                 code="unknown-name"))
    return found


_UNSAFE = re.compile(r"[\x00-\x1f\s/\\?%*:|\"<>#&'`.]+")


_MAX_BYTES = 96  # a person's page joins two ids; with '.html' and the writer's temporary name, < 255 bytes
_RESERVED = {"index"}  # orgs/index.html, people/index.html, … are the listings


@lru_cache(maxsize=1 << 16)
def file_id(name: str) -> str:
    """A file-name-safe id that keeps Chinese readable: '五井小学' -> '五井小学'.

    Long names are cut (in UTF-8 bytes, file systems limit names to 255) and get a short hash, so
    two long names with the same beginning keep separate pages; 'index' becomes '_index' (folded
    names never start with '_', so nothing else maps there).
    """
    cleaned = _UNSAFE.sub("-", (fold(name) or name).lower()).strip("-")
    data = cleaned.encode("utf-8")
    if len(data) > _MAX_BYTES:
        cut = data[:_MAX_BYTES - 9].decode("utf-8", "ignore").rstrip("-")
        cleaned = f"{cut}-{hashlib.sha1(data).hexdigest()[:8]}"
    if cleaned in _RESERVED:
        return "_" + cleaned
    return cleaned or "x"
