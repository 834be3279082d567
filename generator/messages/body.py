"""Sentences about bodies: what the Git host's preview shows otherwise than the site."""

from __future__ import annotations

from ._catalogue import entry

entry(
    "markdown-dans-html",
    "warning",
    "du Markdown dans un bloc HTML <{tag}> : l'aperçu de GitHub le met en forme après la "
    "ligne vide, le site l'affiche tel quel",
    "Markdown inside an HTML block <{tag}>: GitHub's preview formats it after the blank "
    "line, the site shows it as typed",
    about="Dans un élément HTML (`<details>`, `<div>`…), GitHub met en forme le Markdown "
    "qui suit une ligne vide ; le site, lui, garde tout le contenu de l'élément comme du "
    "HTML : les listes, le gras ou les liens y restent tels qu'on les a tapés.",
    example='`<div align="center">`, une ligne vide, `**Bilan**`, `</div>` → écrivez '
    "`**Bilan**` hors de l'élément HTML",
)
entry(
    "indice-markdown-dans-html",
    "hint",
    "écrivez ce passage en Markdown hors de l'élément <{tag}>, ou en HTML",
    "write this part in Markdown outside the <{tag}> element, or in HTML",
)
entry(
    "diagramme-non-affiche",
    "warning",
    "bloc « {language} » : l'aperçu de GitHub le dessine, le site l'affiche comme du code",
    "« {language} » block: GitHub's preview draws it, the site shows it as code",
    about="GitHub dessine les blocs de code `mermaid` (diagrammes), `geojson` et "
    "`topojson` (cartes) et `stl` (objets en 3D) ; le site et les PDF en montrent le texte.",
    example="un bloc ```` ```mermaid ```` → enregistrez le diagramme en image dans le "
    "dépôt et montrez-le avec `![Diagramme du projet](diagramme.png)`",
)
entry(
    "indice-diagramme-en-image",
    "hint",
    "enregistrez-le en image dans le dépôt et montrez-la avec ![description](fichier.png)",
    "save it as an image in the repository and show it with ![description](file.png)",
)
entry(
    "formule-non-affichee",
    "warning",
    "formule mathématique : l'aperçu de GitHub la met en forme, le site affiche les $ et le "
    "code tels quels",
    "mathematical formula: GitHub's preview typesets it, the site shows the $ and the code "
    "as typed",
    about="GitHub met en forme les formules écrites entre `$` ou `$$` (LaTeX) ; le site et "
    "les PDF en montrent le code.",
    example="`$\\frac{1}{2}$` → écrivez « 1/2 », ou montrez la formule en image",
)
entry(
    "indice-formule",
    "hint",
    "écrivez-la en texte (« 1/2 », « m² »), ou montrez-la en image",
    "write it as text (« 1/2 », « m² »), or show it as an image",
)
entry(
    "sommaire-gitlab",
    "warning",
    "{marker} : l'aperçu de GitLab y met un sommaire ; le site l'affiche tel quel et montre "
    "déjà le sommaire de la page à côté du texte",
    "{marker}: GitLab's preview puts a table of contents there; the site shows it as typed "
    "and already shows the page's contents beside the text",
    about="GitLab remplace `[[_TOC_]]` par le sommaire de la page ; le site le montre déjà "
    "dans la marge de chaque page, et garderait ce texte.",
    example="une ligne `[[_TOC_]]` → supprimez-la",
)
entry("indice-supprimer-ligne", "hint", "supprimez cette ligne", "remove this line")
