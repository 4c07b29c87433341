"""The plan vocabulary: English keys, their Chinese labels, and the synonyms accepted for them.

This is the one table that the YAML loader (key aliases), the Markdown loader (heading
recognition), the importer and every message share. Nothing here does I/O.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache
from typing import Final

# Top-level fields in canonical order, with the Chinese label shown in the site and in messages.
TOP_LABELS: Final[dict[str, str]] = {
    "title": "标题",
    "number": "文号",
    "slug": "短名",
    "issuer": "发文单位",
    "date": "印发日期",
    "status": "状态",
    "period": "实施时间",
    "category": "类别",
    "tags": "标签",
    "basis": "依据",
    "partners": "结对单位",
    "attachments": "附件",
    "preamble": "前言",
    "guiding_thought": "指导思想",
    "objectives": "工作目标",
    "targets": "帮扶对象",
    "leadership": "领导小组",
    "content": "帮扶内容",
    "forms": "帮扶形式",
    "steps": "实施步骤",
    "measures": "主要措施",
    "requirements": "工作要求",
    "safeguards": "保障措施",
    "sections": "其他部分",
    "headings": "各部分标题",
}

# Labels of nested fields, keyed by the parent field.
NESTED_LABELS: Final[dict[str, dict[str, str]]] = {
    "period": {"start": "开始", "end": "结束"},
    "basis": {"title": "文件名称", "number": "文号"},
    "partners": {"helpers": "帮扶方", "recipients": "受援方"},
    "attachments": {"title": "附件名称", "file": "文件"},
    "leadership": {
        "name": "小组名称",
        "leaders": "组长",
        "deputies": "副组长",
        "members": "成员",
        "office": "办公室",
        "body": "说明",
    },
    "person": {"name": "姓名", "title": "职务", "org": "单位", "role": "小组职务", "description": "说明"},
    "office": {"location": "设在", "director": "主任", "body": "说明"},
    "steps": {
        "id": "编号",
        "title": "名称",
        "start": "开始",
        "end": "结束",
        "owner": "负责",
        "body": "内容",
        "items": "事项",
    },
    "item": {"title": "标题", "body": "内容"},
    "sections": {"title": "标题", "heading": "原标题", "body": "内容", "items": "条目"},
    "headings": {key: label for key, label in TOP_LABELS.items() if key in (
        "preamble", "guiding_thought", "objectives", "targets", "period", "basis", "attachments", "leadership",
        "content", "forms", "steps", "measures", "requirements", "safeguards")},
}

# Parts of the plan body: the key and the headings that name it (first is the label).
# Order matters for recognition: the first part whose synonym matches wins.
PART_SYNONYMS: Final[dict[str, tuple[str, ...]]] = {
    "guiding_thought": ("指导思想", "总体思路", "总体要求", "工作思路", "指导思想与目标", "指导原则", "基本思路", "发展思路",
                        "活动宗旨", "工作宗旨"),
    "objectives": ("工作目标", "总体目标", "目标任务", "帮扶任务", "目标", "主要目标", "工作任务", "活动目的", "工作目的", "目的意义"),
    "targets": ("帮扶对象", "服务对象", "实施范围", "补贴对象", "对象", "支持对象", "适用范围", "减免对象"),
    "period": ("实施时间", "工作时间", "帮扶时间", "服务时间", "活动时间", "时间安排与期限", "行动时间", "实施期限"),
    "leadership": ("领导小组", "组织领导", "组织机构", "工作领导小组", "成立领导小组", "加强领导", "领导机构", "工作机构"),
    "content": ("帮扶内容", "工作内容", "主要内容", "活动内容", "服务内容", "补贴标准", "减免标准"),
    "forms": ("帮扶形式", "活动形式", "工作形式", "帮扶方式"),
    "steps": (
        "实施步骤", "工作步骤", "活动安排", "工作安排", "时间安排", "进度安排", "实施阶段",
        "工作进度", "步骤安排", "实施计划", "培训安排", "日程安排", "实施进度", "方法步骤", "推进步骤", "具体安排",
    ),
    "measures": ("主要措施", "具体措施", "工作措施", "帮扶措施", "工作举措", "措施"),
    "requirements": ("工作要求", "有关要求", "相关要求", "注意事项", "要求", "几点要求", "帮扶要求", "工作纪律", "纪律要求"),
    "safeguards": ("保障措施", "工作保障", "组织保障"),
    "attachments": ("附件",),
    "basis": ("工作依据", "依据", "政策依据"),
}

REQUIRED_PARTS: Final[tuple[str, ...]] = ("guiding_thought", "leadership", "steps", "requirements")

# Role labels inside a leadership group.
ROLE_SYNONYMS: Final[dict[str, tuple[str, ...]]] = {
    "leaders": ("组长", "主任", "总负责"),
    "deputies": ("副组长", "副主任"),
    "members": ("成员", "组员", "委员"),
}

# Key aliases accepted in YAML (and front matter): Chinese label or synonym -> English key.
_TOP_ALIASES: dict[str, str] = {label: key for key, label in TOP_LABELS.items()}
for _key, _names in PART_SYNONYMS.items():
    for _name in _names:
        _TOP_ALIASES.setdefault(_name, _key)
_TOP_ALIASES.update({"名称": "title", "日期": "date", "标签": "tags", "附件": "attachments", "发文字号": "number"})
TOP_ALIASES: Final[dict[str, str]] = _TOP_ALIASES

_NESTED_ALIASES: dict[str, dict[str, str]] = {
    parent: {label: key for key, label in labels.items()} for parent, labels in NESTED_LABELS.items()
}
for _role, _names in ROLE_SYNONYMS.items():
    for _name in _names:
        _NESTED_ALIASES["leadership"].setdefault(_name, _role)
_NESTED_ALIASES["leadership"]["办公室"] = "office"
_NESTED_ALIASES["office"].update({"地点": "location", "主任": "director"})
_NESTED_ALIASES["person"].update({"名字": "name", "职位": "title", "工作单位": "org"})
_NESTED_ALIASES["steps"].update({"负责人": "owner", "责任单位": "owner", "标题": "title", "阶段": "title"})
_NESTED_ALIASES["period"].update({"起": "start", "止": "end", "开始日期": "start", "结束日期": "end"})
HEADED_PARTS: Final[tuple[str, ...]] = (
    "preamble", "guiding_thought", "objectives", "targets", "period", "basis", "attachments", "leadership",
    "content", "forms", "steps", "measures", "requirements", "safeguards",
)
_NESTED_ALIASES["headings"].update({name: key for name, key in _TOP_ALIASES.items() if key in HEADED_PARTS})
NESTED_ALIASES: Final[dict[str, dict[str, str]]] = _NESTED_ALIASES

# Parts written as free text or a list of items.
ITEM_PARTS: Final[tuple[str, ...]] = (
    "preamble", "guiding_thought", "objectives", "targets", "content", "forms", "measures",
    "requirements", "safeguards",
)

STATUS_LABELS: Final[dict[str, str]] = {
    "draft": "草稿",
    "active": "实施中",
    "completed": "已完成",
    "archived": "已归档",
}


def label_for(path: tuple[str | int, ...]) -> str:
    """Chinese label of the last one or two named segments of a field path, e.g. '组长 姓名'."""
    named: list[str] = []
    parent = ""
    for segment in path:
        if isinstance(segment, int):
            continue
        named.append(_label_in(parent, segment))
        parent = _context_of(parent, segment)
    return " ".join(n for n in named[-2:] if n)


def _context_of(parent: str, key: str) -> str:
    if parent == "leadership":
        return {"leaders": "person", "deputies": "person", "members": "person"}.get(key, key)
    if parent == "office" and key == "director":
        return "person"
    if not parent and key in ITEM_PARTS:
        return "item"
    return key


def _label_in(parent: str, key: str) -> str:
    if not parent:
        return TOP_LABELS.get(key, "")
    return NESTED_LABELS.get(parent, NESTED_LABELS["item"]).get(key, "")


# ---------------------------------------------------------------------------------------------
# Heading recognition

_NUMBERING = re.compile(
    r"""^\s*(?:
        第[一二三四五六七八九十百零〇\d]+(?:部分|阶段|步|条|章|节|项|点|批|篇)?[、.．:：\s]* |
        [（(][一二三四五六七八九十\d]+[)）][、.．\s]* |
        [一二三四五六七八九十]+[、.．\s]+ |
        \d+(?:\.\d+)*[、.．)）\s]+ |
        [①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳]\s*
    )""",
    re.VERBOSE,
)


def strip_numbering(text: str) -> str:
    """Remove a leading outline number such as 一、 (一) （一） 1. 1、 ① 第一部分 from a heading."""
    previous = None
    text = text.strip()
    while previous != text:
        previous = text
        text = _NUMBERING.sub("", text, count=1).strip()
    return text


@lru_cache(maxsize=1 << 16)
def fold(text: str) -> str:
    """Normalise width, spaces and punctuation so that names and headings compare equal."""
    text = unicodedata.normalize("NFKC", text)
    return "".join(ch for ch in text if not (ch.isspace() or unicodedata.category(ch).startswith("P")))


def recognise_heading(heading: str) -> str | None:
    """The part key a heading names ('## 二、工作领导小组：' -> 'leadership'), or None."""
    core = _OBJECT_AND.sub("对象", fold(strip_numbering(heading)))  # 选聘对象和条件: the targets
    if not core:
        return None
    exact, partial = _folded_synonyms()
    if core in exact:
        return exact[core]
    if _TIME_AND_STEPS.search(core):  # 实施时间和步骤: the steps, with the time they take
        return "steps"
    for name, key in partial:
        if core.endswith(name) or core.startswith(name):
            return key
    for ending, key in _ENDINGS:  # 支援目标 -> objectives, 经费保障 -> safeguards
        if core.endswith(ending) and len(core) <= 8 and (key != "period" or len(core) >= 4):
            return key
    return None


_TIME_AND_STEPS = re.compile("(?:时间|进度)[和及与](?:步骤|安排)$|步骤[和及与](?:时间|进度)")
_OBJECT_AND = re.compile(r"对象[和及与](?:条件|范围|标准)$")
# Two-character endings that name a part whatever comes before them (in order of precedence).
_ENDINGS: Final[tuple[tuple[str, str], ...]] = (
    ("目标", "objectives"), ("目的", "objectives"), ("对象", "targets"), ("范围", "targets"), ("形式", "forms"), ("内容", "content"), ("项目", "content"),
    ("步骤", "steps"), ("措施", "measures"), ("保障", "safeguards"), ("要求", "requirements"),
    ("期限", "period"), ("周期", "period"), ("时间", "period"),  # 帮扶期限, 救助时间 (时间 alone is a step's label)
)


def leading_part_name(text: str) -> str:
    """The longest part name of four characters or more that opens `text` ('指导思想坚持…' -> '指导思想'), or four
    characters ending in a part's word ('帮扶目标以…' -> '帮扶目标'); ''."""
    names = (n for names in PART_SYNONYMS.values() for n in names if len(n) >= 4 and text.startswith(n))
    longest = max(names, key=len, default="")
    ended = any(text[2:4] == ending for ending, _ in _ENDINGS)
    return longest or (text[:4] if ended and re.fullmatch(r"[\u4e00-\u9fff]{4}", text[:4]) else "")


@lru_cache(maxsize=1)
def _folded_synonyms() -> tuple[dict[str, str], tuple[tuple[str, str], ...]]:
    """Folded synonyms: exact name -> key (first part wins), and the names of 3+ characters in order."""
    exact: dict[str, str] = {}
    for key, names in PART_SYNONYMS.items():
        for name in names:
            exact.setdefault(fold(name), key)
    partial = tuple((fold(n), k) for k, names in PART_SYNONYMS.items() for n in names if len(n) >= 3)
    return exact, partial
