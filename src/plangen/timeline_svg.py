"""The steps of a plan as a Gantt-like bar chart, drawn at build time as inline SVG. Pure.

One row per dated step against the plan period (or the span of the steps when the plan has
none). No 'today' marker: the output must not depend on when it was built.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from html import escape

from .model import Plan, Step

ROW = 46
TOP = 28
BOTTOM = 6


def _span(plan: Plan, dated: list[Step]) -> tuple[dt.date, dt.date]:
    starts = [s.start.first() for s in dated if s.start] + [s.end.first() for s in dated if s.end]
    ends = [s.end.last() for s in dated if s.end] + [s.start.last() for s in dated if s.start]
    lo = plan.period.start.first() if plan.period.start else min(starts)
    hi = plan.period.end.last() if plan.period.end else max(ends)
    lo, hi = min([lo, *starts]), max([hi, *ends])
    return lo, hi if hi > lo else lo + dt.timedelta(days=1)


def timeline_svg(plan: Plan, title: str) -> str:
    """SVG markup (already escaped), or '' when no step has a date.

    Horizontal positions are percentages and text has a fixed size, so the chart fills any
    width (phone to desktop) while its labels stay readable.
    """
    dated = [(i, s) for i, s in enumerate(plan.steps) if s.start or s.end]
    if not dated:
        return ""
    lo, hi = _span(plan, [s for _, s in dated])
    days = (hi - lo).days + 1

    def x(d: dt.date) -> float:
        return 100 * (d - lo).days / days

    height = TOP + ROW * len(dated) + BOTTOM
    parts = [
        # no xmlns: inline SVG in HTML needs none, and theme markup names no other host
        f'<svg class="timeline" width="100%" height="{height}" role="group" aria-labelledby="tl-title">',
        f'<title id="tl-title">{escape(title)}</title>',
        _axis(lo, hi, x, height),
    ]
    for row, (i, step) in enumerate(dated):
        parts.append(_bar(step, i, TOP + row * ROW, x))
    parts.append("</svg>")
    return "".join(parts)


MAX_TICKS = 48  # more would stand closer than a few pixels on a phone
_STEPS = (1, 2, 3, 6, 12, 24, 60, 120, 240, 600, 1200)  # months between ticks


def _axis(lo: dt.date, hi: dt.date, x: Callable[[dt.date], float], height: int) -> str:
    out = []
    months = _month_ticks(lo, hi)
    every = max(1, -(-len(months) // 6))
    for k, m in enumerate(months):
        px = x(m)
        out.append(f'<line class="tick" x1="{px:.2f}%" y1="{TOP - 8}" x2="{px:.2f}%" y2="{height - BOTTOM}"/>')
        if k % every == 0 and px < 92:
            out.append(f'<text class="tick-label" x="{px:.2f}%" dx="3" y="14">{m.year}.{m.month}</text>')
    return "".join(out)


def _month_ticks(lo: dt.date, hi: dt.date) -> list[dt.date]:
    """The first days of months between lo and hi, every month, or every few months or years when
    there would be more than MAX_TICKS: never more (a long period must not draw thousands)."""
    first = lo.year * 12 + lo.month - 1 + (lo.day > 1)  # months counted from year 0
    last = hi.year * 12 + hi.month - 1
    step = next((s for s in _STEPS if (last - first) // s + 1 <= MAX_TICKS), _STEPS[-1])
    start = -(-first // step) * step if step > 1 else first
    return [dt.date(n // 12, n % 12 + 1, 1) for n in range(start, last + 1, step)]


def _bar(step: Step, i: int, y: int, x: Callable[[dt.date], float]) -> str:
    first, last = step.start or step.end, step.end or step.start
    assert first is not None and last is not None
    x0, x1 = x(first.first()), x(last.last() + dt.timedelta(days=1))
    label = escape(f"{i + 1}. {step.title}")
    when = escape(f"{first.zh}—{last.zh}" if first != last else first.zh)
    anchor = f'x="{x0:.2f}%"' if x0 < 55 else f'x="{min(x1, 100):.2f}%" text-anchor="end"'
    return (f'<a href="#step-{i + 1}"><g class="bar-row">'
            f'<text class="bar-label" {anchor} y="{y + 15}">{label}</text>'
            f'<rect class="bar" x="{x0:.2f}%" y="{y + 21}" width="{max(x1 - x0, 0.6):.2f}%" height="14" rx="3">'
            f'<title>{label}：{when}</title></rect></g></a>')
