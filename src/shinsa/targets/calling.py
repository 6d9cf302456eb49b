"""The one call path to a model. Runs (the assessed target), LLM judges and attackers all send
their requests through a :class:`Caller`, so retries, backoff, Retry-After, pacing, bounded
concurrency, deadlines and error recording behave the same wherever a model is asked."""

from __future__ import annotations

import asyncio
import random
import time
from contextlib import AbstractAsyncContextManager, nullcontext
from dataclasses import dataclass

from shinsa.targets.base import ChatMessages, Completion, Target, TargetError


@dataclass(frozen=True, slots=True)
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


@dataclass(slots=True)
class Call:
    """What became of one request: the completion, or the error that ended it after retries."""

    completion: Completion | None
    retries: int
    latency_ms: float | None = None
    """Of the attempt that answered."""
    error: TargetError | None = None

    @property
    def failure(self) -> str | None:
        """The error as recorded with an attempt, None when the call succeeded."""
        if self.error is None:
            return None
        return f"{self.error} (after {self.retries} retries)"

    def answer(self) -> Completion:
        """The completion, or the last :class:`TargetError` raised when the call failed for good."""
        if self.completion is None:
            raise self.error or TargetError("no answer", retryable=False)
        return self.completion


class Caller:
    """Sends requests to one target. Every attempt waits for the rate limiter and a concurrency
    slot; a retryable :class:`TargetError` (429, 5xx, timeouts, dropped connections, malformed
    bodies) is retried after :meth:`RetryPolicy.delay`, any other ends the call at once.

    ``concurrency`` bounds requests in flight (None: the caller's own workers bound them);
    ``deadline`` bounds one attempt in seconds, for targets that do not enforce
    ``TargetOptions.timeout`` themselves (None: the target's own timeout applies)."""

    def __init__(
        self,
        target: Target,
        retry: RetryPolicy | None = None,
        *,
        rate: float | None = None,
        concurrency: int | None = None,
        deadline: float | None = None,
        seed: int = 0,
    ) -> None:
        self.target = target
        self.retry = retry or RetryPolicy()
        self.limiter = RateLimiter(rate)
        self.slots = asyncio.Semaphore(max(1, concurrency)) if concurrency is not None else None
        self.deadline = deadline
        self.rng = random.Random(seed)

    def _slot(self) -> AbstractAsyncContextManager[object]:
        return self.slots if self.slots is not None else nullcontext()

    async def _attempt(self, messages: ChatMessages) -> Completion:
        async with self._slot():
            if self.deadline is None:
                return await self.target.generate(messages)
            try:
                async with asyncio.timeout(self.deadline):
                    return await self.target.generate(messages)
            except TimeoutError:
                raise TargetError(f"timed out after {self.deadline:g}s", retryable=True) from None

    async def call(self, messages: ChatMessages) -> Call:
        """Ask until answered or out of retries; never raises :class:`TargetError`."""
        retries = 0
        while True:
            if self.limiter.interval:
                await self.limiter.wait()
            started = time.perf_counter()
            try:
                completion = await self._attempt(messages)
            except TargetError as exc:
                if not exc.retryable or retries >= self.retry.max_retries:
                    return Call(None, retries, error=exc)
                await asyncio.sleep(self.retry.delay(retries, exc, self.rng))
                retries += 1
                continue
            return Call(completion, retries, (time.perf_counter() - started) * 1000)

    async def complete(self, messages: ChatMessages) -> Completion:
        """Like :meth:`call`, raising the last :class:`TargetError` when the call failed for good."""
        return (await self.call(messages)).answer()
