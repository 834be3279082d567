"""Ids of a body never collide with the page's generated sections or the theme."""

from __future__ import annotations

import re

from hypothesis import given
from hypothesis import strategies as st

from generator.render.heading_ids import GENERATED_IDS, THEME_PREFIXES, separate_ids

from .conftest import ROOT

BODY_TEMPLATES = ("project.html", "writeup.html", "home.html", "macros.html")
"""The fragments that put generated sections around a rendered body."""


def test_every_literal_id_of_the_pages_around_a_body_is_reserved() -> None:
    for name in BODY_TEMPLATES:
        text = (ROOT / "theme" / "fragments" / name).read_text(encoding="utf-8")
        for value in re.findall(r'\sid="([^"{]*)"', text):
            assert value in GENERATED_IDS or value.startswith(THEME_PREFIXES), (name, value)


def test_reserved_repeated_and_theme_ids_get_a_suffix_and_the_contents_follow() -> None:
    html = (
        '<h2 id="bonnes-pratiques">Bonnes pratiques</h2><h2 id="bonnes-pratiques_1">B</h2>'
        '<h3 id="x">X</h3><h3 id="x">X again</h3><p id="__drawer">t</p><p id="ok">o</p>'
    )
    tokens = [
        {"id": "bonnes-pratiques", "children": []},
        {
            "id": "bonnes-pratiques_1",
            "children": [{"id": "x", "children": []}, {"id": "x", "children": []}],
        },
    ]
    out = separate_ids(html, tokens)
    assert re.findall(r'id="([^"]*)"', out) == [
        "bonnes-pratiques_2",
        "bonnes-pratiques_1",
        "x",
        "x_1",
        "id-__drawer_1",
        "ok",
    ]
    assert tokens == [
        {"id": "bonnes-pratiques_2", "children": []},
        {
            "id": "bonnes-pratiques_1",
            "children": [{"id": "x", "children": []}, {"id": "x_1", "children": []}],
        },
    ]


_ID = st.one_of(
    st.sampled_from(sorted(GENERATED_IDS)),
    st.sampled_from(["__toc", "pk-a", "a"]),
    st.from_regex(r"[a-z_][a-z0-9_-]{0,6}", fullmatch=True),
)


@given(st.lists(st.tuples(st.sampled_from(["h2", "h3", "p", "div"]), _ID), max_size=12))
def test_any_ids_come_out_unique_and_free(elements: list[tuple[str, str]]) -> None:
    html = "".join(f'<{tag} id="{value}">t</{tag}>' for tag, value in elements)
    out = re.findall(r'id="([^"]*)"', separate_ids(html, []))
    assert len(out) == len(elements)
    assert len(set(out)) == len(out)
    assert not [v for v in out if v in GENERATED_IDS or v.startswith(THEME_PREFIXES)]


def test_an_id_one_underscore_short_of_a_theme_prefix_ends() -> None:
    """``<p id="_">`` twice once made the build loop for ever ("__1", "__2"… are all theme
    ids); found by the property test below."""
    out = re.findall(r'id="([^"]*)"', separate_ids('<p id="_">a</p><p id="_">b</p>', []))
    assert len(set(out)) == 2
    assert not [v for v in out if v.startswith(THEME_PREFIXES)]
