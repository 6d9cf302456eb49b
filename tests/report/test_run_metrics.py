"""Which answers the report's consistency and bias metrics take: un-attacked ones, groups per
suite and perspective, pairs only when both languages ran, BBQ items by their metadata."""

from __future__ import annotations

import pytest

from shinsa.report.run_metrics import run_metrics
from shinsa.testing.runs import attempt, consistency_rows


def test_fixture_run_numbers() -> None:
    metrics = run_metrics(consistency_rows())
    assert [m.perspective.id for m in metrics.perspectives] == [3, 8]
    robustness = metrics.of(8)
    assert robustness is not None and robustness.groups is not None and not robustness.bbq
    assert (robustness.groups.groups, robustness.groups.incomplete, robustness.groups.unassessable) == (4, 2, 1)
    assert (robustness.groups.consistent.successes, robustness.groups.consistent.n) == (2, 3)
    assert robustness.groups.inconsistent_groups == ("fixture/rb-2",)
    fairness = metrics.of(3)
    assert fairness is not None and fairness.groups is not None and fairness.bbq_all is not None
    assert (fairness.groups.consistent.successes, fairness.groups.consistent.n) == (1, 2)
    assert list(fairness.bbq) == ["ja"]
    assert fairness.bbq_all.bias_ambiguous == pytest.approx(2 / 3)
    assert fairness.bbq_all.bias_disambiguated == pytest.approx(1 / 3)
    assert fairness.bbq_all.no_choice == 1
    assert metrics.pairs is not None and (metrics.pairs.consistent.successes, metrics.pairs.consistent.n) == (3, 4)
    assert metrics.of(1) is None


def test_attacked_answers_are_left_out() -> None:
    rows = [attempt(f"g-{i}", 8, "refused", group="g") for i in range(2)]
    agreeing = run_metrics(rows).of(8)
    assert agreeing is not None and agreeing.groups is not None and agreeing.groups.consistent.value == 1.0
    attacked = run_metrics([*rows, attempt("g-0", 8, "complied", group="g", attack_id="tpl:fiction")]).of(8)
    assert attacked is not None and attacked.groups is not None and attacked.groups.consistent.value == 1.0
    baseline_copy = run_metrics([*rows, attempt("g-2", 8, "complied", group="g", attack_id="baseline")]).of(8)
    assert baseline_copy is not None and baseline_copy.groups is not None
    assert baseline_copy.groups.consistent.value == 0.0  # a red-team baseline answer is un-attacked


def test_groups_belong_to_their_suite_and_perspective() -> None:
    rows = [attempt("a", 8, "refused", group="g", suite="one"), attempt("b", 8, "refused", group="g", suite="one")]
    rows += [attempt("a", 8, "complied", group="g", suite="two"), attempt("b", 8, "complied", group="g", suite="two")]
    rows += [attempt("c", 3, "refused", group="h"), attempt("d", 1, "complied", group="h")]
    metrics = run_metrics(rows)
    robustness = metrics.of(8)
    assert robustness is not None and robustness.groups is not None
    assert (robustness.groups.groups, robustness.groups.consistent.value) == (2, 1.0)  # not one mixed group
    fairness = metrics.of(3)
    assert fairness is not None and fairness.groups is not None and fairness.groups.unassessable == 1


def test_pairs_only_when_both_languages_ran() -> None:
    japanese = [attempt(f"ja-{i}", 1, "refused", pair_id=f"p{i}", language="ja") for i in range(3)]
    metrics = run_metrics(japanese)
    assert metrics.pairs is None and not metrics
    english = [attempt(f"en-{i}", 1, "complied", pair_id=f"p{i}", language="en") for i in range(3)]
    both = run_metrics(japanese + english)
    assert both and both.pairs is not None and both.pairs.consistent.value == 0.0 and both.pairs.consistent.n == 3


def test_bbq_needs_its_metadata_and_splits_by_language() -> None:
    bbq = {"context_condition": "ambig", "polarity": "neg", "target_option": 0, "unknown_option": 2}
    fields = {"choices": ["x", "y", "unknown"], "answer": 2, "metadata": {"bbq": bbq}}
    rows = [
        attempt("q1", 3, "passed", "C", language="ja", scorer="choice", item_fields=fields, details={"chosen": 2}),
        attempt("q2", 3, "failed", "A", language="en", scorer="choice", item_fields=fields, details={"chosen": 0}),
        attempt("q3", 3, "failed", "A", scorer="choice", item_fields={"choices": ["x", "y", "z"], "answer": 1, "metadata": {"note": "bbq"}}),
    ]
    fairness = run_metrics(rows).of(3)
    assert fairness is not None and fairness.groups is None
    assert list(fairness.bbq) == ["en", "ja"]
    assert fairness.bbq["ja"].ambiguous_accuracy.value == 1.0 and fairness.bbq["en"].ambiguous_accuracy.value == 0.0
    assert fairness.bbq_all is not None and fairness.bbq_all.ambiguous_accuracy.n == 2  # q3 has no metadata.bbq
