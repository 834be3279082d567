"""The home page: what the site is, then the ways in."""

from __future__ import annotations

from .. import urls
from ..french import sort_key
from .planner_base import PlannerBase

HOME_ENTRIES = 8
"""Countries and themes offered on the home page, the most used first (all: their index)."""


class HomePage(PlannerBase):
    def home(self) -> None:
        """What the site is, then ways in: the latest write-ups, inspiring examples, entry
        points with their counts, the programme reports, and how to contribute."""
        intro_html = ""
        intro = self.settings.home_intro
        if intro.is_file():
            from ..read.sourcefile import load_markdown

            source = load_markdown(intro, self.settings.rel(intro), require_front_matter=False)
            intro_html = self.renderer.render(source.body, intro, "").html
        catalogue = self.catalogue
        latest = [w.slug for w in catalogue.writeups_newest_first()[:3]]
        inspiring = self.by_title(catalogue.inspiring)[:3]
        countries = sorted(
            ((c, len(catalogue.by_country[c.code])) for c in catalogue.countries()),
            key=lambda pair: (-pair[1], sort_key(pair[0].name)),
        )
        themes = sorted(
            (
                (catalogue.themes[theme_id], len(group.projects) + len(group.writeups))
                for theme_id, group in catalogue.by_theme.items()
                if group.projects or group.writeups
            ),
            key=lambda pair: (-pair[1], sort_key(pair[0].label)),
        )
        programmes = [
            (catalogue.programmes[programme_id], len(group.projects) + len(group.writeups))
            for programme_id, group in sorted(catalogue.by_programme.items())
            if group.projects or group.writeups
        ]
        reports = [
            (programme, link, words)
            for programme in sorted(catalogue.programmes.values(), key=lambda p: sort_key(p.name))
            for link, words in self.reports_of(urls.programme(programme.id))
        ]
        html = self.render(
            "home.html",
            "",
            latest=latest,
            inspiring=inspiring,
            intro_html=intro_html,
            tagline=self.settings.site_description,
            countries=countries[:HOME_ENTRIES],
            themes=themes[:HOME_ENTRIES],
            programmes=programmes,
            reports=reports,
            guide=self.settings.guide.is_file(),
        )
        self.add(
            "index.md",
            "",
            "Accueil",
            self.settings.site_description
            or "Fiches projet, comptes-rendus et exemples inspirants",
            html,
            "home",
        )
