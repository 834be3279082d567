"""Every sentence the tool says to a person, in French and in English, by a stable key.

A diagnostic's key is its *code* (``champ-inconnu``): stable across versions, listed in
the editors' guide with what it means and an example, and given in ``--format json``,
GitHub and GitLab reports. Hints (the suggestion after a message) and the other sentences
of the commands (``build``, ``serve``, ``new``) have keys too, but they are not codes.

The language is French unless ``--lang en`` or ``PK_LANG=en`` says otherwise. It is one
setting of the process (:func:`set_language` also exports it, so that worker processes
speak the same language); a sentence is rendered when it is said, as gettext does.

The catalogue is split by who says it (:mod:`.content`: checking the fields of a file;
:mod:`.reading`: reading files and YAML; :mod:`.files`: the repository's files, registries
and settings; :mod:`.links`: a body's links and images; :mod:`.shapes`: a body's bounds;
:mod:`.commands`: the commands; :mod:`.new`: the ``new`` command; :mod:`.serve`: the
preview's error page and the plugin's log).
"""

from __future__ import annotations

from . import (  # noqa: F401  (they fill the catalogue)
    barometer,
    body,
    commands,
    content,
    files,
    links,
    new,
    reading,
    serve,
    shapes,
)
from ._catalogue import (
    CATALOGUE,
    LANGUAGES,
    Entry,
    Said,
    entry,
    language,
    say,
    set_language,
    text,
    word,
)

__all__ = [
    "CATALOGUE",
    "LANGUAGES",
    "Entry",
    "Said",
    "entry",
    "language",
    "say",
    "set_language",
    "text",
    "word",
]
