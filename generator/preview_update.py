"""The preview's quick pass: an edited sheet or write-up on screen within two seconds.

A full build of the preview at 5,000 sheets takes most of a minute (every page laid out and
rendered again). After each save, the preview first compares the inputs with those of the
site it shows (sizes and times, hashes where they differ: :func:`.build_manifest.take_snapshot`);
when all that changed is sheets or write-ups, edited or new, and each still reads without
error, only their pages are made again: each file read and validated against the registries
and documents already known (:func:`.loader.reload_documents`), its body rendered, its page
laid out with the rest of the plan kept (:func:`quick_site`). The adapter renders those pages
alone and puts them into the site being shown; the listings, the home page, the search
index and the checks that need the whole corpus (a slug used twice…) follow with a full
build a moment later (:mod:`generator.adapter.preview`).

Anything else (a registry, a template, ``mkdocs.yml``, an image, an editorial page, a file
deleted or renamed, a draft, an error in the file, PDFs on in the preview) and the preview
builds everything, as before: the quick pass never guesses.
"""

from __future__ import annotations

import gc
from dataclasses import dataclass, field
from pathlib import Path

from .build_manifest import Snapshot, take_snapshot
from .catalogue import Project, Writeup
from .loader import reload_documents
from .render.body_pool import start_rendering
from .render.page_specs import SitePlan
from .render.planner_base import document_sources
from .render.site_plan import _Planner
from .settings import Settings
from .site_build import PreparedSite


@dataclass
class PreviewMemory:
    """The site the preview shows, and the inputs as they were when it was built."""

    site: PreparedSite
    snapshot: Snapshot
    sources: dict[Path, str] | None = None
    """Each document's resolved path -> its URL (made at the first quick pass, then kept)."""

    @classmethod
    def of_full_build(cls, site: PreparedSite, snapshot: Snapshot) -> PreviewMemory:
        """After a full build: the documents' paths resolved now, so that the first quick
        pass need not (0.2 s at 5,000 sheets, beside a full build's half-minute)."""
        return cls(site, snapshot, document_sources(site.catalogue))

    def previous(self) -> dict[str, object]:
        """The snapshot in the form :func:`.build_manifest.take_snapshot` compares with."""
        files = {name: list(state) for name, state in self.snapshot.files.items()}
        return {"files": files, "taken_ns": self.snapshot.taken_ns}


@dataclass
class QuickSite:
    """What a quick pass changes."""

    site: PreparedSite
    """The whole site as it now is: the catalogue with the files read again, the plan with
    their pages laid out again (the listings are those of the last full build)."""
    pages: list[str]
    """Source URIs of the plan's pages to render (the edited and new documents')."""
    snapshot: Snapshot
    """The inputs the pass read."""
    assets: dict[str, Path] = field(default_factory=dict)
    """Files those pages publish that the site did not (a new sheet's image)."""
    sources: dict[Path, str] = field(default_factory=dict)
    """Each document's resolved path -> its URL, for the next pass."""


def snapshot_inputs(settings: Settings, memory: PreviewMemory | None) -> Snapshot:
    """The inputs now (hashing only what differs from ``memory``'s)."""
    skip = [settings.site_dir, settings.cache_dir]
    return take_snapshot(
        settings.root, skip, settings.site_dir, memory.previous() if memory else None
    )


def _document_files(settings: Settings, names: list[str]) -> list[Path] | None:
    """The files named ``names`` when each is a sheet or a write-up (as the settings name
    their folders, as the loader does), else None."""
    root = settings.root.resolve()
    folders = {
        settings.projects_dir.resolve(): settings.projects_dir,
        settings.writeups_dir.resolve(): settings.writeups_dir,
    }
    found = []
    for name in names:
        path = root / name
        folder = folders.get(path.parent)
        if name.startswith("generator:") or path.suffix != ".md" or folder is None:
            return None
        found.append(folder / path.name)
    return found


def quick_site(settings: Settings, memory: PreviewMemory, snapshot: Snapshot) -> QuickSite | None:
    """The site with only the edited and new documents made again; None when the change
    needs a full build (see the module's docstring).

    The garbage collector waits meanwhile: with the preview's whole site in memory, each
    full collection walked it all (0.3 s of a 0.8 s pass at 5,000 sheets, under cProfile)."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        return _quick_site(settings, memory, snapshot)
    finally:
        if enabled:
            gc.enable()


def _quick_site(settings: Settings, memory: PreviewMemory, snapshot: Snapshot) -> QuickSite | None:
    site = memory.site
    if site.reports is not None:
        return None
    if not snapshot.changed:
        # a save of the same bytes, or a watcher's late event for a save already shown
        # (the file watcher can deliver the rest of a save's events after the pass began):
        # nothing to make, and no full build to start (one of 40 s at 5,000 sheets)
        sources = memory.sources if memory.sources is not None else document_sources(site.catalogue)
        return QuickSite(site, [], snapshot, {}, sources)
    if set(memory.snapshot.files) - set(snapshot.files):  # a file deleted or renamed
        return None
    files = _document_files(settings, snapshot.changed)
    if not files:
        return None
    loaded = reload_documents(site.catalogue, files)
    catalogue = loaded.catalogue
    if catalogue is None:
        return None
    previous = site.plan
    changed: list[Project | Writeup] = []
    for path in files:
        docs = catalogue.projects if path.parent == settings.projects_dir else catalogue.writeups
        changed.append(docs[path.stem])
    sources = dict(memory.sources) if memory.sources is not None else document_sources(catalogue)
    sources.update({doc.path.resolve(): doc.url for doc in changed})
    planner = _Planner(catalogue, previous, body_workers=1, sources=sources)
    jobs = [(d.url, d.body, d.path) for d in changed]
    for url, _text, _path in jobs:
        planner.rendered.pop(url, None)
    made = start_rendering(jobs, planner.renderer_settings, lambda: planner.renderer, 1)
    planner.rendered.update(made.results())
    for doc in changed:
        planner.document_page(doc)  # the planner holds these pages only
    if planner.problems:
        return None  # the full build says them
    assets = {url: path for url, path in planner.assets.items() if previous.assets.get(url) != path}
    plan = SitePlan(
        {**previous.pages, **planner.pages},
        {**previous.assets, **planner.assets},
        previous.nav,
        [],
        planner.rendered,
    )
    uris = sorted(planner.pages)
    quick = PreparedSite(catalogue, plan, loaded.warnings, None, site.environment)
    return QuickSite(quick, uris, snapshot, assets, sources)
