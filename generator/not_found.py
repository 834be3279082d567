"""The 404 page's links, relative to the site's root, with a ``<base>`` that names it.

A host answers a missing address (``/savoirs/a/b/c``) with ``404.html`` as it is, at that
address: MkDocs writes its links from the root of ``site_url`` (``/savoirs/assets/…``),
which breaks the page wherever the site is published at another path. Relative links and
a ``<base href>`` set to the root of ``site_url`` when there is one (else none: a site
without ``site_url`` is at the root of its host) keep the page working at any depth.
"""

from __future__ import annotations

import html
import re
from pathlib import Path
from urllib.parse import urlsplit

_ROOTED = re.compile(r'\b(href|src|action)="(/[^"]*)"')


def relative_not_found(site_dir: Path, site_url: str) -> None:
    page = site_dir / "404.html"
    if not page.is_file():
        return
    root = urlsplit(site_url).path if site_url else "/"
    root = root if root.endswith("/") else root + "/"
    markup = page.read_text(encoding="utf-8")

    def relative(match: re.Match[str]) -> str:
        value = html.unescape(match.group(2))
        if not value.startswith(root) or value.startswith("//"):
            return match.group()
        rest = value[len(root) :] or "./"
        return f'{match.group(1)}="{html.escape(rest, quote=True)}"'

    markup = _ROOTED.sub(relative, markup)
    if site_url and "<base " not in markup:
        base = f'<base href="{html.escape(root, quote=True)}">'
        markup = markup.replace("<head>", "<head>\n  " + base, 1)
    page.write_text(markup, encoding="utf-8")
