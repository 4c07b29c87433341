"""Text in, plans out: clean, split, build each plan. Pure (the optional converter is passed in)."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from ..documents import load_yaml
from ..vocabulary import TOP_ALIASES
from ..wording import msg
from .assemble import Report, build
from .cleaning import DROPPED_KINDS, Cleaning, Line, clean, number_in_chrome, simplify, tab_rows
from .datespans import year_of_fields
from .fidelity import keep_unplaced, lost
from .guard import checkable
from .splitting import Part, split, title_of
from .unflatten import unflatten
from .wraps import join_hard_wraps, join_open_brackets


@dataclass(frozen=True, slots=True)
class Options:
    split: re.Pattern[str]
    simplified: Callable[[str], str] | None = None
    orgs: tuple[str, ...] = ()  # organisation names the registry knows: split from job titles first


@dataclass(slots=True)
class Converted:
    """The plans of one input, and what was cleaned or dropped outside any plan."""

    plans: list[tuple[dict[str, Any], Report]] = field(default_factory=list)
    outside: list[Cleaning] = field(default_factory=list)
    skipped: list[Line] = field(default_factory=list)
    lost: list[tuple[int, str]] = field(default_factory=list)  # source sentences the structure placed nowhere:
    # each is kept as written in a section of its plan (UNPLACED), so that no sentence is ever dropped

    def dropped_text(self) -> list[str]:
        """Every line left out of the plans and reported as such (page chrome, the issuing notice…)."""
        lines = [c.sample for c in self.outside if c.kind in DROPPED_KINDS]
        lines += [c.sample for _, report in self.plans for c in report.cleanings if c.kind in DROPPED_KINDS]
        lines += [text for _, report in self.plans for _, text, _ in report.dropped]
        return lines + [ln.text for ln in self.skipped]


def convert(text: str, source: str, options: Options) -> Converted:
    """Every plan in `text` as plan data with its report."""
    raw = [Line(i + 1, t) for i, t in enumerate(text.splitlines())]  # every line break Python knows
    front, raw_body = front_matter(raw)
    lines, cleanings = _cleaned(raw_body, options)
    parts, before = split(lines, options.split)
    result = Converted(skipped=[ln for ln in before if ln.text.strip()])
    bounds = [p.header_line for p in parts[1:]] + [len(raw) + 1]
    result.plans = _plans(parts, bounds, cleanings, source, options, front, _collection_year(result.skipped))
    placed = {id(c) for _, report in result.plans for c in report.cleanings}
    result.outside = [c for c in cleanings if id(c) not in placed]  # above the first plan, or in a part left empty
    _check_kept(result, lines, bounds, [p.header_line for p in parts])  # as cleaned: repairs are reported
    return result


def _plans(parts: list[Part], bounds: list[int], cleanings: list[Cleaning], source: str, options: Options,
           front: dict[str, Any], intro: int | None) -> list[tuple[dict[str, Any], Report]]:
    """Each part's plan and report, with the cleanings of its lines; a part nothing is left of is none."""
    out: list[tuple[dict[str, Any], Report]] = []
    for part, end in zip(parts, bounds):
        lines_of = [ln for ln in part.lines if ln.text.strip()]
        if not lines_of and not part.header:
            continue  # nothing left after cleaning (a page of boilerplate only)
        data, report = _built(lines_of, part, source, options, {} if out else front, intro or _year_above(out))
        report.cleanings = [c for c in cleanings if part.header_line <= c.line < end]
        out.append((checkable(_numbered(data, report.cleanings), report), report))
    return out


def _numbered(data: dict[str, Any], cleanings: list[Cleaning]) -> dict[str, Any]:
    """The plan's number from a government site's disclosure block (文　　号：…), when the text gives none."""
    number = "" if "number" in data else number_in_chrome(cleanings)
    return {"title": data["title"], "number": number} | data if number else data


def _year_above(plans: list[tuple[dict[str, Any], Report]]) -> int | None:
    """The year of the last dated plan above: a later plan under the same notice (附件2) that dates its steps
    without a year and has no date of its own is of that year."""
    dated = [data["date"] for data, _ in plans if isinstance(data.get("date"), str) and data["date"][:4].isdigit()]
    return int(dated[-1][:4]) if dated else None


def _collection_year(skipped: list[Line]) -> int | None:
    """The year of a collection's title above its plans (某镇2024年村级帮扶方案 over 一、…方案 二、…方案)."""
    first = skipped[0].text if skipped else ""
    return year_of_fields({"title": first}) if title_of(first) else None


def _built(lines: list[Line], part: Part, source: str, options: Options,
           front: dict[str, Any], intro: int | None) -> tuple[dict[str, Any], Report]:
    """One plan; a front matter (the first plan's) gives its fields and the year of dates written without one; else
    the year of the collection's title above the plans (`intro`), when the plan's own lines say none."""
    data, report = build(lines, part.header, source, part.header_line, options.orgs,
                         year_of_fields(front) if front else intro)
    if front:
        _take_front(front, data, report)
    return data, report


_BOLD = re.compile(r"\*\*(.+?)\*\*")


def _cleaned(raw: list[Line], options: Options) -> tuple[list[Line], list[Cleaning]]:
    """Lines repaired (and simplified when asked), line breaks put back; what was done, in line order."""
    lines, cleanings = clean(raw)
    if options.simplified is not None:
        lines, converted = simplify(lines, options.simplified)
        cleanings = sorted(cleanings + converted, key=lambda c: c.line)
    lines = [Line(ln.no, _BOLD.sub(r"\1", ln.text)) for ln in lines]  # **组长**：… is 组长：…
    return join_hard_wraps(join_open_brackets(tab_rows(unflatten(lines)))), cleanings


def front_matter(raw: list[Line]) -> tuple[dict[str, Any], list[Line]]:
    """A Markdown plan's front matter (a YAML mapping between --- lines): (its fields, the other lines)."""
    if not raw or raw[0].text.strip() != "---":
        return {}, raw
    end = next((i for i, ln in enumerate(raw[1:], 1) if ln.text.strip() in ("---", "...")), None)
    if end is None:
        return {}, raw
    loaded = load_yaml("\n".join(ln.text for ln in raw[1:end]), "front matter")
    if not isinstance(loaded.data, dict) or loaded.problems:
        return {}, raw
    return {str(k): v for k, v in loaded.data.items()}, raw[end + 1:]


def _take_front(front: dict[str, Any], data: dict[str, Any], report: Report) -> None:
    """The front matter's fields win over what the body gave (they were written as fields)."""
    for written, value in front.items():
        data[TOP_ALIASES.get(written, written)] = value if not hasattr(value, "isoformat") else value.isoformat()
    report.missing = [m for m in report.missing if m not in front]
    report.found.extend((k, 1) for k in front if k in ("issuer", "date", "period", "number"))


def _check_kept(result: Converted, raw: list[Line], bounds: list[int], starts: list[int]) -> None:
    """Every source sentence is in a plan or reported as left out; the others are kept as written in a section
    of the plan whose lines they stand in (the first plan's, before any), and reported."""
    result.lost = lost(raw, [d for d, _ in result.plans], result.dropped_text())
    for no, sentence in result.lost:
        owner = next(((d, r) for (d, r), start, end in zip(result.plans, starts, bounds) if start <= no < end), None)
        if owner is None and result.plans:
            owner = result.plans[0]
        if owner is not None:
            keep_unplaced(owner[0], sentence)
            owner[1].warnings.append(msg("import.at-line", line=no, what=msg("import.sentence-lost", sentence=sentence)))

