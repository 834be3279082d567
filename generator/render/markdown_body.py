"""Rendering a document's Markdown body to safe HTML, with its headings and local files.

The body is rendered with Python-Markdown (the site's extensions and those that make it
render as GitHub's preview does, :mod:`.gfm`), then sanitised, then
every relative ``src``/``href`` is resolved against the Markdown file: a link to another
document's ``.md`` becomes a link to its page, a file inside the repository is published
under ``medias/``, anything else is reported.
"""

from __future__ import annotations

import html
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import unquote, urlsplit

import markdown

from ..messages import Said, say
from ..read.publishable import file_problem, is_remote, not_a_file, refusal
from ..urls import media_url, relative
from .gfm import with_gfm
from .heading_ids import separate_ids
from .sanitise import sanitise

_URL_ATTR = re.compile(r'\b(src|href)="([^"]*)"')
_TAG = re.compile(r"<[^<>]*>")


@dataclass
class RenderedBody:
    html: str
    toc_tokens: list[dict[str, Any]]
    assets: dict[str, Path] = field(default_factory=dict)
    problems: list[Said] = field(default_factory=list)


class BodyRenderer:
    """Renders Markdown bodies with one reusable Python-Markdown instance."""

    def __init__(
        self,
        root: Path,
        extensions: list[Any] | None = None,
        extension_configs: dict[str, Any] | None = None,
        page_for_source: Callable[[Path], str | None] | None = None,
        publish_from: list[Path] | None = None,
    ) -> None:
        self.root = root.resolve()
        self.publish_from = (
            [p.resolve() for p in publish_from]
            if publish_from
            else [self.root / "content", self.root / "projects"]
        )
        names, configs = with_gfm(list(extensions or []), dict(extension_configs or {}))
        if "toc" not in names and "markdown.extensions.toc" not in names:
            names.insert(0, "toc")
        self.md = markdown.Markdown(extensions=names, extension_configs=configs)
        self.page_for_source = page_for_source or (lambda _path: None)

    def render(self, text: str, source: Path, page_url: str) -> RenderedBody:
        """Render ``text`` (the body of ``source``) for the page at ``page_url``."""
        self.md.reset()
        raw = self.md.convert(text)
        tokens: list[dict[str, Any]] = list(getattr(self.md, "toc_tokens", []))
        clean = separate_ids(sanitise(raw), tokens)
        result = RenderedBody(html="", toc_tokens=tokens)

        def rewrite(match: re.Match[str]) -> str:
            attr, value = match.group(1), html.unescape(match.group(2))
            new = self._resolve(value, source, page_url, result, embedded=attr == "src")
            return f'{attr}="{html.escape(new, quote=True)}"'

        # Only inside tags: sanitised text may read `src="…"` (an iframe the sanitiser
        # turned into text, `&lt;iframe src="//e.org"&gt;`), and it loads nothing.
        result.html = _TAG.sub(lambda tag: _URL_ATTR.sub(rewrite, tag.group()), clean)
        return result

    def _resolve(
        self, value: str, source: Path, page_url: str, result: RenderedBody, embedded: bool = False
    ) -> str:
        parts = urlsplit(value)
        if embedded and is_remote(value):
            host = parts.netloc or value
            result.problems.append(
                say("image-distante", hint="indice-copier-image", url=value, host=host)
            )
            return "#"
        if embedded and not_a_file(value):
            result.problems.append(
                say("image-pas-un-fichier", hint="indice-exemple-image", url=value)
            )
            return "#"
        if parts.scheme or parts.netloc or value.startswith(("#", "/")) or not parts.path:
            return value
        target = (source.parent / unquote(parts.path)).resolve()
        fragment = f"#{parts.fragment}" if parts.fragment else ""
        if not target.is_relative_to(self.root):
            result.problems.append(
                say("lien-hors-depot", hint="indice-copier-dans-depot", url=value)
            )
            return "#"
        if target.suffix == ".md":
            if embedded:
                result.problems.append(say("page-en-image", hint="indice-lier-page", url=value))
                return "#"
            page = self.page_for_source(target)
            if page is None:
                result.problems.append(
                    say("page-introuvable", hint="indice-verifier-chemin", url=value)
                )
                return "#"
            return relative(page + fragment, page_url)
        if not target.is_file():
            result.problems.append(
                say("lien-fichier-introuvable", hint="indice-verifier-chemin", url=value)
            )
            return "#"
        refused = file_problem(target, self.publish_from)
        if refused:
            result.problems.append(refusal(value, refused))
            return "#"
        url = media_url(target.relative_to(self.root).as_posix())
        result.assets[url] = target
        return relative(url, page_url) + fragment
