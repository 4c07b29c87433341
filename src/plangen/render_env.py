"""The Jinja2 environment the renderer (render.py) renders with: where templates come from, how
compiled templates are kept, and the interface's words put in when a template is compiled.

- Templates come from the project's `templates/` folder, then the default theme. A template that
  holds a character web pages cannot hold is a template error at its line: every value a template
  prints was checked when it was read (codepoints.py), so pages print values as they are.
- `t('key')` with a constant key is replaced, when a template is compiled, by the interface text in
  the site's language (i18n.py): the page is the same, without a call per word on every page. A key
  made while rendering (`t('status:' ~ plan.status)`) is still a call. Compiled templates are
  therefore kept per language; so is the `day` filter (a date as the interface writes dates).
- A template once loaded is not looked at on disk again (no `stat` per page): a renderer kept for
  the next build of a long-lived process forgets its templates when their fingerprints change
  (reuse.py).
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path

from jinja2 import ChoiceLoader, Environment, FileSystemLoader, StrictUndefined, TemplateSyntaxError
from jinja2.bccache import Bucket, BytecodeCache
from jinja2.ext import Extension
from jinja2.lexer import Token, TokenStream

from .codepoints import describe, find_forbidden, position
from .dates import PlanDate
from .i18n import translator
from .store import write_atomic
from .theme import default_theme
from .wording import msg, worded


class CompiledTemplates(BytecodeCache):
    """Compiled templates kept by the build cache (cache.BuildCache.templates): a rebuild skips Jinja's compiler.

    Buckets are keyed by template name, file and interface language, and carry the source's
    checksum, so an edited template is compiled again. Given a folder (the CLI's build cache) they
    are also kept on disk, so the next `plangen build` process does not compile them either; a file
    that does not load (other Python, damaged) is ignored by Jinja and compiled again.
    """

    def __init__(self, folder: Path | None = None) -> None:
        self._code: dict[str, bytes] = {}
        self.folder = folder  # where they are kept on disk as well (None: in memory only)

    def get_bucket(self, environment: Environment, name: str, filename: str | None, source: str) -> Bucket:
        language = str(getattr(environment, "interface_language", ""))
        return super().get_bucket(environment, f"{language}\0{name}", filename, source)

    def _file(self, key: str) -> Path | None:
        return self.folder / (hashlib.sha1(key.encode("utf-8")).hexdigest() + ".jbc") if self.folder else None

    def load_bytecode(self, bucket: Bucket) -> None:
        if bucket.key in self._code:
            bucket.bytecode_from_string(self._code[bucket.key])
            return
        file = self._file(bucket.key)
        if file is not None and file.is_file():
            with file.open("rb") as stream:
                bucket.load_bytecode(stream)

    def dump_bytecode(self, bucket: Bucket) -> None:
        self._code[bucket.key] = bucket.bytecode_to_string()
        file = self._file(bucket.key)
        if file is not None:
            try:
                write_atomic(file, self._code[bucket.key])
            except OSError:
                return


class _CheckedLoader(FileSystemLoader):
    """Templates from a folder, refused (a template error at the file and line) when they hold a
    character web pages cannot hold."""

    def get_source(self, environment: Environment, template: str) -> tuple[str, str, Callable[[], bool]]:
        source, filename, uptodate = super().get_source(environment, template)
        found = find_forbidden(source)
        if found is not None:
            line, column = position(source, found.start())
            said = msg("render.template-character", column=column, char=describe(found.group()))
            language = str(getattr(environment, "interface_language", ""))
            raise TemplateSyntaxError(worded(said, language)[0], line, template, filename)
        return source, filename, uptodate


class _InterfaceText(Extension):
    """`t('key')` with a constant key, as the text it stands for in `environment.interface_language`."""

    def filter_stream(self, stream: TokenStream) -> Iterable[Token]:
        t = translator(str(getattr(self.environment, "interface_language", "")))
        return _folded(list(stream), t, stream.name, stream.filename)


def _folded(tokens: list[Token], t: Callable[[str], str], name: str | None, filename: str | None) -> Iterator[Token]:
    """The tokens, each `t ( 'key' )` (not `x.t(…)`) as one string token; an unknown key is a
    template error at its line."""
    i = 0
    while i < len(tokens):
        text = _constant_text(tokens, i, t, name, filename)
        if text is None:
            yield tokens[i]
            i += 1
        else:
            yield Token(tokens[i].lineno, "string", text)
            i += 4


def _constant_text(tokens: list[Token], i: int, t: Callable[[str], str], name: str | None,
                   filename: str | None) -> str | None:
    window = tokens[i:i + 4]
    if [token.type for token in window] != ["name", "lparen", "string", "rparen"] or window[0].value != "t":
        return None
    if i and tokens[i - 1].type == "dot":
        return None
    try:
        return t(str(window[2].value))
    except KeyError as exc:
        raise TemplateSyntaxError(str(exc.args[0]), window[0].lineno, name, filename) from None


def make_env(user_templates: Path | None, language: str, compiled: CompiledTemplates | None = None) -> Environment:
    loaders = []
    if user_templates is not None and user_templates.is_dir() and user_templates.resolve() != default_theme().resolve():
        loaders.append(_CheckedLoader(str(user_templates)))
    loaders.append(_CheckedLoader(str(default_theme())))
    env = Environment(loader=ChoiceLoader(loaders), autoescape=True, undefined=StrictUndefined,
                      trim_blocks=True, lstrip_blocks=True, keep_trailing_newline=True, auto_reload=False,
                      extensions=[_InterfaceText],
                      bytecode_cache=compiled if compiled is not None else CompiledTemplates())
    env.extend(interface_language=language)
    env.filters["day"] = _day_in(language)
    env.filters["words"] = lambda wording: worded(wording, language)[0]  # a message given as key and values
    return env


def _day_in(language: str) -> Callable[[object], str]:
    """The `day` filter: a plan's date as the interface writes dates (2016年9月1日; 2016-09-01 in English)."""
    english = language == "en"

    def day(value: object) -> str:
        if not value:
            return ""
        return str(value) if english or not isinstance(value, PlanDate) else value.zh

    return day
