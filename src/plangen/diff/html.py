"""A diff as HTML: `render_diff_html` (a fragment the site embeds) and a self-contained page. Pure.

Everything from plans is escaped. The fragment uses CSS classes only (prefix `pd-`), no inline
styles or scripts; `PAGE_CSS` is a default style sheet for them.
"""

from __future__ import annotations

from html import escape

from ..wording import worded
from .model import Change, DiffReport, Hunk, PlanDiff
from .render import AREA_TITLES, oneline, plan_heading, sign_of, summary, verb_of

WORDS = {
    "zh-CN": {"added": "新增", "removed": "删除", "modified": "修改", "renamed": "重命名", "invalid": "无效",
              "unchanged": "未变", "changed": "修改", "moved": "移动", "retitled": "改名", "dates moved": "日期调整",
              "text changed": "文字修改", "old invalid": "旧版本无效", "new invalid": "新版本无效"},
    "en": {"modified": "modified", "old invalid": "old revision is invalid", "new invalid": "new revision is invalid"},
}

PAGE_CSS = """
body{font-family:"Noto Sans CJK SC","Source Han Sans SC","Microsoft YaHei",sans-serif;max-width:60rem;
margin:2rem auto;padding:0 1rem;line-height:1.6;color:#222}
.pd-plan{border:1px solid #ddd;border-radius:6px;padding:.5rem 1rem;margin:1rem 0}
.pd-head{font-size:1.1rem;margin:.3rem 0}.pd-status{font-weight:bold;margin-right:.5rem}
.pd-added .pd-status{color:#1a7f37}.pd-removed .pd-status,.pd-invalid .pd-status{color:#cf222e}
.pd-area{margin:.6rem 0 .2rem;font-size:1rem;color:#555}.pd-changes{margin:0;padding-left:.3rem;list-style:none}
.pd-sign{display:inline-block;width:1.2em;font-family:monospace}.pd-label{font-weight:bold}
.pd-verb{color:#666;margin:0 .3rem}.pd-hunk{margin:.2rem 0;padding:.1rem .4rem;background:#f6f8fa;
white-space:pre-wrap}del{background:#ffebe9;color:#82071e}ins{background:#dafbe1;color:#116329;
text-decoration:none}.pd-errors{color:#cf222e}.pd-long{white-space:pre-wrap}
"""


def _word(lang: str, word: str) -> str:
    return WORDS.get(lang, WORDS["en"]).get(word, word)


def render_diff_html(diff: PlanDiff, heading_level: int = 3, lang: str = "zh-CN") -> str:
    """One plan's diff as an HTML fragment (a <section>), for the site's history pages.

    `lang` is zh-CN or en (the words around the plan's own text)."""
    h = f"h{max(1, min(heading_level, 5))}"
    parts = [f'<section class="pd-plan pd-{diff.status}">',
             (f'<{h} class="pd-head"><span class="pd-status">{escape(_word(lang, diff.status))}</span>'
             f'<span class="pd-where">{escape(plan_heading(diff))}</span></{h}>')]
    errors = ([f"{_word(lang, 'old invalid')}: {worded(e, lang)[0]}" for e in diff.old_errors]
              + [f"{_word(lang, 'new invalid')}: {worded(e, lang)[0]}" for e in diff.new_errors])
    if errors:
        parts.append('<ul class="pd-errors">' + "".join(f"<li>{escape(e)}</li>" for e in errors) + "</ul>")
    groups: dict[str, list[Change]] = {}
    for c in diff.changes:
        groups.setdefault(c.area, []).append(c)
    for area, title in AREA_TITLES.items():
        if area in groups:
            parts.append(f'<h{max(2, min(heading_level + 1, 6))} class="pd-area">{escape(title)}'
                         f'</h{max(2, min(heading_level + 1, 6))}>')
            parts.append('<ul class="pd-changes">' + "".join(_change(c, lang) for c in groups[area]) + "</ul>")
    parts.append("</section>")
    return "\n".join(parts)


def _change(c: Change, lang: str) -> str:
    head = (f'<li class="pd-change pd-{escape(c.kind)}"><span class="pd-sign">{escape(sign_of(c))}</span>'
            f'<span class="pd-label">{escape(c.label)}</span>'
            f'<span class="pd-verb">{escape(_word(lang, verb_of(c)))}</span>')
    if c.kind == "text":
        body = "".join(f'<div class="pd-hunk">{_hunk(h)}</div>' for h in c.hunks)
    elif c.old and c.new:
        body = f"<del>{escape(oneline(c.old, 400))}</del> → <ins>{escape(oneline(c.new, 400))}</ins>"
    elif c.new:
        body = f'<ins class="pd-long">{escape(c.new)}</ins>'
    else:
        body = f'<del class="pd-long">{escape(c.old)}</del>' if c.old else ""
    return head + body + "</li>"


def _hunk(h: Hunk) -> str:
    tags = {"same": ("<span>", "</span>"), "old": ("<del>", "</del>"), "new": ("<ins>", "</ins>")}
    return "".join(tags[s.op][0] + escape(s.text) + tags[s.op][1] for s in h.spans)


def render_html_page(report: DiffReport, lang: str = "zh-CN") -> str:
    """A whole page: no scripts, no external resources."""
    title = f"plangen diff: {report.old_label} → {report.new_label}"
    body = "\n".join(render_diff_html(d, 3, lang) for d in report.plans)
    return (f'<!DOCTYPE html>\n<html lang="{escape(lang)}">\n<head>\n<meta charset="utf-8">\n'
            f'<meta name="viewport" content="width=device-width, initial-scale=1">\n'
            f"<title>{escape(title)}</title>\n<style>{PAGE_CSS}</style>\n</head>\n<body>\n"
            f"<h1>{escape(title)}</h1>\n{body}\n<p class=\"pd-summary\">{escape(summary(report))}</p>\n"
            "</body>\n</html>\n")


__all__ = ["PAGE_CSS", "render_diff_html", "render_html_page"]
