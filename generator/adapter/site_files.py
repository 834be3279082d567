"""The files MkDocs is given to publish (``on_files``)."""

from __future__ import annotations

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import File, Files

from ..site_run import SiteRun


def site_files(run: SiteRun, files: Files, config: MkDocsConfig) -> Files:
    """The content's own files that the core publishes as they are (:meth:`SiteRun.publishes`),
    the generated pages (stubs whose HTML the plan gives) and the files published at their
    own address (images, PDFs)."""
    for file in list(files):
        if not run.publishes(file.src_uri, file.abs_src_path, file.is_documentation_page()):
            files.remove(file)
    pages, published = run.generated()
    for uri, stub in pages.items():
        files.append(File.generated(config, uri, content=stub))
    for url, source in published.items():
        files.append(File.generated(config, url, abs_src_path=str(source)))
    return files
