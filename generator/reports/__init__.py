"""Downloadable PDF reports (WeasyPrint), independent of MkDocs."""

from .build import ReportError, ReportFailure, ReportFault, ReportFile, Reports, build_reports
from .environment import MissingLibrary, describe

__all__ = [
    "MissingLibrary",
    "ReportError",
    "ReportFailure",
    "ReportFault",
    "ReportFile",
    "Reports",
    "build_reports",
    "describe",
]
