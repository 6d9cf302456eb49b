"""Quality checks for suite content, shared by the bundled-suite tests and suite authors.

Near-duplicate prompts inflate a suite without measuring anything new, so suites are checked with
character 3-gram Jaccard similarity (language-neutral: works for Japanese without a tokenizer).
"""

from __future__ import annotations

import math
from collections import Counter, defaultdict

from shinsa.errors import InputError
from shinsa.text import normalise

_EPSILON = 1e-9


def char_ngrams(text: str, n: int = 3) -> frozenset[str]:
    """The set of character n-grams of the normalised text (the whole text if it is shorter)."""
    norm = normalise(text, paragraphs=False)
    if len(norm) < n:
        return frozenset([norm]) if norm else frozenset()
    return frozenset(norm[i : i + n] for i in range(len(norm) - n + 1))


def jaccard(a: frozenset[str], b: frozenset[str]) -> float:
    """Jaccard similarity of two sets; two empty sets count as unrelated (0.0)."""
    union = len(a | b)
    return len(a & b) / union if union else 0.0


def near_duplicates(
    texts: list[tuple[str, str, str | None]], threshold: float = 0.9
) -> list[tuple[str, str, float]]:
    """Pairs ``(id_a, id_b, similarity)`` whose 3-gram Jaccard similarity is >= ``threshold``.

    ``texts`` holds ``(id, text, group)`` triples; pairs sharing a non-None group are intended
    variants (perturbations, counterfactual swaps) and are not reported. Uses prefix filtering
    (rarest grams first) and length filtering, so only plausible pairs are compared exactly.
    Pairs come in input order (``id_a`` before ``id_b``).
    """
    if not 0.0 < threshold <= 1.0:
        raise InputError(f"near-duplicate threshold must be in (0, 1], got {threshold}")
    gram_sets = [char_ngrams(text) for _, text, _ in texts]
    frequency: Counter[str] = Counter(gram for grams in gram_sets for gram in grams)

    # A pair with Jaccard >= t shares a gram within each set's first |s| - ceil(t*|s|) + 1 grams
    # when grams are ordered the same way everywhere; rarest first keeps the postings short.
    postings: dict[str, list[int]] = defaultdict(list)
    found: list[tuple[int, int, float]] = []
    for index, grams in enumerate(gram_sets):
        if not grams:
            continue
        ordered = sorted(grams, key=lambda gram: (frequency[gram], gram))
        prefix_length = len(ordered) - math.ceil(threshold * len(ordered) - _EPSILON) + 1
        candidates: set[int] = set()
        for gram in ordered[:prefix_length]:
            candidates.update(postings[gram])
            postings[gram].append(index)
        group = texts[index][2]
        for other in sorted(candidates):
            if group is not None and texts[other][2] == group:
                continue
            smaller, larger = sorted((len(grams), len(gram_sets[other])))
            if smaller < threshold * larger - _EPSILON:
                continue
            overlap = len(grams & gram_sets[other])
            similarity = overlap / (len(grams) + len(gram_sets[other]) - overlap)
            if similarity >= threshold - _EPSILON:
                found.append((other, index, similarity))
    found.sort()
    return [(texts[a][0], texts[b][0], similarity) for a, b, similarity in found]
