"""Interface strings of the default theme, in Chinese (default) and English. Plan text is never translated."""

from __future__ import annotations

from collections.abc import Callable

from .search_strings import SEARCH_STRINGS
from .vocabulary import STATUS_LABELS, TOP_LABELS

_STRINGS: dict[str, tuple[str, str]] = {
    # key: (zh-CN, en)
    "home": ("首页", "Home"),
    "plans": ("方案", "Plans"),
    "orgs": ("单位", "Organisations"),
    "people": ("人员", "People"),
    "documents": ("依据文件", "Documents"),
    "tags": ("标签", "Tags"),
    "categories": ("类别", "Categories"),
    "years": ("年份", "Years"),
    "statuses": ("状态", "Status"),
    "timeline": ("时间线", "Timeline"),
    "search": ("搜索", "Search"),
    "search_placeholder": ("搜索方案全文", "Search all plans"),
    "search_needs_http": ("搜索需要通过网站服务器访问，直接打开文件（file://）时不可用；本地预览请运行 plangen serve。",
                          ("Search needs the site to be served over HTTP; it does not work from file://. "
                           "Run plangen serve to preview locally.")),
    "search_unavailable": ("本站点未建立搜索索引。", "This site was built without a search index."),
    "skip": ("跳到正文", "Skip to content"),
    "issuer": ("发文单位", "Issued by"),
    "date": ("印发日期", "Date"),
    "status": ("状态", "Status"),
    "period": ("实施时间", "Period"),
    "category": ("类别", "Category"),
    "basis": ("依据", "Based on"),
    "partners": ("结对单位", "Partners"),
    "helpers": ("帮扶方", "Helpers"),
    "recipients": ("受援方", "Recipients"),
    "contents": ("目录", "Contents"),
    "role": ("组内职务", "Role"),
    "name": ("姓名", "Name"),
    "title": ("职务", "Title"),
    "org": ("单位", "Organisation"),
    "office": ("办公室", "Office"),
    "office_location": ("设在", "Located at"),
    "owner": ("负责", "Responsible"),
    "steps_chart": ("进度图", "Schedule"),
    "related": ("相关方案", "Related plans"),
    "older": ("上一篇（较早）", "Previous (older)"),
    "newer": ("下一篇（较新）", "Next (newer)"),
    "download_source": ("下载源文件", "Download source file"),
    "calendar": ("日历（.ics）", "Calendar (.ics)"),
    "calendar_all": ("全部日程（.ics）", "All dates (.ics)"),
    "edit": ("编辑此文件", "Edit this file"),
    "history": ("修订历史", "Revision history"),
    "attachments": ("附件", "Attachments"),
    "plan_count": ("个方案", "plans"),
    "filter": ("筛选", "Filter"),
    "filter_text": ("按标题或单位筛选", "Filter by title or organisation"),
    "all": ("全部", "All"),
    "year": ("年份", "Year"),
    "organisation": ("单位", "Organisation"),
    "no_results": ("没有符合条件的方案。", "No plan matches."),
    "showing": ("显示", "Showing"),
    "issued": ("印发的方案", "Plans issued"),
    "helps": ("作为帮扶方", "Helping in"),
    "helped": ("作为受援方", "Helped in"),
    "groups": ("领导小组成员所在方案", "Leadership groups with members here"),
    "pairings": ("结对关系", "Pairings"),
    "assists": ("帮扶", "assists"),
    "members_here": ("本单位人员", "People of this organisation"),
    "roles": ("担任职务", "Roles"),
    "cited_by": ("引用此文件的方案", "Plans citing this document"),
    "plan_of_doc": ("此文件即本站方案", "This document is a plan on this site"),
    "number": ("文号", "Number"),
    "draft_banner": ("草稿：此方案尚未发布", "Draft: this plan is not published"),
    "not_found": ("页面不存在", "Page not found"),
    "not_found_text": ("没有找到这个页面。可以从首页浏览全部方案。", "This page does not exist. Browse all plans from the home page."),
    "steps_month": ("本月步骤", "Steps this month"),
    "step": ("步骤", "Step"),
    "no_dated_steps": ("没有带日期的步骤。", "No dated steps."),
    "leaders": ("组长", "Leader"),
    "deputies": ("副组长", "Deputy leader"),
    "members": ("成员", "Member"),
    "director": ("办公室主任", "Office director"),
    "generated_by": ("由 plangen 生成", "Made with plangen"),
    "history_shallow": ("修订历史不完整：仓库是浅克隆（shallow clone），较早的提交没有取回。",
                        "History is incomplete: the clone is shallow, older commits were not fetched."),
    "history_single": ("此方案只有一个版本。", "This plan has only one revision."),
    "history_invalid": ("此版本的方案文件无效：", "The plan file was invalid in this revision:"),
    "browse": ("分类浏览", "Browse"),
    "colon": ("：", ": "),
    "to_top": ("回到顶部", "Back to top"),
    "paren_open": ("（", " ("),
    "paren_close": ("）", ")"),
    "feed": ("订阅", "Feed"),
    "crumbs": ("当前位置", "You are here"),
    "changed": ("最近修改", "Last changed"),
    "years_jump": ("按年份跳转", "Jump to year"),
    "not_found_search": ("搜索方案", "Search the plans"),
    "month_title": ("{y}年{m}月", "{y}-{m:02d}"),
    # lists a page at a time (pages.py, templates/_pager.html)
    "pages": ("分页", "Pages"),
    "previous_page": ("上一页", "Previous"),
    "next_page": ("下一页", "Next"),
    "items_range": ("第 {a}–{b} 项，共 {n} 项", "{a}–{b} of {n}"),
    "page_n": ("第 {n} 页", "page {n}"),
    "newest": ("最新方案", "Newest plans"),
    "active_plans": ("正在实施的方案", "Active plans"),
    "all_plans": ("全部方案", "All plans"),
    "all_n": ("查看全部 {n} 项", "All {n}"),
    "all_orgs": ("全部 {n} 个单位", "All {n} organisations"),
    **SEARCH_STRINGS,  # the search page (search_strings.py)
}

_PARTS_EN = {
    "preamble": "Preamble", "guiding_thought": "Guiding thought", "objectives": "Objectives",
    "targets": "Targets", "leadership": "Leadership group", "content": "Content", "forms": "Forms",
    "steps": "Steps", "measures": "Measures", "requirements": "Requirements", "safeguards": "Safeguards",
}
_STATUS_EN = {"draft": "Draft", "active": "Active", "completed": "Completed", "archived": "Archived"}


def translator(language: str) -> Callable[[str], str]:
    """t(key) for the interface language; part keys and statuses are accepted too."""
    en = language == "en"

    def t(key: str) -> str:
        if key in _STRINGS:
            return _STRINGS[key][1 if en else 0]
        if key.startswith("status:"):
            s = key[7:]
            return _STATUS_EN.get(s, s) if en else STATUS_LABELS.get(s, s)
        if key.startswith("part:"):
            p = key[5:]
            return _PARTS_EN.get(p, p) if en else TOP_LABELS.get(p, p)
        raise KeyError(f"no interface string '{key}'")

    return t
