"""The one text normaliser: full-width, dash, wave-dash, quote and invisible-character variants fold
to one spelling, so suite checks, matching scorers, refusal rules and PII detectors compare the same
way.

:func:`normalise` gives the folded string for comparisons; :func:`fold` applies the same character
folding without touching case or spacing and remembers, for every folded character, the span of the
original it came from, for detectors that must point at the text the user sees.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

_DASHES = "‐‑‒–—―−﹣－⁃"
"""Dash look-alikes NFKC leaves alone (or maps to something other than ``-``)."""
_WAVES = "〜～∼⁓"
_INVISIBLE = "\u200b\u200c\u200d\u2060\ufeff\u00ad"
_LONG_VOWEL = "ー"
"""Katakana long-vowel mark: a dash between digits (090ー1234ー5678), a vowel elsewhere."""
_CHARACTERS = str.maketrans(
    {
        **dict.fromkeys(_DASHES, "-"),
        **dict.fromkeys(_WAVES, "~"),
        **dict.fromkeys(_INVISIBLE, ""),
        **dict.fromkeys("ｰ─━", _LONG_VOWEL),
        **dict.fromkeys("‘’‚‛`´", "'"),
        **dict.fromkeys("“”„‟", '"'),
        "\u3000": " ",
    }
)
_FOLDABLE = re.compile("[" + re.escape("".join(map(chr, _CHARACTERS))) + "]")
"""Any character the table changes: most text has none, and a search is far cheaper than a
dict-driven translate (this runs once per answer and reference on the scoring hot path)."""
_BLANKS = re.compile(r"[ \t\r\f\v]+")
_PARAGRAPH_BREAK = re.compile(r"\n\s*\n+")


def normalise(text: str, *, paragraphs: bool = True) -> str:
    """NFKC, the character folding above, lower case, blanks collapsed; with ``paragraphs`` line
    breaks are kept (one blank line between paragraphs), without it all whitespace becomes one
    space."""
    text = unicodedata.normalize("NFKC", text)
    if _FOLDABLE.search(text):
        text = text.translate(_CHARACTERS)
    text = text.lower()
    if not paragraphs:
        return " ".join(text.split())
    return _PARAGRAPH_BREAK.sub("\n\n", _BLANKS.sub(" ", text)).strip()


def _fold_cluster(cluster: str) -> str:
    """Fold one base character with its combining marks."""
    if cluster.isascii():
        return cluster
    if unicodedata.category(cluster[0]) == "No":
        # ①, ², ½: NFKC would turn them into digits and invent digit runs that are not numbers.
        return cluster
    folded = unicodedata.normalize("NFKC", cluster)
    return folded.translate(_CHARACTERS) if _FOLDABLE.search(folded) else folded


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
    """:func:`normalise`'s character folding per character cluster, keeping case and spacing, with
    ー (or ｰ) read as a dash between digits."""
    pieces: list[str] = []
    sources: list[tuple[int, int]] = []
    clusters = _clusters(original)
    for position, (start, end) in enumerate(clusters):
        folded = _fold_cluster(original[start:end])
        if folded == _LONG_VOWEL and _between_digits(original, clusters, position, pieces):
            folded = "-"
        if folded:
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
