"""Site settings read from ``mkdocs.yml`` without importing MkDocs.

The plugin entry ``programme`` in ``mkdocs.yml`` may set::

    plugins:
      - programme:
          licence: CC-BY-NC-SA-3.0-FR      # site-wide default licence
          licences:                        # more licences, by id
            LO-2.0: {name: "Licence Ouverte 2.0", url: "https://..."}
          projects_dir: projects
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from .licences import DEFAULT_LICENCE, KNOWN_LICENCES, Licence

PLUGIN_NAME = "programme"


class _TolerantLoader(yaml.SafeLoader):
    """Reads mkdocs.yml, ignoring the ``!!python/name`` and ``!ENV`` tags it may hold."""


def _ignore_tag(loader: yaml.SafeLoader, suffix: str, node: yaml.Node) -> None:
    return None


_TolerantLoader.add_multi_constructor("", _ignore_tag)


@dataclass
class Settings:
    """Where content lives and which licences the site knows."""

    root: Path
    content_dir: Path
    projects_dir: Path
    site_dir: Path
    licence: str = DEFAULT_LICENCE
    licences: dict[str, Licence] = field(default_factory=lambda: dict(KNOWN_LICENCES))
    site_name: str = ""
    site_url: str = ""
    problems: list[str] = field(default_factory=list)

    @property
    def data_dir(self) -> Path:
        return self.content_dir / "_data"

    @property
    def writeups_dir(self) -> Path:
        return self.content_dir / "comptes-rendus"

    def rel(self, path: Path) -> str:
        """Path relative to the repository root, with forward slashes."""
        try:
            return path.resolve().relative_to(self.root.resolve()).as_posix()
        except ValueError:
            return path.as_posix()

    @property
    def site_licence(self) -> Licence:
        return self.licences.get(self.licence) or KNOWN_LICENCES[DEFAULT_LICENCE]


def plugin_options(config: dict[str, Any]) -> dict[str, Any]:
    for entry in config.get("plugins") or []:
        if isinstance(entry, dict) and PLUGIN_NAME in entry:
            options = entry[PLUGIN_NAME]
            return options if isinstance(options, dict) else {}
    return {}


def load_settings(root: Path, config_file: Path | None = None) -> Settings:
    """Read ``mkdocs.yml`` at ``root`` (if present) into :class:`Settings`."""
    root = root.resolve()
    config_file = config_file or root / "mkdocs.yml"
    config: dict[str, Any] = {}
    if config_file.is_file():
        loaded = yaml.load(config_file.read_text(encoding="utf-8-sig"), Loader=_TolerantLoader)
        if isinstance(loaded, dict):
            config = loaded
    return settings_from_config(root, config)


def settings_from_config(root: Path, config: dict[str, Any]) -> Settings:
    options = plugin_options(config)
    settings = Settings(
        root=root,
        content_dir=root / str(config.get("docs_dir") or "content"),
        projects_dir=root / str(options.get("projects_dir") or "projects"),
        site_dir=root / str(config.get("site_dir") or "site"),
        site_name=str(config.get("site_name") or ""),
        site_url=str(config.get("site_url") or ""),
    )
    extra = options.get("licences") or {}
    if isinstance(extra, dict):
        for licence_id, spec in sorted(extra.items()):
            if isinstance(spec, dict) and spec.get("name") and spec.get("url"):
                settings.licences[str(licence_id)] = Licence(
                    str(licence_id),
                    str(spec["name"]),
                    str(spec.get("short_name") or licence_id),
                    str(spec["url"]),
                )
            else:
                settings.problems.append(
                    f"licence '{licence_id}' in mkdocs.yml needs a name and a url"
                )
    licence = str(options.get("licence") or DEFAULT_LICENCE)
    if licence not in settings.licences:
        settings.problems.append(f"site licence '{licence}' in mkdocs.yml is not a known licence")
    settings.licence = licence
    return settings
