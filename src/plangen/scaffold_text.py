"""The texts that `plangen init` and `plangen new` write: config, .gitignore, examples, skeletons. Pure."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Kind:
    category: str
    helpers: str  # what the helping side is called
    recipients: str
    optional: tuple[tuple[str, str, str], ...]  # (key, Chinese label, what to write)


KINDS: dict[str, Kind] = {
    "school": Kind("教育帮扶", "帮扶学校", "受援学校", (
        ("objectives", "工作目标", "分条写出本学期或本学年要达到的目标"),
        ("content", "帮扶内容", "如 送教下乡、跟岗学习、联合教研"),
        ("forms", "帮扶形式", "如 示范课、同课异构、专题讲座"),
    )),
    "village": Kind("驻村帮扶", "帮扶单位", "帮扶村", (
        ("targets", "帮扶对象", "如 全村建档立卡户"),
        ("objectives", "工作目标", "分条写出要达到的目标"),
        ("measures", "主要措施", "如 产业扶持、技能培训、基础设施建设"),
    )),
    "enterprise": Kind("企业帮扶", "帮扶部门", "帮扶企业", (
        ("targets", "帮扶对象", "写明帮扶哪些企业、按什么条件确定"),
        ("content", "帮扶内容", "如 政策宣讲、融资对接、用工服务"),
        ("measures", "主要措施", "分条写出具体措施"),
    )),
    "subsidy": Kind("补贴政策", "实施单位", "补贴对象所在单位", (
        ("targets", "补贴对象", "写明谁可以申请、需要满足什么条件"),
        ("content", "补贴标准", "写明补贴项目和金额"),
        ("safeguards", "保障措施", "如 资金监管、公示制度"),
    )),
    "generic": Kind("", "帮扶方", "受援方", (
        ("objectives", "工作目标", "分条写出要达到的目标"),
        ("measures", "主要措施", "分条写出具体措施"),
    )),
}

_HEAD = """\
# 由 `plangen new` 生成的方案骨架。空白处都要填写：`plangen check` 会逐条列出尚未填写的位置。
# 标注「必填」的部分不能删除；其他部分不需要时可整段删去。日期写作 2025-03-01 或 2025年3月1日。
"""


def yaml_skeleton(title: str, kind: str) -> str:
    k = KINDS[kind]
    optional = "".join(f"\n# {key}:                 # {label}（可选）：{hint}\n#   - \n" for key, label, hint in k.optional)
    category = f"category: {k.category}" if k.category else "# category:"
    return f"""{_HEAD}
title: {_quoted(title)}   # 标题（必填）
issuer:                  # 发文单位（必填）：签发本方案的单位
date:                    # 印发日期
status: draft            # 状态：draft 草稿 / active 实施中 / completed 已完成 / archived 已归档
period:                  # 实施时间
  start:                 # 开始
  end:                   # 结束
{category}            # 类别
tags: []                 # 标签：如 [结对帮扶, 送教下乡]
# basis:                 # 依据（可选）：引用的文件
#   - {{title: 文件名称, number: 文号}}
partners:                # 结对单位
  helpers: []            # 帮扶方：{k.helpers}，如 [东山镇中心小学]
  recipients: []         # 受援方：{k.recipients}

guiding_thought: |       # 指导思想（必填）

{optional}
leadership:              # 领导小组（必填）
  name:                  # 小组名称
  leaders:               # 组长：姓名、职务、单位
    - {{name: , title: , org: }}
  deputies: []           # 副组长：同上，可有多人
  members: []            # 成员：同上，也可写 {{description: 各村党支部书记}}

steps:                   # 实施步骤（必填）：每个阶段一项
  - title:               # 名称：如 宣传动员阶段
    start:               # 开始
    end:                 # 结束
    owner:               # 负责：单位或部门
    body:                # 内容：这一阶段做什么

requirements:            # 工作要求（必填）：每条要求一项
  - title:               # 标题：如 提高认识
    body:                # 内容
"""


def markdown_skeleton(title: str, kind: str) -> str:
    k = KINDS[kind]
    guide = "".join(f"# ## {label}（可选）：{hint}\n" for _, label, hint in k.optional)
    category = f"category: {k.category}" if k.category else "# category:"
    return f"""---
{_HEAD.rstrip()}
# 正文用二级标题分部分（## 指导思想 等，编号如「一、」可有可无）。可选部分的标题可以照下面加上：
{guide}title: {_quoted(title)}
issuer:           # 发文单位（必填）
date:             # 印发日期
status: draft     # 状态：draft 草稿 / active 实施中 / completed 已完成 / archived 已归档
period: {{start: , end: }}   # 实施时间
{category}
tags: []
partners: {{helpers: [], recipients: []}}   # 帮扶方：{k.helpers}；受援方：{k.recipients}
---

# {title}

## 一、指导思想

## 二、领导小组

组长：
副组长：
成员：

## 三、实施步骤

### 第一阶段：

负责：

## 四、工作要求

1. 
"""


def _quoted(text: str) -> str:
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


PLANGEN_YAML = """\
# plangen 的项目设置。每一项都可省略，省略时用括号里的默认值。
title: 帮扶方案            # 站点标题（帮扶方案）
language: zh-CN            # 界面语言：zh-CN 或 en（zh-CN）
plans: plans               # 方案文件所在的文件夹（plans）
output: site               # `plangen build` 生成站点的文件夹（site）
# templates: templates     # 覆盖默认主题的模板文件夹（templates）
# registry: registry.yaml  # 单位和人员的规范名称及别名（registry.yaml）
# edit_url: https://git.example/plans/edit/main/   # 页面上“编辑此文件”链接的前缀
# base_url: https://plans.example/                  # 发布地址，只用于站点地图和订阅
search: true               # 生成全文检索索引（true）
"""

GITIGNORE = """\
# plangen build 的输出、缓存和 plangen serve 的预览文件夹
site/
.plangen-cache/
.plangen-preview/
"""

EXAMPLE_YAML = """\
title: 东山镇中心小学与西岭村小学结对帮扶工作方案
issuer: 东山镇中心小学
date: 2025-02-20
status: active
period: {start: 2025-03-01, end: 2025-07-10}
category: 教育帮扶
tags: [结对帮扶, 送教下乡]
partners:
  helpers: [东山镇中心小学]
  recipients: [西岭村小学]

guiding_thought: |
  两校结成对子，以课堂教学为重点，互相听课、共同备课，让村小的孩子也能上到好课。

objectives:
  - 每月至少开展一次送教活动；
  - 村小每位青年教师都有一名结对师傅。

leadership:
  name: 结对帮扶工作领导小组
  leaders:
    - {name: 陈立新, title: 校长, org: 东山镇中心小学}
  deputies:
    - {name: 吴晓燕, title: 校长, org: 西岭村小学}
  members:
    - {description: 两校各学科教研组长}

steps:
  - title: 启动准备
    start: 2025-03-01
    end: 2025-03-15
    owner: 东山镇中心小学教导处
    body: 走访村小，了解教师需要，商定送教课题。
  - title: 送教结对
    start: 2025-03-16
    end: 2025-06-30
    owner: 两校教导处
    body: 按月送教，每次活动后填写记录表。
  - title: 总结交流
    start: 2025-07-01
    end: 2025-07-10
    owner: 结对帮扶工作领导小组
    body: 两校分别总结，交流好的做法。

requirements:
  - title: 落实责任
    body: 校长亲自抓，教导处具体负责。
  - title: 讲求实效
    body: 送教内容要切合村小的实际。
"""

EXAMPLE_MD = """\
---
issuer: 东山镇农业服务中心
date: 2025年3月5日
status: active
period: {start: 2025-03-10, end: 2025-10-31}
category: 产业帮扶
tags: [农技服务, 送技下乡]
partners: {helpers: [东山镇农业服务中心], recipients: [西岭村]}
---

# 东山镇2025年农技服务下乡实施方案

## 一、指导思想

把农业技术送到田间地头，帮助西岭村农户种好茶、管好果园，增加收入。

## 二、领导小组

组长：黄志刚（东山镇农业服务中心主任）
副组长：林秀英（西岭村党支部书记）
成员：东山镇农业服务中心全体技术人员

## 三、实施步骤

### 第一阶段：摸底调查（2025年3月10日至3月31日）

负责：东山镇农业服务中心

逐户了解种植情况和技术难题，建立台账。

### 第二阶段：技术服务（2025年4月1日至9月30日）

负责：东山镇农业服务中心

每月开办一次田间课堂，技术人员分片包户指导。

### 第三阶段：总结评估（2025年10月1日至10月31日）

负责：西岭村村民委员会

统计增产增收情况，听取农户意见。

## 四、工作要求

1. **深入一线**：技术人员每月下村不少于四天。
2. **注重实效**：指导内容要解决农户的实际问题。
"""
