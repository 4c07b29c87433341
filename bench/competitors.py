"""The benchmark corpus as minimal equivalent Hugo and MkDocs sites (same plans, same text).

Hugo: one page per plan (YAML front matter: title, date, tags, categories, people, organisations;
the plan's Markdown body), tag, category, person and organisation taxonomy pages (the page kinds
plangen makes: a page per tag, category, person and organisation, and their indexes), lists
paginated as plangen's are (60 to a page, numbered pages); tiny layouts. MkDocs: one page per plan,
an index page listing every plan, and a tags page (MkDocs has no taxonomy of its own); a short
explicit nav (a nav of thousands of pages would be quadratic), no search plugin.
"""

from __future__ import annotations

import json
from collections import defaultdict
from pathlib import Path

from corpus import Spec, iso, markdown_body  # type: ignore[import-not-found]

HUGO_CONFIG = """baseURL = "/"
languageCode = "zh-cn"
title = "帮扶方案（合成语料）"
hasCJKLanguage = true
disableKinds = ["sitemap", "robotsTXT"]
paginate = 60
[taxonomies]
  tag = "tags"
  category = "categories"
  person = "people"
  organisation = "orgs"
"""

HUGO_LAYOUTS = {
    "_default/baseof.html": """<!DOCTYPE html>
<html lang="zh-CN"><head><meta charset="utf-8"><title>{{ .Title }} · {{ .Site.Title }}</title></head>
<body><header><a href="{{ "/" | relURL }}">{{ .Site.Title }}</a></header>
<main>{{ block "main" . }}{{ end }}</main></body></html>
""",
    "_default/single.html": """{{ define "main" }}<article><h1>{{ .Title }}</h1>
<p>{{ .Date.Format "2006-01-02" }} · {{ range .Params.categories }}<a href="{{ (printf "categories/%s" (. | urlize)) | relURL }}">{{ . }}</a> {{ end }}</p>
<ul>{{ range .Params.tags }}<li><a href="{{ (printf "tags/%s" (. | urlize)) | relURL }}">{{ . }}</a></li>{{ end }}</ul>
<ul>{{ range .Params.orgs }}<li><a href="{{ (printf "orgs/%s" (. | urlize)) | relURL }}">{{ . }}</a></li>{{ end }}</ul>
<ul>{{ range .Params.people }}<li><a href="{{ (printf "people/%s" (. | urlize)) | relURL }}">{{ . }}</a></li>{{ end }}</ul>
{{ .Content }}</article>{{ end }}
""",
    "_default/list.html": """{{ define "main" }}<h1>{{ .Title }}</h1>
<ul>{{ range .Paginator.Pages }}<li><a href="{{ .RelPermalink }}">{{ .Title }}</a> {{ .Date.Format "2006-01-02" }}</li>{{ end }}</ul>
{{ template "_internal/pagination.html" . }}{{ end }}
""",
    "_default/terms.html": """{{ define "main" }}<h1>{{ .Title }}</h1>
<ul>{{ range .Data.Terms.ByCount }}<li><a href="{{ .Page.RelPermalink }}">{{ .Page.Title }}</a> ({{ .Count }})</li>{{ end }}</ul>{{ end }}
""",
}


def write_hugo(root: Path, specs: list[Spec]) -> None:
    root.mkdir(parents=True, exist_ok=True)
    (root / "hugo.toml").write_text(HUGO_CONFIG, encoding="utf-8")
    for rel, text in HUGO_LAYOUTS.items():
        (root / "layouts" / rel).parent.mkdir(parents=True, exist_ok=True)
        (root / "layouts" / rel).write_text(text, encoding="utf-8")
    content = root / "content" / "plans"
    content.mkdir(parents=True, exist_ok=True)
    for s in specs:
        if s.status == "draft":
            continue  # plangen publishes no drafts either
        people = list(dict.fromkeys(p.name for p in (*s.leaders, *s.deputies, *s.members)))
        orgs = list(dict.fromkeys([s.issuer, *s.helpers, *s.recipients]))
        front = {"title": s.title, "date": iso(s.date), "tags": s.tags, "categories": [s.category],
                 "people": people, "orgs": orgs, "issuer": s.issuer}
        lines = ["---", *(f"{k}: {json.dumps(v, ensure_ascii=False)}" for k, v in front.items()), "---", ""]
        (content / f"{s.slug}.md").write_text("\n".join(lines) + markdown_body(s), encoding="utf-8")


def write_mkdocs(root: Path, specs: list[Spec]) -> None:
    docs = root / "docs"
    (docs / "plans").mkdir(parents=True, exist_ok=True)
    (root / "mkdocs.yml").write_text(
        "site_name: 帮扶方案（合成语料）\ndocs_dir: docs\ntheme:\n  name: mkdocs\n  locale: zh\nplugins: []\n"
        "nav:\n  - 首页: index.md\n  - 标签: tags.md\n", encoding="utf-8")
    published = [s for s in specs if s.status != "draft"]
    by_tag: dict[str, list[Spec]] = defaultdict(list)
    for s in published:
        (docs / "plans" / f"{s.slug}.md").write_text(markdown_body(s), encoding="utf-8")
        for tag in s.tags:
            by_tag[tag].append(s)
    index = ["# 帮扶方案", ""] + [f"- [{s.title}](plans/{s.slug}.md) {iso(s.date)}" for s in published]
    (docs / "index.md").write_text("\n".join(index) + "\n", encoding="utf-8")
    tags = ["# 标签", ""]
    for tag, plans in sorted(by_tag.items()):
        tags += [f"## {tag}", ""] + [f"- [{s.title}](plans/{s.slug}.md)" for s in plans] + [""]
    (docs / "tags.md").write_text("\n".join(tags), encoding="utf-8")
