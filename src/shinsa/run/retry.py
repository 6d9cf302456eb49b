"""Retry policy and request pacing for calls to a target."""

from __future__ import annotations

import asyncio
import random
from dataclasses import dataclass

from shinsa.targets.base import TargetError


@dataclass(slots=True)
class RetryPolicy:
    max_retries: int = 5
    base_delay: float = 0.5
    max_delay: float = 30.0

    def delay(self, attempt: int, error: TargetError, rng: random.Random) -> float:
        """Exponential backoff with full jitter; the server's Retry-After is a lower bound."""
        backoff = rng.uniform(0, min(self.max_delay, self.base_delay * (2**attempt)))
        if error.retry_after is not None:
            return max(backoff, min(error.retry_after, self.max_delay * 4))
        return backoff


class RateLimiter:
    """Spaces requests at most ``rate`` per second (a token bucket of depth one)."""

    def __init__(self, rate: float | None) -> None:
        self.interval = 1.0 / rate if rate else 0.0
        self._next = 0.0

    async def wait(self) -> None:
        if not self.interval:
            return
        loop = asyncio.get_running_loop()
        now = loop.time()
        start = max(now, self._next)
        self._next = start + self.interval
        if start > now:
            await asyncio.sleep(start - now)
