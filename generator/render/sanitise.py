"""Sanitising HTML rendered from content with nh3 (Rust ammonia), a well-kept sanitiser.

Python-Markdown passes raw HTML, ``javascript:`` links and ``attr_list`` ``on*=``
attributes through; everything rendered from content goes through :func:`sanitise`:
no script or style, no event handlers, only http, https and mailto URLs (or relative ones),
``del`` for struck text and disabled checkboxes for task lists.
"""

from __future__ import annotations

import re

import nh3

_TAGS = (set(nh3.ALLOWED_TAGS) - {"center", "map", "area", "acronym", "tt", "strike"}) | {
    "section",
    "tfoot",
}
_GENERIC = {"id", "class", "title", "lang", "dir", "role", "aria-label", "aria-hidden"}
_ATTRIBUTES: dict[str, set[str]] = {tag: set(_GENERIC) for tag in _TAGS}
for _tag, _attrs in nh3.ALLOWED_ATTRIBUTES.items():
    _ATTRIBUTES.setdefault(_tag, set(_GENERIC)).update(_attrs)
_ATTRIBUTES["a"].update({"href", "hreflang", "rel"})
_ATTRIBUTES["img"].update({"src", "alt", "width", "height", "loading"})
_ATTRIBUTES["time"].add("datetime")
_ATTRIBUTES["th"].add("scope")
_ATTRIBUTES["ol"].update({"start", "reversed"})
_ATTRIBUTES["li"].add("value")

URL_SCHEMES = {"http", "https", "mailto"}

# Task lists (``- [x] fait``, pymdownx.tasklist) are checkboxes: an ``input`` is allowed,
# and written again as a disabled checkbox whatever the source says, ticked or not (nh3's
# own way of adding attributes orders them differently from one run to the next).
_TAGS.add("input")
_ATTRIBUTES["input"] = set(_GENERIC)
_VALUES = {"input": {"checked": {"", "checked"}}}
_INPUT = re.compile(r"<input\b[^>]*>")
_TICKED = re.compile(r"\schecked\b")


def _checkbox(match: re.Match[str]) -> str:
    ticked = " checked" if _TICKED.search(match.group()) else ""
    return f'<input type="checkbox"{ticked} disabled>'


_IMG_WITHOUT_ALT = re.compile(r"<img(?![^>]*\balt=)")


def sanitise(html: str) -> str:
    """Keep safe markup only; links keep their ``rel`` when set, else get none added.

    An image without alternative text is marked decorative (``alt=""``); ``check`` warns.
    """
    clean = nh3.clean(
        html,
        tags=_TAGS,
        attributes=_ATTRIBUTES,
        url_schemes=URL_SCHEMES,
        link_rel=None,
        strip_comments=True,
        tag_attribute_values=_VALUES,
    )
    if "<input" in clean:
        clean = _INPUT.sub(_checkbox, clean)
    return _IMG_WITHOUT_ALT.sub('<img alt=""', clean)
