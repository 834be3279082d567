"""Downloadable PDF reports (WeasyPrint), independent of MkDocs."""

from .build import ReportError, ReportFile, build_reports

__all__ = ["ReportError", "ReportFile", "build_reports"]
