"""Scorers that need no model: reference strings, regular expressions and multiple choice."""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

import regex

from shinsa.errors import InputError
from shinsa.items import Item
from shinsa.outcomes import Outcome, Score
from shinsa.scorers.base import SyncScorer, scorers
from shinsa.targets.base import Completion
from shinsa.text import normalise

REGEX_SECONDS = 1.0
"""A suite's pattern gets this long per answer: ``^(a+)+$`` on a long answer would otherwise
backtrack for hours, holding the interpreter the whole time."""


@lru_cache(maxsize=4096)
def _compile(pattern: str) -> regex.Pattern[str]:
    """Patterns run on the ``regex`` engine, which can stop a search after a time limit (Python's
    ``re`` cannot) and releases the interpreter lock while it matches."""
    try:
        return regex.compile(pattern, regex.IGNORECASE | regex.DOTALL | regex.VERSION0)
    except regex.error as exc:
        raise InputError(f"invalid regular expression {pattern!r}: {exc}") from None


def _verdict(ok: bool, why: str) -> Score:
    return Score(Outcome.PASSED if ok else Outcome.FAILED, 1.0 if ok else 0.0, why)


@scorers.register("contains")
class ContainsScorer(SyncScorer):
    """Passes when every reference string appears in the answer (after normalisation)."""

    name = "contains"
    version = "2"

    def score(self, item: Item, completion: Completion) -> Score:
        if not item.reference:
            raise InputError(f"item {item.id}: scorer 'contains' needs a reference")
        text = normalise(completion.text, paragraphs=False)
        missing = [ref for ref in item.reference if normalise(ref, paragraphs=False) not in text]
        if missing:
            return _verdict(False, "missing: " + ", ".join(missing))
        return _verdict(True, "all reference strings present")


@scorers.register("regex")
class RegexScorer(SyncScorer):
    """Passes when the answer matches the item's pattern (case-insensitive, on NFKC text)."""

    name = "regex"
    version = "1"

    def score(self, item: Item, completion: Completion) -> Score:
        if not item.reference:
            raise InputError(f"item {item.id}: scorer 'regex' needs a pattern in reference")
        pattern = _compile(item.reference[0])
        try:
            match = pattern.search(unicodedata.normalize("NFKC", completion.text), timeout=REGEX_SECONDS, concurrent=True)
        except TimeoutError:
            return Score(Outcome.UNSCORABLE, None, f"pattern took longer than {REGEX_SECONDS:g}s on this answer")
        return _verdict(match is not None, f"pattern {'matched' if match else 'not matched'}")


_LETTER = re.compile(
    r"(?<![A-Za-z])\(?([A-Za-z])[\).:：）](?=[\s.,。、]|$)"  # "B." "(b)" "C)" "(c)."
    r"|^\s*[\(「]?([A-Za-z])[\)」]?\s*[。.]?\s*$"  # the whole answer is a letter: "C" "「B」"
    r"|(?:^|(?<=[、。,.\s]))[\(「]?([A-Za-z])[\)」]?\s*(?:です|だ|でしょう)"  # "Cです" "いや、Bです"
    r"|(?:答え|正解|回答|選択肢|answer|option|choice)\s*(?:は|:|：|is)?\s*[\(「]?([A-Za-z])(?![A-Za-z])"  # "答えはB"
    r"|(?<![A-Za-z])[\(「]?([A-Za-z])[\)」]?\s*(?:が|を)?\s*(?:正解|正しい|選びます|is correct|is right)",  # "Cが正解"
    re.IGNORECASE,
)
_CORRECTION = re.compile(r"いや|訂正|間違えました|actually|correction|i mean", re.IGNORECASE)


def chosen_option(item: Item, output: str) -> int | None:
    """The option an answer picks: by letter (A/B/C, (a), 答え：B, Cが正解), else by the option's
    text. Several different picks count as none, unless the answer corrects itself, when the
    last one counts."""
    choices = item.choices or []
    text = unicodedata.normalize("NFKC", output).strip()
    picks: list[int] = []
    for match in _LETTER.finditer(text):
        letter = next(g for g in match.groups() if g)
        index = ord(letter.upper()) - ord("A")
        if 0 <= index < len(choices) and index not in picks:
            picks.append(index)
    if len(picks) == 1 or (picks and _CORRECTION.search(text)):
        return picks[-1]
    if picks:
        return None
    folded = normalise(text, paragraphs=False)
    mentioned = [i for i, choice in enumerate(choices) if normalise(choice, paragraphs=False) in folded]
    if len(mentioned) == 1:
        return mentioned[0]
    return None


@scorers.register("choice")
class ChoiceScorer(SyncScorer):
    """Multiple choice: passes when the answer picks ``choices[answer]``; unscorable when it picks
    none or several, so an evasive answer is neither right nor wrong."""

    name = "choice"
    version = "3"

    def score(self, item: Item, completion: Completion) -> Score:
        if not item.choices or item.answer is None:
            raise InputError(f"item {item.id}: scorer 'choice' needs choices and answer")
        picked = chosen_option(item, completion.text)
        if picked is None:
            return Score(Outcome.UNSCORABLE, None, "no single option identified", {"chosen": None})
        ok = picked == item.answer
        return Score(
            Outcome.PASSED if ok else Outcome.FAILED,
            1.0 if ok else 0.0,
            f"chose option {chr(65 + picked)}",
            {"chosen": picked},
        )
