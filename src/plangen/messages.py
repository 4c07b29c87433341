"""What the command line says, in Chinese (zh-CN, the default) and English: one catalogue. Pure.

The language is `language:` in plangen.yaml, or the `--lang` option (see language_for).
Each message is a format string with named values; `say(language)` gives the function that fills them.
Summaries that count things are small functions taking the numbers (English needs plurals).
"""

from __future__ import annotations

import argparse
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

from .problems import Problem, count

EN = "en"
ZH = "zh-CN"
LANGUAGES = (ZH, EN)

_MESSAGES: dict[str, tuple[str, str]] = {
    # key: (zh-CN, en)
    "interrupted": ("已中断", "interrupted"),
    "nothing_published": ("；未发布任何内容", "; nothing was published"),
    "note": ("注意：{text}", "note: {text}"),
    "rendering": ("生成页面", "rendering"),
    # serve
    "serve.waiting": ("正在等待进行中的生成写完文件……", "waiting for the build in progress to finish writing…"),
    "serve.settings_changed": ("设置或名录已修改：重新生成全部页面", "settings or registry changed: rebuilding every page"),
    "serve.search_updated": ("搜索索引已更新，用时 {ms:.0f} 毫秒", "search index updated in {ms:.0f} ms"),
    "serve.search_failed": ("警告：{line}；搜索暂用之前的索引（如有）",
                            "warning: {line}; searching uses the previous index, if there is one"),
    "serve.crashed": ("生成过程崩溃（这是 plangen 的缺陷，不是方案的问题）；继续提供上一次成功的预览",
                      "build crashed (a bug in plangen, not in your plans); still serving the last good preview"),
    "serve.failed": ("生成失败：{errors} 个错误；继续提供上一次成功的预览",
                     "build failed: {errors} error(s); still serving the last good preview"),
    "serve.rebuilt": ("已重新生成，用时 {ms:.0f} 毫秒：写入 {written} 个，删除 {removed} 个",
                      "rebuilt in {ms:.0f} ms: {written} written, {removed} removed"),
    "serve.no_change": ("（没有变化）", " (no change)"),
    "serve.cannot_listen": ("plangen serve：无法在 {host}:{port} 上监听：{why}",
                            "plangen serve: cannot listen on {host}:{port}: {why}"),
    "serve.serving": ("预览地址 {url}（来自 {folder}；按 Ctrl-C 停止）", "serving {url} from {folder} (Ctrl-C to stop)"),
    "serve.stopping": ("正在停止……", "stopping…"),
    "serve.stopped": ("plangen serve 已停止", "plangen serve stopped"),
    "serve.leftover": ("删除 {folder}（上次预览被中断时留下的未完成目录）",
                       "removing {folder}, left unfinished by an interrupted serve"),
    # import
    "import.bad_split": ("plangen import：错误：--split：不是有效的正则表达式：{why}",
                         "plangen import: error: --split: not a valid regular expression: {why}"),
    "import.error": ("plangen import：错误：{why}", "plangen import: error: {why}"),
    "import.file_error": ("{file}：错误：{why}", "{file}: error: {why}"),
    "import.no_text": ("{file}：错误：没有找到方案正文（去掉网站的页眉页脚等内容后什么也没有剩下）",
                       "{file}: error: no plan text found (nothing left after removing site boilerplate)"),
    "import.write_error": ("  错误：    {why}", "  error:    {why}"),
    "import.skipped": ("{where}：警告：第一个方案标题之前的 {n} 行没有导入",
                       "{where}: warning: {n} line(s) before the first plan header were not imported"),
    "import.cleaned_before": ("{file}：第一个方案之前已清理：{line}", "{file}: cleaned before the first plan: {line}"),
    "import.exists": ("{target} 已存在，未覆盖（要替换请加 --force）",
                      "{target} exists already; not overwritten (use --force to replace it)"),
    "import.cannot_write": ("无法写入 {target}：{why}", "cannot write {target}: {why}"),
    "import.found": ("  已识别：  ", "  found:    "),
    "import.inferred": ("  已推断：  ", "  inferred: "),
    "import.missing": ("  缺少：    ", "  missing:  "),
    "import.placeholder": ("——已写为“{placeholder}”：请手工填写", " -- written as '{placeholder}': fill in by hand"),
    "import.cleaned": ("  已清理：  ", "  cleaned:  "),
    "import.warning": ("  警告：    ", "  warning:  "),
    "import.left_out": ("  未收录：  第 {n} 行：“{text}”（{why}）", "  left out: line {n}: '{text}' ({why})"),
    "import.all_kept": ("{file}：原文的每一句都已写入方案或列为未收录",
                        "{file}: every sentence of the source is in the plans or listed as left out"),
    "import.lost": ("{file}：警告：原文有 {n} 句没有写入方案的任何字段（见上文）：请手工补入",
                    "{file}: warning: {n} sentence(s) of the source are in no field of the plans (listed above): "
                    "copy them in by hand"),
    "import.drafts": ("{file}：导入的方案均为草稿（status: draft），`plangen build` 不会发布：请逐一对照原文核对，"
                      "再把 `status: draft` 改为 `status: active`",
                      "{file}: the imported plans are drafts (status: draft), which `plangen build` does not publish: "
                      "review each against its source, then change `status: draft` to `status: active`"),
    "import.draft": ("  状态：    草稿（draft）：`plangen build` 不发布草稿；请对照原文核对方案，然后写上 `status: active` 即可发布",
                     "  status:   draft (草稿): `plangen build` publishes no draft; check the plan against the source, "
                     "then set `status: active` to publish it"),
    "import.check": ("  检查：    {errors} 个错误，{warnings} 个警告", "  check:    {errors} error(s), {warnings} warning(s)"),
    "import.sep": ("、", ", "),
    "import.at": ("（第 {n} 行）", " (line {n})"),
    "import.at_why": ("（第 {n} 行：{why}）", " (line {n}: {why})"),
    "import.not_written": ("->（未写入）", "-> (not written)"),
    # diff
    "diff.error": ("plangen diff：{why}", "plangen diff: {why}"),
    "diff.too_many": ("最多两个版本，实际给了 {n} 个：{revs}\n用法：{usage}",
                      "at most two revisions, found {n}: {revs}\nusage: {usage}"),
    "diff.no_git": ("{root} 不在 git 仓库中；比较两个文件请用：plangen diff 旧文件 新文件",
                    "{root} is not in a git repository; to compare two files: plangen diff OLD_FILE NEW_FILE"),
    # problems as reported on the terminal
    "error": ("错误", "error"),
    "warning": ("警告", "warning"),
    "hint": ("提示", "hint"),
}


@dataclass(frozen=True, slots=True)
class Say:
    """The messages of one language: say(key, **values)."""

    language: str

    @property
    def en(self) -> bool:
        return self.language == EN

    def __call__(self, key: str, **values: object) -> str:
        zh, en = _MESSAGES[key]
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
