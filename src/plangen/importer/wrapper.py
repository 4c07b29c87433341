"""The official wrapper around a plan: red-header line, document number, issuing notice, subtitle.

`某县教育局文件` / `某教发〔2024〕5号` / `关于印发《…方案》的通知` / addressees, a short notice and its
signature, then the plan itself. The plan's title is the 《…》 of the notice; the number is the
plan's own document number (文号); the notice's signature gives the issuer and date when the plan
has none of its own; the notice's other lines are left out and listed in the import report. Pure.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from ..cntext import find_documents
from ..vocabulary import fold
from ..wording import Wording, msg
from .annex import attachments_at_end
from .cleaning import Line
from .datespans import closing_fields
from .hanzi import key
from .splitting import ANNEX_LABEL, NOTICE, issued_titles, names_one_of, title_of
from .structure import DATE_LINE, NUMBER_LINE, ORG_DATE_LINE, arabic_dates, is_org_line, signature_line

_RED_HEADER = re.compile(r"^[^，,。；;：:\s]{2,30}文件$")
_SUBTITLE = re.compile(r"^[—－-]{1,2}[^—－-]|^[（(]\d{4}\s*[—－\-~～至到]\s*\d{4}\s*年?[)）]$")  # ——…, （2024—2026年）
_LOOK = 8  # the wrapper is within the first lines of a plan
_LEAD = re.compile(r"印发(?:了)?《[^》]{4,80}》[，,]?\s*(?:现将)?(?:全文|内容)?(?:刊发|刊登|公布)?如下[:：。]?$")


@dataclass(slots=True)
class Unwrapped:
    lines: list[Line]
    title: str = ""
    number: str = ""
    closing: dict[str, str] = field(default_factory=dict)
    attachments: list[dict[str, str]] = field(default_factory=list)  # listed in the notice, above its signature
    dropped: list[tuple[int, str, Wording]] = field(default_factory=list)


def unwrap(lines: list[Line]) -> Unwrapped:
    """The plan's own lines, with what the wrapper gave (title, number, issuer and date) and left out."""
    out = Unwrapped(list(lines))
    i = 0
    while i < min(len(out.lines), _LOOK):
        k = key(out.lines[i].text).strip().lstrip("#").strip()
        after = key(out.lines[i + 1].text).strip() if i + 1 < len(out.lines) else ""
        why = _left_out(k, after, i) or _page_title(k, _next_but_number(out.lines, i))
        if why:
            out.dropped.append((out.lines[i].no, out.lines[i].text.strip(), why))
            del out.lines[i]
        elif NUMBER_LINE.match(k) and not out.number:
            out.number = out.lines[i].text.strip().lstrip("#").strip()
            del out.lines[i]
        elif NOTICE.search(k):  # what is still above the notice's title is no part of the plan (a chat's sender)
            out.dropped.extend((ln.no, ln.text.strip(), msg("import.out-before-title")) for ln in out.lines[:i])
            del out.lines[:i]
            _notice(out, 0)
            return _subtitle(out)
        else:
            i += 1
    return _subtitle(out)


def _next_but_number(lines: list[Line], i: int) -> str:
    """The key of the line after line i, past a document number (a page's heading / 某发〔2025〕2号 / the title)."""
    following = (key(ln.text).strip() for ln in lines[i + 1:])
    return next((k for k in following if not NUMBER_LINE.match(k)), "")


def _left_out(k: str, after: str, i: int) -> Wording | None:
    """Why a line above the plan is the wrapper's, to be left out and listed; None when it is not."""
    if ANNEX_LABEL.match(k) and (i == 0 or title_of(after)):  # 附件2 above the title of an annexed plan
        return msg("import.out-annex-label")
    if _RED_HEADER.match(k) or (is_org_line(k) and NUMBER_LINE.match(after)):
        return msg("import.out-red-header")
    if is_org_line(k) and NOTICE.search(after) or _LEAD.search(k):  # 石岭县教育局 / 关于印发《…》的通知: the notice's
        return msg("import.out-notice")  # title; 近日，集团党委印发《…》，全文如下：a news page's lead
    return None


def _page_title(k: str, after: str) -> Wording | None:
    """A page's heading, then the plan's title (a document number between them)."""
    return msg("import.out-page-title") if title_of(k) and title_of(after) and not NOTICE.search(after) else None


def _notice(out: Unwrapped, start: int) -> None:
    """The notice: from its title line to the plan's title line (or the plan's first heading)."""
    text = out.lines[start].text.strip().lstrip("#").strip()
    out.title = next(iter(issued_titles(text, [ln.text for ln in out.lines[start + 1:start + 8]])), "")
    end = _notice_end(out.lines, start, out.title)
    notice = out.lines[start:end]
    signature = _notice_signature(notice)
    out.closing = closing_fields(signature, [])
    out.attachments = attachments_at_end(notice[:notice.index(signature[0])] if signature else notice)[1]
    for ln in notice:
        out.dropped.append((ln.no, ln.text.strip(), msg("import.out-notice")))
    out.lines = out.lines[:start] + out.lines[_past_title(out, end):]
    if not out.number:
        numbers = [n for ln in notice for _, n in find_documents(key(ln.text)) if n]
        out.number = numbers[0] if numbers else ""


def _notice_end(lines: list[Line], start: int, title: str) -> int:
    """Where the notice ends: at the plan's title (on one line or two) or its first heading; just after the notice's
    title when no plan follows."""
    end = start + 1
    while end < len(lines) and not _plan_begins(lines[end].text, title) and not _title_wrapped(lines, end, title):
        end += 1
    return start + 1 if end == len(lines) else end


def _past_title(out: Unwrapped, end: int) -> int:
    """Where the plan's text starts: after its title line (which gives the title with its issuer's name when
    written so) or its title cut over two lines."""
    if end < len(out.lines) and names_one_of(out.lines[end].text, {fold(out.title)}):
        out.title = title_of(out.lines[end].text.strip().lstrip("#").strip())  # its own, the issuer's name with it
        return end + 1
    return end + 2 if _title_wrapped(out.lines, end, out.title) else end


def _plan_begins(text: str, title: str) -> bool:
    k = key(text).strip().lstrip("#").strip()
    if title and names_one_of(text, {fold(title)}):
        return True
    return bool(re.match(r"^(?:[一二三四五六七八九十]{1,3}[、.．]|为(?!.*印发))", k)) and "印发" not in k


def _title_wrapped(lines: list[Line], i: int, title: str) -> bool:
    """The plan's title the notice gives, cut over lines i and i + 1 (…白溪县中心医院胸痛中心 / 建设实施方案)."""
    if not title or i + 1 >= len(lines) or names_one_of(lines[i].text, {fold(title)}):
        return False
    return fold(title_of(lines[i].text.strip() + lines[i + 1].text.strip())) == fold(title)


def _notice_signature(notice: list[Line]) -> list[Line]:
    """The notice's signature: its issuer and date lines, up to the date (not the plan's title cut over two
    lines after it, 石岭县…赴乡村学校 / 支教工作方案)."""
    signature: list[Line] = []
    for ln in notice:
        if signature_line(ln.text):
            signature.append(ln)
            if not is_org_line(ln.text):
                break
    return signature




def _subtitle(out: Unwrapped) -> Unwrapped:
    """A subtitle line (——…, （2024—2026年）) right under the title line is left out, and listed; so is a byline (`> 某单位
    2024年1月20日`), whose issuer and date serve when the plan is not signed at its end."""
    for i, ln in enumerate(out.lines[:3]):
        if _SUBTITLE.match(key(ln.text).strip()) and len(ln.text.strip()) <= 40:
            out.dropped.append((ln.no, ln.text.strip(), msg("import.out-subtitle")))
            del out.lines[i]
            break
    for i, ln in enumerate(out.lines[1:3], 1):
        byline = Line(ln.no, _LABELLED.sub(r"\g<org> \g<date>", _BRACKETS.sub(r"\1", _QUOTE.sub("", ln.text))))
        # （2024年3月8日）: the date alone; 发布单位：…　日期：…: the labels left out
        k = key(byline.text).strip()
        if title_of(out.lines[i - 1].text) and (ORG_DATE_LINE.match(k) or DATE_LINE.match(arabic_dates(k))):
            for name, value in closing_fields([byline], []).items():
                out.closing.setdefault(name, value)
            out.dropped.append((ln.no, ln.text.strip(), msg("import.out-byline")))
            del out.lines[i]
            break
    return _addressees(out)


def _addressees(out: Unwrapped) -> Unwrapped:
    """The addressees on the line under the title (各村卫生室、院内各科室：), as in a notice: left out, and listed."""
    titled = next((i for i, ln in enumerate(out.lines[:6]) if title_of(ln.text)), None)
    after = out.lines[titled + 1] if titled is not None and titled + 1 < len(out.lines) else None
    if after is not None and _ADDRESSEES.match(key(after.text).strip()):
        out.dropped.append((after.no, after.text.strip(), msg("import.out-addressees")))
        out.lines.remove(after)
    return out


_QUOTE = re.compile(r"^\s*>\s*")
_LABELLED = re.compile(r"^\s*(?:发布单位|发文单位|印发单位|发布机构)\s*[:：]\s*(?P<org>\S+)\s+(?:发布|成文|印发)?(?:日期|时间)\s*[:：]\s*"
                       r"(?P<date>\S.*)$")
_ADDRESSEES = re.compile(r"^(?:各[^，,。；;：:\s]{1,15}|[^，,。；;：:\s]{2,15}(?:局|委|办|室|院|校|处|科|站|所|部|中心|公司|单位))"
                         r"(?:[、，,](?:各[^，,。；;：:\s]{1,15}|[^，,。；;：:\s]{2,15}))*[:：]$")
_BRACKETS = re.compile(r"^\s*[（(]\s*(.{6,30}?[日号月])\s*(?:[^（()）\d]{0,12}(?:印发|发布|通过))?\s*[)）]\s*$")  # （2024年4月12日行党委会审议通过）
