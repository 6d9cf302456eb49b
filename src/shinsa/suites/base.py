"""A suite is a named, versioned stream of items. Streams are read twice — once to validate,
count and hash, once to run — so even a million-item suite never sits in memory."""

from __future__ import annotations

import hashlib
from abc import ABC, abstractmethod
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

from shinsa.errors import InputError
from shinsa.items import Item
from shinsa.yamlfiles import validation_message  # noqa: F401 - re-exported for the readers


@dataclass(slots=True)
class SuiteScan:
    """What a full validating pass over a suite found."""

    items: int = 0
    content_hash: str = ""
    coverage: Counter[tuple[int, str, bool]] = field(default_factory=Counter)
    """(perspective, language, benign) → item count."""
    scorers: Counter[str] = field(default_factory=Counter)
    """scorer name → items using it."""


class Suite(ABC):
    """Subclasses provide :meth:`located_items` and :meth:`hash_parts`."""

    name: str
    version: str = "0"
    description: str = ""
    format: str = ""
    origin: str = ""

    @abstractmethod
    def located_items(self) -> Iterator[tuple[str, Item]]:
        """Yield ``("file:line", item)``; raise :class:`InputError` at the first bad record."""

    @abstractmethod
    def hash_parts(self) -> Iterator[bytes]:
        """The bytes that define the suite's content, for its content hash."""

    def items(self) -> Iterator[Item]:
        for _, item in self.located_items():
            yield item

    def content_hash(self) -> str:
        digest = hashlib.sha256()
        for part in self.hash_parts():
            digest.update(part)
        return "sha256:" + digest.hexdigest()

    def scan(self, known_scorers: set[str] | None = None) -> SuiteScan:
        """Validate every item: unique ids, known scorers, non-empty. Memory stays bounded by
        keeping 8-byte digests of the ids seen, not the ids."""
        result = SuiteScan()
        seen: set[int] = set()
        for location, item in self.located_items():
            key = int.from_bytes(hashlib.blake2b(item.id.encode(), digest_size=8).digest(), "big")
            if key in seen:
                raise InputError(f"{location}: duplicate item id {item.id!r} in suite {self.name}")
            seen.add(key)
            scorer = item.scorer_name
            if known_scorers is not None and scorer not in known_scorers:
                raise InputError(
                    f"{location}: unknown scorer {scorer!r} (known: {', '.join(sorted(known_scorers))})"
                )
            result.scorers[scorer] += 1
            result.items += 1
            result.coverage[(item.perspective, item.language, item.benign)] += 1
        if result.items == 0:
            raise InputError(f"suite {self.name} ({self.origin}) has no items")
        result.content_hash = self.content_hash()
        return result

    def describe(self, scan: SuiteScan) -> dict[str, Any]:
        """The suite's entry in a run manifest."""
        return {
            "name": self.name,
            "version": self.version,
            "format": self.format,
            "origin": self.origin,
            "items": scan.items,
            "content_hash": scan.content_hash,
        }
