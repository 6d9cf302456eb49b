"""Typed scorer options: each scorer declares a pydantic model, so a bad option is one clear line."""

from __future__ import annotations

import pytest

from shinsa.errors import InputError
from shinsa.scorers.base import build_scorer
from shinsa.scorers.judges import EnsembleScorer, JudgeOptions, RubricScorer
from shinsa.targets.base import build_target


def test_an_unknown_option_names_the_scorer_and_the_option() -> None:
    with pytest.raises(InputError) as caught:
        build_scorer("contains", case_sensitive=True)
    assert str(caught.value) == "scorer 'contains': option case_sensitive: Extra inputs are not permitted"
    assert "\n" not in str(caught.value)


def test_a_mistyped_option_is_refused_before_scoring() -> None:
    with pytest.raises(InputError, match=r"scorer .requirement.: option retries: .*greater than or equal to 0"):
        build_scorer("requirement", retries=-1)
    with pytest.raises(InputError, match=r"option min_valid: .*valid integer"):
        build_scorer("ensemble", min_valid="most")


def test_options_arrive_typed_and_the_ensemble_passes_retries_to_its_members() -> None:
    scorer = build_scorer("requirement", retries="5")
    assert isinstance(scorer.options, JudgeOptions)
    assert scorer.options.retries == 5
    assert scorer.options.retry_delay == 0.5
    judges = [build_target("python:shinsa.testing.bots:refuse"), build_target("python:shinsa.testing.bots:echo")]
    ensemble = build_scorer("ensemble", judge=judges[0], judges=judges[1:], retries=1, member="rubric")
    assert isinstance(ensemble, EnsembleScorer)
    assert [type(member) for member in ensemble.members] == [RubricScorer, RubricScorer]
    assert [member.options.retries for member in ensemble.members] == [1, 1]  # type: ignore[attr-defined]
    assert ensemble.min_valid == 2
