"""A link reference defined twice: ``check`` looks at every definition, so it refuses what
the build might use (the last definition, or the first when an HTML block left open
swallows the text after it)."""

from __future__ import annotations

from pathlib import Path

from generator.read.body_links import body_links

from .helpers import example_site, run_cli

BODY = """Voir [le site][ref] et ![le schéma][img].

[ref]: page-absente.md
[img]: images/absente.png

<details>
<summary>Plus</summary>

[ref]: https://example.org/
[img]: https://example.org/schema.png
"""


def test_every_definition_of_a_name_is_a_link_to_check() -> None:
    links = [(link.line, link.url, link.embedded) for link in body_links(BODY, 10)]
    assert (12, "page-absente.md", False) in links
    assert (18, "https://example.org/", False) in links
    assert (13, "images/absente.png", True) in links  # an image: embedded
    assert (19, "https://example.org/schema.png", True) in links


def test_check_refuses_the_first_definition_that_an_open_html_block_leaves_in_force(
    tmp_path: Path,
) -> None:
    root = tmp_path / "repo"
    example_site(root)
    sheet = root / "projects" / "exemple-puits-partages-segou.md"
    sheet.write_text(sheet.read_text("utf-8") + "\n" + BODY, "utf-8")
    done = run_cli("check", "--root", str(root))
    assert done.returncode == 1, done.stdout + done.stderr
    said = done.stdout + done.stderr
    # the first definition, which the build uses here (the second is inside <details>)
    assert "(body): column 8: link to 'page-absente.md': no such page" in said, said
