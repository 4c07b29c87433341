"""Interface strings of the search page (zh-CN, en), merged into i18n's table. Data only."""

from __future__ import annotations

SEARCH_STRINGS: dict[str, tuple[str, str]] = {
    "search_terms": ("搜索词", "Search terms"),
    "search_hint": ("可输入多个词，用空格分开；结果包含全部的词，标题中含有这些词的排在前面。",
                    "Several words separated by spaces find the pages containing all of them; title matches come first."),
    "search_filters": ("筛选", "Filter"),
    "search_results": ("共 {n} 个结果", "{n} results"),
    "search_none": ("没有找到包含“{q}”的内容。请换一个词，或减少筛选条件。",
                    "Nothing contains “{q}”. Try another word or fewer filters."),
    "search_empty": ("请输入要搜索的词。", "Type the words to search for."),
    "search_failed": ("搜索索引无法加载，请重新生成网站。", "The search index could not be loaded; rebuild the site."),
    "search_more": ("显示更多结果", "Show more results"),
    "search_noscript": ("搜索需要启用 JavaScript；也可以从首页按类别、年份和单位浏览全部方案。",
                        "Search needs JavaScript; the home page lists every plan by category, year and organisation."),
    "search_kind_plan": ("方案", "Plan"),
    "search_kind_org": ("单位", "Organisation"),
    "search_kind_person": ("人员", "Person"),
    "search_kind_doc": ("依据文件", "Document"),
}
