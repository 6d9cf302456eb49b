"""Width and dash folding that remembers where every folded character came from.

Detectors match on folded text (full-width digits, ＠, 〶 and dash variants become their plain
forms) but must report spans in the text the user sees, so each folded character keeps the span of
the original characters it was made from.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass

_DASHES = frozenset("‐‑‒–—―−﹣－⁃ｰ")
"""Dash look-alikes NFKC leaves alone (or maps to something other than ``-``)."""
_LONG_VOWEL = "ー"
"""Katakana long-vowel mark: a dash between digits (090ー1234ー5678), a vowel elsewhere."""
_WAVES = frozenset("〜～∼")
_INVISIBLE = frozenset("\u200b\u200c\u200d\u2060\ufeff\u00ad")


def _fold_cluster(cluster: str) -> str:
    """Fold one base character with its combining marks."""
    if cluster.isascii():
        return cluster
    if cluster in _DASHES:
        return "-"
    if cluster in _WAVES:
        return "~"
    if unicodedata.category(cluster[0]) == "No":
        # ①, ², ½: NFKC would turn them into digits and invent digit runs that are not numbers.
        return cluster
    return unicodedata.normalize("NFKC", cluster)


def _clusters(text: str) -> list[tuple[int, int]]:
    """Spans of base characters together with the combining marks (ﾞ, ﾟ, accents) after them."""
    spans: list[tuple[int, int]] = []
    for index, char in enumerate(text):
        if char.isascii():
            spans.append((index, index + 1))
            continue
        nfkc = unicodedata.normalize("NFKC", char)
        if spans and nfkc and unicodedata.combining(nfkc[0]):
            start, _ = spans[-1]
            spans[-1] = (start, index + 1)
        else:
            spans.append((index, index + 1))
    return spans


@dataclass(frozen=True, slots=True)
class FoldedText:
    """``text`` is the folded form of ``original``; ``sources[i]`` is the original span of
    ``text[i]``."""

    original: str
    text: str
    sources: tuple[tuple[int, int], ...]

    def original_span(self, start: int, end: int) -> tuple[int, int]:
        """The span of ``original`` that ``text[start:end]`` was folded from."""
        if start >= end:
            position = self.sources[start][0] if start < len(self.sources) else len(self.original)
            return position, position
        return self.sources[start][0], self.sources[end - 1][1]


def fold(original: str) -> FoldedText:
    """NFKC per character cluster, dash and wave-dash variants unified, invisible characters
    dropped, and ー read as a dash between digits."""
    pieces: list[str] = []
    sources: list[tuple[int, int]] = []
    clusters = _clusters(original)
    for position, (start, end) in enumerate(clusters):
        cluster = original[start:end]
        if cluster in _INVISIBLE:
            continue
        folded = _fold_cluster(cluster)
        if cluster == _LONG_VOWEL and _between_digits(original, clusters, position, pieces):
            folded = "-"
        pieces.append(folded)
        sources.extend([(start, end)] * len(folded))
    return FoldedText(original, "".join(pieces), tuple(sources))


def _between_digits(
    original: str, clusters: list[tuple[int, int]], position: int, folded_so_far: list[str]
) -> bool:
    before = folded_so_far[-1][-1:] if folded_so_far else ""
    if position + 1 >= len(clusters):
        return False
    start, end = clusters[position + 1]
    after = _fold_cluster(original[start:end])[:1]
    return before.isascii() and before.isdigit() and after.isascii() and after.isdigit()
