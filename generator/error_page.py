"""The page the preview (``serve``) shows instead of the site while the site cannot be built.

MkDocs' preview keeps the previous site when a rebuild fails, and a browser that asks for a
page meanwhile waits for a build that never comes. Instead, the plugin writes this page at
every address the site had (and as ``index.html`` and ``404.html``), so the live-reload
script takes the browser to it at once; the next build that succeeds writes the real pages
back. It lists each problem as ``check`` prints it (``file:line: field: message [code]``),
errors then warnings, in the catalogue's language.

Every value in it (paths, fields, messages that quote content, MkDocs' messages) is
untrusted and HTML-escaped. The page is self-contained (no stylesheet or script of the
site, which may be the broken part) and the same problems give the same bytes.
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Sequence
from pathlib import Path, PurePosixPath

from markupsafe import Markup

from .diagnostics import Diagnostic
from .messages import language, text

LISTED = 200
"""At most this many problems of each kind on the page (the terminal has them all)."""

_STYLE = """
:root { color-scheme: light dark; }
body { margin: 0; background: #fff; color: #1b1b1b;
  font: 1rem/1.5 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; }
main { max-width: 50rem; margin: 0 auto; padding: 1rem; }
h1 { font-size: 1.5rem; line-height: 1.25; margin: .5rem 0 1rem; color: #a50e0e; }
h2 { font-size: 1.2rem; margin: 1.5rem 0 .5rem; }
ol, ul { padding-left: 1.5rem; }
li { margin: 0 0 .75rem; padding: .5rem .75rem; border-left: 4px solid #c62828;
  background: #fdecea; overflow-wrap: anywhere; }
li.pk-avertissement { border-color: #b26a00; background: #fff4e0; }
code, pre { font-family: ui-monospace, SFMono-Regular, Menlo, Consolas, monospace;
  font-size: .95em; }
pre { white-space: pre-wrap; overflow-wrap: anywhere; margin: 0; }
.pk-lieu { font-weight: 600; }
.pk-code { color: #4a4a4a; white-space: nowrap; }
@media (prefers-color-scheme: dark) {
  body { background: #121212; color: #ececec; }
  h1 { color: #ff8a80; }
  li { background: #3b1d1d; border-color: #ef9a9a; }
  li.pk-avertissement { background: #3a2c10; border-color: #ffcc80; }
  .pk-code { color: #c8c8c8; }
}
"""


def _problem(item: Diagnostic) -> Markup:
    """One problem, reading as ``check`` prints it: ``file:line: field: message [code]``."""
    where = f"{item.path}:{item.line}" if item.line else item.path
    parts = [Markup('<code class="pk-lieu">{}</code>: ').format(where)]
    if item.field:
        parts.append(Markup('<span class="pk-champ">{}</span>: ').format(item.field))
    parts.append(Markup('<span class="pk-message">{}</span>').format(item.full_message()))
    if item.code:
        parts.append(Markup(' <span class="pk-code">[{}]</span>').format(item.code))
    kind = "pk-erreur" if item.is_error else "pk-avertissement"
    return Markup('<li class="{}">{}</li>').format(kind, Markup("").join(parts))


def _listed(items: Sequence[Markup], tag: str, css: str) -> Markup:
    shown = Markup("\n").join(items[:LISTED])
    more = Markup("")
    if len(items) > LISTED:
        more = Markup("\n<p>{}</p>").format(text("serve-page-tronque", count=len(items) - LISTED))
    return Markup('<{tag} class="{css}">\n{shown}\n</{tag}>{more}').format(
        tag=Markup(tag), css=css, shown=shown, more=more
    )


def _section(name: str, heading: str, body: Markup) -> Markup:
    return Markup(
        '<section aria-labelledby="pk-{name}">\n<h2 id="pk-{name}">{heading}</h2>\n{body}\n'
        "</section>"
    ).format(name=name, heading=heading, body=body)


def error_page(
    problems: Iterable[Diagnostic], notes: Sequence[str] = (), site_name: str = ""
) -> str:
    """The page's HTML: ``problems`` (content errors and warnings, any order), or, when the
    build failed for another reason, ``notes`` (what MkDocs said, one text each)."""
    ordered = sorted(set(problems))
    errors = [_problem(item) for item in ordered if item.is_error]
    warnings = [_problem(item) for item in ordered if not item.is_error]
    title = text("serve-page-titre")
    sections: list[Markup] = []
    if errors:
        sections.append(
            _section(
                "erreurs",
                text("serve-page-erreurs", count=len(errors)),
                _listed(errors, "ol", "pk-problemes"),
            )
        )
    if notes:
        said = [Markup("<li><pre>{}</pre></li>").format(note) for note in notes]
        sections.append(
            _section("messages", text("serve-page-messages"), _listed(said, "ul", "pk-messages"))
        )
    if warnings:
        body = Markup("<p>{}</p>\n{}").format(
            text("serve-page-avertissements-note"), _listed(warnings, "ol", "pk-problemes")
        )
        sections.append(
            _section("avertissements", text("serve-page-avertissements", count=len(warnings)), body)
        )
    lead = text("serve-page-contenu") if errors or not notes else text("serve-page-echec")
    page = Markup(
        "<!DOCTYPE html>\n"
        '<html lang="{lang}">\n<head>\n<meta charset="utf-8">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        '<meta name="robots" content="noindex">\n'
        "<title>{full_title}</title>\n<style>{style}</style>\n</head>\n<body>\n"
        '<main id="pk-page-erreur">\n<h1>{title}</h1>\n<p>{lead}</p>\n<p>{advice}</p>\n'
        "{sections}\n</main>\n</body>\n</html>\n"
    ).format(
        lang=language(),
        full_title=f"{title} — {site_name}" if site_name else title,
        style=Markup(_STYLE),
        title=title,
        lead=lead,
        advice=text("serve-page-conseil"),
        sections=Markup("\n").join(sections),
    )
    return str(page)


def write_error_site(site_dir: Path, html: str, pages: Iterable[str]) -> list[Path]:
    """Write ``html`` at each of ``pages`` (paths of HTML files relative to ``site_dir``, as
    :func:`html_pages` gives them), at ``index.html`` and at ``404.html``; returns the files.

    Each file is dated 1970 so that a ``--dirty`` rebuild, which only writes the pages
    whose source is newer than their output, writes every page again.
    """
    written = []
    data = html.encode("utf-8")
    for name in sorted({"index.html", "404.html", *pages}):
        relative = PurePosixPath(name)
        if relative.is_absolute() or ".." in relative.parts or not name.endswith(".html"):
            continue  # only ever the site's own pages
        target = site_dir.joinpath(*relative.parts)
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(data)
        os.utime(target, (0, 0))
        written.append(target)
    return written


def html_pages(site_dir: Path) -> tuple[str, ...]:
    """The HTML files of a built site, relative to it (``projets/x/index.html``), sorted."""
    return tuple(sorted(path.relative_to(site_dir).as_posix() for path in site_dir.rglob("*.html")))
