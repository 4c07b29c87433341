"""A plan forwarded in a chat: the group's name, each message's sender and time, and the calls and replies
around the plan (@所有人 …, 收到👌, [收到][强]). Found here; `cleaning` leaves them out and reports them. Pure."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from ..plantables import labelled_role
from .hanzi import key

if TYPE_CHECKING:
    from .cleaning import Line

# A message's sender and time (县妇联-刘红梅  3月28日 上午9:12, 周丽萍 2025/2/17 9:41:, 网格员-小刘 2024-06-12 09:25): page
# chrome wherever it stands.
SENDER = (r"[^\s，,。；;：:]{1,20}(?:[-—－\s]+[^\s，,。；;：:]{1,10})?\s+(?:\d{1,2}月\d{1,2}日|\d{4}[/-]\d{1,2}[/-]\d{1,2})\s*"
          r"(?:凌晨|早上|上午|中午|下午|晚上)?\s*\d{1,2}:\d{2}[:：]?")
_SENDER = re.compile(rf"^{SENDER}$")
# The time alone (龙院长 08:47, 大湾村 李书记  09:50): a sender's line only in a text that is a chat's.
_TIME_SENDER = re.compile(r"^[^\s，,。；;：:]{1,12}(?:[-—－\s]+[^\s，,。；;：:]{1,10})?\s+(?:凌晨|早上|上午|中午|下午|晚上)?\s*"
                          r"\d{1,2}:\d{2}$")
GROUP_NAME = r"[^\s，,。；;：:]{2,30}群\s*[（(]\d{1,4}[)）]|【[^】\s，,。；;：:]{2,30}群】"  # 桐江县妇联系统工作群（42）, 【…群】
_REPLY = r"收到(?:[，,。！!～~]|$|[^\u4e00-\u9fff])"  # 收到👌, 收到，马上落实; not 收到申请后…
_CHAT_MARK = re.compile(rf"^{GROUP_NAME}$|^(?:【[^】\s]{{1,16}}】\s*|[^\s：:，,。]{{1,16}}[：:]\s*)?(?:[@＠](?:所有人|全体成员)|{_REPLY})")
# 【营运部-林敏】@所有人, 黄丽（桂花社区）：@所有人
CHAT_FILE = re.compile(r"^\[(?:文件|图片|链接|视频|语音)\]")  # a chat's file or picture ([图片]); under a sender, the message may follow it
_CALL_OR_REPLY = re.compile(rf"^(?:[^\s：:，,。]{{1,10}}[：:]\s*|【[^】\s]{{1,16}}】\s*)?(?:[@＠]\S|{_REPLY})|^(?:\[[^\[\]]{{1,4}}\])+$|{CHAT_FILE.pattern}")
# 覃站长：@所有人 …, 收到👌, 雷振宇：收到，…, 【石桥店-周婷】收到, [收到][强]: a sticker; [文件] 排查表.xlsx
_SAID = re.compile(r"^(?P<who>[^\s\d：:，,。；;]{2,5})[：:]\s*\S")  # 易小芳：感谢中心校…: a message with its sender before it
_NAME_LIKE = re.compile(r"^[^\s\d，,。；;：:！!？?.]{1,16}(?:\s+[^\s\d，,。；;：:！!？?.]{1,10})?[：:]?$")  # 韩冬：, 村医 谭光荣
_TIME_ALONE = re.compile(r"^[\[【]?(?:\d{1,2}月\d{1,2}日\s*)?(?:凌晨|早上|上午|中午|下午|晚上|昨天|今天)?\s*\d{1,2}:\d{2}[\]】]?$")
# 上午 9:03, 3月3日 上午9:10, [3月12日 上午8:52]: under the sender's name, or above the message
_SHORT = 120


def is_chat(lines: list[Line]) -> bool:
    """The text is a chat's: its group's name, an @所有人, a 收到, or two lines or more of a sender and a time."""
    keys = [key(ln.text).strip() for ln in lines]
    return any(_CHAT_MARK.match(k) for k in keys) or sum(bool(_TIME_SENDER.match(k)) for k in keys) >= 2


def sender_line(k: str, chat: bool) -> bool:
    """A message's sender and time (in a chat, the time alone will do)."""
    return bool(_SENDER.match(k) or (chat and _TIME_SENDER.match(k)))


def replies(lines: list[Line]) -> set[int]:
    """In a chat, the numbers of its calls and replies (@所有人 …, 收到👌) and of the times on a line of their own
    (上午 9:03), and of the sender's name above each."""
    found: set[int] = set()
    for i, line in enumerate(lines):
        k = key(line.text).strip()
        if (_CALL_OR_REPLY.match(k) or _TIME_ALONE.match(k) or _answers_a_reply(lines, i, found)
                or _sender_above_a_plan(lines, i, k)) and len(line.text) <= _SHORT:
            found.add(line.no)
            above = next((ln for ln in reversed(lines[:i]) if ln.text.strip()), None)
            if above is not None and _NAME_LIKE.match(key(above.text).strip()):
                found.add(above.no)
    return found | _talk_after_signature(lines)


def _sender_above_a_plan(lines: list[Line], i: int, k: str) -> bool:
    """A sender's name alone with its colon (付志远-镇农技站：) right above the next plan it sends (【方案二】)."""
    if not _SENDER_ALONE.match(k) or labelled_role(k[:-1].strip()):
        return False
    after = next((key(ln.text).strip() for ln in lines[i + 1:] if ln.text.strip()), "")
    return bool(_OPENS_PLAN.match(after))


_SENDER_ALONE = re.compile(r"^[^\s\d，,。；;：:！!？?、（()）]{2,20}[：:]$")
_OPENS_PLAN = re.compile(r"^【[^】]{1,40}】$|^[^，,。；;]{4,60}(?:方案|计划)$")


def _talk_after_signature(lines: list[Line]) -> set[int]:
    """The numbers of the lines after the last plan's signed date (…2024年8月30日) that are the chat's talk, not
    the plan's: short messages, none naming an attachment (附件：…)."""
    dated = [i for i, ln in enumerate(lines) if _SIGNED_DATE.match(key(ln.text).strip())]
    after = [ln for ln in lines[dated[-1] + 1:] if ln.text.strip()] if dated else []
    if len(after) > _TALK or any(_PLAN_GOES_ON.search(key(ln.text).strip()) or len(ln.text) > _SHORT for ln in after):
        return set()  # 附件 after the signature, a heading, a title, a long text: the plan (or a plan) goes on
    return {ln.no for ln in after}


_SIGNED_DATE = re.compile(r"^(?:\d{4}|[〇○零一二三四五六七八九]{4})\s*年\s*[\d一二三四五六七八九十]{1,3}\s*月\s*[\d一二三四五六七八九十]{1,3}\s*日$")
_PLAN_GOES_ON = re.compile(r"^附\s*件|^(?:[一二三四五六七八九十]{1,3}、|[（(][一二三四五六七八九十]{1,3}[)）]|\d{1,2}[.．、])"
                           r"|(?:方案|计划|办法)$")
_TALK = 12  # the most lines of talk taken after a signature


def _answers_a_reply(lines: list[Line], i: int, found: set[int]) -> bool:
    """A sender's message (易小芳：感谢…) right under a reply: the talk after the plan, not a role's line (成员：…)."""
    said = _SAID.match(key(lines[i].text).strip())
    above = next((ln for ln in reversed(lines[:i]) if ln.text.strip()), None)
    return said is not None and above is not None and above.no in found and not labelled_role(said["who"])


def chat_message(text: str) -> bool:
    """A short message under a sender's line (收到👌, [文件] 登记表.xlsx), not a plan's title or opening."""
    titled = re.search(r"(?:方案|计划|意见|办法|细则)】?$", text.strip()) and not re.search(r"[。，,！!？?]", text)  # 【…方案】
    return len(text.strip()) <= 60 and not titled  # 同意。…其他没意见 is a message
