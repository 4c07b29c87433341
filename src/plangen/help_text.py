"""The command line's help and argparse's own words in Chinese. Pure.

`in_chinese(parser)` rewrites a parser (and its subcommands') help in place, each English help and
description by its text (a text not in the table stays English: tests/test_cli_language.py finds
any), and makes a `Parser` say its usage, section titles and errors in Chinese. The language is
chosen as for every message (messages.language_for)."""

from __future__ import annotations

import argparse
import re
import sys
from collections.abc import Iterable
from typing import NoReturn

_ZH: dict[str, str] = {
    "Validate assistance plans (帮扶方案) kept as YAML or Markdown and publish them as a static site.":
        "校验以 YAML 或 Markdown 保存的帮扶方案，并发布为静态网站。",
    "show this help message and exit": "显示本帮助并退出",
    "show program's version number and exit": "显示版本号并退出",
    "language of the messages: zh-CN or en (default: language: in plangen.yaml, else zh-CN)":
        "输出信息的语言：zh-CN 或 en（默认：plangen.yaml 中的 language:，否则 zh-CN）",
    "validate plans and report every problem": "校验方案并报告全部问题",
    "print the JSON Schema of a plan file (for editors)": "输出方案文件的 JSON Schema（供编辑器使用）",
    "validate all plans and build the site": "校验全部方案并生成网站",
    "show what changed in plans between revisions or files": "显示方案在两个版本或两个文件之间的变化",
    "print a plan as canonical text, one line per field (for git diff)": "把方案输出为规范文本，每个字段一行（供 git diff 使用）",
    "live preview: build, serve, rebuild on save, reload the browser": "实时预览：生成、提供网页、保存即重新生成并刷新浏览器",
    "create a new plans repository (config, example plans, editor schema)": "新建方案仓库（设置、示例方案、编辑器 schema）",
    "create a plan file: a skeleton with every required part": "新建方案文件：含全部必备部分的骨架",
    "turn plan texts and Word documents into plan files": "把方案文本和 Word 文档转换为方案文件",
    "Validate plan files like a compiler: file:line:column, field, message, hint.":
        "像编译器一样校验方案文件：文件:行:列、字段、问题、提示。",
    "plan files or folders (default: the plans folder from plangen.yaml)": "方案文件或目录（默认：plangen.yaml 中的方案目录）",
    "treat warnings as errors": "把警告当作错误",
    "output format (default: text)": "输出格式（默认：text）",
    "project folder holding plangen.yaml and plans/ (default: current folder)":
        "含 plangen.yaml 和 plans/ 的项目目录（默认：当前目录）",
    "read plan files in this encoding instead of UTF-8 (e.g. gb18030)": "用此编码读取方案文件，而不是 UTF-8（例如 gb18030）",
    "Print the JSON Schema (draft 2020-12) of plan files, Chinese aliases included, for the YAML language "
    "server and other editors.": "输出方案文件的 JSON Schema（draft 2020-12，含中文别名），供 YAML 语言服务器和其他编辑器使用。",
    "Load and validate every plan; on any error publish nothing. Otherwise render the site into the output "
    "folder, writing only changed files.": "读取并校验全部方案；有任何错误则不发布任何内容。否则把网站生成到输出目录，只写入有变化的文件。",
    "output folder (default: output: in plangen.yaml, else site/)": "输出目录（默认：plangen.yaml 中的 output:，否则 site/）",
    "also publish plans whose status is draft": "同时发布状态为草稿的方案",
    "do not build revision history pages from git (also: history: false in plangen.yaml)":
        "不根据 git 生成修订历史页面（也可在 plangen.yaml 中写 history: false）",
    "do not build the search index (and hide the search box)": "不建立搜索索引（并隐藏搜索框）",
    "Compare plans structurally: metadata, leadership, steps, text (character by character for Chinese). "
    "Exit 0: no change, 1: changes, 2: error.":
        "按结构比较方案：基本信息、领导小组、实施步骤、正文（中文逐字比较）。退出码 0：没有变化，1：有变化，2：出错。",
    "colour the text output": "给文本输出加颜色",
    "project folder (default: current folder)": "项目目录（默认：当前目录）",
    "read plan files in this encoding instead of UTF-8": "用此编码读取方案文件，而不是 UTF-8",
    "revisions, then -- and plan files or folders; or two plan files": "版本，然后是 -- 和方案文件或目录；或者两个方案文件",
    "a plan file (git passes a temporary copy of it)": "方案文件（git 传入它的临时副本）",
    "read the file in this encoding instead of UTF-8": "用此编码读取文件，而不是 UTF-8",
    "address to listen on (default: 127.0.0.1)": "监听地址（默认：127.0.0.1）",
    "port (default: 8000; 0 picks a free one)": "端口（默认：8000；0 表示任选一个空闲端口）",
    "also show draft plans (with the 草稿 banner)": "同时显示草稿方案（带“草稿”标记）",
    "skip the search index (faster rebuilds; the search box is hidden)": "不建立搜索索引（重新生成更快；隐藏搜索框）",
    "quiet time that ends a burst of file events, in milliseconds (default: 20)": "一组文件事件之后等待的安静时间，单位毫秒（默认：20）",
    "log every request": "记录每个请求",
    "preview folder (default: .plangen-preview/ in the project, removed on exit; never the published site/)":
        "预览目录（默认：项目中的 .plangen-preview/，退出时删除；绝不会是发布用的 site/）",
    "folder to create the repository in (default: the current folder)": "新建仓库所在的目录（默认：当前目录）",
    'the plan\'s title, e.g. "东山镇2025年结对帮扶工作方案"': "方案标题，例如“东山镇2025年结对帮扶工作方案”",
    "spelling of the file (default: yaml)": "文件写法（默认：yaml）",
    "kind of plan, for the category and the optional parts offered (default: generic)":
        "方案种类，决定类别和提供的可选部分（默认：generic）",
    "folder to write into (default: the plans folder from plangen.yaml)": "写入的目录（默认：plangen.yaml 中的方案目录）",
    "project folder holding plangen.yaml (default: current folder)": "含 plangen.yaml 的项目目录（默认：当前目录）",
    "input files: .txt, .md or .docx (.doc/.wps: convert to .docx first)": "输入文件：.txt、.md 或 .docx（.doc/.wps 请先转换为 .docx）",
    "folder to write plan files into (default: the plans folder of plangen.yaml in the current folder, else "
    "plans/; created if missing)": "写入方案文件的目录（默认：当前目录 plangen.yaml 中的方案目录，否则 plans/；不存在时新建）",
    "plan file format: yaml, or md (front matter + Markdown parts); default: yaml":
        "方案文件格式：yaml，或 md（前置元数据 + Markdown 各部分）；默认：yaml",
    "convert traditional characters to simplified (needs: pip install 'plangen[simplified]')":
        "把繁体字转换为简体字（需要：pip install 'plangen[simplified]'）",
    "read text inputs in this encoding instead of detecting UTF-8 / GB18030": "用此编码读取文本输入，而不是自动识别 UTF-8 / GB18030",
    "overwrite plan files that exist already": "覆盖已存在的方案文件",
    "report what would be written, write nothing": "只报告将要写入的内容，不写任何文件",
    "For .gitattributes `*.yaml diff=plangen` and `git config diff.plangen.textconv \"plangen textconv\"`.":
        "用于 .gitattributes 中的 `*.yaml diff=plangen` 和 `git config diff.plangen.textconv \"plangen textconv\"`。",
    "Build the site into a preview folder, serve it on http://127.0.0.1:8000/ and watch plans/, the templates and "
    "plangen.yaml: every save rebuilds what changed and reloads open tabs. A save with errors keeps the last good "
    "preview and shows the problems in the browser and here. Ctrl-C stops.":
        "把网站生成到预览目录，在 http://127.0.0.1:8000/ 上提供，并监视 plans/、模板和 plangen.yaml：每次保存都重新生成"
        "有变化的部分并刷新已打开的网页。保存的内容有错误时，保留上一次成功的预览，并在浏览器和这里列出问题。按 Ctrl-C 停止。",
    "Create plangen.yaml, plans/ with one example plan in each spelling (YAML and Markdown), .gitignore, "
    "plan.schema.json and the VS Code setting that uses it. Refuses to overwrite any file.":
        "创建 plangen.yaml、含两种写法（YAML 和 Markdown）示例方案各一个的 plans/、.gitignore、plan.schema.json "
        "以及使用它的 VS Code 设置。不会覆盖任何已有文件。",
    "Convert plain text (UTF-8 or GB18030/GBK), Markdown and .docx plans into plan files that `plangen check` "
    "accepts. A file holding several plans (篇一 … 篇十五, 第一篇 …, 【…方案】, title lines after a page break, a "
    "separator line or a signature) is split into one file per plan. Damaged web text is repaired, page chrome and "
    "the issuing notice left out, and every repair and every line left out reported. Imported plans are drafts. "
    "Legacy .doc/.wps files must first be converted: libreoffice --headless --convert-to docx FILE.":
        "把纯文本（UTF-8 或 GB18030/GBK）、Markdown 和 .docx 方案转换为 `plangen check` 认可的方案文件。一个文件中有多个"
        "方案（篇一 … 篇十五、第一篇 …、【…方案】、分页后的标题行、分隔线或落款）时，拆分为每个方案一个文件。修复网页文本"
        "的损坏，略去网页的页眉页脚和印发通知，并报告每一处修复和每一行略去的内容。导入的方案均为草稿。旧的 .doc/.wps "
        "文件须先转换：libreoffice --headless --convert-to docx FILE。",
}
# texts that end with a value (a pattern, a rule): their beginning in English, and in Chinese
_PREFIXES: dict[str, str] = {
    "regular expression matching the header line that starts each plan in a file holding several (default "
    "recognises 篇N and 第N篇 headers: ": "匹配多方案文件中每个方案开头标题行的正则表达式（默认识别“篇N”和“第N篇”标题：",
    "Write a new plan whose required parts are blank, labelled in Chinese; ":
        "新建一个方案，必备部分留空并以中文标注；`plangen check` 会列出空白处，直到填写完毕。不打开任何编辑器。"
        "文件名（方案的短名）取自标题的拼音：不带声调，每个字一个音节，小写，用连字符连接；保留数字和拉丁字母；"
        "其他字符用来分隔音节；超过 48 个字符时在整音节处截断；名字已被占用时加上 -2、-3 …… "
        "例如：东山镇2025年结对帮扶方案 -> dong-shan-zhen-2025-nian-jie-dui-bang-fu-fang-an。",
}


def _zh(text: str | None) -> str | None:
    if not text or text == argparse.SUPPRESS:
        return text
    if text in _ZH:
        return _ZH[text]
    for english, chinese in _PREFIXES.items():
        if text.startswith(english):
            rest = text[len(english):]
            return chinese + (rest[:-1] + "）" if rest.endswith(")") else "") if english.endswith(": ") else chinese
    return text


def in_chinese(parser: argparse.ArgumentParser) -> None:
    """The parser's and its subcommands' descriptions and help texts in Chinese, where the table has them."""
    parser.description = _zh(parser.description)
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            for choice in action._choices_actions:
                choice.help = _zh(choice.help)
            for sub in dict.fromkeys(action.choices.values()):
                in_chinese(sub)
        else:
            action.help = _zh(action.help)
    parser.formatter_class = ChineseFormatter
    parser._positionals.title = "位置参数"
    parser._optionals.title = "选项"
    if isinstance(parser, Parser):
        parser.chinese = True


class Parser(argparse.ArgumentParser):
    """plangen's argument parser: argparse's, whose errors are in Chinese once `in_chinese` made it so."""

    chinese = False

    def error(self, message: str) -> NoReturn:
        if not self.chinese:
            super().error(message)
        self.print_usage(sys.stderr)
        self.exit(2, f"{self.prog}：错误：{argparse_message(message)}\n")


_USAGE = "用法："


class ChineseFormatter(argparse.HelpFormatter):
    """argparse's help layout with `用法：` for `usage: `, its wrapped lines still under the program's name."""

    def add_usage(self, usage: str | None, actions: Iterable[argparse.Action],
                  groups: Iterable[argparse._MutuallyExclusiveGroup], prefix: str | None = None) -> None:
        super().add_usage(usage, actions, groups, _USAGE if prefix is None else prefix)

    def _format_usage(self, usage: str | None, actions: Iterable[argparse.Action],
                      groups: Iterable[argparse._MutuallyExclusiveGroup], prefix: str | None) -> str:
        text = super()._format_usage(usage, actions, groups, prefix)
        if prefix != _USAGE or usage is not None:  # (a usage given whole is laid out by its writer)
            return text
        wider = " " * len(_USAGE)  # argparse indents by characters; each of these takes two columns
        first, *rest = text.split("\n")
        return "\n".join([first, *(wider + line if line.startswith(" ") else line for line in rest)])


# argparse's own error messages (the templates it passes to gettext, the one way it offers to reword
# them) and their Chinese; `{0}`, `{1}` are its values in order.
_ARGPARSE: tuple[tuple[str, str], ...] = (
    ("argument %(argument_name)s: %(message)s", "参数 {0}：{1}"),
    ("the following arguments are required: %s", "缺少以下参数：{0}"),
    ("unrecognized arguments: %s", "无法识别的参数：{0}"),
    ("invalid choice: %(value)r (choose from %(choices)s)", "无效的选择：{0}（可选：{1}）"),
    ("expected one argument", "需要一个值"),
    ("expected at most one argument", "最多需要一个值"),
    ("expected at least one argument", "至少需要一个值"),
    ("expected %s argument", "需要 {0} 个值"),
    ("expected %s arguments", "需要 {0} 个值"),
    ("invalid %(type)s value: %(value)r", "无效的 {0} 值：{1}"),
    ("ignored explicit argument %r", "忽略了显式给出的值 {0}"),
    ("not allowed with argument %s", "不能与参数 {0} 同时使用"),
    ("ambiguous option: %(option)s could match %(matches)s", "有歧义的选项：{0} 可以是 {1}"),
    ("one of the arguments %s is required", "需要以下参数之一：{0}"),
    ("can't open '%(filename)s': %(error)s", "无法打开“{0}”：{1}"),
)
_VALUE = re.compile(r"%(?:\([a-z_]+\))?[sr]")


def _pattern(template: str) -> re.Pattern[str]:
    parts = _VALUE.split(template)
    return re.compile("(.+?)".join(re.escape(p) for p in parts) + r"\Z", re.DOTALL)


def argparse_message(message: str) -> str:
    """One of argparse's error messages in Chinese (an argument's message too); else as it is."""
    for template, chinese in _ARGPARSE:
        found = _pattern(template).match(message)
        if found:
            values = list(found.groups())
            if template.startswith("argument "):
                values[1] = argparse_message(values[1])
            return chinese.format(*values)
    return message
