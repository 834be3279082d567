"""The site's settings: one object, read from ``mkdocs.yml`` without importing MkDocs.

The plugin entry ``programme`` in ``mkdocs.yml`` takes the options of :class:`Options`,
declared here once: the MkDocs adapter derives its configuration class from this model
(:mod:`generator.adapter.config`), and ``check`` reads the same file with the same model. ::

    plugins:
      - programme:
          licence: CC-BY-NC-SA-3.0-FR      # site-wide default licence
          licences:                        # more licences, by id
            LO-2.0: {name: "Licence Ouverte 2.0", url: "https://..."}
          projects_dir: projects

:class:`Settings` joins these options with what MkDocs' own configuration says (folders,
site name and address, Markdown extensions); every part of the core takes it.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Literal

import yaml
from pydantic import BaseModel, ConfigDict, Field, ValidationError

from .licences import DEFAULT_LICENCE, KNOWN_LICENCES, Licence
from .messages import Said, say

PLUGIN_NAME = "programme"
DEFAULT_SITE_NAME = "Savoirs de programme"


ReportKind = Literal["programme", "theme", "country"]


def _programme_reports() -> list[ReportKind]:
    return ["programme"]


class Options(BaseModel):
    """The options of the ``programme`` plugin in ``mkdocs.yml``, with their defaults."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    licence: str = Field(DEFAULT_LICENCE, description="Site-wide default licence id.")
    licences: dict[str, dict[str, str]] = Field(
        default_factory=dict,
        description="More licences by id: {ID: {name: …, url: …, short_name: …}}.",
    )
    projects_dir: str = Field(
        "projects", description="Folder of project sheets, relative to mkdocs.yml."
    )
    pdf: bool = Field(True, description="Make a PDF of every document and programme.")
    pdf_bleed: bool = Field(
        False,
        description="PDFs for a print shop: 3 mm of bleed around each page, with crop marks.",
    )
    pdf_light: bool = Field(
        False,
        description="Lighter PDFs for the screen: images resampled to 150 dpi, JPEG quality 70.",
    )
    reports: list[ReportKind] = Field(
        default_factory=_programme_reports,
        description="Compiled reports to make: per programme (the default), and on request "
        "per theme and per country, e.g. [programme, theme, country].",
    )
    serve_pdf: bool = Field(
        False,
        description="Also make PDFs in `mkdocs serve` (slower reloads); env "
        "PROGRAMME_SERVE_PDF=1 too.",
    )
    serve_hosts: list[str] = Field(
        default_factory=list,
        description="More host names the preview (`serve`) answers to, besides localhost "
        "and its addresses.",
    )
    cache_dir: str = Field(".cache/pdf", description="PDF cache, relative to mkdocs.yml.")
    listing_page_size: int = Field(
        100,
        ge=1,
        description="Cards on one listing page (all sheets, a country, a theme…); more make "
        "more pages.",
    )

    def makes_pdfs(self, serving: bool, environ: Mapping[str, str] = os.environ) -> bool:
        """Builds make PDFs (unless ``pdf: false`` or PROGRAMME_PDF=0); the preview only when
        asked (``serve_pdf: true`` or PROGRAMME_SERVE_PDF=1), so that it reloads quickly."""
        if not self.pdf or environ.get("PROGRAMME_PDF") == "0":
            return False
        return not serving or self.serve_pdf or environ.get("PROGRAMME_SERVE_PDF") == "1"


class _TolerantLoader(yaml.SafeLoader):
    """Reads mkdocs.yml, ignoring the ``!!python/name`` and ``!ENV`` tags it may hold."""


def _ignore_tag(loader: yaml.SafeLoader, suffix: str, node: yaml.Node) -> None:
    return None


_TolerantLoader.add_multi_constructor("", _ignore_tag)


@dataclass
class Settings:
    """Where content lives, how pages are made, and which licences the site knows."""

    root: Path
    content_dir: Path
    projects_dir: Path
    site_dir: Path
    options: Options = field(default_factory=Options)
    site_name: str = ""
    site_url: str = ""
    site_description: str = ""
    """One sentence of what the site is (mkdocs.yml's ``site_description``): the home's
    heading, and every page's description where it has none of its own."""
    extensions: list[Any] = field(default_factory=list)
    """Python-Markdown extensions (names or instances), as MkDocs gives them."""
    extension_configs: dict[str, Any] = field(default_factory=dict)
    licence: str = DEFAULT_LICENCE
    licences: dict[str, Licence] = field(default_factory=lambda: dict(KNOWN_LICENCES))
    problems: list[Said] = field(default_factory=list)
    """What is wrong in mkdocs.yml's options, reported by ``check`` as errors of that file."""
    show_drafts: bool = False
    """Drafts (``draft: true``) are pages too: in the preview only, never in a build."""

    @property
    def data_dir(self) -> Path:
        return self.content_dir / "_data"

    @property
    def writeups_dir(self) -> Path:
        return self.content_dir / "comptes-rendus"

    @property
    def theme_dir(self) -> Path:
        return self.root / "theme"

    @property
    def cache_dir(self) -> Path:
        return self.root / self.options.cache_dir

    @property
    def watched(self) -> list[Path]:
        """What the preview watches besides the content folder: the sheets and the theme."""
        return [folder for folder in (self.projects_dir, self.theme_dir) if folder.is_dir()]

    @property
    def home_intro(self) -> Path:
        return self.content_dir / "index.md"

    @property
    def guide(self) -> Path:
        """The editors' guide: pages link to it only where the site has one."""
        return self.content_dir / "contribuer.md"

    @property
    def title(self) -> str:
        return self.site_name or DEFAULT_SITE_NAME

    def rel(self, path: Path) -> str:
        """Path relative to the repository root, with forward slashes."""
        try:
            return path.resolve().relative_to(self.root.resolve()).as_posix()
        except ValueError:
            return path.as_posix()

    @property
    def site_licence(self) -> Licence:
        return self.licences.get(self.licence) or KNOWN_LICENCES[DEFAULT_LICENCE]


def plugin_entry(config: dict[str, Any]) -> dict[str, Any]:
    """The raw options of the ``programme`` entry of a ``mkdocs.yml`` mapping."""
    for entry in config.get("plugins") or []:
        if isinstance(entry, dict) and PLUGIN_NAME in entry:
            options = entry[PLUGIN_NAME]
            return options if isinstance(options, dict) else {}
    return {}


def read_options(raw: dict[str, Any]) -> tuple[Options, list[Said]]:
    """:class:`Options` from raw values; where one is wrong, its default and a problem."""
    try:
        return Options.model_validate(raw), []
    except ValidationError as error:
        problems: list[Said] = []
        kept = dict(raw)
        for item in error.errors():
            name = str(item["loc"][0]) if item["loc"] else ""
            kept.pop(name, None)
            if item["type"] == "extra_forbidden":
                problems.append(say("option-inconnue", name=name))
            else:
                problems.append(say("option-invalide", name=name, detail=item["msg"]))
        return Options.model_validate(kept), problems


def markdown_extensions(raw: Any) -> tuple[list[Any], dict[str, Any]]:
    """``markdown_extensions`` of a raw ``mkdocs.yml``: names, and options by name.

    As MkDocs reads them: a list of names, or of one-key mappings ``{name: options}``.
    """
    names: list[Any] = []
    configs: dict[str, Any] = {}
    for item in raw if isinstance(raw, list) else []:
        if isinstance(item, str):
            names.append(item)
        elif isinstance(item, dict) and len(item) == 1:
            name, options = next(iter(item.items()))
            names.append(str(name))
            if isinstance(options, dict):
                configs[str(name)] = options
    return names, configs


def load_settings(root: Path, config_file: Path | None = None) -> Settings:
    """Read ``mkdocs.yml`` at ``root`` (if present) into :class:`Settings`."""
    root = root.resolve()
    config_file = config_file or root / "mkdocs.yml"
    config: dict[str, Any] = {}
    if config_file.is_file():
        loaded = yaml.load(config_file.read_text(encoding="utf-8-sig"), Loader=_TolerantLoader)
        if isinstance(loaded, dict):
            config = loaded
    options, problems = read_options(plugin_entry(config))
    extensions, configs = markdown_extensions(config.get("markdown_extensions"))
    return make_settings(
        root,
        options,
        content_dir=root / str(config.get("docs_dir") or "content"),
        site_dir=root / str(config.get("site_dir") or "site"),
        site_name=str(config.get("site_name") or ""),
        site_url=str(config.get("site_url") or ""),
        site_description=str(config.get("site_description") or ""),
        extensions=extensions,
        extension_configs=configs,
        problems=problems,
    )


def make_settings(
    root: Path,
    options: Options,
    *,
    content_dir: Path,
    site_dir: Path,
    site_name: str = "",
    site_url: str = "",
    site_description: str = "",
    extensions: list[Any] | None = None,
    extension_configs: dict[str, Any] | None = None,
    problems: list[Said] | None = None,
    show_drafts: bool = False,
) -> Settings:
    """The settings of the site at ``root``: the options, and what MkDocs' configuration says."""
    settings = Settings(
        root=root,
        content_dir=content_dir,
        projects_dir=root / options.projects_dir,
        site_dir=site_dir,
        options=options,
        site_name=site_name,
        site_url=site_url,
        site_description=site_description,
        extensions=list(extensions or []),
        extension_configs=dict(extension_configs or {}),
        problems=list(problems or []),
        show_drafts=show_drafts,
    )
    for licence_id, spec in sorted(options.licences.items()):
        if spec.get("name") and spec.get("url"):
            settings.licences[licence_id] = Licence(
                licence_id, spec["name"], spec.get("short_name") or licence_id, spec["url"]
            )
        else:
            settings.problems.append(say("licence-incomplete", value=licence_id))
    if options.licence not in settings.licences:
        settings.problems.append(say("licence-du-site-inconnue", value=options.licence))
    settings.licence = options.licence
    return settings
