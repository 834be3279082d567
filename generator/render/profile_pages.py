"""Organisation and programme pages: one profile layout for who is who in the network,
and for each programme.

A profile is a listing (:meth:`ListingPages.listing`) whose first page opens with a header
(``theme/fragments/profile.html``): the facts (name in full, acronym, country, website…),
counts of what the page lists, an organisation's role in each programme, a programme's
reports and figures. The cards follow in sections, each document once: an organisation's
write-ups are in one section by role (presented, written or reviewed, or both), never twice.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

from .. import urls
from ..catalogue import OrganisationIndex
from ..countries import french_name
from ..french import plural, sort_key
from ..urls import relative
from .listings import ListingPages
from .page_specs import Entry, PdfLink, Section

Bar = tuple[str, str, int, int]
"""One row of a figure: label, its link, count, and the count's share of the largest in %."""


@dataclass
class Profile:
    """What the header of a profile shows; every text is escaped by the template."""

    facts: list[tuple[str, str, str]]
    counts: list[str]
    roles: list[tuple[str, str, str]] = field(default_factory=list)
    """(programme label, its page, the organisation's roles in it)."""
    reports: list[tuple[PdfLink, str]] = field(default_factory=list)
    """(report, its button's words)."""
    figures: list[tuple[str, str, list[Bar]]] = field(default_factory=list)
    """(heading id, heading, rows)."""


def bars(counts: Counter[str], label: dict[str, str], url: dict[str, str]) -> list[Bar]:
    """Rows, the largest count first (ties: by French name)."""
    top = max(counts.values(), default=0)
    return [
        (label[key], url[key], count, round(100 * count / top) if top else 0)
        for key, count in sorted(counts.items(), key=lambda kv: (-kv[1], sort_key(label[kv[0]])))
    ]


def years_text(years: set[int]) -> str:
    if not years:
        return ""
    low, high = min(years), max(years)
    return str(low) if low == high else f"{low}–{high}"


def organisation_counts(sheets_led: int, sheets_partnered: int, writeups: int) -> list[str]:
    """What an organisation's page lists, in words (zeros left out)."""
    counts = [
        plural(sheets_led, "fiche portée", "fiches portées") if sheets_led else "",
        plural(sheets_partnered, "fiche en partenariat", "fiches en partenariat")
        if sheets_partnered
        else "",
        plural(writeups, "compte-rendu", "comptes-rendus") if writeups else "",
    ]
    return [c for c in counts if c]


class ProfilePages(ListingPages):
    def organisation_writeups(self, index: OrganisationIndex) -> list[tuple[str, str, list[str]]]:
        """(section id, heading, write-ups newest first) by role, each write-up once."""
        presented, authored = set(index.presented), set(index.authored)
        newest = [w.slug for w in self.catalogue.writeups_newest_first()]
        return [
            (section_id, label, slugs)
            for section_id, label, slugs in (
                (
                    "comptes-rendus",
                    "Comptes-rendus présentés et rédigés",
                    [s for s in newest if s in presented and s in authored],
                ),
                (
                    "comptes-rendus-presentes",
                    "Comptes-rendus présentés",
                    [s for s in newest if s in presented and s not in authored],
                ),
                (
                    "comptes-rendus-rediges",
                    "Comptes-rendus rédigés ou relus",
                    [s for s in newest if s in authored and s not in presented],
                ),
            )
            if slugs
        ]

    def organisation_roles(self, org_id: str) -> list[tuple[str, str, str]]:
        """The organisation's part in each programme, in words: (programme, link, roles)."""
        catalogue = self.catalogue
        index = catalogue.by_organisation[org_id]
        url = urls.organisation(org_id)
        led: Counter[str] = Counter(catalogue.projects[s].meta.programme for s in index.leads)
        partnered: Counter[str] = Counter(
            catalogue.projects[s].meta.programme for s in index.partners
        )
        presented: Counter[str] = Counter()
        authored: Counter[str] = Counter()
        for slug in {*index.presented, *index.authored}:
            in_programme = catalogue.writeups[slug].meta.programme
            if in_programme is None:
                continue
            if slug in index.presented:
                presented[in_programme] += 1
            if slug in index.authored:
                authored[in_programme] += 1
        rows = []
        for programme_id, programme in sorted(catalogue.programmes.items()):
            roles = [
                "porte le programme" if programme.organisation == org_id else "",
                f"porte {plural(led[programme_id], 'fiche')}" if led[programme_id] else "",
                f"partenaire de {plural(partnered[programme_id], 'fiche')}"
                if partnered[programme_id]
                else "",
                "présente " + plural(presented[programme_id], "compte-rendu", "comptes-rendus")
                if presented[programme_id]
                else "",
                "rédige ou relit "
                + plural(authored[programme_id], "compte-rendu", "comptes-rendus")
                if authored[programme_id]
                else "",
            ]
            said = [r for r in roles if r]
            if said:
                rows.append(
                    (
                        self.credits.programme_label(programme_id),
                        relative(urls.programme(programme_id), url),
                        " ; ".join(said),
                    )
                )
        return rows

    def profile_header(self, url: str, profile: Profile) -> str:
        return self.render("profile.html", url, profile=profile)

    def barometer_results(self, programme_id: str) -> str:
        """The published results of the programme's barometers (issue 19), as on their page."""
        url = urls.programme(programme_id)
        return "".join(
            str(
                self.render(
                    "barometre-published.html",
                    url,
                    meta=barometer.meta,
                    published=barometer.published(),
                    published_heading=f"{barometer.meta.title} : résultats publiés",
                    with_styles=True,
                    published_anchor=f"resultats-{barometer.id}",
                )
            )
            for _id, barometer in sorted(self.catalogue.barometers.items())
            if barometer.meta.programme == programme_id and barometer.meta.results
        )

    def organisation_pages(self) -> None:
        entries = []
        catalogue = self.catalogue
        orgs = sorted(catalogue.organisations.values(), key=lambda o: (sort_key(o.name), o.id))
        for org in orgs:
            index = catalogue.by_organisation[org.id]
            url = urls.organisation(org.id)
            sections = []
            if index.leads:
                leads = self.by_title(index.leads)
                sections.append(Section("porteur", "Fiches portées", len(leads), projects=leads))
            if index.partners:
                partners = self.by_title(index.partners)
                sections.append(
                    Section("partenaire", "Fiches en partenariat", len(partners), projects=partners)
                )
            writeup_sections = self.organisation_writeups(index)
            for section_id, label, slugs in writeup_sections:
                sections.append(Section(section_id, label, len(slugs), writeups=slugs))
            writeup_count = sum(len(slugs) for _, _, slugs in writeup_sections)
            facts: list[tuple[str, str, str]] = [("Nom complet", org.name, "")]
            if org.short_name:
                facts.append(("Sigle", org.short_name, ""))
            if org.country:
                facts.append(
                    ("Pays", french_name(org.country), relative(urls.country(org.country), url))
                    if org.country in catalogue.by_country
                    else ("Pays", french_name(org.country), "")
                )
            if org.url:
                facts.append(("Site web", org.url, org.url))
            counts = organisation_counts(len(index.leads), len(index.partners), writeup_count)
            profile = Profile(facts, counts, roles=self.organisation_roles(org.id))
            entries.append(
                Entry(url, org.name, ", ".join(counts) or "aucune fiche ni aucun compte-rendu")
            )
            self.listing(
                url,
                org.name,
                org.description or org.name,
                sections,
                intro=org.description or "",
                empty="Aucune fiche ni aucun compte-rendu pour le moment.",
                kind="organisation",
                header=self.profile_header(url, profile),
            )
        self.index_page(
            urls.ORGANISATIONS,
            "Organisations",
            "Les organisations du réseau",
            "organisations",
            "Toutes les organisations",
            entries,
            "Aucune organisation pour le moment.",
        )

    def programme_reports(self, programme_id: str) -> list[tuple[PdfLink, str]]:
        """The programme's report, or its volumes in order, each with its button's words."""
        return self.reports_of(urls.programme(programme_id))

    def programme_figures(self, programme_id: str) -> tuple[list[tuple[str, str, list[Bar]]], str]:
        """Sheets by country and by theme, and the years the sheets and write-ups cover."""
        catalogue = self.catalogue
        group = catalogue.by_programme[programme_id]
        url = urls.programme(programme_id)
        by_country: Counter[str] = Counter()
        by_theme: Counter[str] = Counter()
        years: set[int] = set()
        for slug in group.projects:
            meta = catalogue.projects[slug].meta
            by_country.update(meta.countries)
            by_theme.update(meta.themes)
            years.add(meta.period.start)
            if meta.period.end is not None:
                years.add(meta.period.end)
        for slug in group.writeups:
            years.add(catalogue.writeups[slug].meta.date.year)
        countries = bars(
            by_country,
            {code: french_name(code) for code in by_country},
            {code: relative(urls.country(code), url) for code in by_country},
        )
        themes = bars(
            by_theme,
            {t: catalogue.themes[t].label for t in by_theme},
            {t: relative(urls.theme(t), url) for t in by_theme},
        )
        figures = [
            (figure_id, heading, rows)
            for figure_id, heading, rows in (
                ("fiches-par-pays", "Fiches par pays", countries),
                ("fiches-par-theme", "Fiches par thème", themes),
            )
            if rows
        ]
        return figures, years_text(years)

    def programme_pages(self) -> None:
        entries = []
        catalogue = self.catalogue
        for programme in sorted(catalogue.programmes.values(), key=lambda p: p.id):
            group = catalogue.by_programme[programme.id]
            url = urls.programme(programme.id)
            figures, years = self.programme_figures(programme.id)
            facts: list[tuple[str, str, str]] = [("Nom complet", programme.name, "")]
            if programme.short_name:
                facts.append(("Sigle", programme.short_name, ""))
            if programme.organisation:
                facts.append(
                    (
                        "Porté par",
                        catalogue.organisations[programme.organisation].name,
                        relative(urls.organisation(programme.organisation), url),
                    )
                )
            if programme.started:
                facts.append(("Lancé en", str(programme.started), ""))
            if years:
                facts.append(("Années couvertes", years, ""))
            if programme.url:
                facts.append(("Site web", programme.url, programme.url))
            for barometer in (b for _id, b in sorted(catalogue.barometers.items())):
                if barometer.meta.programme == programme.id:  # issue 19: its questionnaire
                    facts.append(
                        (
                            "Baromètre",
                            barometer.meta.title,
                            relative(urls.barometer(barometer.id), url),
                        )
                    )
            organisations = {
                o for slug in group.projects for o in catalogue.projects[slug].organisations
            }
            counts = [
                plural(len(group.projects), "fiche"),
                plural(len(group.writeups), "compte-rendu", "comptes-rendus"),
                plural(
                    len(organisations),
                    "organisation porteuse ou partenaire",
                    "organisations porteuses ou partenaires",
                ),
            ]
            profile = Profile(
                facts,
                counts,
                reports=self.programme_reports(programme.id),
                figures=figures,
            )
            entries.append(
                Entry(
                    url,
                    self.credits.programme_label(programme.id),
                    f"{counts[0]}, {counts[1]}",
                )
            )
            self.listing(
                url,
                self.credits.programme_label(programme.id),
                programme.description or programme.name,
                self.group_sections(group),
                intro=programme.description or "",
                empty="Rien dans ce programme pour le moment.",
                kind="programme",
                header=self.profile_header(url, profile) + self.barometer_results(programme.id),
            )
        self.index_page(
            urls.PROGRAMMES,
            "Programmes",
            "Les programmes",
            "programmes",
            "Tous les programmes",
            entries,
            "Aucun programme pour le moment.",
        )
