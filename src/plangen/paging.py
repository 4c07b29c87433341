"""Lists split into numbered pages of a bounded size, so that no page grows with the corpus. Pure.

A list of n items shown `size` at a time has ceil(n / size) pages (one, empty, for no items). Page 1
keeps the list's own URL; page k is `urls.numbered(first, k)`, so every page's URL is stable while
the list's length stays within the same number of pages. Each page's pager names every page, so
any item is one click from the list's first page (see docs/api.md for the machine-readable lists).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import TypeVar

from . import urls

T = TypeVar("T")

PLANS_PER_PAGE = 60  # plan cards (~1.5 KB each with their markup) on a list page
ENTRIES_PER_PAGE = 500  # one-line entries (a person, an organisation, a document, a tag)
STEPS_PER_PAGE = 400  # dated steps on a timeline page (~300 bytes each)
PAIRINGS_PER_PAGE = 200  # an organisation's pairings (~400 bytes each)
HOME_ACTIVE = 12  # active plans shown on the home page beside the newest
HOME_ORGS = 40  # organisations shown (by number of plans) among the home page's facets
ORG_FIRST = 24  # plans of each kind (issued, helps …) and pairings on an organisation's own page
ROLES_PER_PAGE = 200  # a person's roles (~450 bytes each with the plan's title)


@dataclass(frozen=True, slots=True)
class Pager:
    """Where one page sits in its list: its number, every page's output path, the items in all."""

    number: int  # 1-based
    paths: tuple[str, ...]  # every page of the list, first to last
    total: int  # items in the whole list
    start: int  # 0-based position of this page's first item in the whole list
    shown: int  # items on this page

    @property
    def count(self) -> int:
        return len(self.paths)

    @property
    def path(self) -> str:
        return self.paths[self.number - 1]

    @property
    def previous(self) -> str:
        return self.paths[self.number - 2] if self.number > 1 else ""

    @property
    def next(self) -> str:
        return self.paths[self.number] if self.number < self.count else ""

    @property
    def first_item(self) -> int:
        """1-based number of this page's first item (0 when the list is empty)."""
        return self.start + 1 if self.shown else 0

    @property
    def last_item(self) -> int:
        return self.start + self.shown

    def numbers(self) -> list[tuple[int, str]]:
        """Every page's number and output path, for the numbered links."""
        return list(enumerate(self.paths, 1))


def page_count(total: int, size: int) -> int:
    return max(1, -(-total // size))


def chunks(items: Sequence[T], size: int) -> list[Sequence[T]]:
    """The items `size` at a time, in order; one empty chunk for no items."""
    return [items[i:i + size] for i in range(0, len(items), size)] or [items[:0]]


def paginate(first: str, items: Sequence[T], size: int) -> list[tuple[Pager, Sequence[T]]]:
    """Each page of `items` with its pager; page 1 at `first`."""
    parts = chunks(items, size)
    paths = tuple(urls.numbered(first, n) for n in range(1, len(parts) + 1))
    return [(Pager(n, paths, len(items), (n - 1) * size, len(part)), part) for n, part in enumerate(parts, 1)]


def balanced(groups: Sequence[tuple[str, Sequence[T]]], size: int) -> list[list[tuple[str, Sequence[T]]]]:
    """Grouped items (a month and its steps) cut into pages of at most `size` items, a group split
    across pages where it must be; each page lists its groups in order."""
    pages: list[list[tuple[str, Sequence[T]]]] = [[]]
    room = size
    for key, items in groups:
        rest = items
        while rest:
            if room == 0:
                pages.append([])
                room = size
            part, rest = rest[:room], rest[room:]
            pages[-1].append((key, part))
            room -= len(part)
    return pages
