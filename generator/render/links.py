"""Addresses inside the site: page-relative links and published copies of local files."""

from __future__ import annotations

import posixpath
from pathlib import PurePosixPath

from .. import urls


def relative(target: str, from_page: str) -> str:
    """Link from the page at ``from_page`` (site-relative, ``a/b/``) to ``target``.

    Both are site-root-relative; directory URLs end with ``/``. The result works offline
    and under any ``site_url`` prefix. Same result as ``posixpath.relpath`` on the two
    paths, computed directly: it runs for every link of every page.
    """
    fragment = ""
    if "#" in target:
        target, fragment = target.split("#", 1)
        fragment = "#" + fragment
    base_parts = [p for p in from_page.split("/")[:-1] if p and p != "."]
    target_parts = [p for p in target.split("/") if p and p != "."]
    if ".." in base_parts or ".." in target_parts:
        return _relpath(target, from_page) + fragment
    common = 0
    for base_part, target_part in zip(base_parts, target_parts, strict=False):
        if base_part != target_part:
            break
        common += 1
    parts = [".."] * (len(base_parts) - common) + target_parts[common:]
    path = "/".join(parts) or "."
    if target.endswith("/") or target == "":
        path = "./" if path == "." else path + "/"
    return path + fragment


def _relpath(target: str, from_page: str) -> str:
    base = "/" + from_page
    base_dir = base if base.endswith("/") else posixpath.dirname(base) + "/"
    path = posixpath.relpath("/" + target, base_dir)
    if target.endswith("/") or target == "":
        path = "./" if path == "." else path + "/"
    return path


def media_url(repo_relative: str) -> str:
    """Where a repository file (an image, an attachment) is published in the site."""
    return urls.media(PurePosixPath(repo_relative).as_posix())
