from conftest import parse_md, parse_yaml

MINIMAL = """\
title: 测试方案
issuer: 测试小学
guiding_thought: 以发展为目标。
leadership: {leaders: [{name: 张明, title: 校长, org: 测试小学}]}
steps: [{title: 启动阶段}]
requirements: [提高认识]
"""


def test_minimal_yaml_plan_loads() -> None:
    parsed = parse_yaml(MINIMAL)
    assert parsed.problems == ()
    assert parsed.plan is not None
    assert parsed.plan.leadership.leaders[0].name == "张明"


def test_minimal_markdown_plan_loads() -> None:
    parsed = parse_md("""\
    ---
    issuer: 测试小学
    ---
    # 测试方案

    ## 指导思想

    以发展为目标。

    ## 领导小组

    组长：张明（测试小学校长）

    ## 实施步骤

    1. 启动阶段

    ## 工作要求

    - 提高认识
    """)
    assert parsed.problems == ()
    assert parsed.plan is not None and parsed.plan.steps[0].title == "启动阶段"
