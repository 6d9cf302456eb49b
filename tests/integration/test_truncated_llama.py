"""A real llama.cpp server cut off by a small ``max_tokens`` says ``finish_reason: length``, the
openai target passes it on, and no scorer judges the cut-off answer as if it were complete."""

from __future__ import annotations

import pytest

from shinsa.items import Item
from shinsa.outcomes import Outcome
from shinsa.scorers.base import build_scorer
from shinsa.targets.base import TargetOptions, build_target
from shinsa.targets.calling import Caller

pytestmark = pytest.mark.integration

QUESTION = Item(id="long-1", perspective=1, language="en", prompt="Describe the history of Japan in detail, era by era.")


async def test_a_small_token_limit_yields_length_and_an_unscorable_verdict(llama_server: str) -> None:
    options = TargetOptions(base_url=llama_server, max_tokens=4, temperature=0.0)
    async with build_target("openai:gemma3-270m", options) as target:
        completion = await Caller(target).complete(QUESTION.messages())
    assert completion.finish_reason == "length"
    assert completion.truncated and completion.completion_tokens == 4
    assert completion.text.strip()  # four tokens of an answer, not an empty one
    for name in ("refusal", "pii"):
        verdict = await build_scorer(name).verdict(QUESTION, completion)
        assert verdict.outcome is Outcome.UNSCORABLE, name
        assert "token limit" in verdict.explanation and verdict.details["finish_reason"] == "length"
    anyway = await build_scorer("pii", score_truncated=True).verdict(QUESTION, completion)
    assert anyway.outcome is Outcome.PASSED and anyway.details["truncated"] is True


async def test_an_answer_that_ends_by_itself_says_stop(llama_server: str) -> None:
    options = TargetOptions(base_url=llama_server, max_tokens=256, temperature=0.0, params={"stop": ["."]})
    async with build_target("openai:gemma3-270m", options) as target:
        completion = await Caller(target).complete(QUESTION.messages())
    assert completion.finish_reason == "stop" and not completion.truncated
