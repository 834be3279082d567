"""« Citer cette page »: how to cite a sheet or a write-up, in French and in the formats
reference managers import (BibTeX, RIS, CSL-JSON).

The page shows the French citation (:func:`citation_text`, in the bibliography's style of
:func:`generator.french.citation`) and links the three files that :func:`citation_files`
writes next to it. The files are written by hand rather than by a library: each is a few
lines of a fixed, documented shape, and the tests read them back with the real parsers
(bibtexparser, rispy, citeproc-py). No access date is written: the same content gives the
same files.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from dataclasses import dataclass

from markupsafe import Markup, escape

from .catalogue import Catalogue, Project, Writeup
from .french import enumerate_fr, french_date
from .urls import absolute_url

FORMATS = (
    ("bib", "BibTeX", "application/x-bibtex"),
    ("ris", "RIS", "application/x-research-info-systems"),
    ("json", "CSL-JSON", "application/vnd.citationstyles.csl+json"),
)
"""(file suffix, name shown, media type) of each citation file."""


@dataclass(frozen=True)
class Creator:
    """An author: a person (family and given names) or an organisation (a literal name)."""

    name: str
    person: bool

    @property
    def family_given(self) -> tuple[str, str]:
        """« Luc Hansen » -> (« Hansen », « Luc »): the last word is taken as the family
        name, the rule reference managers apply to a name given in one piece."""
        given, _, family = self.name.rpartition(" ")
        return family, given


@dataclass(frozen=True)
class Work:
    """What a citation says of a document, whatever the format."""

    key: str
    kind: str
    title: str
    creators: list[Creator]
    date: dt.date | None
    site: str
    url: str
    summary: str
    keywords: list[str]
    genre: str


def citation_path(doc: Project | Writeup, suffix: str) -> str:
    """Site path of a citation file, next to the page: ``projets/<slug>/<slug>.bib``."""
    name = f"{doc.slug}.csl.json" if suffix == "json" else f"{doc.slug}.{suffix}"
    return doc.url + name


def work(doc: Project | Writeup, catalogue: Catalogue) -> Work:
    settings = catalogue.settings
    url = absolute_url(settings.site_url, doc.url) if settings.site_url else ""
    if isinstance(doc, Project):
        creators = [Creator(catalogue.organisations[doc.meta.lead].name, False)]
        date = catalogue.updated(doc) or catalogue.published(doc)
        genre = "Fiche projet"
    else:
        creators = [Creator(p.name, True) for p in doc.meta.authors]
        date = doc.meta.date
        genre = "Compte-rendu"
    return Work(
        key=re.sub(r"[^A-Za-z0-9-]", "-", doc.slug),
        kind=doc.kind,
        title=doc.title,
        creators=creators,
        date=date,
        site=settings.title,
        url=url,
        summary=doc.meta.summary,
        keywords=[catalogue.themes[t].label for t in doc.meta.themes],
        genre=genre,
    )


def citation_text(doc: Project | Writeup, catalogue: Catalogue) -> Markup:
    """« Luc Hansen, « Titre », Compte-rendu, Site, 18 mars 2022, [en ligne] : <url>. »"""
    cited = work(doc, catalogue)
    parts = [
        escape(enumerate_fr([c.name for c in cited.creators])),
        Markup("« {} »").format(cited.title),
        Markup('<span class="pk-nowrap">{}</span>').format(cited.genre),
        Markup("<cite>{}</cite>").format(cited.site),
        escape(french_date(cited.date) if cited.date else "s. d."),
    ]
    text = Markup(", ").join(parts)
    if cited.url:
        text += Markup(', [en ligne] : <a href="{0}">{0}</a>').format(cited.url)
    return text + Markup(".")


def citation_files(catalogue: Catalogue) -> dict[str, bytes]:
    """Site path -> bytes of every document's BibTeX, RIS and CSL-JSON file, sorted."""
    files: dict[str, bytes] = {}
    documents: list[Project | Writeup] = [*catalogue.projects.values()]
    documents += catalogue.writeups.values()
    for doc in documents:
        cited = work(doc, catalogue)
        files[citation_path(doc, "bib")] = bibtex(cited).encode()
        files[citation_path(doc, "ris")] = ris(cited).encode()
        files[citation_path(doc, "json")] = csl_json(cited).encode()
    return dict(sorted(files.items()))


# --- BibTeX ---------------------------------------------------------------------------

_BIBTEX_SPECIAL = re.compile(r"[\\{}&%$#_~^]")
_BIBTEX_ESCAPES = {
    "\\": r"\textbackslash{}",
    "{": r"\{",
    "}": r"\}",
    "~": r"\textasciitilde{}",
    "^": r"\textasciicircum{}",
}


def _bibtex_value(text: str) -> str:
    """``text`` safe inside a braced BibTeX field (LaTeX's special characters escaped)."""
    text = " ".join(text.split())
    return _BIBTEX_SPECIAL.sub(lambda m: _BIBTEX_ESCAPES.get(m[0], "\\" + m[0]), text)


def _bibtex_name(creator: Creator) -> str:
    if not creator.person:
        return "{" + _bibtex_value(creator.name) + "}"  # braces: one name, not split
    family, given = creator.family_given
    return _bibtex_value(f"{family}, {given}" if given else family)


def bibtex(cited: Work) -> str:
    """A ``@misc`` entry (BibTeX's entry for a web page), UTF-8, fields in a fixed order."""
    fields: list[tuple[str, str]] = [
        ("author", " and ".join(_bibtex_name(c) for c in cited.creators)),
        ("title", "{" + _bibtex_value(cited.title) + "}"),
        ("howpublished", _bibtex_value(cited.site)),
        ("type", _bibtex_value(cited.genre)),
    ]
    if cited.date:
        fields += [("year", str(cited.date.year)), ("date", cited.date.isoformat())]
    if cited.url:
        fields.append(("url", cited.url))
    fields += [
        ("abstract", _bibtex_value(cited.summary)),
        ("keywords", _bibtex_value(", ".join(cited.keywords))),
        ("language", "french"),
    ]
    body = ",\n".join(f"  {name} = {{{value}}}" for name, value in fields)
    return f"@misc{{{cited.key},\n{body}\n}}\n"


# --- RIS ------------------------------------------------------------------------------


def _ris_value(text: str) -> str:
    return " ".join(text.split())


def ris(cited: Work) -> str:
    """One RIS record: ``RPRT`` for a write-up, ``ELEC`` (web page) for a sheet."""
    lines = [("TY", "RPRT" if cited.kind == "writeup" else "ELEC")]
    lines.append(("TI", cited.title))
    for creator in cited.creators:
        if creator.person:
            family, given = creator.family_given
            lines.append(("AU", f"{family}, {given}" if given else family))
        else:
            lines.append(("AU", creator.name))
    if cited.date:
        lines += [("PY", str(cited.date.year)), ("DA", cited.date.strftime("%Y/%m/%d"))]
    lines += [("PB", cited.site), ("M3", cited.genre)]
    if cited.url:
        lines.append(("UR", cited.url))
    lines += [("KW", keyword) for keyword in cited.keywords]
    lines += [("AB", cited.summary), ("LA", "fr")]
    text = "".join(f"{tag}  - {_ris_value(value)}\n" for tag, value in lines)
    return text + "ER  - \n"


# --- CSL-JSON -------------------------------------------------------------------------


def csl_item(cited: Work) -> dict[str, object]:
    item: dict[str, object] = {
        "id": cited.key,
        "type": "report" if cited.kind == "writeup" else "webpage",
        "title": cited.title,
        "author": [
            {"family": c.family_given[0], "given": c.family_given[1]}
            if c.person and c.family_given[1]
            else {"literal": c.name}
            for c in cited.creators
        ],
        "container-title": cited.site,
        "publisher": cited.site,
        "genre": cited.genre,
        "abstract": cited.summary,
        "keyword": ", ".join(cited.keywords),
        "language": "fr",
    }
    if cited.date:
        item["issued"] = {"date-parts": [[cited.date.year, cited.date.month, cited.date.day]]}
    if cited.url:
        item["URL"] = cited.url
    return item


def csl_json(cited: Work) -> str:
    """A CSL-JSON file: a list of one item, keys sorted, UTF-8."""
    return json.dumps([csl_item(cited)], ensure_ascii=False, sort_keys=True, indent=2) + "\n"
