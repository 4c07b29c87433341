"""`plangen serve`: build, serve a live preview, watch the sources, rebuild on save.

    save -> watchdog event -> relevant? (not an editor's temp file) -> debounce the burst
         -> build() with the same cache (only what changed is redone) -> tell the browsers

The preview is written to `.plangen-preview/` in the project (not the published `site/`), so a
preview with drafts never overwrites the site; that folder is removed again when serve stops.
A failed build writes nothing: the last good preview keeps being served and the problems go to
the terminal and, through the event stream, to an overlay in every open tab.

Builds run in the builder thread while the server and the watcher run theirs, so they never fork
worker processes: everything is made in this process (docs/architecture.md, "Processes").

The only module that imports watchdog.
"""

from __future__ import annotations

import argparse
import os
import shutil
import signal
import sys
import threading
import time
import traceback
from collections.abc import Callable
from dataclasses import dataclass, field, fields
from pathlib import Path
from typing import TYPE_CHECKING, Any, TextIO

from . import messages
from .config import CONFIG_NAME, Config, load_config
from .output import MANIFEST
from .problem_text import localised, report_in
from .sources import is_plan_name

if TYPE_CHECKING:  # the heavy modules load when serve runs, not when the command line is parsed
    from .build import BuildOptions, BuildResult
    from .cache import BuildCache
    from .serve_http import Broadcaster

PREVIEW_DIR = ".plangen-preview"
_EVENTS = ("closed", "created", "deleted", "modified", "moved")
_TEMP_SUFFIXES = ("~", ".swp", ".swx", ".swo", ".tmp", ".plangen-tmp", "___jb_tmp___", "___jb_old___")


@dataclass(frozen=True, slots=True)
class ServeOptions:
    root: Path
    output: Path | None = None
    host: str = "127.0.0.1"
    port: int = 8000
    drafts: bool = False
    strict: bool = False
    encoding: str | None = None
    debounce: float = 0.02  # seconds of quiet that end a burst of events (one save's events come within ~2 ms)
    search: bool = True
    verbose: bool = False
    language: str | None = None  # of the messages printed: None is the project's (language: in plangen.yaml)


def is_temp_name(name: str) -> bool:
    """An editor's swap, backup, lock or atomic-save file, or any hidden file."""
    return name.startswith((".", "#", "~")) or name.endswith(_TEMP_SUFFIXES) or name.isdigit()


@dataclass(frozen=True, slots=True)
class Watched:
    """What a project's preview depends on, as resolved absolute paths."""

    root: Path
    plans: Path
    templates: tuple[Path, ...]
    files: tuple[Path, ...]  # plangen.yaml, registry.yaml
    output: Path

    @staticmethod
    def of(config: Config, output: Path) -> Watched:
        from .render import default_theme

        root = config.root.resolve()
        templates = tuple(dict.fromkeys(p.resolve() for p in (config.templates_dir, default_theme())))
        files = (root / CONFIG_NAME, (root / config.registry).resolve())
        return Watched(root, config.plans_dir.resolve(), templates, files, output.resolve())

    def folders(self) -> list[tuple[Path, bool]]:
        """(folder, recursive) to schedule: existing ones only; the root catches new ones."""
        wanted = [(self.plans, True), *((t, True) for t in self.templates), *((f.parent, False) for f in self.files)]
        return [(p, r) for p, r in dict.fromkeys(wanted) if p.is_dir()]

    def relevant(self, path: Path, is_dir: bool) -> bool:
        if is_temp_name(path.name) or path == self.output or self.output in path.parents:
            return False
        if path in self.files or path in (self.plans, *self.templates):
            return True
        if self.plans in path.parents:
            return is_dir or is_plan_name(path.name)
        return any(t in path.parents for t in self.templates)

    def is_config(self, path: Path) -> bool:
        return path in self.files


class Debouncer:
    """Collects a burst of events into one signal: released after `quiet` seconds without events."""

    def __init__(self, quiet: float, longest: float = 2.0) -> None:
        self.quiet, self.longest = quiet, longest
        self._lock = threading.Lock()
        self._pending = threading.Event()
        self._first = self._last = 0.0
        self.config_changed = False
        self._paths: set[str] | None = set()  # what the events named since the last take (None: unknown)

    def poke(self, config: bool = False, paths: list[str] | None = None) -> None:
        """An event: `paths` it names (None: something changed, nobody knows what)."""
        with self._lock:
            now = time.monotonic()
            if not self._pending.is_set():
                self._first = now
            self._last = now
            self.config_changed = self.config_changed or config
            if paths is None or self._paths is None:
                self._paths = None
            else:
                self._paths.update(paths)
            self._pending.set()

    def take_paths(self) -> set[str] | None:
        """The paths named since the last call (None when some event named none), and forget them."""
        with self._lock:
            taken, self._paths = self._paths, set()
            return taken

    def wait(self, stop: threading.Event) -> tuple[float, bool] | None:
        """Block until a burst has ended: (monotonic time of its first event, config changed), or None on stop."""
        while not self._pending.wait(0.2):
            if stop.is_set():
                return None
        while not stop.is_set():
            with self._lock:
                now = time.monotonic()
                due = min(self._last + self.quiet, self._first + self.longest)
                if now >= due:
                    first, config = self._first, self.config_changed
                    self._pending.clear()
                    self.config_changed = False
                    return first, config
            time.sleep(min(due - now, 0.05))
        return None


def _event_handler(preview: Preview) -> Any:
    from watchdog.events import FileSystemEvent, FileSystemEventHandler  # watchdog's one home

    class Events(FileSystemEventHandler):
        def on_any_event(self, event: FileSystemEvent) -> None:
            if event.event_type not in _EVENTS or (event.is_directory and event.event_type == "modified"):
                return  # a folder's own 'modified' only echoes the file events inside it
            watched = preview.watched
            paths = [Path(os.fsdecode(event.src_path))]
            if event.event_type == "moved":
                paths.append(Path(os.fsdecode(event.dest_path)))
            hits = [p for p in paths if watched.relevant(p, event.is_directory)]
            if hits:
                preview.debouncer.poke(config=any(watched.is_config(p) for p in hits), paths=[str(p) for p in hits])

    return Events()


@dataclass(slots=True)
class Timing:
    """One rebuild, for the terminal and the benchmark (monotonic seconds)."""

    first_event: float
    build_start: float
    build_end: float
    ok: bool
    changed: bool
    written: int = 0
    rendered: int = 0


@dataclass
class Preview:
    """The watch -> debounce -> build loop, without the web server (the benchmark drives it alone)."""

    options: ServeOptions
    broadcaster: Broadcaster | None = None
    say: Callable[[str], None] = print
    timings: list[Timing] = field(default_factory=list)

    def __post_init__(self) -> None:
        from .build import BuildOptions
        from .serve_http import Broadcaster

        self.hub: Broadcaster = self.broadcaster or Broadcaster()
        self.root = self.options.root.resolve()
        self.output = preview_output(self.options)
        known = {f.name for f in fields(BuildOptions)}  # options that this version of the builder has
        # the cache lives here; the search index is made after the browsers are told of the new pages
        extra: dict[str, Any] = {"search": self.options.search, "persistent_cache": False, "search_later": True,
                                 "in_place": True,  # its own preview, served by itself: updated in place
                                 "language": self.options.language or load_config(self.root)[0].language}
        self.build_options = BuildOptions(root=self.root, output=self.output, strict=self.options.strict,
                                          drafts=self.options.drafts, encoding=self.options.encoding,
                                          **{k: v for k, v in extra.items() if k in known})
        self.cache = new_cache()
        config = load_config(self.root)[0]
        self.watched = Watched.of(config, self.output)
        self.s = messages.say(self.options.language or config.language)
        self.debouncer = Debouncer(self.options.debounce)
        self.stop_event = threading.Event()
        self.first_build = threading.Event()
        self._observer: Any = None
        self._thread: threading.Thread | None = None

    def start(self) -> None:
        """Start watching and the builder thread, which builds once at once."""
        from watchdog.observers import Observer

        self._observer = Observer()
        self._schedule()
        self._observer.start()
        self.debouncer.poke()
        self._thread = threading.Thread(target=self._loop, name="plangen-builder", daemon=True)
        self._thread.start()

    def stop(self) -> None:
        """Stop watching; wait for a build in progress to finish writing (no half-written files)."""
        self.stop_event.set()
        if self._observer is not None:
            self._observer.stop()
            self._observer.join(timeout=5)
        if self._thread is not None:
            self._thread.join(timeout=0.5)
            if self._thread.is_alive():
                self.say(self.s("serve.waiting"))
                self._thread.join()

    def _schedule(self) -> None:
        self._observer.unschedule_all()
        handler = _event_handler(self)
        for folder, recursive in self.watched.folders():
            self._observer.schedule(handler, str(folder), recursive=recursive)
        self._scheduled = self.watched.folders()

    def _loop(self) -> None:
        while True:
            burst = self.debouncer.wait(self.stop_event)
            if burst is None:
                return
            first, config_changed = burst
            if config_changed:  # the cache fingerprints the settings and the registry: every page is redone
                self.say(self.s("serve.settings_changed"))
            try:
                self.rebuild(first)
            except Exception as exc:  # noqa: BLE001 - a bug in build() must not end the preview: reported below
                self._crashed(exc)
            self.first_build.set()

    def rebuild(self, first_event: float) -> BuildResult:
        started = time.monotonic()
        expect = getattr(self.cache, "expect", None)
        if expect is not None:  # the files the events named: only they need a look (the others keep their status)
            expect(self.debouncer.take_paths())
        result = run_build(self.build_options, self.cache)
        ended = time.monotonic()
        stats = result.stats
        changed = bool(stats and (stats.written or stats.removed))
        self.timings.append(Timing(first_event, started, ended, result.ok, changed, stats.written if stats else 0,
                                   getattr(result, "rendered", 0)))
        self._tell(result, ended - started, changed)
        self._rewatch(result)
        return result

    def _crashed(self, exc: Exception) -> None:
        from .problems import error
        from .wording import msg

        self.say("".join(traceback.format_exception(exc)).rstrip())
        self.say(self.s("serve.crashed"))
        said = msg("serve.internal-error", error=f"{type(exc).__name__}: {exc}")
        self.hub.failed([localised(error("plangen", 0, 0, "", said), self.s.language)])

    def _tell(self, result: BuildResult, seconds: float, changed: bool) -> None:
        texts = result.workspace.project.texts
        if result.problems:
            self.say(report_in(self.s.language, list(result.problems), texts))
        if not result.ok:
            errors = [p for p in result.problems if p.is_error]
            self.say(self.s("serve.failed", errors=len(errors)))
            self.hub.failed([localised(p, self.s.language) for p in errors])
            return
        stats = result.stats
        assert stats is not None
        self.say(self.s("serve.rebuilt", ms=seconds * 1000, written=stats.written, removed=stats.removed)
                 + ("" if changed else self.s("serve.no_change")))
        self.hub.built(changed)

    def _rewatch(self, result: BuildResult) -> None:
        watched = Watched.of(result.workspace.config, self.output)
        if self._observer is None:  # not watching (a build driven directly)
            self.watched = watched
            return
        if watched != self.watched or watched.folders() != self._scheduled:
            before = set(self._scheduled)
            self.watched = watched
            self._schedule()
            if set(self._scheduled) - before:  # a new folder: what was saved in it before it was watched counts too
                self.debouncer.poke()


def preview_output(options: ServeOptions) -> Path:
    if options.output is None:
        return options.root.resolve() / PREVIEW_DIR
    return options.output if options.output.is_absolute() else Path.cwd() / options.output


def new_cache() -> BuildCache:
    """The builder's incremental cache, kept by the preview for every build."""
    from .cache import BuildCache

    return BuildCache()


def run_build(options: BuildOptions, cache: BuildCache) -> BuildResult:
    from .build import build

    return build(options, None, cache=cache)


def serve(options: ServeOptions, out: TextIO = sys.stdout) -> int:
    """Run until Ctrl-C (SIGINT) or SIGTERM; 0 on a clean stop, 2 when the port cannot be bound."""
    def say(text: str) -> None:
        print(text, file=out, flush=True)

    from .serve_http import PreviewServer, exposure_warning

    preview = Preview(options, say=say)
    s = preview.s
    if options.output is None:
        _clear_leftover(preview.output, say, s)
    try:
        server = PreviewServer((options.host, options.port), preview.output, preview.hub, options.verbose)
    except OSError as exc:
        say(s("serve.cannot_listen", host=options.host, port=options.port, why=exc.strerror or exc))
        return 2
    if exposure_warning(options.host, s.language):
        say(exposure_warning(options.host, s.language))
    previous = signal.signal(signal.SIGTERM, _interrupt)
    try:
        preview.start()
        while not preview.first_build.wait(0.1):
            pass
        say(s("serve.serving", url=server.url, folder=preview.output))
        server.serve_forever(poll_interval=0.2)
    except KeyboardInterrupt:
        say(s("serve.stopping"))
    finally:
        server.close()
        preview.stop()
        signal.signal(signal.SIGTERM, previous)
        if options.output is None:
            _remove_preview(preview.output)
    say(s("serve.stopped"))
    return 0


def _interrupt(signum: int, frame: object) -> None:
    raise KeyboardInterrupt


def _clear_leftover(folder: Path, say: Callable[[str], None], s: messages.Say) -> None:
    """A preview folder without a manifest is what a serve stopped in its first build leaves: start afresh."""
    if folder.name == PREVIEW_DIR and folder.is_dir() and not (folder / MANIFEST).is_file():
        say(s("serve.leftover", folder=folder))
        shutil.rmtree(folder, ignore_errors=True)


def _remove_preview(folder: Path) -> None:
    """Remove the default preview folder, only when plangen made it (it holds plangen's manifest)."""
    if folder.name == PREVIEW_DIR and (folder / MANIFEST).is_file():
        shutil.rmtree(folder, ignore_errors=True)


def register(sub: Any) -> None:
    p = sub.add_parser(
        "serve", help="live preview: build, serve, rebuild on save, reload the browser",
        description="Build the site into a preview folder, serve it on http://127.0.0.1:8000/ and watch plans/, "
                    "the templates and plangen.yaml: every save rebuilds what changed and reloads open tabs. "
                    "A save with errors keeps the last good preview and shows the problems in the browser "
                    "and here. Ctrl-C stops.")
    p.add_argument("--host", default="127.0.0.1", help="address to listen on (default: 127.0.0.1)")
    p.add_argument("--port", type=int, default=8000, help="port (default: 8000; 0 picks a free one)")
    p.add_argument("-o", "--output", type=Path, metavar="DIR",
                   help=f"preview folder (default: {PREVIEW_DIR}/ in the project, removed on exit; "
                        "never the published site/)")
    p.add_argument("--drafts", action="store_true", help="also show draft plans (with the 草稿 banner)")
    p.add_argument("--strict", action="store_true", help="treat warnings as errors")
    p.add_argument("--no-search", dest="search", action="store_false",
                   help="skip the search index (faster rebuilds; the search box is hidden)")
    p.add_argument("--debounce", type=int, default=20, metavar="MS",
                   help="quiet time that ends a burst of file events, in milliseconds (default: 20)")
    p.add_argument("-v", "--verbose", action="store_true", help="log every request")
    p.add_argument("-C", "--root", type=Path, default=Path("."), metavar="DIR",
                   help="project folder holding plangen.yaml and plans/ (default: current folder)")
    p.add_argument("--encoding", metavar="NAME", help="read plan files in this encoding instead of UTF-8")
    messages.add_option(p)
    p.set_defaults(func=_command)


def _command(args: argparse.Namespace) -> int:
    options = ServeOptions(root=args.root, output=args.output, host=args.host, port=args.port, drafts=args.drafts,
                           strict=args.strict, encoding=args.encoding, debounce=max(args.debounce, 0) / 1000,
                           verbose=args.verbose, search=args.search, language=getattr(args, "lang", None))
    return serve(options)
