"""Which files of content the site may publish, and which URLs a page may embed.

One policy for ``check`` (which scans bodies and front matter) and for the build (which
renders them), so that a clean ``check`` means a build that does not refuse them:

- a published file lies inside ``content/`` or ``projects/``, is not hidden (its name does
  not start with a dot) and has one of :data:`ATTACHMENT_TYPES`: images, PDF, office
  documents, data and media files. HTML, scripts, XML and other types that a browser runs
  when it opens them are refused;
- an SVG image is text a browser runs: it is refused when it holds a script, an event
  attribute (``onload=``…), a ``foreignObject``, an entity declaration or a reference to
  anything outside itself (:func:`svg_problem` says which);
- a body may link to any web address, but may not *embed* one (an image, a frame): readers'
  browsers would fetch it from the outside host, which learns who reads what.
"""

from __future__ import annotations

import re
from pathlib import Path
from urllib.parse import urlsplit

from ..messages import Said, say, text

IMAGE_TYPES = frozenset({".png", ".jpg", ".jpeg", ".gif", ".svg", ".webp", ".avif"})
ATTACHMENT_TYPES = IMAGE_TYPES | frozenset(
    {
        ".pdf",
        ".odt",
        ".ods",
        ".odp",
        ".doc",
        ".docx",
        ".xls",
        ".xlsx",
        ".ppt",
        ".pptx",
        ".rtf",
        ".txt",
        ".csv",
        ".epub",
        ".zip",
        ".mp3",
        ".ogg",
        ".oga",
        ".mp4",
        ".webm",
    }
)
"""Suffixes of files a body may link to or embed (case does not matter)."""

MAX_SVG_BYTES = 2 * 1024 * 1024
MAX_PIXELS = 40_000_000
"""Largest raster image, in pixels (40 megapixels: 8,000 × 5,000). Decoded, an image takes
four bytes a pixel in every page and PDF that shows it; a photo for the web needs far less."""
RASTER_TYPES = IMAGE_TYPES - {".svg"}

_SVG_RULES: tuple[tuple[re.Pattern[str], str], ...] = (
    (re.compile(r"<\s*script\b", re.I), "pub-svg-script"),
    (re.compile(r"\son[a-z]+\s*=", re.I), "pub-svg-evenement"),
    (re.compile(r"<\s*foreignObject\b", re.I), "pub-svg-foreignobject"),
    (re.compile(r"<!\s*(ENTITY|DOCTYPE[^>]*\[)", re.I), "pub-svg-entite"),
    (re.compile(r"""\b(?:xlink:)?href\s*=\s*["']\s*(?!#)""", re.I), "pub-svg-lien"),
    (re.compile(r"""url\(\s*["']?\s*(?!#)""", re.I), "pub-svg-url"),
    (re.compile(r"@import\b", re.I), "pub-svg-import"),
    (re.compile(r"javascript\s*:", re.I), "pub-svg-javascript"),
    (
        re.compile(r"<\s*(iframe|embed|object|audio|video|handler|listener)\b", re.I),
        "pub-svg-element-actif",
    ),
)
"""What makes an SVG image unsafe, and the catalogue's words for it."""


def svg_problem(path: Path) -> str:
    """Why the SVG file at ``path`` may not be published ('' when it may)."""
    try:
        with path.open("rb") as handle:
            data = handle.read(MAX_SVG_BYTES + 1)
    except OSError as error:
        return text("pub-illisible", reason=error.strerror)
    if len(data) > MAX_SVG_BYTES:
        return text("pub-svg-trop-gros", size=MAX_SVG_BYTES // (1024 * 1024))
    svg = data.decode("utf-8", "replace")
    found = [text(key) for pattern, key in _SVG_RULES if pattern.search(svg)]
    if found:
        return text("pub-svg-actif", found="; ".join(found))
    return ""


def image_problem(path: Path) -> str:
    """Why the raster image at ``path`` may not be published ('' when it may).

    Only its header is read (Pillow): the format, the width and the height."""
    import warnings

    from PIL import Image, UnidentifiedImageError

    try:
        if path.stat().st_size == 0:
            return text("pub-image-vide")
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", Image.DecompressionBombWarning)
            with Image.open(path) as image:
                width, height = image.size
    except Image.DecompressionBombError:
        return text("pub-image-geante", limit=MAX_PIXELS // 1_000_000)
    except (UnidentifiedImageError, OSError, SyntaxError, ValueError) as error:
        detail = str(error).split(" '", 1)[0] if str(error) else type(error).__name__
        return text("pub-image-illisible", detail=detail)
    if width * height > MAX_PIXELS:
        return text(
            "pub-image-trop-grande",
            width=width,
            height=height,
            megapixels=f"{width * height / 1e6:.0f}",
            limit=MAX_PIXELS // 1_000_000,
        )
    return ""


def file_problem(target: Path, allowed_folders: list[Path]) -> str:
    """Why the (resolved) file ``target`` may not be published ('' when it may)."""
    if not any(target.is_relative_to(folder) for folder in allowed_folders):
        return text("pub-hors-dossiers")
    if target.name.startswith("."):
        return text("pub-cache")
    suffix = target.suffix.lower()
    if suffix not in ATTACHMENT_TYPES:
        kind = suffix or text("pub-sans-suffixe")
        return text("pub-type", kind=kind, allowed=", ".join(sorted(ATTACHMENT_TYPES)))
    if suffix == ".svg":
        return svg_problem(target)
    if suffix in RASTER_TYPES:
        return image_problem(target)
    return ""


def refusal(url: str, problem: str) -> Said:
    """The diagnostic for ``url`` refused by :func:`file_problem` (check and build alike)."""
    return say("fichier-refuse", value=url, problem=problem)


def not_a_file(url: str) -> bool:
    """An embedded address that is not a path to a file: empty, only a ``#fragment``, from
    the root of the host (``/…``), or with a scheme (``data:``, ``file:``…). An image must be
    a file of the repository; such an address shows nothing on the site and is refused in a
    PDF (see :func:`is_remote` for other hosts)."""
    parts = urlsplit(url.strip())
    return not parts.path or url.strip().startswith(("#", "/")) or bool(parts.scheme)


def is_remote(url: str) -> bool:
    """A URL that a browser would fetch from another host (``https://…``, ``//host/…``)."""
    parts = urlsplit(url.strip())
    return bool(parts.netloc) or parts.scheme.lower() in {"http", "https", "ftp"}
