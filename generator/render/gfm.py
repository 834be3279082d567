"""The Markdown of bodies: what GitHub's (and GitLab's) preview shows, in pages and PDFs.

Editors write in the web editor of GitHub or GitLab and trust its preview, which renders
GitHub Flavored Markdown (CommonMark and a few extensions). Every body, every editorial
page and every PDF is rendered by Python-Markdown with the extensions below, added to
those of ``mkdocs.yml`` wherever Markdown is rendered (:func:`with_gfm`: the core's
:class:`~generator.render.markdown_body.BodyRenderer` and the MkDocs adapter's
``on_config``), so that they are one configuration and a ``mkdocs.yml`` cannot drop them:

- ``generator.render.gfm_extension`` (ours, with :mod:`.gfm_lists` and :mod:`.gfm_blocks`):
  lists by CommonMark's rules (a list after a sentence, two-space nesting, an item's second
  paragraph, ``3.`` and ``1)``); titles that need ``# `` (``#hashtag`` is text: the rule of
  ``pymdownx.saneheaders``, not loaded since ours also takes titles indented by up to three
  spaces) and underlined titles of several lines; quotes that end where CommonMark ends
  them; tables right after a sentence; GitHub's alerts (``> [!NOTE]``) as admonitions;
  ``:emoji:`` names (``pymdownx.emoji``, GitHub's list); a backslash line break; every ASCII
  punctuation escapable; ``~one tilde~`` struck;
- ``pymdownx.magiclink``: bare ``https://…``, ``www.…`` and e-mail addresses are links
  (shown whole: no shortening, no repository shorthand);
- ``pymdownx.tilde``: ``~~barré~~`` (``delete`` only: ``~x~`` is GitHub's strike, not a
  subscript);
- ``pymdownx.tasklist``: ``- [ ]`` and ``- [x]`` are disabled checkboxes;
- ``pymdownx.superfences``: fenced code anywhere, inside list items and quotes too,
  ``~~~`` fences included (no syntax colouring: Pygments is off, as before);
- ``tables`` (already there): tables with or without the outer pipes.

pymdown-extensions is the one already installed with Material and well kept; its
``fancylists`` was left out (its own documentation calls it a work in progress, and it
keeps Python-Markdown's four-space rule).
"""

from __future__ import annotations

from typing import Any

EXTENSIONS: tuple[str, ...] = (
    "tables",
    "pymdownx.highlight",
    "pymdownx.superfences",
    "pymdownx.magiclink",
    "pymdownx.tilde",
    "pymdownx.tasklist",
    "generator.render.gfm_extension",
)
"""In order: ours comes last, so that its list processors replace those of any extension
listed before it."""

EXTENSION_CONFIGS: dict[str, dict[str, Any]] = {
    "pymdownx.magiclink": {
        "hide_protocol": False,
        "repo_url_shortener": False,
        "social_url_shortener": False,
        "repo_url_shorthand": False,
        "social_url_shorthand": False,
    },
    "pymdownx.tilde": {"delete": True, "subscript": False},
    "pymdownx.tasklist": {"custom_checkbox": False, "clickable_checkbox": False},
    "pymdownx.highlight": {"use_pygments": False},
}
"""Options that are part of the rendering: they replace the same options of ``mkdocs.yml``."""

REPLACED = frozenset({"fenced_code", "sane_lists"})
"""Extensions that :data:`EXTENSIONS` do better and that would fight them."""


def _name(extension: Any) -> str:
    name = extension if isinstance(extension, str) else type(extension).__module__
    return name.removeprefix("markdown.extensions.")


def with_gfm(extensions: list[Any], configs: dict[str, Any]) -> tuple[list[Any], dict[str, Any]]:
    """``extensions`` and their ``configs`` (as ``mkdocs.yml`` gives them) with GitHub's."""
    merged = [e for e in extensions if _name(e) not in REPLACED and _name(e) not in EXTENSIONS]
    merged += EXTENSIONS
    options: dict[str, Any] = {key: dict(value) for key, value in configs.items()}
    for name, settings in EXTENSION_CONFIGS.items():
        options[name] = {**options.get(name, {}), **settings}
    return merged, options
