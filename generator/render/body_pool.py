"""Rendering many Markdown bodies on every core while the main process does other work.

Python-Markdown is pure Python, so one process renders one body at a time; at thousands of
documents the bodies are about half of the page planning. :func:`start_rendering` hands them
to worker processes and returns at once; the planner lays out listings and the home page
meanwhile, then :meth:`PendingBodies.results` collects the bodies.

Workers are spawned, not forked (MkDocs' live-reload server runs threads), and each builds
its own :class:`BodyRenderer` from picklable settings. Below :data:`MIN_PARALLEL` bodies, or
on one core, or when the Markdown configuration cannot be sent to another process (a
callable in an extension's options, say), the bodies are rendered here, one by one; the
output is the same either way. The build takes 13 % less at 5,000 sheets than with every
body rendered here (bench/tricks.md).
"""

from __future__ import annotations

import multiprocessing
import os
import pickle
from collections.abc import Callable
from concurrent.futures import Future, ProcessPoolExecutor
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ..processes import die_with_parent
from .markdown_body import BodyRenderer, RenderedBody

MIN_PARALLEL = 400
"""Fewer bodies than this are rendered in the main process: spawning costs about a second."""

CHUNK = 100

BodyJob = tuple[str, str, Path]
"""(page URL, Markdown text, source file)."""


@dataclass(frozen=True)
class RendererSettings:
    """What a worker needs to build the same :class:`BodyRenderer` as the main process."""

    root: Path
    extensions: list[Any]
    extension_configs: dict[str, Any]
    sources: dict[Path, str]
    """Resolved Markdown file -> the URL of its page (for links between documents)."""
    publish_from: tuple[Path, ...] = ()
    """Folders whose files may be published (``content/``, ``projects/``)."""

    def renderer(self) -> BodyRenderer:
        return BodyRenderer(
            self.root,
            self.extensions,
            self.extension_configs,
            self.sources.get,
            list(self.publish_from) or None,
        )


_worker_renderer: BodyRenderer | None = None


def _start_worker(settings: RendererSettings) -> None:
    global _worker_renderer
    die_with_parent()
    _worker_renderer = settings.renderer()


def _render_chunk(jobs: list[BodyJob]) -> list[tuple[str, RenderedBody]]:
    assert _worker_renderer is not None
    return [(url, _worker_renderer.render(text, source, url)) for url, text, source in jobs]


class PendingBodies:
    """Bodies being rendered; :meth:`results` waits for them."""

    def __init__(
        self,
        jobs: list[BodyJob],
        settings: RendererSettings,
        local: Callable[[], BodyRenderer],
        workers: int,
    ) -> None:
        self._jobs = jobs
        self._local = local
        self._pool: ProcessPoolExecutor | None = None
        self._futures: list[Future[list[tuple[str, RenderedBody]]]] = []
        if workers > 1:
            self._pool = ProcessPoolExecutor(
                max_workers=workers,
                mp_context=multiprocessing.get_context("spawn"),
                initializer=_start_worker,
                initargs=(settings,),
            )
            self._futures = [
                self._pool.submit(_render_chunk, jobs[i : i + CHUNK])
                for i in range(0, len(jobs), CHUNK)
            ]

    def results(self) -> dict[str, RenderedBody]:
        if self._pool is None:
            renderer = self._local()
            return {url: renderer.render(text, source, url) for url, text, source in self._jobs}
        try:
            rendered: dict[str, RenderedBody] = {}
            for future in self._futures:
                rendered.update(future.result())
            return rendered
        finally:
            self._pool.shutdown(cancel_futures=True)
            self._pool = None


def worker_count(jobs: int, requested: int | None = None) -> int:
    """How many processes to use for ``jobs`` bodies (1: render in this process)."""
    if requested is not None:
        return max(1, requested)
    if jobs < MIN_PARALLEL:
        return 1
    return max(1, min(os.cpu_count() or 1, jobs // (MIN_PARALLEL // 2)))


def start_rendering(
    jobs: list[BodyJob],
    settings: RendererSettings,
    local: Callable[[], BodyRenderer],
    workers: int | None = None,
) -> PendingBodies:
    """Start rendering ``jobs``; ``local`` gives the main process' renderer as a fallback."""
    count = worker_count(len(jobs), workers) if jobs else 1
    if count > 1:
        try:
            pickle.dumps(settings)
        except Exception:
            count = 1
    return PendingBodies(jobs, settings, local, count)
