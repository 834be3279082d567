"""Validating content: the content format as models, their errors as diagnostics, and the
references between files (ids, with suggestions)."""
