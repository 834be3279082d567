"""Small WebP thumbnails of the sheets' images, for the listing cards.

A card shows its document's image at about 320 pixels wide; the original photo may weigh
megabytes. Each thumbnail is made once with Pillow and kept in the build cache (next to the
PDFs, under ``<cache_dir>/vignettes/``), named by a SHA-256 of the image's bytes and of the
way it is made, so that the same image gives the same file, build after build, byte for
byte; a changed image gets a new name (browsers never show a stale one).

An image that cannot be read gives no thumbnail (the card shows a neutral placeholder):
``check`` has already said what is wrong with it (``image-illisible``), and a card never
stops a build.
"""

from __future__ import annotations

import hashlib
import io
import warnings
from dataclasses import dataclass
from pathlib import Path

from .. import urls
from ..read.publishable import MAX_PIXELS, image_problem
from .cache_files import mark_used, write_once

WIDTH, HEIGHT = 320, 180
"""The thumbnail's box (16:9); the image is cropped to fill it, centred."""
QUALITY = 60
RECIPE = f"webp-{WIDTH}x{HEIGHT}-q{QUALITY}-v1".encode()
"""Part of every thumbnail's key: a change in how thumbnails are made makes new ones."""
FOLDER = "vignettes"
"""The thumbnails' folder, in the build cache and in the site's media folder."""


@dataclass(frozen=True)
class Thumbnail:
    site_path: str
    """Where it is published, e.g. ``medias/vignettes/<slug>-<hash>.webp``."""
    source: Path
    """The cache file to copy there."""


def thumbnail(image: Path, name: str, cache_dir: Path) -> Thumbnail | None:
    """The card thumbnail of ``image`` (made if the cache has none), or None if unreadable.

    ``name``: a readable start for the file name (the sheet's slug).
    """
    try:
        data = image.read_bytes()
    except OSError:
        return None
    key = hashlib.sha256(RECIPE + b"\0" + data).hexdigest()
    folder = cache_dir / FOLDER
    target = folder / f"{key}.webp"
    if target.is_file():
        mark_used(target)
    elif not _make(image, target):
        return None
    return Thumbnail(f"{urls.MEDIA}{FOLDER}/{name}-{key[:12]}.webp", target)


def _make(image: Path, target: Path) -> bool:
    from PIL import Image, ImageOps

    if image_problem(image):  # unreadable, or over MAX_PIXELS: as `check` says
        return False
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            with Image.open(image) as opened:
                if opened.size[0] * opened.size[1] > MAX_PIXELS:
                    return False
                opened.draft("RGB", (WIDTH * 2, HEIGHT * 2))  # JPEG: decode at a smaller scale
                picture = ImageOps.exif_transpose(opened)
                picture = picture.convert("RGBA" if _has_alpha(picture) else "RGB")
                picture = ImageOps.fit(picture, (WIDTH, HEIGHT), Image.Resampling.LANCZOS)
                made = io.BytesIO()
                picture.save(made, "WEBP", quality=QUALITY, method=6, exif=b"", icc_profile=None)
        write_once(target, made.getvalue())
    except Exception:  # any unreadable image (a decompression bomb too): no thumbnail
        return False
    return True


def _has_alpha(picture: object) -> bool:
    mode = getattr(picture, "mode", "")
    return mode in ("RGBA", "LA", "PA") or (
        mode == "P" and "transparency" in getattr(picture, "info", {})
    )
