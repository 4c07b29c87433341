"""The last stage: the plan through the real loader; a field the check refuses is removed, reported.

The stages before try to write only what the check accepts; this guard makes it certain, so an
imported plan always passes `plangen check` (warnings allowed) whatever the input held.
"""

from __future__ import annotations

import re
from typing import Any

from ..project import parse_source
from ..sources import Source
from ..wording import Wording, msg
from .assemble import Report, fill_required
from .writer import to_yaml

_SEGMENT = re.compile(r"([^.\[\]]+)|\[(\d+)\]")


def checkable(data: dict[str, Any], report: Report) -> dict[str, Any]:
    """`data` without the fields `plangen check` reports as errors (each removal reported)."""
    for _ in range(5):
        parsed = parse_source(Source("import.yaml", to_yaml(data), "yaml"))
        errors = [p for p in parsed.problems if p.is_error]
        if not errors:
            return data
        for problem in errors:
            path = [int(m[2]) if m[2] else m[1] for m in _SEGMENT.finditer(problem.field)]
            if _remove(data, path):
                report.warnings.append(msg("import.removed-field", field=problem.field or msg("import.a-field"),
                                           why=Wording(problem.key, problem.values)))
        fill_required(data, report)
    return data


def _remove(data: Any, path: list[Any]) -> bool:
    if not path:
        return False
    parent = data
    for segment in path[:-1]:
        try:
            parent = parent[segment]
        except (KeyError, IndexError, TypeError):
            return False
    last = path[-1]
    if isinstance(parent, dict) and last in parent:
        del parent[last]
        return True
    if isinstance(parent, list) and isinstance(last, int) and last < len(parent):
        del parent[last]
        return True
    return False
