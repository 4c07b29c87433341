"""Whatever the input, an imported plan passes `plangen check`: the guard removes refused fields."""

from __future__ import annotations

import random

from plangen.importer import Options, convert
from plangen.importer.assemble import Report
from plangen.importer.guard import checkable
from plangen.importer.splitting import compile_split
from plangen.importer.writer import to_markdown, to_yaml
from plangen.project import parse_source
from plangen.sources import Source

PIECES = ["一、", "(一)", "1.", "（1）", "①", "第一阶段", "组长:", "副组长：", "由", "任组长", "成立", "领导小组", "2016年9月1日",
          "至", "—", "9月1日", "20xx年", "：", "。", "，", "\n", "办公室设在", "#", "## ", "---", "- ", '"', "'", "\\", "\t",
          "?", "(yōu)", "<p>", "篇一", "第二篇", "xx小学", "2016.94", "《", "》", "〔2015〕103号", "\u2028", "組長", "以",
          "为组长", "指导思想", "工作要求", "实施步骤", "五井小学", "张三", "李四", "成员：", "校长", "（", "）"]


def test_random_texts_always_give_checkable_plans() -> None:
    rng = random.Random(7)
    for _ in range(60):
        text = "".join(rng.choice(PIECES) for _ in range(rng.randint(1, 120)))
        for data, _ in convert(text, "r.txt", Options(compile_split(None))).plans:
            for fmt, write in (("yaml", to_yaml), ("markdown", to_markdown)):
                parsed = parse_source(Source("plans/r." + ("yaml" if fmt == "yaml" else "md"), write(data), fmt))
                assert [p for p in parsed.problems if p.is_error] == [], text


def test_guard_removes_a_refused_field_and_refills_required_parts() -> None:
    report = Report("x.txt", "", 0)
    data = {"title": "方案", "issuer": "某校", "date": "2016-13-01", "guiding_thought": "", "leadership": {"leaders": []},
            "steps": [], "requirements": "要认真。"}
    fixed = checkable(data, report)
    assert "date" not in fixed and fixed["guiding_thought"] == "XXX（待补充）"
    assert any("date" in w.message for w in report.warnings)
    assert [p for p in parse_source(Source("p.yaml", to_yaml(fixed), "yaml")).problems if p.is_error] == []
