"""What the command line says, in Chinese (zh-CN, the default) and English. Pure (but language_for).

The language is `language:` in plangen.yaml, or the `--lang` option (see language_for).
Each message is a format string with named values in the one catalogue (wording.CATALOGUE; the
command line's own are in messages_cli.py); `say(language)` gives the function that fills them.
Summaries that count things are small functions taking the numbers (English needs plurals).
"""

from __future__ import annotations

import argparse
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

from .problems import Problem, count
from .wording import CATALOGUE

EN = "en"
ZH = "zh-CN"
LANGUAGES = (ZH, EN)



@dataclass(frozen=True, slots=True)
class Say:
    """The messages of one language: say(key, **values)."""

    language: str

    @property
    def en(self) -> bool:
        return self.language == EN

    def __call__(self, key: str, **values: object) -> str:
        zh, en = CATALOGUE[key][:2]
        return (en if self.en else zh).format(**values)


def add_option(parser: argparse.ArgumentParser, default: object = argparse.SUPPRESS) -> None:
    """--lang on a command: the language of what it prints (else `language:` in plangen.yaml, else zh-CN).
    Given on plangen itself too (`plangen --lang en build`); the command's own option wins."""
    parser.add_argument("--lang", choices=LANGUAGES, default=default,
                        help="language of the messages: zh-CN or en (default: language: in plangen.yaml, else zh-CN)")


def language_for(args: argparse.Namespace, root: Path | None = None) -> str:
    """The language a command speaks: --lang, else `language:` in the project's plangen.yaml (read
    here: the one part of this module that reads a file), else zh-CN."""
    chosen = getattr(args, "lang", None)
    if chosen:
        return str(chosen)
    from .config import load_config

    folder = root if root is not None else getattr(args, "root", None) or Path(".")
    try:
        config, _ = load_config(Path(folder))
    except (OSError, ValueError):
        return ZH
    return config.language


def say(language: str | None) -> Say:
    """The catalogue in `language` (anything but "en" is Chinese: zh-CN is the default)."""
    return Say(EN if language == EN else ZH)


def _n(n: int, noun: str) -> str:
    return f"{n} {noun}" if n == 1 else f"{n} {noun}s"


def check_summary(language: str | None, problems: Sequence[Problem], files: int) -> str:
    """The last line of `plangen check`: how many files, errors and warnings."""
    errors, warnings = count(problems)
    if say(language).en:
        head = f"checked {_n(files, 'file')}"
        return f"{head}: no problems" if not (errors or warnings) else \
            f"{head}: {errors} error(s), {warnings} warning(s)"
    head = f"已检查 {files} 个文件"
    return f"{head}：没有问题" if not (errors or warnings) else f"{head}：{errors} 个错误，{warnings} 个警告"


@dataclass(frozen=True, slots=True)
class BuildCounts:
    """The numbers of a finished build, for its summary line."""

    plans: int
    pages: int
    drafts_left_out: int
    warnings: int
    written: int
    unchanged: int
    removed: int
    seconds: float
    output: str


def build_summary(language: str | None, n: BuildCounts, search_line: str = "", notes: Sequence[str] = ()) -> str:
    """The line `plangen build` ends with (and the notes of the build, one a line)."""
    s = say(language)
    if s.en:
        drafts = f", {n.drafts_left_out} draft(s) left out" if n.drafts_left_out else ""
        line = (f"built {n.plans} plans, {n.pages} pages{drafts}; {n.warnings} warning(s); "
                f"{n.written} file(s) written, {n.unchanged} unchanged, {n.removed} removed; "
                f"{n.seconds:.2f} s -> {n.output}")
    else:
        drafts = f"，{n.drafts_left_out} 个草稿未发布" if n.drafts_left_out else ""
        line = (f"已生成 {n.plans} 个方案、{n.pages} 个页面{drafts}；{n.warnings} 个警告；"
                f"写入 {n.written} 个文件，{n.unchanged} 个未变，删除 {n.removed} 个；"
                f"用时 {n.seconds:.2f} 秒 -> {n.output}")
    line += f"; {search_line}" if search_line and s.en else (f"；{search_line}" if search_line else "")
    return line + "".join("\n" + s("note", text=note if s.en else _NOTES_ZH.get(note, note)) for note in notes)


_NOTES_ZH = {  # the notes a build may end with (history.py)
    "history is incomplete: the clone is shallow (fetch with `git fetch --unshallow` for all of it)":
        "修订历史不完整：仓库是浅克隆（用 `git fetch --unshallow` 取回全部历史）",
    "the repository has no commits yet: no revision history": "仓库还没有提交：没有修订历史",
}


def search_summary(language: str | None, ok: bool, ran: bool, pages: int, plans: int, files: int, size: int,
                   seconds: float, reason: str) -> str:
    """What the search step did, for the build summary (pages: the records, plans among them)."""
    if say(language).en:
        if ok and ran:
            return (f"search: {plans} plans and {pages - plans} other pages indexed, {files} files, "
                    f"{size / 1024:.0f} KiB in {seconds:.2f} s")
        if not ran:
            return f"search: {reason}" if ok else f"search: off ({reason})"
        return f"search: FAILED after {seconds:.2f} s, site built without the search box ({reason})"
    if ok and ran:
        return (f"搜索：已索引 {plans} 个方案和 {pages - plans} 个其他页面，{files} 个文件，{size / 1024:.0f} KiB，"
                f"用时 {seconds:.2f} 秒")
    if not ran:
        return f"搜索：{_REASONS_ZH.get(reason, reason)}" if ok else f"搜索：未建立（{_REASONS_ZH.get(reason, reason)}）"
    return f"搜索：{seconds:.2f} 秒后失败，站点已生成但不带搜索框（{reason}）"


_REASONS_ZH = {
    "nothing changed: the index is kept": "没有变化，保留原索引",
    "--no-search": "使用了 --no-search",
    "search: false in plangen.yaml": "plangen.yaml 中设置了 search: false",
    "the index is made after the pages": "页面生成后再建立索引",
}


def import_summary(language: str | None, file: str, total: int, dry_run: bool, not_written: int,
                   counts: tuple[int, int, int]) -> str:
    """The last line `plangen import` prints for one input file; counts: parts inferred, parts missing, warnings."""
    inferred, missing, warnings = counts
    if say(language).en:
        done = "checked (dry run)" if dry_run else "imported"
        if not_written:
            done = f"read, {total - not_written} written, {not_written} not written (see the errors above)"
        return (f"{file}: {total} plan{'s' if total != 1 else ''} {done}; {inferred} part(s) inferred, "
                f"{missing} missing (placeholders to fill in), {warnings} warning(s) from plangen check")
    done = "已检查（试运行，未写入）" if dry_run else "已导入"
    if not_written:
        done = f"已读取，写入 {total - not_written} 个，{not_written} 个未写入（见上面的错误）"
    return (f"{file}：{total} 个方案{done}；推断出 {inferred} 个部分，缺少 {missing} 个（已写占位内容，请填写），"
            f"plangen check 报告 {warnings} 个警告")


_DIFF_STATUS_ZH = {"added": "新增", "removed": "删除", "modified": "修改", "renamed": "改名", "invalid": "无效",
                   "unchanged": "未变"}


def diff_summary(language: str | None, statuses: Sequence[str], old: str, new: str) -> str | None:
    """The last line of `plangen diff` in Chinese (None: keep the English one of diff/render.py)."""
    if say(language).en:
        return None
    old, new = _REVISION_ZH.get(old, old), _REVISION_ZH.get(new, new)
    if not statuses:
        return f"{old} 与 {new} 之间没有变化"
    counts: dict[str, int] = {}
    for status in statuses:
        counts[status] = counts.get(status, 0) + 1
    parts = "，".join(f"{_DIFF_STATUS_ZH.get(k, k)} {v} 个" for k, v in sorted(counts.items()))
    return f"{old} 与 {new} 之间有 {len(statuses)} 个方案不同：{parts}"


_REVISION_ZH = {"working tree": "工作区"}


def progress_line(language: str | None) -> Callable[[int, int], str]:
    """The text of the terminal progress bar at done/total."""
    word = say(language)("rendering")

    def line(done: int, total: int) -> str:
        width = 30
        filled = width * done // max(total, 1)
        return f"\r{word} [{'#' * filled}{'.' * (width - filled)}] {done}/{total}"

    return line
