"""Sentences about the links and images of a body, and the files a site may publish."""

from __future__ import annotations

from ._catalogue import entry

entry(
    "image-distante",
    "error",
    "« {url} » est une image (ou un fichier intégré) d'un autre site ({host}) : les "
    "navigateurs des lecteurs iraient la chercher là-bas",
    "'{url}' is an image (or other embedded file) from another site ({host}): readers' "
    "browsers would fetch it from there",
    about="Une image affichée dans une page doit être un fichier du dépôt : chargée depuis "
    "un autre site, elle dirait à ce site qui lit quoi, et pourrait changer ou disparaître.",
    example="`![Carte](https://exemple.org/carte.png)` → `![Carte](images/carte.png)`, la "
    "copie enregistrée à côté de la page",
)
entry(
    "image-pas-un-fichier",
    "error",
    "« {url} » n'est pas un fichier : une image (ou un fichier intégré) doit être le chemin "
    "d'un fichier du dépôt, relatif à ce fichier",
    "'{url}' is not a file: an image (or other embedded file) must be a path to a file of "
    "the repository, relative to this file",
    about="Une image s'écrit avec le chemin de son fichier, à partir du dossier de la page ; "
    "une adresse vide, « # » ou « data: » ne montre rien.",
    example="`![Photo](#)` → `![Photo](images/photo.jpg)`",
)
entry(
    "lien-hors-depot",
    "error",
    "« {url} » pointe hors du dépôt",
    "'{url}' points outside the repository",
    about="Un lien relatif qui remonte au-dessus du dépôt (« ../../.. ») désigne un fichier "
    "que le site ne contient pas.",
    example="`[rapport](../../../rapport.pdf)` → copiez le fichier dans le dépôt",
)
entry(
    "page-en-image",
    "error",
    "« {url} » est une page, pas une image : elle ne peut pas s'afficher dans une autre page",
    "'{url}' is a page, not an image: it cannot be shown inside another page",
    about="« ![…](…) » affiche une image ; pour mener vers une page, on écrit un lien "
    "« […](…) », sans point d'exclamation.",
    example="`![Fiche](../projects/puits.md)` → `[Fiche](../projects/puits.md)`",
)
entry(
    "page-introuvable",
    "error",
    "lien vers « {url} » : cette page n'existe pas",
    "link to '{url}': no such page",
    about="Le lien mène à un fichier .md qui n'existe pas (renommé, supprimé, ou chemin mal "
    "écrit). Le chemin part du dossier du fichier qui contient le lien.",
    example="`[voir](fiche-puits.md)` → `[voir](../../projects/puits-partages.md)`",
)
entry(
    "lien-fichier-introuvable",
    "error",
    "« {url} » n'existe pas",
    "'{url}' does not exist",
    about="Le lien ou l'image désigne un fichier absent du dépôt. Le chemin part du dossier "
    "du fichier qui contient le lien ; la casse compte (Photo.JPG n'est pas photo.jpg).",
    example="`![Atelier](atelier.jpg)` → `![Atelier](images/atelier.jpg)`",
)
entry(
    "fichier-refuse",
    "error",
    "« {value} » {problem}",
    "'{value}' {problem}",
    about="Le fichier existe mais le site ne le publie pas : hors de content/ et projects/, "
    "caché, d'un type qu'un navigateur exécuterait (HTML, script), une image SVG active ou "
    "une image illisible ou démesurée.",
    example="`[outil](outil.html)` → publiez-le en PDF : `[outil](outil.pdf)`",
)
entry("lien-colonne", "text", "colonne {column} : {message}", "column {column}: {message}")
entry(
    "indice-copier-image",
    "hint",
    "enregistrez-la dans le dépôt à côté de la page et pointez vers la copie",
    "save it in the repository next to the page and point to the copy",
)
entry(
    "indice-exemple-image",
    "hint",
    "par exemple images/photo.jpg, l'image à côté de la page",
    "for example images/photo.jpg, with the image next to the page",
)
entry(
    "indice-lier-page",
    "hint",
    "faites-en un lien : [texte]({url})",
    "link to it instead: [text]({url})",
)
entry(
    "indice-verifier-chemin",
    "hint",
    "vérifiez le chemin : il part du dossier de ce fichier",
    "check the path: it is relative to this file",
)
# why a file is not published (after « 'url' »)
entry(
    "pub-hors-dossiers",
    "text",
    "est un fichier du dépôt hors de content/ et projects/ ; seuls les fichiers de ces deux "
    "dossiers sont publiés",
    "is a file of the repository outside content/ and projects/; only files of those two "
    "folders are published",
)
entry(
    "pub-cache",
    "text",
    "est un fichier caché (son nom commence par un point) : il n'est pas publié",
    "is a hidden file (its name starts with a dot): it is not published",
)
entry("pub-sans-suffixe", "text", "sans extension", "without a suffix")
entry(
    "pub-type",
    "text",
    "est d'un type (« {kind} ») que le site ne publie pas (un navigateur pourrait "
    "l'exécuter) ; types acceptés : {allowed}",
    "is of a type ('{kind}') that is not published (a browser could run it); allowed: {allowed}",
)
entry("pub-illisible", "text", "ne peut pas être lu : {reason}", "cannot be read: {reason}")
entry(
    "pub-svg-trop-gros",
    "text",
    "est une image SVG de plus de {size} Mo",
    "is an SVG image larger than {size} MB",
)
entry(
    "pub-svg-actif",
    "text",
    "est une image SVG qui pourrait exécuter du code ou charger d'autres fichiers : elle "
    "contient {found}",
    "is an SVG image that could run code or fetch outside files when opened: it holds {found}",
)
entry("pub-svg-script", "text", "un élément <script>", "a <script> element")
entry(
    "pub-svg-evenement",
    "text",
    "un attribut d'événement (onload=, onclick=…)",
    "an event attribute (onload=, onclick=…)",
)
entry(
    "pub-svg-foreignobject",
    "text",
    "un élément <foreignObject> (du HTML dedans)",
    "a <foreignObject> element (HTML inside)",
)
entry("pub-svg-entite", "text", "une déclaration d'entité", "an entity declaration")
entry(
    "pub-svg-lien",
    "text",
    "un lien vers un autre fichier ou une adresse (href= qui ne commence pas par #)",
    "a link or reference to another file or address (href= not starting with #)",
)
entry(
    "pub-svg-url",
    "text",
    "un url(…) vers un autre fichier ou une adresse",
    "a url(…) to another file or address",
)
entry("pub-svg-import", "text", "un @import CSS", "a CSS @import")
entry("pub-svg-javascript", "text", "une adresse javascript:", "a javascript: address")
entry(
    "pub-svg-element-actif",
    "text",
    "un élément qui charge ou exécute quelque chose (iframe, embed, object…)",
    "an element that loads or runs something (iframe, embed, object…)",
)
entry(
    "pub-image-vide", "text", "est un fichier vide, pas une image", "is an empty file, not an image"
)
entry(
    "pub-image-geante",
    "text",
    "est une image de plus de {limit} mégapixels",
    "is an image of more than {limit} megapixels",
)
entry(
    "pub-image-illisible",
    "text",
    "ne se lit pas comme une image ({detail})",
    "cannot be read as an image ({detail})",
)
entry(
    "pub-image-trop-grande",
    "text",
    "est une image de {width} × {height} pixels ({megapixels} mégapixels) : {limit} au plus "
    "sont acceptés",
    "is an image of {width} × {height} pixels ({megapixels} megapixels): at most {limit} are "
    "allowed",
)
