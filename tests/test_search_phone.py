"""Search on a phone and the ranking of a phrase, in a real browser.

On a 390 × 844 screen, the first result is in view once a query is typed; the filters sit
behind a « Filtrer » button, each group folded, with organisations' full names and touch
targets of at least 44 px. A query of several words ranks the documents holding them side
by side (accents folded) first: « securite alimentaire » finds « sécurité alimentaire »
before « sécurité au travail », on a corpus made here (the search fixture corpus plus two
sheets, one of which Pagefind alone would put first).
"""

from __future__ import annotations

RANKING_SHEETS = {
    "ateliers-surs-bamako": """---
title: "Mali : la sécurité au travail dans les ateliers de Bamako"
summary: "La sécurité au travail des couturières : machines protégées, sécurité électrique, et une cantine pour les produits alimentaires du quartier."
programme: terres-partagees
lead: terres-vives
countries:
  - "ML"
places:
  - "Bamako"
themes:
  - artisanat
period:
  start: 2021
status: ongoing
---

## Contexte

La sécurité des couturières est le premier souci : la sécurité électrique, la sécurité
des machines, la sécurité incendie. Le travail commence tôt.

## Activités

- Formation à la sécurité au travail.
- Une cantine : des produits alimentaires achetés au marché, des repas alimentaires
  simples.

## Résultats

La sécurité progresse ; les accidents du travail baissent.
""",
    "greniers-villageois-dosso": """---
title: "Niger : des greniers villageois à Dosso"
summary: "Des greniers gérés par les villages pour passer la soudure."
programme: terres-partagees
lead: terres-vives
countries:
  - "NE"
places:
  - "Dosso"
themes:
  - agroecologie
period:
  start: 2019
  end: 2022
status: completed
---

## Contexte

Entre deux récoltes, les familles achètent le mil au prix fort. Les villages de la
commune ont décidé de stocker une partie de la récolte dans des greniers communs, gérés
par un comité élu, avec un cahier de stock tenu chaque semaine et une caisse ouverte
devant témoins. Les femmes siègent au comité et tiennent la moitié des clés.

## Activités

- Construction de six greniers en banco amélioré.
- Formation des comités à la gestion des stocks et à la tenue des comptes.
- Ventes à prix modéré pendant la soudure, remboursées après la récolte.

## Résultats

La sécurité alimentaire des familles s’est améliorée pendant la soudure : moins de mois
de repas sautés, moins de ventes de bétail à bas prix.
""",
}
"""Two sheets: « sécurité » and « alimentaire » many times but apart, and the phrase once."""
