"""Importers for public datasets a user holds under their own licence, addressed as suite specs
``PREFIX:PATH`` (``aisev:``, ``answercarefully:``, ``bbq:``, ``jtruthfulqa:``, ``ailuminate:``,
``mapped:``, and any plugin in the ``shinsa.importers`` entry-point group). Looking a prefix up
imports only its module."""

from __future__ import annotations

from shinsa.suites.base import Suite
from shinsa.suites.importers.base import importers

__all__ = ["importers", "load_imported"]


def load_imported(spec: str, encoding: str | None = None) -> Suite | None:
    """The suite for ``PREFIX:REST`` when PREFIX names an importer, else None."""
    prefix, separator, rest = spec.partition(":")
    prefix = prefix.lower()
    if not separator or prefix not in importers:
        return None
    return importers.get(prefix)(rest, encoding)
