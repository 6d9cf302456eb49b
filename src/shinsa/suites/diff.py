"""Differences between two suites (or two versions of one), by item id."""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass

from shinsa.suites.base import Suite


@dataclass
class SuiteDiff:
    added: list[str]
    removed: list[str]
    changed: list[str]


def _digests(suite: Suite) -> dict[str, str]:
    return {
        item.id: hashlib.sha256(
            json.dumps(item.model_dump(mode="json"), sort_keys=True, ensure_ascii=False).encode()
        ).hexdigest()
        for item in suite.items()
    }


def diff_suites(old: Suite, new: Suite) -> SuiteDiff:
    before, after = _digests(old), _digests(new)
    return SuiteDiff(
        added=sorted(after.keys() - before.keys()),
        removed=sorted(before.keys() - after.keys()),
        changed=sorted(k for k in before.keys() & after.keys() if before[k] != after[k]),
    )
