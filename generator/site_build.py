"""Everything the site needs from content, computed once per build, without MkDocs.

:func:`prepare_site` loads and validates all content, then plans every generated page;
:func:`write_exports` writes the open-data files. The MkDocs plugin calls both.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from .catalogue import Catalogue
from .diagnostics import ContentError, Diagnostic
from .exports import export_files
from .loader import load_catalogue
from .render.site_plan import SiteOptions, SitePlan, plan_site
from .settings import Settings

log = logging.getLogger("mkdocs.plugins.programme.stages")


@contextmanager
def timed(stage: str) -> Iterator[None]:
    """Log how long a build stage took, at info level."""
    start = time.perf_counter()
    yield
    log.info("stage %s: %.2f s", stage, time.perf_counter() - start)


@dataclass
class PreparedSite:
    catalogue: Catalogue
    plan: SitePlan
    warnings: list[Diagnostic]


def prepare_site(settings: Settings, options: SiteOptions) -> PreparedSite:
    """Load, validate and plan; raises :class:`ContentError` with every problem found."""
    with timed("load+validate"):
        result = load_catalogue(settings)
    if result.errors or result.catalogue is None:
        raise ContentError(result.diagnostics)
    with timed("pages"):
        plan = plan_site(result.catalogue, options)
    if plan.problems:
        raise ContentError(sorted(plan.problems))
    return PreparedSite(result.catalogue, plan, result.warnings)


def write_exports(catalogue: Catalogue, site_dir: Path, site_url: str) -> None:
    with timed("exports"):
        for relative_path, data in export_files(catalogue, site_url).items():
            target = site_dir / relative_path
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_bytes(data)


def site_options(root: Path, config: dict[str, Any]) -> SiteOptions:
    """Site options from an MkDocs-shaped configuration mapping."""
    theme_dir = root / "theme"
    docs_dir = Path(str(config.get("docs_dir") or root / "content"))
    return SiteOptions(
        theme_dir=theme_dir,
        site_name=str(config.get("site_name") or ""),
        site_url=str(config.get("site_url") or ""),
        extensions=list(config.get("markdown_extensions") or []),
        extension_configs=dict(config.get("mdx_configs") or {}),
        home_intro=docs_dir / "index.md",
    )
