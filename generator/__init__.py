"""Static site generator for programme knowledge: project sheets and session write-ups."""

__version__ = "0.1.0"
