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
from .wording import CATALOGUE, Wording, worded

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

    def words(self, wording: Wording) -> str:
        """A message given as a key and values (wording.msg), in this language."""
        return worded(wording, self.language)[0]


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


def check_summary(language: str | None, problems: Sequence[Problem], files: int) -> str:
    """The last line of `plangen check`: how many files, errors and warnings."""
    errors, warnings = count(problems)
    key = "check.clean" if not (errors or warnings) else "check.found"
    return say(language)(key + ("-1" if files == 1 else ""), files=files, errors=errors, warnings=warnings)


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


def build_summary(language: str | None, n: BuildCounts, search_line: str = "", notes: Sequence[Wording] = ()) -> str:
    """The line `plangen build` ends with (and the notes of the build, one a line)."""
    s = say(language)
    drafts = s("build.drafts", n=n.drafts_left_out) if n.drafts_left_out else ""
    line = s("build.summary", plans=n.plans, pages=n.pages, drafts=drafts, warnings=n.warnings, written=n.written,
             unchanged=n.unchanged, removed=n.removed, seconds=n.seconds, output=n.output)
    line += s("build.search", line=search_line) if search_line else ""
    return line + "".join("\n" + s("note", text=worded(note, language)[0]) for note in notes)


def search_summary(language: str | None, ok: bool, ran: bool, pages: int, plans: int, files: int, size: int,
                   seconds: float, reason: str) -> str:
    """What the search step did, for the build summary (pages: the records, plans among them). `reason` is a
    key of the catalogue (search.py's reasons), or what went wrong when the index failed."""
    s = say(language)
    if ok and ran:
        return s("search.done", plans=plans, others=pages - plans, files=files, kib=size / 1024, seconds=seconds)
    if not ran:
        why = s(reason) if reason in CATALOGUE else reason
        return s("search.skipped" if ok else "search.off", reason=why)
    return s("search.failed", seconds=seconds, reason=reason)


def import_summary(language: str | None, file: str, total: int, dry_run: bool, not_written: int,
                   counts: tuple[int, int, int]) -> str:
    """The last line `plangen import` prints for one input file; counts: parts inferred, parts missing, warnings."""
    inferred, missing, warnings = counts
    s = say(language)
    done = s("import.done.dry-run") if dry_run else s("import.done")
    if not_written:
        done = s("import.done.partly", written=total - not_written, not_written=not_written)
    return s("import.summary" + ("-1" if total == 1 else ""), file=file, total=total, done=done, inferred=inferred,
             missing=missing, warnings=warnings)


def diff_summary(language: str | None, statuses: Sequence[str], old: str, new: str) -> str | None:
    """The last line of `plangen diff` in Chinese (None: keep the English one of diff/render.py)."""
    s = say(language)
    if s.en:
        return None
    old, new = (s("diff.working-tree") if label == "working tree" else label for label in (old, new))
    if not statuses:
        return s("diff.same", old=old, new=new)
    counts: dict[str, int] = {}
    for status in statuses:
        counts[status] = counts.get(status, 0) + 1
    parts = s("diff.sep").join(s("diff.count", status=_status(s, k), n=v) for k, v in sorted(counts.items()))
    return s("diff.differ", n=len(statuses), old=old, new=new, parts=parts)


def _status(s: Say, status: str) -> str:
    key = f"diff.status.{status}"
    return s(key) if key in CATALOGUE else status


def progress_line(language: str | None) -> Callable[[int, int], str]:
    """The text of the terminal progress bar at done/total."""
    word = say(language)("rendering")

    def line(done: int, total: int) -> str:
        width = 30
        filled = width * done // max(total, 1)
        return f"\r{word} [{'#' * filled}{'.' * (width - filled)}] {done}/{total}"

    return line
