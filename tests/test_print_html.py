"""Rewriting a body's HTML for print: links to anchors the PDF does not have."""

from __future__ import annotations

from generator.reports.htmltext import fragments_to_page

PAGE = "https://example.org/savoirs/projets/puits/"


def test_links_to_the_page_sections_go_to_the_site_and_own_anchors_stay() -> None:
    html = (
        '<h2 id="contexte">C</h2><p data-id="reperes">x</p><a href="#contexte">c</a>'
        '<a href="#reperes">r</a><a href="#">top</a><a href="https://a.b/#c">y</a>'
    )
    out = fragments_to_page(html, PAGE)
    assert '<a href="#contexte">c</a>' in out
    assert f'<a href="{PAGE}#reperes">r</a>' in out
    assert f'<a href="{PAGE}">top</a>' in out
    assert '<a href="https://a.b/#c">y</a>' in out
