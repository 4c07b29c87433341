"""Problems as the terminal shows them, in the command line's language. Pure.

The checks (schema.py, rules.py, documents.py, markdown_plan.py) write their messages in English with
the Chinese labels of the fields; here, for zh-CN, each field is shown with its key and its Chinese
label (`leadership.leaders[0].name（组长 姓名）`), the severity and the hint label are Chinese, and
the messages and hints met most often are put into Chinese by their wording. A message not in the
table stays as the check wrote it. `--format json` is never translated (tools read it).
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import replace

from .messages import say
from .problems import Problem, format_text
from .vocabulary import label_for

_Q = "'(.+?)'"
_MESSAGES: tuple[tuple[str, str], ...] = (
    (r"unknown key " + _Q, r"未知的键“\1”"),
    (r"required", "缺少必填项"),
    (_Q + r" is not a date", r"“\1”不是日期"),
    (_Q + r": (\d+)年(\d+)月 has no day (\d+)", r"“\1”：\2年\3月没有\4日"),
    (_Q + r": there is no month (\d+)", r"“\1”：没有\2月"),
    (_Q + r" has no year and none is known from the plan", r"“\1”没有年份，方案中也找不到年份"),
    (_Q + r" is a placeholder from an unfilled template", r"“\1”是未填写的模板占位内容"),
    (_Q + r" is not one of: (.+)", r"“\1”不是以下之一：\2"),
    (r"given twice, as " + _Q + " and as " + _Q, r"写了两次：“\1”和“\2”"),
    (r"duplicate key " + _Q + r" \(first given at line (\d+)\); YAML would silently keep only the last",
     r"重复的键“\1”（第 \2 行已写过）；YAML 会悄悄只保留最后一个"),
    (r"(.+) is empty: it is a required part of a plan", r"\1为空：这是方案的必备部分"),
    (r"is empty", "为空"),
    (r"this part is given twice \(also at line (\d+)\)", r"这一部分写了两次（另见第 \1 行）"),
    (r"no dates found in this part", "这一部分没有找到日期"),
    (r"the leadership group has no 组长 \(an empty template slot\?\)", "领导小组没有组长（模板中的空位？）"),
    (r"YAML syntax error: (.*)", r"YAML 语法错误：\1"),
    (r"front matter starts with --- but is never closed", "前置元数据以 --- 开头，但没有结束行"),
    (r"front matter must be a mapping of fields \(key: value\)", "前置元数据必须是一组字段（键: 值）"),
    (r"(.+) is listed as (.+) and also as (.+) \(line (\d+)\)", r"\1既列为\2，又列为\3（第 \4 行）"),
    (r"step lies outside the plan period \((.+)\)", r"步骤不在方案的实施时间内（\1）"),
    (r"expected a number of bytes, found " + _Q, r"应为字节数，实际为“\1”"),
    (r"expected (.+), found (.+)", r"应为\1，实际为\2"),
    (r"the (period|step) ends \((.+)\) before it starts \((.+)\)", r"结束日期（\2）早于开始日期（\3）"),
    (r"placeholder " + _Q + " from an unfilled template", r"“\1”是未填写的模板占位内容"),
    (r"(.+) is listed twice as (.+) \(also at line (\d+)\)", r"\1作为\2列了两次（另见第 \3 行）"),
    (_Q + r" is not a valid slug", r"“\1”不是有效的短名"),
    (r"a plan must be a mapping of fields \(title: …\), found (.+)", r"方案必须是一组字段（title: …），实际为\1"),
    (r"merge keys \(<<\) are not supported", "不支持合并键（<<）"),
    (r"YAML tag (.+) is not allowed", r"不允许使用 YAML 标签 \1"),
    (r"a key must be plain text", "键必须是普通文本"),
    (r"unknown setting " + _Q, r"未知的设置“\1”"),
    (_Q + r": year (\d+) is out of range: plans use the years (\d+)–(\d+)",
     r"“\1”：年份 \2 超出范围：方案的年份应在 \3–\4 年之间"),
    (r"holds (U\+[0-9A-F]+) \((.+)\), a character that web pages and feeds cannot hold",
     r"含有 \1（\2），网页和订阅源不能容纳这个字符"),
    (r"holds (U\+[0-9A-F]+) \((.+)\), which shows the text in another order than it is written",
     r"含有 \1（\2），会让文字显示的顺序与书写的顺序不同"),
    (r"is made only of invisible characters.*", "只由不可见字符组成（如 U+200B 零宽空格），显示出来什么也没有"),
    (r"quotes or lists nested too deeply: from line (\d+) of this text \((.*)\) on, the page would lose the text",
     r"引用或列表嵌套太深：从这段文字的第 \1 行（\2）起，页面会丢失文字"),
    (r"the file name holds (U\+[0-9A-F]+) \((.+)\), which shows the name in another order than it is written",
     r"文件名含有 \1（\2），会让文件名显示的顺序与书写的顺序不同"),
    (r"the file name is made only of invisible characters", "文件名只由不可见字符组成"),
    (r"symlink leads outside the plans folder \(to (.+)\); refused", r"符号链接指向方案目录之外（\1），已拒绝"),
    (r"a symlink loop \(the link leads back to itself\)", "符号链接循环（链接又指回自身）"),
    (r"(.+), not a regular file; only regular files are read", r"\1，不是普通文件；只读取普通文件"),
    (r"no such file \(or a symlink to nothing\)", "没有这个文件（或符号链接指向不存在的目标）"),
    (r"file is (.+) bytes, over the limit of (.+)", r"文件有 \1 字节，超过上限 \2"),
    (r"cannot read file: (.+)", r"无法读取文件：\1"),
    (r"(tag|category) " + _Q + r" and (?:tag|category) " + _Q + r" are different spellings that share one page "
     r"\(" + _Q + r"\): their plans are listed together under " + _Q,
     r"“\2”和“\3”写法不同，却共用一个页面（“\4”）：它们的方案都列在“\5”之下"),
    (r"mapping values are not allowed (?:here|in this context)", "这里不能出现映射的值（“键: 值”）"),
    (r"while parsing a flow (sequence|mapping)(.*): did not find expected (.+)",
     r"解析以括号写成的列表或映射时\2：没有找到应有的 \3"),
    (r"found character (.+) that cannot start any token", r"发现不能作为开头的字符 \1"),
)
_HINTS: tuple[tuple[str, str], ...] = (
    (r"write a date that exists, e\.g\. (.+)", r"请写一个存在的日期，例如 \1"),
    (r"write 2016-09-01, 2016年9月1日, 2016\.9\.1, or a month: 2016年9月",
     "请写成 2016-09-01、2016年9月1日、2016.9.1，或只写月份：2016年9月"),
    (r"write the year, or give the plan a date or period", "请写上年份，或给方案写上印发日期或实施时间"),
    (r"keep one of them", "只保留其中一个"),
    (r"remove one of them, or merge their contents", "删去其中一个，或合并两者的内容"),
    (r"write the (.+) of the plan", r"请写出方案的\1"),
    (r"merge the two into one", "把两处合并为一处"),
    (r"write it as (.+)", r"请写成 \1"),
    (r"name the group's leader\(s\)", "请写出领导小组的组长"),
    (r"check indentation and quoting; .*", "请检查缩进和引号；含有“: ”或以 [ { * & ! | > 开头的值需要加引号"),
    (r"end the front matter with a line holding only ---", "用只有 --- 的一行结束前置元数据"),
    (r"write fields as (`.+`), one per line", r"字段写成 \1 的形式，每行一个"),
    (r"did you mean (`.+?`)(.*)\?", r"是不是要写 \1\2？"),
    (r"add (`.+?`)(.*)", r"请添加 \1\2"),
    (r"a person holds one role in a group: keep the right one", "一个人在一个小组中只担任一种职务：保留正确的那个"),
    (r"check the step's dates or widen the plan's period", "请检查步骤的日期，或放宽方案的实施时间"),
    (r"fill in the real date", "请填写实际日期"),
    (r"write (.+) here, or remove the key", r"请在这里写上\1，或删去这个键"),
    (r"known settings: (.+)", r"已知的设置：\1"),
    (r"swap the dates, or correct the year", "请对调两个日期，或改正年份"),
    (r"replace it with the real value", "请换成实际内容"),
    (r"remove the repeated entry", "请删去重复的一项"),
    (r"use lowercase letters, digits and hyphens, e\.g\. (.+)", r"请用小写字母、数字和连字符，例如 \1"),
    (r"start with `title: …`; run `plangen new` for a skeleton", "请以 `title: …` 开头；运行 `plangen new` 可得到一个骨架"),
    (r"write the fields out in full", "请把字段完整写出"),
    (r"plan files hold plain text, lists and mappings; remove the tag", "方案文件只包含文本、列表和映射：请删去这个标签"),
    (r"correct the year: plans use the years (\d+)–(\d+)", r"请改正年份：方案的年份应在 \1–\2 年之间"),
    (r"delete it \(in YAML it may be written as an escape such as (.+) or (.+)\)",
     r"请删去它（在 YAML 中它可能写成转义形式，如 \1 或 \2）"),
    (r"delete the invisible control character", "请删去这个不可见的控制字符"),
    (r"write the text, or remove the field", "请写上文字，或删去这个字段"),
    (r"nest fewer levels \(a page keeps (\d+) quote levels, or (\d+) list levels\)",
     r"请减少嵌套层数（页面最多保留 \1 层引用或 \2 层列表）"),
    (r"rename the file", "请给文件改名"),
    (r"remove the link, or point it at a file", "请删去这个链接，或让它指向一个文件"),
    (r"copy the file into the plans folder instead of linking to it", "请把文件复制到方案目录中，不要用链接"),
    (r"write the (tag|category) the same way in every plan", "请在每个方案中用同一种写法"),
)
_KINDS = (("a mapping (key: value)", "映射（键: 值）"), ("a mapping", "映射"), ("a list", "列表"), ("text", "文本"),
          ("a number", "数字"), (" or ", "或"))
_COMPILED = {kind: tuple((re.compile(p + r"\Z", re.DOTALL), r) for p, r in table)
             for kind, table in (("message", _MESSAGES), ("hint", _HINTS))}
_LABEL_SUFFIX = re.compile(r" \(([^()]+)\)\Z")
_CJK = re.compile("[\u4e00-\u9fff]")
_SEGMENT = re.compile(r"([^.\[\]]+)|\[(\d+)\]")


def field_path(field: str) -> tuple[str | int, ...]:
    """`leadership.leaders[0].name` as ('leadership', 'leaders', 0, 'name')."""
    return tuple(int(m[2]) if m[2] is not None else m[1] for m in _SEGMENT.finditer(field))


def in_chinese(text: str, kind: str) -> str:
    """A message or hint (kind) in Chinese where its wording is in the table, else as it was."""
    for pattern, replacement in _COMPILED[kind]:
        if pattern.match(text):
            found = pattern.sub(replacement, text, count=1)
            return _kinds(found) if text.startswith(("expected ", "a plan must be")) else found
    return text


def _kinds(text: str) -> str:
    for english, chinese in _KINDS:
        text = text.replace(english, chinese)
    return text


def localised(problem: Problem) -> Problem:
    """The problem with its field shown with the Chinese label and its text in Chinese (zh-CN)."""
    label = label_for(field_path(problem.field)) if problem.field else ""
    message, suffix = problem.message, _LABEL_SUFFIX.search(problem.message)
    tail = ""
    if suffix and _CJK.search(suffix[1]):  # a Chinese label after the message: shown with the field
        message = message[:suffix.start()]
        tail = "" if suffix[1] == label else f"（{suffix[1]}）"
    field = f"{problem.field}（{label}）" if label else problem.field
    message = in_chinese(message, "message") + tail
    return replace(problem, field=field, message=message, hint=in_chinese(problem.hint, "hint"))


def format_problem(language: str | None, problem: Problem, lines: Sequence[str] | None = None,
                   colour: bool = False) -> str:
    """format_text in the command line's language."""
    s = say(language)
    if s.en:
        return format_text(problem, lines, colour)
    text = format_text(localised(problem), lines, colour)
    head, newline, rest = text.partition("\n")
    head = _severity(head, problem, s(problem.severity))
    rest = rest.replace("      = hint: ", f"      = {s('hint')}: ")
    return head + newline + rest


def _severity(head: str, problem: Problem, word: str) -> str:
    """The first line with the severity word in Chinese (coloured or not)."""
    for sev in (f"{problem.severity}\033[0m: ", f"{problem.severity}: "):
        at = head.find(sev)
        if at >= 0:
            return head[:at] + word + head[at + len(problem.severity):]
    return head


def report_in(language: str | None, problems: Sequence[Problem], texts: Mapping[str, str],
              colour: bool = False) -> str:
    """problems.report in the command line's language: all problems, by file and position."""
    blocks = []
    for p in sorted(problems, key=lambda p: (p.path, p.line, p.column, p.field, p.message)):
        text = texts.get(p.path)
        blocks.append(format_problem(language, p, text.splitlines() if text is not None else None, colour))
    return "\n".join(blocks)
