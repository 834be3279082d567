"""Sentences about the shape of a body: the bounds that keep rendering quick and safe
(:mod:`generator.read.body_shape`; the bounds are listed in docs/limits.md)."""

from __future__ import annotations

from ._catalogue import entry

entry(
    "texte-trop-long",
    "error",
    "le texte fait {size} caractères ; une page en contient au plus {limit}",
    "the text is {size:,} characters long; a page holds at most {limit:,}",
    about="Une page très longue se lit mal, surtout sur un téléphone, et ralentit la "
    "construction ; les bornes sont dans docs/limits.md.",
    example="un compte-rendu de 600 000 caractères → plusieurs pages, ou les annexes en PDF",
)
entry(
    "citations-trop-imbriquees",
    "error",
    "les citations sont imbriquées sur plus de {limit} niveaux (nombre de « > » en début de ligne)",
    "quotes are nested more than {limit} deep (count of '>' at the start of the line)",
    about="Une citation dans une citation suffit presque toujours ; au-delà de la borne, la "
    "page et le PDF ne se construisent plus.",
    example="`> > > > …` → `> …`",
)
entry(
    "listes-trop-imbriquees",
    "error",
    "cette ligne est indentée de plus de {limit} niveaux : les listes sont imbriquées trop "
    "profondément",
    "this line is indented more than {limit} levels (4 spaces or a tab each): lists are "
    "nested too deep",
    about="Chaque niveau de liste ajoute un retrait ; au-delà de la borne, la page ne se "
    "construit plus.",
    example="une liste de 25 niveaux → deux ou trois niveaux, et des titres",
)
entry(
    "trop-de-titres",
    "error",
    "plus de {limit} titres dans une page",
    "more than {limit} headings in one page",
    about="Au-delà de la borne, la table des matières devient illisible et la construction lente.",
    example="un glossaire de 400 titres → une liste de définitions, ou plusieurs pages",
)
entry(
    "trop-de-notes",
    "error",
    "plus de {limit} notes de bas de page dans une page",
    "more than {limit} footnotes in one page",
    about="Les notes très nombreuses ralentissent la construction ; une bibliographie les "
    "remplace.",
    example="1 200 notes `[^1]` → une bibliographie dans l'en-tête",
)
entry(
    "trop-de-definitions",
    "error",
    "plus de {limit} définitions (lignes qui commencent par « : ») dans une liste de définitions",
    "more than {limit} definitions (lines starting with ':') in one definition list",
    about="Une liste de définitions sans ligne vide devient très lente à construire.",
    example="séparez les groupes d'entrées par une ligne vide",
)
entry(
    "crochets-ouverts",
    "error",
    "plus de {limit} « [ » sont ouverts à la fois dans ce paragraphe (un lien s'écrit "
    "[texte](adresse))",
    "more than {limit} '[' are open at once in this paragraph (a link is [text](address))",
    about="Chaque « [ » non refermé oblige à relire la suite du paragraphe ; en nombre, la "
    "construction devient très lente.",
    example="`[[[[[[[[[[[note` → `\\[note\\]`",
)
entry(
    "adresses-ouvertes",
    "error",
    "plus de {limit} adresses de liens sont ouvertes à la fois dans ce paragraphe : « ]( » sans "
    "« ) » après (un lien s'écrit [texte](adresse))",
    "more than {limit} link addresses are open at once in this paragraph: '](' with no ')' "
    "after it (a link is [text](address))",
    about="Une adresse de lien se referme par « ) » ; sans elle, la construction relit tout "
    "le paragraphe.",
    example="`[site](https://exemple.org` → `[site](https://exemple.org)`",
)
entry(
    "balises-non-fermees",
    "error",
    "{count} « < » ouvrent une balise HTML jamais refermée par « > » (au plus {limit})",
    "{count} '<' start an HTML tag that is never closed with '>' (at most {limit})",
    about="Un « < » suivi d'une lettre commence une balise HTML ; en Markdown, écrivez "
    "« &lt; » pour le signe lui-même.",
    example="`a <b et c <d` → `a &lt;b et c &lt;d`",
)
entry(
    "html-trop-imbrique",
    "error",
    "les éléments HTML sont imbriqués ici sur plus de {limit} niveaux",
    "HTML elements are nested more than {limit} deep here",
    about="Le Markdown suffit à la plupart des pages ; un HTML très imbriqué casse la "
    "construction du PDF.",
    example="20 `<div>` imbriqués → du Markdown",
)
entry(
    "indice-diviser-texte",
    "hint",
    "divisez-le en plusieurs pages, ou mettez la partie longue dans un fichier joint (PDF, "
    "document bureautique)",
    "split it into several pages, or put the long part in an attached file (PDF, office document)",
)
entry(
    "indice-aplatir-citation",
    "hint",
    "aplatissez la citation : un ou deux niveaux suffisent",
    "flatten the quotation: one or two levels are enough",
)
entry(
    "indice-listes-moins-profondes",
    "hint",
    "gardez des listes de {limit} niveaux au plus",
    "keep lists at most {limit} levels deep",
)
entry(
    "indice-diviser-pages",
    "hint",
    "divisez le texte en plusieurs pages",
    "split the text into several pages",
)
entry(
    "indice-bibliographie",
    "hint",
    "mettez les références dans une bibliographie, ou divisez le texte",
    "put the references in a bibliography, or split the text",
)
entry(
    "indice-grouper-definitions",
    "hint",
    "laissez une ligne vide entre les groupes d'entrées, ou faites plusieurs listes",
    "leave a blank line between groups of entries, or make several lists",
)
entry(
    "indice-fermer-crochets",
    "hint",
    "refermez chaque « [ » par « ] », ou écrivez \\[ pour un crochet qui n'est pas un lien",
    "close each '[' with ']', or write \\[ for a bracket that is not a link",
)
entry(
    "indice-fermer-adresses",
    "hint",
    "refermez chaque adresse par « ) »",
    "close each address with ')'",
)
entry(
    "indice-fermer-balises",
    "hint",
    "écrivez &lt; pour un « < » qui n'est pas du HTML, ou refermez la balise",
    "write &lt; for a '<' that is not HTML, or close the tag",
)
entry(
    "indice-simplifier-html",
    "hint",
    "simplifiez le HTML (le Markdown suffit à la plupart des pages)",
    "simplify the HTML (Markdown is enough for most pages)",
)
