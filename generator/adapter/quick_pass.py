"""The preview's quick pass on MkDocs' side (the core's: :mod:`generator.preview_update`).

A quick pass is an ordinary MkDocs build, redirected: into a folder of its own
(:meth:`QuickPass.begin`, from ``on_config``), with only the pages that changed and the
pages the menu names (MkDocs refuses a menu entry without its file: ``strict``), so that
MkDocs renders a few pages instead of thousands. ``on_post_build`` moves the changed pages
(and any new file they publish) into the site the preview serves, each file replaced at
once (never half written), and removes the folder. Then a full build is asked for, a
moment later (:data:`FOLLOW_UP_SECONDS`), for the listings, the home page and the search
index: through MkDocs' own rebuild request (``LiveReloadServer``'s ``_want_rebuild``, the
flag its file watcher sets; MkDocs 1.x is frozen and ProperDocs has the same code). Without
it, they follow at the next save.
"""

from __future__ import annotations

import logging
import os
import shutil
import tempfile
import threading
from pathlib import Path
from typing import Any

import jinja2
import jinja2.bccache
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import Files

from ..build_manifest import Snapshot
from ..messages import text
from ..preview_update import PreviewMemory, QuickSite, quick_site, snapshot_inputs
from ..settings import Settings
from ..site_build import PreparedSite
from ..site_run import SiteRun, content_log, licence_meta

log = logging.getLogger("mkdocs.plugins.programme")

FOLLOW_UP_SECONDS = 2.0
"""After the last quick pass, how long before the full build: the browser has reloaded the
edited page by then (a live-reload request answers within milliseconds of the build's end),
and a page asked for while a build runs waits for it."""


def nav_sources(nav: list[Any]) -> set[str]:
    """The source files a MkDocs ``nav`` names."""
    found: set[str] = set()
    for item in nav:
        values = item.values() if isinstance(item, dict) else [item]
        for value in values:
            if isinstance(value, list):
                found |= nav_sources(value)
            elif isinstance(value, str):
                found.add(value)
    return found


class CompiledTemplates(jinja2.BytecodeCache):
    """The theme's templates compiled once per process, not once per build.

    MkDocs makes a new Jinja environment at every build, which compiles Material's
    templates again: 0.3 s of each preview build at 5,000 sheets (py-spy, 3 December 2026),
    a quarter of a quick pass. Jinja checks each entry against the template's source, so
    an edited template is compiled again."""

    def __init__(self) -> None:
        self._compiled: dict[str, bytes] = {}

    def load_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        compiled = self._compiled.get(bucket.key)
        if compiled is not None:
            bucket.bytecode_from_string(compiled)

    def dump_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        self._compiled[bucket.key] = bucket.bytecode_to_string()


class QuickPass:
    """One quick pass: where it builds, what it keeps, where the result goes."""

    def __init__(self, quick: QuickSite, config: MkDocsConfig) -> None:
        self.quick = quick
        self.served = Path(config.site_dir)
        self.folder = Path(tempfile.mkdtemp(prefix="programme-quick-"))
        self.outputs: list[str] = []
        self.snapshot = quick.snapshot
        config.site_dir = str(self.folder)

    def keep(self, files: Files) -> Files:
        """``on_files``: the changed pages, the files they publish anew, the menu's pages."""
        pages = set(self.quick.pages)
        named = nav_sources(self.quick.site.plan.nav)
        kept = []
        for file in files:
            if file.src_uri in pages or file.url in self.quick.assets:
                kept.append(file)
                self.outputs.append(file.dest_uri)
            elif file.src_uri in named:
                kept.append(file)
        return Files(kept)

    def finish(self) -> None:
        """``on_post_build``: the changed files into the served site; the folder removed."""
        try:
            for name in self.outputs:
                made = self.folder / name
                target = self.served / name
                target.parent.mkdir(parents=True, exist_ok=True)
                staged = target.with_name(f".{target.name}.programme-quick")
                shutil.copyfile(made, staged)
                os.replace(staged, target)
        finally:
            self.discard()

    def discard(self) -> None:
        shutil.rmtree(self.folder, ignore_errors=True)


class FollowUp:
    """Asks the preview server for a full build, once the saves have paused."""

    def __init__(self) -> None:
        self.server: Any = None
        self.due = False
        """Set when the full build was asked for: the next build is whole."""
        self._timer: threading.Timer | None = None

    def schedule(self) -> None:
        self.cancel()
        if self.server is None:
            return
        self._timer = threading.Timer(FOLLOW_UP_SECONDS, self._ask)
        self._timer.daemon = True
        self._timer.start()

    def cancel(self) -> None:
        if self._timer is not None:
            self._timer.cancel()
            self._timer = None

    def _ask(self) -> None:
        server = self.server
        condition = getattr(server, "_rebuild_cond", None)
        if condition is None or not hasattr(server, "_want_rebuild"):
            log.info(text("serve-suite-au-prochain-enregistrement"))
            return
        with condition:
            self.due = True
            server._want_rebuild = True
            condition.notify_all()


class QuickPreview:
    """What the preview keeps between its builds for quick passes, and the hooks' part."""

    def __init__(self) -> None:
        self.memory: PreviewMemory | None = None
        """The site the preview shows and the inputs it was built from (None: unknown)."""
        self.snapshot: Snapshot | None = None
        """The inputs as this build found them."""
        self.current: QuickPass | None = None
        self.follow_up = FollowUp()
        self.compiled = CompiledTemplates()

    def start(self, settings: Settings, config: MkDocsConfig) -> SiteRun | None:
        """``on_config``: the run of a quick pass when the change allows one, else None (a
        full build, which keeps the inputs found here)."""
        memory, due = self.memory, self.follow_up.due
        self.follow_up.due = False
        self.snapshot = snapshot_inputs(settings, memory)
        quick = None
        if memory is not None and not due:
            try:
                quick = quick_site(settings, memory, self.snapshot)
            except Exception as error:  # a fault of the quick pass: never worse than a full build
                log.warning(text("serve-rapide-echec", detail=f"{type(error).__name__}: {error}"))
        if quick is None:
            self.memory = None  # a full build replaces what is shown: known again in built()
            return None
        self.current = QuickPass(quick, config)
        config.nav = quick.site.plan.nav
        config.extra["pk_licence"] = licence_meta(settings.site_licence)
        if quick.pages:  # else nothing changed: the full build asked for, if any, stays due
            self.follow_up.cancel()
            for item in quick.site.warnings:
                content_log.warning(item.as_text())
            names = ", ".join(quick.snapshot.changed[:3])
            log.info(text("serve-rapide", pages=len(quick.pages), names=names))
        return SiteRun.of(settings, quick.site)

    def files(self, files: Files) -> Files:
        """``on_files``: a quick pass's few files, or all of them."""
        return self.current.keep(files) if self.current else files

    def finish(self) -> bool:
        """``on_post_build``: a quick pass's pages into the served site, the full build
        asked for; whether this build was a quick pass."""
        quick, self.current = self.current, None
        if quick is None:
            return False
        quick.finish()
        self.memory = PreviewMemory(quick.quick.site, quick.snapshot, quick.quick.sources)
        if quick.quick.pages:
            self.follow_up.schedule()
        return True

    def built(self, site: PreparedSite | None) -> None:
        """A full build of the preview succeeded: what the next quick pass starts from."""
        if site is not None and self.snapshot is not None:
            self.memory = PreviewMemory.of_full_build(site, self.snapshot)

    def forget(self) -> None:
        """The preview serves something else than the last site built (the error page of a
        build that failed before the plugin ran: ``mkdocs.yml`` unreadable): the next build
        is whole."""
        self.memory = None

    def failed(self, error: Exception | None) -> None:
        """``on_build_error`` (also called with None when a build starts)."""
        if self.current is not None:
            self.current.discard()
            self.current = None
        if error is not None:
            self.memory = None  # what the preview shows is unknown: the next build is whole
