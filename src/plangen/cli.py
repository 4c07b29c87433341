"""The command line: parse arguments, call the core, print, choose an exit code.

Exit codes: 0 success, 1 problems found (check/build) or changes found (diff), 2 usage or setup errors.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from pathlib import Path

from . import __version__
from .help_text import Parser, in_chinese
from .messages import EN, LANGUAGES, add_option, check_summary, language_for, say
from .problem_text import report_in
from .problems import format_json, strict
from .schema import editor_schema
from .workspace import load_workspace


def _colour(stream: object) -> bool:
    return bool(getattr(stream, "isatty", lambda: False)()) and "NO_COLOR" not in os.environ


def _common(p: argparse.ArgumentParser) -> None:
    p.add_argument("-C", "--root", type=Path, default=Path("."), metavar="DIR",
                   help="project folder holding plangen.yaml and plans/ (default: current folder)")
    p.add_argument("--encoding", metavar="NAME",
                   help="read plan files in this encoding instead of UTF-8 (e.g. gb18030)")
    add_option(p)


def build_parser(wanted: str | None = None) -> argparse.ArgumentParser:
    """The parser of every command, or (`wanted`: a built-in command) of the built-in ones alone."""
    parser = Parser(
        prog="plangen",
        description="Validate assistance plans (帮扶方案) kept as YAML or Markdown and publish them as a static site.")
    parser.add_argument("--version", action="version", version=f"plangen {__version__}")
    add_option(parser, default=None)
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")

    check = sub.add_parser("check", help="validate plans and report every problem",
                           description="Validate plan files like a compiler: file:line:column, field, message, hint.")
    check.add_argument("paths", nargs="*", type=Path, metavar="PATH",
                       help="plan files or folders (default: the plans folder from plangen.yaml)")
    check.add_argument("--strict", action="store_true", help="treat warnings as errors")
    check.add_argument("--format", choices=("text", "json"), default="text", help="output format (default: text)")
    _common(check)
    check.set_defaults(func=cmd_check)

    schema = sub.add_parser("schema", help="print the JSON Schema of a plan file (for editors)",
                            description="Print the JSON Schema (draft 2020-12) of plan files, Chinese aliases "
                                        "included, for the YAML language server and other editors.")
    schema.set_defaults(func=cmd_schema)

    build = sub.add_parser("build", help="validate all plans and build the site",
                           description="Load and validate every plan; on any error publish nothing. Otherwise "
                                       "render the site into the output folder, writing only changed files.")
    build.add_argument("--strict", action="store_true", help="treat warnings as errors")
    build.add_argument("-o", "--output", type=Path, metavar="DIR",
                       help="output folder (default: output: in plangen.yaml, else site/)")
    build.add_argument("--drafts", action="store_true", help="also publish plans whose status is draft")
    build.add_argument("--no-history", dest="history", action="store_false",
                       help="do not build revision history pages from git (also: history: false in plangen.yaml)")
    build.add_argument("--no-search", dest="search", action="store_false",
                       help="do not build the search index (and hide the search box)")
    _common(build)
    build.set_defaults(func=cmd_build)
    for names, module in MORE_COMMANDS:
        if wanted is None or wanted in names:
            __import__(module, fromlist=["register"]).register(sub)
    return parser


# Commands that register themselves, and the module of each (imported only when it may be the one run).
# Further commands: one line each.
MORE_COMMANDS = (
    (("diff", "textconv"), "plangen.diff.command"),
    (("serve",), "plangen.serve"),
    (("init", "new"), "plangen.scaffold"),
    (("import",), "plangen.importer.command"),
)
BUILT_IN = ("check", "schema", "build")


def _command_named(argv: list[str]) -> str | None:
    """The command argv runs, when it is one of BUILT_IN (the others need their module to parse)."""
    first = next((a for a in argv if not a.startswith("-")), None)
    return first if first in BUILT_IN else None


def _language_of(argv: list[str]) -> str:
    """The language of the help and of argparse's own errors: --lang, else the project's, else zh-CN."""
    first = argparse.ArgumentParser(add_help=False)
    first.add_argument("--lang", choices=LANGUAGES)
    first.add_argument("-C", "--root", type=Path, default=Path("."))
    known, _ = first.parse_known_args(argv)
    return language_for(known)


def main(argv: list[str] | None = None) -> int:
    words = sys.argv[1:] if argv is None else argv
    parser = build_parser(_command_named(words))
    if _language_of(words) != EN:
        in_chinese(parser)
    args = parser.parse_args(argv)
    if not getattr(args, "func", None):
        parser.print_help()
        return 2
    try:
        return int(args.func(args))
    except KeyboardInterrupt:
        print(say(getattr(args, "lang", None))("interrupted"), file=sys.stderr)
        return 130


def run() -> None:
    """The console script: main(), then exit at once. Output is flushed first; the interpreter's own
    exit would free a large build's objects one by one (about 0.4 s after a build of 1,000 plans)."""
    code = main()
    for stream in (sys.stdout, sys.stderr):
        try:
            stream.flush()
        except (OSError, ValueError):  # a closed pipe or stream: nothing more can reach it
            pass
    os._exit(code)


def cmd_check(args: argparse.Namespace) -> int:
    root = args.root.resolve()
    paths = [p if p.is_absolute() else Path.cwd() / p for p in args.paths] or None
    ws = load_workspace(root, paths, args.encoding)
    project = ws.project
    found = strict(list(ws.problems)) if args.strict else list(ws.problems)
    language = getattr(args, "lang", None) or ws.config.language
    if args.format == "json":
        print(format_json(found, project.files))
    else:
        if found:
            print(report_in(language, found, project.texts, colour=_colour(sys.stdout)))
        print(check_summary(language, found, project.files))
    return 1 if any(p.is_error for p in found) else 0


def cmd_schema(args: argparse.Namespace) -> int:
    print(json.dumps(editor_schema(), ensure_ascii=False, indent=2))
    return 0


def cmd_build(args: argparse.Namespace) -> int:
    from .build import BuildOptions, build, terminal_progress
    from .build import summary as build_summary

    language = language_for(args)
    options = BuildOptions(root=args.root, output=args.output, strict=args.strict, drafts=args.drafts,
                           encoding=args.encoding, search=args.search, history=args.history, language=language)
    result = build(options, terminal_progress(sys.stderr, language))
    texts = result.workspace.project.texts
    if result.problems:
        print(report_in(language, list(result.problems), texts, colour=_colour(sys.stderr)), file=sys.stderr)
    if not result.ok:
        print(check_summary(language, list(result.problems), result.workspace.project.files)
              + say(language)("nothing_published"), file=sys.stderr)
        return 1
    print(build_summary(result, language))
    return 0
