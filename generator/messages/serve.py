"""Sentences of the preview (``serve``): its error page, and what the plugin logs.

The plugin's own log lines (a build that stops on content errors, a machine problem, the
search index) are said here too: ``build`` and ``serve`` share them.
"""

from __future__ import annotations

from ._catalogue import entry

# the page shown instead of the site while it cannot be built (generator/error_page.py)
entry(
    "serve-page-titre",
    "text",
    "Le site ne peut pas être construit",
    "The site cannot be built",
)
entry(
    "serve-page-contenu",
    "text",
    "Des fichiers de contenu ont des erreurs : tant qu'elles restent, l'aperçu montre cette "
    "page au lieu du site.",
    "Some content files have errors: while they remain, the preview shows this page instead "
    "of the site.",
)
entry(
    "serve-page-echec",
    "text",
    "La construction s'est arrêtée sur les messages ci-dessous (la configuration "
    "mkdocs.yml, le thème, ou l'outil lui-même).",
    "The build stopped on the messages below (the configuration mkdocs.yml, the theme, or "
    "the tool itself).",
)
entry(
    "serve-page-conseil",
    "text",
    "Corrigez le fichier et enregistrez-le : cette page se recharge d'elle-même, et la page "
    "du site revient dès que tout est corrigé. Les mêmes messages sont dans le terminal où "
    "tourne l'aperçu.",
    "Fix the file and save it: this page reloads by itself, and the site's page comes back "
    "as soon as everything is fixed. The same messages are in the terminal where the "
    "preview runs.",
)
entry("serve-page-erreurs", "text", "Erreurs ({count})", "Errors ({count})")
entry("serve-page-avertissements", "text", "Avertissements ({count})", "Warnings ({count})")
entry(
    "serve-page-avertissements-note",
    "text",
    "Les avertissements n'empêchent pas la publication.",
    "Warnings do not stop publishing.",
)
entry("serve-page-messages", "text", "Messages de la construction", "Messages of the build")
entry(
    "serve-page-tronque",
    "text",
    "… et {count} autre(s), dans le terminal.",
    "… and {count} more, in the terminal.",
)

# what the plugin logs
entry(
    "serve-rien-construit",
    "text",
    "{errors} erreur(s) dans le contenu : rien n'a été construit",
    "{errors} content error(s); nothing was built",
)
entry(
    "serve-page-affichee",
    "text",
    "{errors} erreur(s) dans le contenu : l'aperçu montre la liste des problèmes jusqu'à "
    "ce qu'ils soient corrigés",
    "{errors} content error(s): the preview shows the list of problems until they are fixed",
)
entry(
    "serve-echec-affiche",
    "text",
    "la construction a échoué ; l'aperçu montre ses messages jusqu'au prochain "
    "enregistrement qui la répare",
    "the build failed; the preview shows its messages until a save fixes it",
)
entry("serve-machine", "text", "machine : {detail}", "environment: {detail}")
entry("serve-index-recherche", "text", "index de recherche : {detail}", "search index: {detail}")
entry(
    "serve-rapide",
    "text",
    "aperçu rapide : {pages} page(s) refaite(s) ({names}) ; les listes et la recherche "
    "suivent dans un instant",
    "quick preview: {pages} page(s) made again ({names}); the listings and the search follow "
    "in a moment",
)
entry(
    "serve-rapide-echec",
    "text",
    "aperçu rapide impossible ({detail}) : tout le site est reconstruit",
    "quick preview failed ({detail}): the whole site is built again",
)
entry(
    "bogue-pdf",
    "text",
    "erreur interne du générateur (un bogue, pas une erreur du contenu ni de la machine) en "
    "faisant un PDF : {detail} ; signalez-la avec ce message et la version du générateur",
    "internal error of the generator (a bug, neither a content error nor the machine's) while "
    "making a PDF: {detail}; please report it with this message and the generator's version",
)
entry(
    "serve-suite-au-prochain-enregistrement",
    "text",
    "les listes et la recherche suivront au prochain enregistrement",
    "the listings and the search follow at the next save",
)
