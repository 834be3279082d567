"""Downloadable PDF reports (WeasyPrint), independent of MkDocs."""

from .build import ReportError, ReportFailure, ReportFile, Reports, build_reports
from .environment import MissingLibrary, describe

__all__ = [
    "MissingLibrary",
    "ReportError",
    "ReportFailure",
    "ReportFile",
    "Reports",
    "build_reports",
    "describe",
]
