"""Addresses inside the site: page-relative links and published copies of local files."""

from __future__ import annotations

import posixpath
from pathlib import PurePosixPath

MEDIA = "medias/"


def relative(target: str, from_page: str) -> str:
    """Link from the page at ``from_page`` (site-relative, ``a/b/``) to ``target``.

    Both are site-root-relative; directory URLs end with ``/``. The result works offline
    and under any ``site_url`` prefix.
    """
    base = "/" + from_page
    base_dir = base if base.endswith("/") else posixpath.dirname(base) + "/"
    fragment = ""
    if "#" in target:
        target, fragment = target.split("#", 1)
        fragment = "#" + fragment
    path = posixpath.relpath("/" + target, base_dir)
    if target.endswith("/") or target == "":
        path = "./" if path == "." else path + "/"
    return path + fragment


def media_url(repo_relative: str) -> str:
    """Where a repository file (an image, an attachment) is published in the site."""
    return MEDIA + PurePosixPath(repo_relative).as_posix()
