"""Turning the catalogue into page content: Markdown bodies, fragments and listings."""
