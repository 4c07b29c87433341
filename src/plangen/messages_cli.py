"""What the commands themselves say (summaries, serve, import, init, new, diff). Pure data.

Each entry: key -> (zh-CN, English), format strings with named values (format specs allowed:
messages.Say passes the values as they are). Worded by messages.say; part of the one catalogue
(wording.CATALOGUE); how to add one: docs/messages.md.
"""

from __future__ import annotations

from collections.abc import Mapping
from types import MappingProxyType

CLI: Mapping[str, tuple[str, ...]] = MappingProxyType({
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
    "serve.exposed": (("警告：在 {host} 上监听会让网络上的其他机器也能读到预览（包括草稿）；plangen serve 只供自己的浏览器预览："
                      "用 --host 127.0.0.1 可保持这样"),
                      ("warning: listening on {host} makes the preview, drafts included, readable by other machines "
                      "on the network; plangen serve is a preview for your own browser: use --host 127.0.0.1 to keep it so")),
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
    "init.error": ("plangen init：错误：{why}", "plangen init: {why}"),
    "init.exists": ("{target} 已存在；plangen 从不覆盖文件（请先把它移走）",
                    "{target} already exists; plangen never overwrites files (move it away first)"),
    "init.has_plans": ("{plans} 中已有方案文件；plangen init 只用于新建方案库",
                       "{plans} already holds plan files; plangen init only starts new repositories"),
    "init.created": ("已创建 {path}", "created {path}"),
    "init.next": ("下一步：cd {folder} && plangen check && plangen serve", "next: cd {folder} && plangen check && plangen serve"),
    "new.error": ("plangen new：错误：{why}", "plangen new: {why}"),
    "new.empty_title": ("标题为空：plangen new \"某县2025年结对帮扶工作方案\"",
                        "the title is empty: plangen new \"某县2025年结对帮扶工作方案\""),
    "new.created": ("已创建 {target}：请填写空白处，然后运行 plangen check {target}",
                    "created {target}: fill in the blanks, then run plangen check {target}"),
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
                    ("{file}: warning: {n} sentence(s) of the source are in no field of the plans (listed above): "
                    "copy them in by hand")),
    "import.drafts": (("{file}：导入的方案均为草稿（status: draft），`plangen build` 不会发布：请逐一对照原文核对，"
                      "再把 `status: draft` 改为 `status: active`"),
                      ("{file}: the imported plans are drafts (status: draft), which `plangen build` does not publish: "
                      "review each against its source, then change `status: draft` to `status: active`")),
    "import.draft": ("  状态：    草稿（draft）：`plangen build` 不发布草稿；请对照原文核对方案，然后写上 `status: active` 即可发布",
                     ("  status:   draft (草稿): `plangen build` publishes no draft; check the plan against the source, "
                     "then set `status: active` to publish it")),
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
    # summaries (messages.py)
    "check.clean-1": ("已检查 1 个文件：没有问题", "checked 1 file: no problems"),
    "check.clean": ("已检查 {files} 个文件：没有问题", "checked {files} files: no problems"),
    "check.found-1": ("已检查 1 个文件：{errors} 个错误，{warnings} 个警告", "checked 1 file: {errors} error(s), {warnings} warning(s)"),
    "check.found": ("已检查 {files} 个文件：{errors} 个错误，{warnings} 个警告",
                    "checked {files} files: {errors} error(s), {warnings} warning(s)"),
    "build.summary": (("已生成 {plans} 个方案、{pages} 个页面{drafts}；{warnings} 个警告；写入 {written} 个文件，{unchanged} 个未变，"
                      "删除 {removed} 个；用时 {seconds:.2f} 秒 -> {output}"),
                      ("built {plans} plans, {pages} pages{drafts}; {warnings} warning(s); {written} file(s) written, "
                      "{unchanged} unchanged, {removed} removed; {seconds:.2f} s -> {output}")),
    "build.waiting": ("正在等待本项目的另一次生成（进程 {holder}）结束；按 Ctrl-C 停止等待",
                      "waiting for another build of this project to finish (process {holder}); Ctrl-C stops waiting"),
    "build.drafts": ("，{n} 个草稿未发布", ", {n} draft(s) left out"),
    "build.search": ("；{line}", "; {line}"),
    "note.shallow": ("修订历史不完整：仓库是浅克隆（用 `git fetch --unshallow` 取回全部历史）",
                     "history is incomplete: the clone is shallow (fetch with `git fetch --unshallow` for all of it)"),
    "note.no-commits": ("仓库还没有提交：没有修订历史", "the repository has no commits yet: no revision history"),
    "note.not-a-repo": ("{folder} 不在 git 仓库中：没有修订历史", "{folder} is not in a git repository: no revision history"),
    "note.git-failed": ("没有修订历史：{why}", "no revision history: {why}"),
    "search.done": ("搜索：已索引 {plans} 个方案和 {others} 个其他页面，{files} 个文件，{kib:.0f} KiB，用时 {seconds:.2f} 秒",
                    "search: {plans} plans and {others} other pages indexed, {files} files, {kib:.0f} KiB in {seconds:.2f} s"),
    "search.skipped": ("搜索：{reason}", "search: {reason}"),
    "search.off": ("搜索：未建立（{reason}）", "search: off ({reason})"),
    "search.failed": ("搜索：{seconds:.2f} 秒后失败，站点已生成但不带搜索框（{reason}）",
                      "search: FAILED after {seconds:.2f} s, site built without the search box ({reason})"),
    "search.reason.unchanged": ("没有变化，保留原索引", "nothing changed: the index is kept"),
    "search.reason.no-search": ("使用了 --no-search", "--no-search"),
    "search.reason.config-off": ("plangen.yaml 中设置了 search: false", "search: false in plangen.yaml"),
    "search.reason.no-plans": ("没有可索引的方案", "no plans to index"),
    "search.reason.later": ("页面生成后再建立索引", "the index is made after the pages"),
    "import.done": ("已导入", "imported"),
    "import.done.dry-run": ("已检查（试运行，未写入）", "checked (dry run)"),
    "import.done.partly": ("已读取，写入 {written} 个，{not_written} 个未写入（见上面的错误）",
                           "read, {written} written, {not_written} not written (see the errors above)"),
    "import.summary-1": (("{file}：{total} 个方案{done}；推断出 {inferred} 个部分，缺少 {missing} 个（已写占位内容，请填写），"
                         "plangen check 报告 {warnings} 个警告"),
                         ("{file}: {total} plan {done}; {inferred} part(s) inferred, {missing} missing (placeholders to "
                         "fill in), {warnings} warning(s) from plangen check")),
    "import.summary": (("{file}：{total} 个方案{done}；推断出 {inferred} 个部分，缺少 {missing} 个（已写占位内容，请填写），"
                       "plangen check 报告 {warnings} 个警告"),
                       ("{file}: {total} plans {done}; {inferred} part(s) inferred, {missing} missing (placeholders to "
                       "fill in), {warnings} warning(s) from plangen check")),
    "diff.working-tree": ("工作区", "working tree"),
    "diff.same": ("{old} 与 {new} 之间没有变化", "no changes between {old} and {new}"),
    "diff.differ": ("{old} 与 {new} 之间有 {n} 个方案不同：{parts}", "{n} plan(s) differ between {old} and {new}: {parts}"),
    "diff.sep": ("，", ", "),
    "diff.count": ("{status} {n} 个", "{n} {status}"),
    "diff.status.added": ("新增", "added"),
    "diff.status.removed": ("删除", "removed"),
    "diff.status.modified": ("修改", "modified"),
    "diff.status.renamed": ("改名", "renamed"),
    "diff.status.invalid": ("无效", "invalid"),
    "diff.status.unchanged": ("未变", "unchanged"),
    "diff.word.added": ("新增", "added"),
    "diff.word.removed": ("删除", "removed"),
    "diff.word.changed": ("修改", "changed"),
    "diff.word.moved": ("移动", "moved"),
    "diff.word.retitled": ("改名", "retitled"),
    "diff.word.dates-moved": ("日期调整", "dates moved"),
    "diff.word.text-changed": ("文字修改", "text changed"),
    "diff.alike": ("（相似度 {n}%）", " ({n}% alike)"),
    "diff.old-invalid": ("旧版本无效：{error}", "old revision is invalid: {error}"),
    "diff.new-invalid": ("新版本无效：{error}", "new revision is invalid: {error}"),
    # problems as reported on the terminal
    "error": ("错误", "error"),
    "warning": ("警告", "warning"),
    "hint": ("提示", "hint"),
    "left_out": ("（略去 {n:,} 个字符）", "({n:,} characters left out)"),  # a template of the number n
})
