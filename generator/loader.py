"""Reading every content file, validating it, and building the catalogue.

Everything is read and checked before anything is built: one run reports all problems of
all files, and a catalogue exists only when there is no error.

Why one module: one run (:class:`_Run`) reads every file once and gathers every problem
in one list; its steps share that state (registries are known before documents, pages
before the links to them), and the forked reader works on the same run.
"""

from __future__ import annotations

import copy
import multiprocessing
import os
import re
import sys
import threading
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path, PurePosixPath
from typing import Any, TypeVar
from urllib.parse import unquote, urlsplit

from pydantic import BaseModel

from . import french, urls
from .catalogue import Catalogue, DraftStub, Project, Writeup, build_catalogue
from .diagnostics import Diagnostic, DiagnosticList
from .messages import Said, say, text, word
from .read import bidi, body_preview, body_shape
from .read.body_links import BodyLink, body_links, link_problem
from .read.content_tree import check_tree
from .read.sourcefile import SourceFile, load_markdown, load_yaml_file
from .read.yamlsource import Located, YamlProblem, format_path, prefix_field
from .settings import Settings
from .validate.barometer import read_barometers
from .validate.references import ReferenceContext
from .validate.schema import (
    SLUG_RE,
    OrganisationEntry,
    ProgrammeEntry,
    ProjectMeta,
    ThemeEntry,
    WriteupMeta,
)
from .validate.validation import validate

E = TypeVar("E", bound=BaseModel)
D = TypeVar("D", Project, Writeup)

_IMAGE_WITHOUT_ALT = re.compile(r"!\[\s*\]\(|<img\b(?![^>]*\balt=)", re.IGNORECASE)

REGISTRIES = ("organisations", "programmes", "themes")

PARALLEL_MIN = 1000
"""From this many sheets, a forked process reads and validates part of them: ``check``
takes 24 % less at 5,000 sheets (bench/tricks.md)."""


@dataclass
class LoadResult:
    catalogue: Catalogue | None
    diagnostics: list[Diagnostic]

    @property
    def errors(self) -> list[Diagnostic]:
        return [d for d in self.diagnostics if d.is_error]

    @property
    def warnings(self) -> list[Diagnostic]:
        return [d for d in self.diagnostics if not d.is_error]


class _Run:
    def __init__(self, settings: Settings) -> None:
        self.settings = settings
        self.diagnostics = DiagnosticList()
        self.context = ReferenceContext(
            root=settings.root,
            licences=set(settings.licences),
            data_dir=settings.rel(settings.data_dir),
            search_dirs=(settings.content_dir, settings.projects_dir),
        )
        self._root = settings.root.resolve()
        self._folders_inside: dict[Path, bool] = {}
        self._listed_prefix = str(settings.root.absolute()) + os.sep
        self._symlinks: set[Path] = set()
        """Files listed by :meth:`markdown_files` that are symbolic links…"""
        self._listed_folders: set[Path] = set()
        """…and the folders it listed (other paths are asked to the file system)."""
        self._publish_from = [settings.content_dir.resolve(), settings.projects_dir.resolve()]
        self._pages: set[str] = set()
        """Markdown files that become pages, as listed (links to them need no stat)."""
        self.refused: set[Path] = set()
        """Entries refused by :func:`check_tree` (links out, pipes…): never opened."""
        self.editorial: list[tuple[str, str]] = []
        """Editorial pages met by :meth:`check_editorial_pages`: (path in content/, title)."""
        self.stubs: list[DraftStub] = []
        """Drafts read since :meth:`take_stubs` that lack required facts (preview only)."""

    # --- registries ---

    def is_refused(self, path: Path) -> bool:
        """Refused by :func:`check_tree`, itself or through a folder (never opened)."""
        return bool(self.refused) and any(p in self.refused for p in (path, *path.parents))

    def read_registry(self, name: str) -> tuple[str, Located | None]:
        path = self.settings.data_dir / f"{name}.yml"
        rel = self.rel(path)
        if self.is_refused(path):
            return rel, None
        if not path.is_file():
            other = path.with_suffix(".yaml")
            if other.is_file():
                said = say(
                    "registre-absent",
                    hint="indice-renommer-registre",
                    name=name,
                    other=self.rel(other),
                )
            else:
                said = say("registre-absent", hint="indice-creer-registre", name=name)
            self.diagnostics.error(rel, 1, name, said)
            return rel, None
        if not self.inside_repository(path):
            self.diagnostics.error(
                rel, 1, name, say("lien-symbolique-sortant", hint="indice-copier-ici")
            )
            return rel, None
        try:
            located = load_yaml_file(path, name)
        except YamlProblem as problem:
            self.report_problem(rel, problem, name)
            return rel, None
        except OSError as exc:
            self.diagnostics.error(rel, 1, name, say("fichier-illisible", reason=exc.strerror))
            return rel, None
        if located.data is None:
            located.data = []
        if not isinstance(located.data, list):
            self.diagnostics.error(
                rel, 1, name, say("registre-pas-une-liste", hint="indice-entree-id")
            )
            return rel, None
        return rel, located

    def known_ids(self, located: Located | None) -> set[str] | None:
        if located is None:
            return None  # unreadable: references to it are not checked
        return {
            e["id"] for e in located.data if isinstance(e, dict) and isinstance(e.get("id"), str)
        }

    def validate_registry(
        self, name: str, model: type[E], rel: str, located: Located | None
    ) -> list[E]:
        if located is None:
            return []
        self.warn_bidi(rel, located, name)
        entries: list[E] = []
        first: dict[str, int] = {}
        for index, _item in enumerate(located.data):
            entry = validate(model, located, rel, self.context, self.diagnostics, (index,), name)
            raw = located.data[index]
            raw_id = raw.get("id") if isinstance(raw, dict) else None
            if isinstance(raw_id, str):
                line = located.line_of((index, "id"))
                if raw_id in first:
                    self.diagnostics.error(
                        rel,
                        line,
                        f"{name}[{index + 1}].id",
                        say(
                            "id-en-double",
                            hint="indice-ids-uniques",
                            value=raw_id,
                            first=first[raw_id],
                        ),
                    )
                    continue
                first[raw_id] = line
            if entry is not None:
                entries.append(entry)
        return entries

    # --- documents ---

    def markdown_files(self, folder: Path) -> list[Path]:
        if not folder.is_dir():
            return []
        files = []
        # scandir: whether an entry is a file or a link comes with the listing, no stat each
        with os.scandir(folder) as entries:
            listed = sorted(entries, key=lambda entry: entry.name)
        self._listed_folders.add(folder)
        for entry in listed:
            path = folder / entry.name
            if not entry.is_file() or path in self.refused:
                continue
            if entry.is_symlink():
                self._symlinks.add(path)
            if path.suffix == ".md":
                files.append(path)
            elif path.suffix.lower() in (".md", ".markdown"):
                self.diagnostics.warning(
                    self.rel(path),
                    1,
                    "(file name)",
                    say(
                        "extension-ignoree", hint="indice-renommer-fichier", fixed=f"{path.stem}.md"
                    ),
                )
        return files

    def check_slug(self, path: Path) -> bool:
        slug = path.stem
        if SLUG_RE.match(slug):
            return True
        fixed = french.slug(slug)
        self.diagnostics.error(
            self.rel(path),
            1,
            "(file name)",
            say(
                "nom-de-fichier-invalide",
                hint="indice-renommer-fichier" if fixed else "",
                slug=slug,
                fixed=f"{fixed}.md",
            ),
        )
        return False

    def read_document(self, path: Path) -> SourceFile | None:
        rel = self.rel(path)
        if not self.inside_repository(path):
            self.diagnostics.error(
                rel, 1, "(file)", say("lien-symbolique-sortant", hint="indice-copier-ici")
            )
            return None
        try:
            source = load_markdown(path, rel)
        except YamlProblem as problem:
            self.report_problem(rel, problem)
            return None
        except OSError as exc:
            self.diagnostics.error(rel, 1, "(file)", say("fichier-illisible", reason=exc.strerror))
            return None
        if source.bidi:
            self.warn_bidi(rel, source.front, body=source.body, body_line=source.body_line)
        return source

    def rel(self, path: Path) -> str:
        """Path relative to the root, as listed (a symbolic link is not followed)."""
        text = str(path)
        if text.startswith(self._listed_prefix):  # the usual case, without pathlib's cost
            return text[len(self._listed_prefix) :].replace(os.sep, "/")
        try:
            return path.absolute().relative_to(self.settings.root).as_posix()
        except ValueError:
            return self.settings.rel(path)

    def inside_repository(self, path: Path) -> bool:
        """False for a file that is, or sits in a folder that is, a link out of the root."""
        if path in self._symlinks or (
            path.parent not in self._listed_folders and path.is_symlink()
        ):
            return path.resolve().is_relative_to(self._root)
        folder = path.parent
        inside = self._folders_inside.get(folder)
        if inside is None:
            inside = folder.resolve().is_relative_to(self._root)
            self._folders_inside[folder] = inside
        return inside

    def report_problem(self, rel: str, problem: YamlProblem, field: str = "(front matter)") -> None:
        self.diagnostics.error(rel, max(problem.line, 1), problem.field or field, problem.said)

    def licence_of(self, licence_id: str | None) -> Any:
        return self.settings.licences.get(
            licence_id or self.settings.licence, self.settings.site_licence
        )

    def each_valid(self, files: list[Path], model: type[E]) -> Iterator[tuple[SourceFile, E]]:
        """The sheets or write-ups that read and validate (slug too); the others get
        diagnostics. Drafts are left out, except in the preview."""
        for path in files:
            slug_ok = self.check_slug(path)
            source = self.read_document(path)
            if source is None:
                continue
            self.context.file_dir = path.parent
            data = source.front.data
            draft = isinstance(data, dict) and data.get("draft") is True
            before = len(self.diagnostics)
            meta = validate(
                model, source.front, source.rel, self.context, self.diagnostics, draft=draft
            )
            if meta is not None and slug_ok and (self.settings.show_drafts or not draft):
                yield source, meta
            elif meta is None and draft and slug_ok and self.settings.show_drafts:
                found = self.diagnostics.items()[before:]
                if all(not d.is_error for d in found):  # only facts still missing
                    self.check_body_links(source)
                    self.stubs.append(_stub(model, source, found))

    def document(self, kind: Callable[..., D], source: SourceFile, meta: Any) -> D:
        """A sheet or write-up of the catalogue from its validated file."""
        return kind(
            source.path.stem,
            source.rel,
            source.path,
            meta,
            source.body,
            source.body_line,
            self.licence_of(meta.licence),
        )

    def load_projects(self, files: list[Path]) -> list[Project | DraftStub]:
        projects: list[Project | DraftStub] = []
        for source, meta in self.each_valid(files, ProjectMeta):
            if meta.image is not None and meta.image.credit is None:
                self.diagnostics.warning(
                    source.rel,
                    source.front.line_of(("image",)),
                    "image.credit",
                    say("image-sans-credit", hint="indice-credit"),
                )
            self.warn_empty_body(source)
            projects.append(self.document(Project, source, meta))
        return [*projects, *self.take_stubs()]

    def load_writeups(self, files: list[Path]) -> list[Writeup | DraftStub]:
        writeups: list[Writeup | DraftStub] = []
        for source, meta in self.each_valid(files, WriteupMeta):
            self.warn_empty_body(source)
            writeups.append(self.document(Writeup, source, meta))
        return [*writeups, *self.take_stubs()]

    def take_stubs(self) -> list[DraftStub]:
        """The incomplete drafts met since the last call (returned with the documents, so
        that a forked child hands them back too)."""
        stubs, self.stubs = self.stubs, []
        return stubs

    def in_two_processes(
        self, jobs: list[tuple[Callable[[list[Path]], list[Any]], list[Path]]]
    ) -> list[list[Any]]:
        """``[load(files) for load, files in jobs]``, part of each job done by a fork.

        Reading and validating is pure Python, one file after another; a second process
        nearly halves the time at thousands of files. Forking copies this run (settings,
        reference context) for free; it is only done when no other thread runs (MkDocs'
        live-reload server has some), otherwise everything is read here. Diagnostics are
        sorted at the end, so the result is the same either way.
        """
        if sum(len(files) for _load, files in jobs) < PARALLEL_MIN or not _fork_is_safe():
            return [load(files) for load, files in jobs]
        # this process keeps a little more: the child also pays for sending its results
        # back (measured at 5,000 sheets: 45 % here left this process waiting a third of
        # its time; 55 % evens them out)
        splits = [len(files) * 11 // 20 for _load, files in jobs]
        global _forked_run
        _forked_run = self
        try:
            with multiprocessing.get_context("fork").Pool(1) as pool:
                pending = pool.apply_async(
                    _load_in_child,
                    (
                        [
                            (load.__name__, files[split:])
                            for (load, files), split in zip(jobs, splits, strict=True)
                        ],
                    ),
                )
                here = [
                    load(files[:split]) for (load, files), split in zip(jobs, splits, strict=True)
                ]
                there, diagnostics = pending.get()
        finally:
            _forked_run = None
        self.diagnostics.extend(diagnostics)
        return [mine + theirs for mine, theirs in zip(here, there, strict=True)]

    def warn_bidi(
        self, rel: str, located: Located, label: str = "", body: str = "", body_line: int = 0
    ) -> None:
        """A warning at each text and body line holding a bidirectional control."""
        for path, what in bidi.in_data(located):
            self.diagnostics.warning(
                rel,
                located.line_of(path),
                prefix_field(label, format_path(path)),
                say("caractere-bidi", hint="indice-bidi", what=what),
            )
        for line, what in bidi.in_lines(body, body_line):
            self.diagnostics.warning(
                rel, line, "(body)", say("caractere-bidi", hint="indice-bidi", what=what)
            )

    def check_body_links(self, source: SourceFile) -> None:
        """What the build would refuse among the body's links and images, at their line.

        And a body too large or too deeply nested to render quickly (:mod:`.read.body_shape`).
        """
        body = source.body
        shapes = list(body_shape.problems(body))
        for shape in shapes:
            self.diagnostics.error(
                source.rel,
                body_shape.line_of(body, shape.offset, source.body_line),
                "(body)",
                shape.said,
            )
        if shapes:  # links are read once the text is of a shape that reads in linear time
            return
        for difference in body_preview.differences(body):
            self.diagnostics.warning(
                source.rel, source.body_line + difference.index, "(body)", difference.said
            )
        if "](" not in body and "][" not in body and "<" not in body and "]:" not in body:
            return
        for link in body_links(body, source.body_line):
            found = link_problem(
                link, source.path, str(self._root), self._publish_from, self._pages
            )
            if found:
                self.diagnostics.error(
                    source.rel, link.line, "(body)", self._with_column(found, link, source)
                )

    def _with_column(self, said: Said, link: BodyLink, source: SourceFile) -> Said:
        """``said`` with the link's column, and for a missing file the path it meant (the
        same path from the root, the only file of that name, a close name)."""
        suggestion = said.suggestion
        if said.code in ("lien-fichier-introuvable", "page-introuvable"):
            written = PurePosixPath(unquote(urlsplit(link.url.strip()).path))
            self.context.file_dir = source.path.parent
            target = source.path.parent / Path(*written.parts)
            found, typo = self.context.find_file(written, target)
            if found:
                key = "indice-vouliez-vous" if typo else "indice-chemin-relatif"
                suggestion = text(key, path=found, match=found)
        message = text("lien-colonne", column=link.column, message=said.message)
        return Said(said.code, message, suggestion)

    def warn_empty_body(self, source: SourceFile) -> None:
        self.check_body_links(source)
        if not source.body.strip():
            self.diagnostics.warning(source.rel, source.body_line, "(body)", say("corps-vide"))
        if not _IMAGE_WITHOUT_ALT.search(source.body):
            return
        for number, line in enumerate(source.body.split("\n"), start=source.body_line):
            if _IMAGE_WITHOUT_ALT.search(line):
                self.diagnostics.warning(
                    source.rel,
                    number,
                    "(body)",
                    say("image-sans-texte-alternatif", hint="indice-texte-alternatif"),
                )

    def check_editorial_pages(self) -> None:
        content = self.settings.content_dir
        if not content.is_dir():
            return
        for path in sorted(content.rglob("*.md")):
            if self.is_refused(path):
                continue
            relative = path.relative_to(content)
            if relative.parts[0] in ("_data",) or (
                relative.parts[0] == "comptes-rendus" and len(relative.parts) == 2
            ):
                continue
            address = _page_address(relative)
            section = next((s for s in GENERATED_SECTIONS if address.startswith(s)), None)
            if section is not None:
                self.diagnostics.error(
                    self.rel(path),
                    1,
                    "(file)",
                    say(
                        "page-dans-section-generee",
                        hint="indice-deplacer-vers"
                        if relative.stem != "index"
                        else "indice-deplacer-hors",
                        address=address or word("mot-racine"),
                        section=section,
                        target=f"content/{relative.stem}-infos.md",
                    ),
                )
                continue
            try:
                page = load_markdown(path, self.rel(path), require_front_matter=False)
                if relative.as_posix() != "index.md":
                    self.editorial.append((relative.as_posix(), _page_title(page, relative)))
                self.check_body_links(page)
                if page.bidi:
                    self.warn_bidi(page.rel, page.front, body=page.body, body_line=page.body_line)
            except YamlProblem as problem:
                self.report_problem(self.rel(path), problem)
            except OSError as exc:
                self.diagnostics.error(
                    self.rel(path), 1, "(file)", say("fichier-illisible", reason=exc.strerror)
                )

    def run(self) -> LoadResult:
        settings = self.settings
        for problem in settings.problems:
            self.diagnostics.error("mkdocs.yml", 1, "plugins.programme", problem)
        for refusal in check_tree(
            settings.content_dir, settings.projects_dir, settings.root / "theme"
        ):
            self.refused.add(refusal.path)
            self.diagnostics.error(self.rel(refusal.path), 1, "(file)", refusal.said)
        registries = {name: self.read_registry(name) for name in REGISTRIES}
        self.context.organisations = self.known_ids(registries["organisations"][1])
        self.context.programmes = self.known_ids(registries["programmes"][1])
        self.context.themes = self.known_ids(registries["themes"][1])
        organisations = self.validate_registry(
            "organisations", OrganisationEntry, *registries["organisations"]
        )
        programmes = self.validate_registry("programmes", ProgrammeEntry, *registries["programmes"])
        themes = self.validate_registry("themes", ThemeEntry, *registries["themes"])
        barometers = read_barometers(
            settings.data_dir, self.rel, self.context, self.diagnostics, self.licence_of
        )

        project_files = self.markdown_files(settings.projects_dir)
        writeup_files = self.markdown_files(settings.writeups_dir)
        # a draft sheet is not a page of the published site: naming it as an example is an
        # error, in the preview too (what the preview accepts, the build accepts)
        drafts = {p.stem for p in project_files if is_draft(p)}
        self.context.projects = {p.stem for p in project_files} - drafts
        self.context.drafts = {"projects": drafts}
        self._pages = {str(p) for p in [*project_files, *writeup_files]} | {
            str(settings.content_dir / section / "index.md") for section in GENERATED_SECTIONS
        }  # an editorial page may link to a generated one by its Markdown name, as in MkDocs
        loaded_projects, loaded_writeups = self.in_two_processes(
            [(self.load_projects, project_files), (self.load_writeups, writeup_files)]
        )
        stubs = [d for d in [*loaded_projects, *loaded_writeups] if isinstance(d, DraftStub)]
        projects = [d for d in loaded_projects if not isinstance(d, DraftStub)]
        writeups = [d for d in loaded_writeups if not isinstance(d, DraftStub)]
        self.check_editorial_pages()

        catalogue = None
        if not self.diagnostics.errors:
            catalogue = build_catalogue(
                settings, organisations, programmes, themes, projects, writeups
            )
            catalogue.incomplete_drafts = sorted(stubs, key=lambda d: (d.kind, d.slug))
            catalogue.editorial_pages = self.editorial
            catalogue.barometers = {b.id: b for b in barometers}
        return LoadResult(catalogue, self.diagnostics.sorted())


def _page_title(page: SourceFile, relative: Path) -> str:
    """An editorial page's title as MkDocs gives it: ``title``, else the first ``# ``
    heading, else the file's name."""
    data = page.front.data
    if isinstance(data, dict) and isinstance(data.get("title"), str) and data["title"].strip():
        return str(data["title"]).strip()
    for line in page.body.split("\n"):
        if line.startswith("# "):
            return line[2:].strip().strip("#").strip()
    name = relative.parent.name if relative.stem == "index" else relative.stem
    return name.replace("-", " ").capitalize()


GENERATED_SECTIONS = tuple(
    sorted(
        {
            urls.PROJECTS,
            urls.COUNTRIES,
            urls.THEMES,
            urls.ORGANISATIONS,
            urls.PROGRAMMES,
            urls.INSPIRING,
            urls.PRACTICES,
            urls.DOWNLOADS,
            urls.LICENCE,
            urls.DATA,
            urls.SEARCH,
            urls.MEDIA,
            urls.REFERENCE,
            urls.BAROMETERS,
            urls.WRITEUPS,
            "pagefind/",
        }
    )
)
"""Addresses the site generates: an editorial page may not live there (write-ups, in
``comptes-rendus/<slug>.md``, are read before this rule)."""


_DRAFT_LINE = re.compile(rb"^draft:[ \t]*true[ \t]*(?:#.*)?\r?$", re.MULTILINE)


def is_draft(path: Path) -> bool:
    """``draft: true`` among the first lines of a sheet's front matter, read before the
    sheets are validated: so that a write-up naming a draft as example is told so (and not
    that the sheet does not exist). The front matter is validated later, as for any sheet."""
    try:
        with path.open("rb") as handle:
            head = handle.read(16384)
    except OSError:
        return False
    if not head.startswith(b"---"):
        return False
    end = head.find(b"\n---", 3)
    return bool(_DRAFT_LINE.search(head[: end if end > 0 else len(head)]))


def _stub(model: type[Any], source: SourceFile, found: list[Diagnostic]) -> DraftStub:
    """The page an incomplete draft gets in the preview: the facts it has, the ones it
    lacks (the fields of its ``brouillon-incomplet`` warnings), its body."""
    data = source.front.data if isinstance(source.front.data, dict) else {}

    def written(name: str) -> str:
        value = data.get(name)
        return value.strip() if isinstance(value, str) else ""

    return DraftStub(
        "project" if model is ProjectMeta else "writeup",
        source.path.stem,
        source.rel,
        source.path,
        source.body,
        source.body_line,
        written("title") or source.path.stem,
        written("summary"),
        [d.field for d in found if d.code == "brouillon-incomplet"],
    )


def _page_address(relative: Path) -> str:
    """The address MkDocs gives the editorial page ``relative`` (directory URLs)."""
    parts = list(relative.with_suffix("").parts)
    if parts and parts[-1] in ("index", "README"):
        parts.pop()
    return "".join(f"{part}/" for part in parts)


_forked_run: _Run | None = None
"""The run a forked child works for (inherited through fork, never pickled)."""


def _load_in_child(jobs: list[tuple[str, list[Path]]]) -> tuple[list[list[Any]], list[Diagnostic]]:
    run = _forked_run
    assert run is not None
    run.diagnostics = DiagnosticList()
    return [getattr(run, name)(files) for name, files in jobs], run.diagnostics.items()


def _fork_is_safe() -> bool:
    return (
        sys.platform.startswith("linux")
        and threading.active_count() == 1
        and "fork" in multiprocessing.get_all_start_methods()
    )


def _fresh_copy(project: Project) -> Project:
    """A sheet as it was read, before :func:`build_catalogue` listed who presents it
    (``copy.copy``: ``dataclasses.replace`` took 0.4 s for 5,000 sheets)."""
    fresh = copy.copy(project)
    fresh.cited_by = []
    return fresh


def reload_documents(catalogue: Catalogue, files: list[Path]) -> LoadResult:
    """``catalogue`` with the sheets and write-ups at ``files`` read again (or added).

    The preview's quick pass (:mod:`generator.preview_update`): each file is read and
    validated as :func:`load_catalogue` would, against the registries and documents the
    catalogue knows; what only the whole corpus can tell (a slug given twice, the
    editorial pages' links) is left to the full build that follows. No catalogue when a
    file has an error, or is a draft (the full build shows those).
    """
    settings = catalogue.settings
    run = _Run(settings)
    run.context.organisations = set(catalogue.organisations)
    run.context.programmes = set(catalogue.programmes)
    run.context.themes = set(catalogue.themes)
    project_files = [f for f in files if f.parent == settings.projects_dir]
    writeup_files = [f for f in files if f.parent == settings.writeups_dir]
    if len(project_files) + len(writeup_files) != len(files) or any(map(is_draft, files)):
        return LoadResult(None, [])
    drafts = {slug for slug, p in catalogue.projects.items() if p.meta.draft}
    run.context.projects = (set(catalogue.projects) - drafts) | {f.stem for f in project_files}
    run.context.drafts = {"projects": drafts}
    known: list[Project | Writeup] = [*catalogue.projects.values(), *catalogue.writeups.values()]
    run._pages = {str(d.path) for d in known}
    run._pages |= {str(f) for f in files} | {
        str(settings.content_dir / section / "index.md") for section in GENERATED_SECTIONS
    }
    loaded = [*run.load_projects(project_files), *run.load_writeups(writeup_files)]
    if run.diagnostics.errors or any(isinstance(d, DraftStub) for d in loaded):
        return LoadResult(None, run.diagnostics.sorted())
    projects = {p.slug: p for p in catalogue.projects.values()}
    writeups = {w.slug: w for w in catalogue.writeups.values()}
    for doc in loaded:
        if isinstance(doc, Project):
            projects[doc.slug] = doc
        elif isinstance(doc, Writeup):
            writeups[doc.slug] = doc
    fresh = build_catalogue(
        settings,
        list(catalogue.organisations.values()),
        list(catalogue.programmes.values()),
        list(catalogue.themes.values()),
        # copies: build_catalogue fills in what a document cites and is cited by
        [_fresh_copy(p) for p in projects.values()],
        [copy.copy(w) for w in writeups.values()],
    )
    fresh.inherit_history(catalogue, [d for d in loaded if isinstance(d, Project | Writeup)])
    fresh.editorial_pages = catalogue.editorial_pages
    fresh.barometers = catalogue.barometers
    fresh.incomplete_drafts = catalogue.incomplete_drafts
    return LoadResult(fresh, run.diagnostics.sorted())


def load_catalogue(settings: Settings) -> LoadResult:
    """Read, validate and resolve all content under ``settings``.

    (Pausing the garbage collector meanwhile was measured to save nothing: with it, ``check``
    took 8 % longer at 5,000 sheets, bench/tricks.md, so it went.)
    """
    return _Run(settings).run()
