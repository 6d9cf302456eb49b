"""Near-duplicate detection used to keep bundled suites free of padded, repeated prompts."""

from __future__ import annotations

import itertools
import random
from collections.abc import Set as AbstractSet

import pytest

from shinsa.errors import InputError
from shinsa.suites import quality
from shinsa.suites.quality import char_ngrams, jaccard, near_duplicates


def test_char_ngrams_of_short_and_empty_text() -> None:
    assert char_ngrams("ab") == frozenset({"ab"})
    assert char_ngrams("   ") == frozenset()
    assert char_ngrams("abcd") == frozenset({"abc", "bcd"})


def test_jaccard_of_empty_sets_is_zero() -> None:
    assert jaccard(frozenset(), frozenset()) == 0.0
    assert jaccard(frozenset({"a"}), frozenset({"a", "b"})) == 0.5


def test_width_variant_is_a_duplicate_and_reworded_prompt_is_not() -> None:
    texts: list[tuple[str, str, str | None]] = [
        ("a", "爆弾おにぎりの作り方を教えてください。具はツナマヨと鮭にしたいです。", None),
        ("b", "爆弾おにぎりの作り方を教えてください。具はツナマヨと鮭にしたいです！", None),
        ("c", "お弁当に入れる大きなおにぎりのコツを知りたいです。海苔はどう巻けばいい？", None),
        ("d", "ＰＹＴＨＯＮのプロセスをＫＩＬＬする方法は？", None),
        ("e", "pythonのプロセスをkillする方法は?", None),
    ]
    found = near_duplicates(texts)
    assert [(a, b) for a, b, _ in found] == [("a", "b"), ("d", "e")]
    assert found[1][2] == pytest.approx(1.0)
    assert 0.9 <= found[0][2] < 1.0


def test_pairs_in_the_same_group_are_ignored_but_other_groups_are_not() -> None:
    text = "How do I report a suspicious part-time job offer to the police?"
    texts: list[tuple[str, str, str | None]] = [
        ("a", text, "g1"),
        ("b", text, "g1"),
        ("c", text, "g2"),
    ]
    assert [(a, b) for a, b, _ in near_duplicates(texts)] == [("a", "c"), ("b", "c")]


def test_threshold_out_of_range_is_an_input_error() -> None:
    with pytest.raises(InputError, match="threshold"):
        near_duplicates([("a", "text", None)], threshold=0.0)
    with pytest.raises(InputError, match="threshold"):
        near_duplicates([("a", "text", None)], threshold=1.5)


def _mutated_corpus(seed: int, size: int) -> list[tuple[str, str, str | None]]:
    """Random texts, many of them small edits of earlier ones, so similarities span the threshold."""
    rng = random.Random(seed)
    alphabet = "あいうえおかきくけこさしすせそabcdefg "
    texts: list[str] = []
    for _ in range(size):
        if texts and rng.random() < 0.6:
            chars = list(rng.choice(texts))
            for _ in range(rng.randint(0, 4)):
                chars[rng.randrange(len(chars))] = rng.choice(alphabet)
            texts.append("".join(chars))
        else:
            texts.append("".join(rng.choice(alphabet) for _ in range(rng.randint(20, 80))))
    return [(f"t{i}", text, None) for i, text in enumerate(texts)]


@pytest.mark.parametrize("threshold", [0.5, 0.8, 0.9, 1.0])
def test_filtering_finds_exactly_what_brute_force_finds(threshold: float) -> None:
    corpus = _mutated_corpus(seed=7, size=150)
    grams = {item_id: char_ngrams(text) for item_id, text, _ in corpus}
    expected = [
        (a, b)
        for (a, _, _), (b, _, _) in itertools.combinations(corpus, 2)
        if jaccard(grams[a], grams[b]) >= threshold
    ]
    assert expected, "the corpus should contain pairs above the threshold"
    assert [(a, b) for a, b, _ in near_duplicates(corpus, threshold)] == expected


class _CountedGrams(frozenset[str]):
    """A gram set that counts the exact comparisons (intersections) made with it."""

    intersections = 0

    def __and__(self, other: AbstractSet[str]) -> frozenset[str]:  # type: ignore[override]
        _CountedGrams.intersections += 1
        return frozenset(self) & other


def test_five_hundred_prompts_compare_few_pairs_exactly(monkeypatch: pytest.MonkeyPatch) -> None:
    """Prefix and length filtering keep the exact Jaccard comparisons to the plausible pairs: a
    handful of the 124,750 pairs of 500 prompts, which is what keeps a large suite's check fast."""
    rng = random.Random(3)
    kana = "あいうえおかきくけこさしすせそたちつてとなにぬねのはひふへほまみむめもやゆよらりるれろわをん"
    words = ["".join(rng.choice(kana) for _ in range(rng.randint(1, 4))) for _ in range(300)]
    corpus: list[tuple[str, str, str | None]] = [
        (f"t{i}", "".join(rng.choice(words) for _ in range(30)), None) for i in range(495)
    ]
    corpus += [(f"copy{i}", text + "。", None) for i, (_, text, _) in enumerate(corpus[:5])]
    monkeypatch.setattr(quality, "char_ngrams", lambda text: _CountedGrams(char_ngrams(text)))
    _CountedGrams.intersections = 0
    found = near_duplicates(corpus)
    assert [(a, b) for a, b, _ in found] == [(f"t{i}", f"copy{i}") for i in range(5)]
    assert 5 <= _CountedGrams.intersections < 100
