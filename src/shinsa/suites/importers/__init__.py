"""Importers for public datasets a user holds under their own licence, addressed as suite specs
``PREFIX:PATH`` (``answercarefully:``, ``bbq:``, ``jtruthfulqa:``, ``ailuminate:``, ``mapped:``)."""

from __future__ import annotations

from shinsa.suites.base import Suite
from shinsa.suites.importers import ailuminate, answercarefully, bbq, jtruthfulqa, mapped
from shinsa.suites.importers.base import IMPORTERS

__all__ = ["IMPORTERS", "ailuminate", "answercarefully", "bbq", "jtruthfulqa", "load_imported", "mapped"]


def load_imported(spec: str, encoding: str | None = None) -> Suite | None:
    """The suite for ``PREFIX:REST`` when PREFIX names an importer, else None."""
    prefix, separator, rest = spec.partition(":")
    importer = IMPORTERS.get(prefix.lower()) if separator else None
    return importer(rest, encoding) if importer is not None else None
