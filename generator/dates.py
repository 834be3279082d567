"""A build date that comes from content, so that the same input gives the same output."""

from __future__ import annotations

import calendar
import datetime as dt
import os

from .catalogue import Catalogue

EPOCH_FLOOR = dt.date(2000, 1, 1)
_OURS = "_GENERATOR_SET_SOURCE_DATE_EPOCH"


def newest_content_date(catalogue: Catalogue) -> dt.date:
    """The newest write-up date or sheet update (2000-01-01 when there is none)."""
    dates = [EPOCH_FLOOR]
    dates += [w.meta.date for w in catalogue.writeups.values()]
    dates += [p.meta.updated for p in catalogue.projects.values() if p.meta.updated]
    return max(dates)


def set_source_date_epoch(catalogue: Catalogue) -> None:
    """Set ``SOURCE_DATE_EPOCH`` from content unless the user set it themselves.

    MkDocs dates the sitemap with it; without it every build would differ.
    """
    if "SOURCE_DATE_EPOCH" in os.environ and _OURS not in os.environ:
        return
    stamp = calendar.timegm(newest_content_date(catalogue).timetuple())
    os.environ["SOURCE_DATE_EPOCH"] = str(stamp)
    os.environ[_OURS] = "1"
