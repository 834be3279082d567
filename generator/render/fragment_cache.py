"""``pk_cached``: parts of the page template rendered once and shared by many pages.

At thousands of pages, Material's header, menu and footer are most of the render time, and
they are the same on every page of a folder (their links are relative to the page:
``projets/a/`` and ``projets/b/`` say the same). Templates wrap them in
``{% call pk_cached(key…) %}…{% endcall %}``: the build takes 13 % less at 5,000 sheets
(bench/tricks.md).
"""

from __future__ import annotations

from collections.abc import Callable

from markupsafe import Markup

SLOT = "\x00pk-slot\x00"
"""Stands for a per-page value in a cached fragment (see :meth:`FragmentCache.__call__`)."""


class FragmentCache:
    """The fragments of one build (a new cache for each build: templates may change)."""

    def __init__(self) -> None:
        self._fragments: dict[tuple[str | None, ...], Markup] = {}

    def __call__(
        self, *key: str | None, caller: Callable[[], str], slot: str | None = None
    ) -> Markup:
        """The body of the ``call`` block, rendered once per key.

        A key holding ``None`` (a page in the navigation, whose menu and header are its own)
        is not shared: the body is rendered for that page alone. With ``slot=value``, the
        body is rendered with ``pk_slot`` where the value goes (one that differs from page
        to page, such as the title) and ``value`` is put there.
        """
        shared = None not in key
        html = self._fragments.get(key) if shared else None
        if html is None:
            html = Markup(caller())
            if slot is not None and html.count(SLOT) != 1:
                raise ValueError(f"pk_cached{key!r}: pk_slot must appear exactly once")
            if shared:
                self._fragments[key] = html
        # str.replace: Markup.replace would escape ``slot``, which the template escaped
        return html if slot is None else Markup(str.replace(html, SLOT, slot))
