"""The search index: Pagefind run offline into ``site/pagefind/``.

Pagefind reads HTML (only elements marked ``data-pagefind-body``, i.e. project sheets and
write-ups), stems French, folds accents at query time, and writes a chunked index that the
browser fetches piecemeal (see ``theme/assets/search.js``).

Two ways in. During a build, an :class:`IndexingRun` is handed the planned page fragments
(the ``data-pagefind-body`` article of every sheet and write-up) in batches as they are
planned (:meth:`IndexingRun.add`); Pagefind then runs in its own process while MkDocs
renders the pages, on the other core, and :meth:`IndexingRun.install` moves its bundle into
the site at the end. Indexing the fragments rather than the written pages also spares
Pagefind Material's header, menus and footer. :func:`index_site` indexes an already
written site the same way.

Pagefind 1.5 writes its filter files and metadata in hash-map order, so two runs over the
same pages differ. :func:`normalise_bundle` sorts them and renames them after their new
content, so that the same input gives the same bundle, byte for byte.

The bundled binary of the ``pagefind[bin]`` package is run in a subprocess rather than
through the asynchronous ``pagefind.index`` API: the binary is the same, but a plain
synchronous call needs no event loop inside MkDocs' hooks, its errors arrive as an exit
status and stderr, and nothing is downloaded (the executable ships in the wheel). This
module imports nothing from MkDocs.

French elisions: Pagefind keeps « l’insertion » and « d’Ivoire » as single words
(« linsertion », « divoire »), so « insertion » or « Ivoire » would not find them. The
published HTML is left as it is; Pagefind reads a scratch copy of the indexed pages in
which every elided article or pronoun is followed by a space (« l’ insertion ») outside
filter values. ``search.js`` strips the same elisions from the query and removes that
space again from the excerpts it shows.
"""

from .bundle import normalise_bundle
from .pagefind import IndexingRun, index_site, pagefind_executable, start_indexing
from .shared import BUNDLE_DIR, BundleShapeError, SearchDocument, SearchIndexError, SearchStats
from .text import split_elisions

__all__ = [
    "BUNDLE_DIR",
    "BundleShapeError",
    "IndexingRun",
    "SearchDocument",
    "SearchIndexError",
    "SearchStats",
    "index_site",
    "normalise_bundle",
    "pagefind_executable",
    "split_elisions",
    "start_indexing",
]
