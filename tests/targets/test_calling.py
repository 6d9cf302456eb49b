"""The one call path to a model: retries, backoff, Retry-After, pacing, concurrency, deadlines."""

from __future__ import annotations

import asyncio
import random
import time

import pytest

from shinsa.targets.base import ChatMessages, Completion, Target, TargetError, TargetOptions
from shinsa.targets.calling import Caller, RetryPolicy

ASK: ChatMessages = [{"role": "user", "content": "hello"}]


class Scripted(Target):
    """Raises the scripted errors in turn, then answers; counts calls and calls in flight."""

    kind = "scripted"

    def __init__(self, *errors: TargetError, hold: float = 0.0) -> None:
        super().__init__("", TargetOptions())
        self.errors = list(errors)
        self.hold = hold
        self.calls = 0
        self.in_flight = 0
        self.most_in_flight = 0

    def fingerprint(self) -> dict[str, object]:
        return {"kind": self.kind}

    async def generate(self, messages: ChatMessages) -> Completion:
        self.calls += 1
        self.in_flight += 1
        self.most_in_flight = max(self.most_in_flight, self.in_flight)
        try:
            if self.hold:
                await asyncio.sleep(self.hold)
            if self.errors:
                raise self.errors.pop(0)
            return Completion("answer", 3, 1, "stop")
        finally:
            self.in_flight -= 1


def _busy(retry_after: float | None = None) -> TargetError:
    return TargetError("HTTP 503", retryable=True, retry_after=retry_after)


def test_backoff_is_full_jitter_below_the_exponential_cap() -> None:
    policy = RetryPolicy(max_retries=5, base_delay=0.5, max_delay=3.0)
    rng = random.Random(1)
    for attempt, cap in ((0, 0.5), (1, 1.0), (2, 2.0), (3, 3.0), (6, 3.0)):
        delays = [policy.delay(attempt, _busy(), rng) for _ in range(200)]
        assert all(0 <= delay <= cap for delay in delays)
        assert max(delays) > cap * 0.8  # the whole range is used, not a fixed step


def test_retry_after_is_a_lower_bound_capped_at_four_times_the_maximum() -> None:
    policy = RetryPolicy(base_delay=0.001, max_delay=2.0)
    rng = random.Random(0)
    assert policy.delay(0, _busy(retry_after=5.0), rng) == 5.0
    assert policy.delay(0, _busy(retry_after=100.0), rng) == 8.0


async def test_retryable_errors_are_retried_and_the_completion_kept_whole() -> None:
    target = Scripted(_busy(), _busy())
    call = await Caller(target, RetryPolicy(max_retries=3, base_delay=0.001)).call(ASK)
    assert call.completion == Completion("answer", 3, 1, "stop")
    assert (call.retries, call.error, call.failure, target.calls) == (2, None, None, 3)
    assert call.latency_ms is not None and call.latency_ms >= 0


async def test_a_call_out_of_retries_records_the_error_instead_of_raising() -> None:
    target = Scripted(_busy(), _busy(), _busy())
    call = await Caller(target, RetryPolicy(max_retries=2, base_delay=0.001)).call(ASK)
    assert call.completion is None and call.retries == 2 and target.calls == 3
    assert call.failure == "HTTP 503 (after 2 retries)"
    with pytest.raises(TargetError, match="HTTP 503"):
        call.answer()


async def test_a_permanent_error_ends_the_call_at_once() -> None:
    target = Scripted(TargetError("HTTP 401", retryable=False))
    caller = Caller(target, RetryPolicy(max_retries=5, base_delay=0.001))
    with pytest.raises(TargetError, match="401"):
        await caller.complete(ASK)
    assert target.calls == 1


async def test_the_server_retry_after_is_waited_for() -> None:
    target = Scripted(_busy(retry_after=0.2))
    started = time.monotonic()
    await Caller(target, RetryPolicy(max_retries=1, base_delay=0.001)).complete(ASK)
    assert time.monotonic() - started >= 0.2


async def test_the_rate_spaces_requests() -> None:
    caller = Caller(Scripted(), rate=20.0)
    started = time.monotonic()
    await asyncio.gather(*(caller.complete(ASK) for _ in range(5)))
    assert time.monotonic() - started >= 4 / 20.0


async def test_concurrency_bounds_requests_in_flight() -> None:
    target = Scripted(hold=0.02)
    caller = Caller(target, concurrency=2)
    await asyncio.gather(*(caller.complete(ASK) for _ in range(8)))
    assert (target.calls, target.most_in_flight) == (8, 2)


async def test_a_deadline_turns_a_hung_request_into_a_retryable_timeout() -> None:
    target = Scripted(hold=30.0)
    call = await Caller(target, RetryPolicy(max_retries=1, base_delay=0.001), deadline=0.05).call(ASK)
    assert call.completion is None and target.calls == 2
    assert call.failure == "timed out after 0.05s (after 1 retries)"
