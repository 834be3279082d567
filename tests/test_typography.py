"""French spacing in HTML (generator/typography.py): the same result as a walk over every
text node, which it replaces for speed; and what a reader sees on the built pages."""

from __future__ import annotations

import re
from collections.abc import Callable

from hypothesis import given, settings
from hypothesis import strategies as st

from generator.french import spacing
from generator.typography import KEEP_SPACING, french_spacing

_TAG = re.compile(r"(<[^>]*>)")
_RAW_TEXT = ("script", "style", "pre", "code", "kbd", "samp", "title")


def walk_every_text_node(markup: str, on_text: Callable[[str], str] = spacing) -> str:
    """The former implementation: split on tags, track raw elements, fix each text."""
    out: list[str] = []
    raw_depth: list[str] = []
    for index, part in enumerate(_TAG.split(markup)):
        if index % 2 == 0:
            out.append(on_text(part) if not raw_depth and part else part)
            continue
        name_match = re.match(r"<\s*(/?)\s*([a-zA-Z0-9]+)", part)
        if name_match:
            closing, name = name_match.group(1) == "/", name_match.group(2).lower()
            if (
                name in _RAW_TEXT
                or (not closing and KEEP_SPACING in part)
                or (closing and name in raw_depth)
            ):
                if closing and name in raw_depth:
                    raw_depth.remove(name)
                elif not closing and not part.rstrip().endswith("/>"):
                    raw_depth.append(name)
        out.append(part)
    return "".join(out)


PIECES = [
    "Bilan",
    " ",
    "  ",
    "\n",
    "\u00a0",
    ":",
    " :",
    " ;",
    " ?",
    "!",
    "«",
    "»",
    "« texte »",
    "12:30",
    "https://exemple.org",
    "<p>",
    "</p>",
    "<em>",
    "</em>",
    "<code>",
    "</code>",
    "<pre>",
    "</pre>",
    '<a href="#a : b" title="x ; y">',
    "</a>",
    f"<h1 {KEEP_SPACING}>",
    "</h1>",
    "<br/>",
    f"<br {KEEP_SPACING}/>",
    "<script>",
    "</script>",
    "&amp;",
]


@settings(max_examples=400, deadline=None)
@given(st.lists(st.sampled_from(PIECES), max_size=40))
def test_same_result_as_walking_every_text_node(pieces: list[str]) -> None:
    markup = "".join(pieces)
    assert french_spacing(markup) == walk_every_text_node(markup)


def test_what_a_reader_sees() -> None:
    markup = (
        '<p title="a : b">Bilan : 2022 ; et ensuite ? « oui »</p>'
        "<pre><code>x : y</code></pre><p><code>a ; b</code> fin !</p>"
    )
    assert french_spacing(markup) == (
        '<p title="a : b">Bilan\u202f: 2022\u202f; et ensuite\u202f? «\u202foui\u202f»</p>'
        "<pre><code>x : y</code></pre><p><code>a ; b</code> fin\u202f!</p>"
    )
    assert french_spacing(french_spacing(markup)) == french_spacing(markup)


def test_a_reference_says_it_is_online_once() -> None:
    """Issue 18, item 9: « [en ligne]. Ressource en ligne » said it twice."""
    from generator.french import citation
    from generator.validate.schema import Reference

    online = Reference(
        author="CFSI",
        title="Le programme",
        year=2020,
        url="https://cfsi.asso.fr/",
        note="Ressource en ligne",
    )
    assert str(citation(online)) == (
        'CFSI, « Le programme », 2020, <a href="https://cfsi.asso.fr/">[en ligne]</a>.'
    )
    offline = Reference(author="CFSI", title="Le programme", note="Ressource en ligne")
    assert str(citation(offline)) == "CFSI, « Le programme ». Ressource en ligne"
    kept = Reference(author="CFSI", title="T", url="https://cfsi.asso.fr/", note="Synthèse")
    assert str(citation(kept)).endswith("</a>. Synthèse")
