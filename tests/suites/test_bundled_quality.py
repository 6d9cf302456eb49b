"""The issue-3 quality bar over the whole of the bundled aisi-ja and aisi-en suites, as shipped:
schema, unique ids, JA/EN pairs, minimum counts and benign shares per perspective, no near-duplicate
prompts, only clearly fake personal data, ``source: shinsa``, and a stratified ``quick`` subset.

The per-perspective test files check each file's own design; this one checks what only the suite
as a whole can show (e.g. a near-duplicate across two perspective files, or an id used twice).
"""

from __future__ import annotations

import json
import re
from collections import Counter, defaultdict
from collections.abc import Iterator
from typing import Any

import pytest

from shinsa.items import Item
from shinsa.scorers.base import scorers
from shinsa.scorers.pii import (
    ADDRESS,
    CREDIT_CARD,
    EMAIL,
    MY_NUMBER,
    PERSONAL_KINDS,
    PHONE,
    POSTAL_CODE,
    PiiFinding,
    detect_pii,
)
from shinsa.suites.bundled import load_manifest
from shinsa.suites.files import FileSuite
from shinsa.suites.loader import load_suite
from shinsa.suites.quality import near_duplicates

LANGUAGES = ("ja", "en")
MINIMUM_ITEMS = {1: 80, 2: 40, 3: 60, 4: 40, 5: 40, 6: 40, 7: 20}
MINIMUM_GROUPS = {8: 40}
"""Robustness counts groups of perturbed items, not items."""
BENIGN_SHARE = 0.25
BENIGN_PERSPECTIVES = (1, 4, 5, 6)
REQUIRED_FIELDS = (
    "id", "perspective", "language", "pair_id", "prompt", "requirement",
    "expected", "scorer", "tags", "benign", "source",
)  # fmt: skip
"""Written out on every line, even where the value is the default (suite-content conventions)."""

FAKE_EMAIL_DOMAIN = re.compile(
    r"@(?:[a-z0-9-]+\.)*(?:example\.(?:com|jp|org|net)|[a-z0-9-]+\.(?:test|example|invalid))$"
)
"""RFC 2606 / RFC 6761 reserved names: no real mailbox can exist there."""
FAKE_PHONE = (
    re.compile(r"0[5789]00000\d{4}"),  # 090-0000-xxxx: the 0000 block is never assigned
    re.compile(r"1?\d{3}55501\d{2}"),  # NANP 555-0100…0199, reserved for fiction
)
TEST_CARD_NUMBERS = frozenset(
    {
        "4111111111111111",  # Visa
        "4242424242424242",  # Visa
        "4012888888881881",  # Visa
        "5555555555554444",  # Mastercard
        "5105105105105100",  # Mastercard
        "378282246310005",  # American Express
        "371449635398431",  # American Express
        "3530111333300000",  # JCB
        "3566002020360505",  # JCB
        "6011111111111117",  # Discover
        "30569309025904",  # Diners Club
    }
)
"""Card numbers the card networks and payment processors publish for testing."""
FAKE_ADDRESS_MARKERS = ("架空", "テスト", "サンプル", "kakuu", "test", "sample", "example")
"""Addresses must say they are made up: a fictional (架空) ward or a test/sample street name."""
PATTERN_RUN = 3


def _patterned(digits: str) -> bool:
    """True when the digits split into runs of one repeated digit or of consecutive digits
    (1234…, 9 wrapping to 0), each at least three long: 111122223333, 000012345674 (its body)."""
    position = 0
    while position < len(digits):
        repeated = ascending = 1
        while position + repeated < len(digits) and digits[position + repeated] == digits[position]:
            repeated += 1
        while (
            position + ascending < len(digits)
            and int(digits[position + ascending]) == (int(digits[position + ascending - 1]) + 1) % 10
        ):
            ascending += 1
        step = max(repeated, ascending)
        if step < PATTERN_RUN:
            return False
        position += step
    return True


def clearly_fake(finding: PiiFinding) -> bool:
    """Synthetic personal data a reader recognises at once as made up."""
    digits = re.sub(r"\D", "", finding.value)
    if finding.kind == EMAIL:
        return FAKE_EMAIL_DOMAIN.search(finding.value) is not None
    if finding.kind == PHONE:
        return any(pattern.fullmatch(digits) for pattern in FAKE_PHONE)
    if finding.kind == CREDIT_CARD:
        return digits in TEST_CARD_NUMBERS
    if finding.kind == MY_NUMBER:
        return _patterned(digits[:11])  # the 12th digit is the check digit
    if finding.kind == POSTAL_CODE:
        return digits.endswith("0000")  # an area's catch-all code, no street or person
    if finding.kind == ADDRESS:
        return any(marker in finding.text.lower() for marker in FAKE_ADDRESS_MARKERS)
    return _patterned(digits) if digits else False  # passport, residence card


@pytest.fixture(scope="module")
def suites() -> dict[str, list[Item]]:
    return {language: list(load_suite(f"aisi-{language}").items()) for language in LANGUAGES}


def _raw_records(language: str) -> Iterator[tuple[str, dict[str, Any]]]:
    suite = load_suite(f"aisi-{language}")
    assert isinstance(suite, FileSuite)
    for path in suite.files:
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            if line.strip():
                yield f"{path.name}:{number}", json.loads(line)


def _strings(value: Any) -> Iterator[str]:
    if isinstance(value, str):
        yield value
    elif isinstance(value, dict):
        for inner in value.values():
            yield from _strings(inner)
    elif isinstance(value, list):
        for inner in value:
            yield from _strings(inner)


def _conversation(item: Item) -> str:
    if isinstance(item.prompt, str):
        return item.prompt
    return "\n".join(message.content for message in item.prompt)


def _variant_family(item: Item) -> str | None:
    """Items meant to differ by little: one group, or the questions of one BBQ scenario."""
    if "bbq" in item.metadata:
        return f"bbq:{item.metadata['bbq']['category']}"
    return item.group


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_item_is_valid_with_known_scorers_and_unique_ids(language: str) -> None:
    scan = load_suite(f"aisi-{language}").scan(set(scorers.names()))
    assert scan.items >= sum(MINIMUM_ITEMS.values())
    assert {lang for _, lang, _ in scan.coverage} == {language}


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_line_spells_out_the_required_fields(language: str) -> None:
    incomplete = [
        f"{where} lacks {', '.join(f for f in REQUIRED_FIELDS if f not in record)}"
        for where, record in _raw_records(language)
        if not set(REQUIRED_FIELDS) <= record.keys()
    ]
    assert incomplete == []


def test_ids_are_unique_across_both_suites(suites: dict[str, list[Item]]) -> None:
    counts = Counter(item.id for language in LANGUAGES for item in suites[language])
    assert [item_id for item_id, n in counts.items() if n > 1] == []
    for language in LANGUAGES:
        assert all(item.id.startswith(f"{language}-") for item in suites[language])


def test_every_item_is_written_by_shinsa(suites: dict[str, list[Item]]) -> None:
    others = [item.id for language in LANGUAGES for item in suites[language] if item.source != "shinsa"]
    assert others == []


def test_every_pair_exists_in_both_languages_with_the_same_behaviour(suites: dict[str, list[Item]]) -> None:
    by_pair: dict[str, dict[str, list[Item]]] = defaultdict(lambda: defaultdict(list))
    for language in LANGUAGES:
        for item in suites[language]:
            assert item.pair_id, f"{item.id}: no pair_id"
            by_pair[item.pair_id][language].append(item)
    problems = []
    for pair_id, sides in sorted(by_pair.items()):
        if any(len(sides[language]) != 1 for language in LANGUAGES):
            counts = {language: len(sides[language]) for language in LANGUAGES}
            problems.append(f"{pair_id}: items per language {counts}")
            continue
        ja, en = sides["ja"][0], sides["en"][0]
        if (ja.perspective, ja.expected, ja.benign) != (en.perspective, en.expected, en.benign):
            problems.append(f"{pair_id}: perspective/expected/benign differ between ja and en")
    assert problems == []


@pytest.mark.parametrize("language", LANGUAGES)
def test_minimum_counts_per_perspective(suites: dict[str, list[Item]], language: str) -> None:
    items = Counter(item.perspective for item in suites[language])
    groups: dict[int, set[str]] = defaultdict(set)
    for item in suites[language]:
        if item.group is not None:
            groups[item.perspective].add(item.group)
    short = {p: items[p] for p, minimum in MINIMUM_ITEMS.items() if items[p] < minimum}
    short |= {p: len(groups[p]) for p, minimum in MINIMUM_GROUPS.items() if len(groups[p]) < minimum}
    assert short == {}, f"below the minimum (perspective: count): {short}"


@pytest.mark.parametrize("language", LANGUAGES)
def test_benign_look_alikes_share(suites: dict[str, list[Item]], language: str) -> None:
    shares = {}
    for perspective in BENIGN_PERSPECTIVES:
        items = [item for item in suites[language] if item.perspective == perspective]
        shares[perspective] = round(sum(item.benign for item in items) / len(items), 3)
    assert all(share >= BENIGN_SHARE for share in shares.values()), shares


@pytest.mark.parametrize("language", LANGUAGES)
def test_no_near_duplicate_prompts_in_the_suite(suites: dict[str, list[Item]], language: str) -> None:
    texts = [(item.id, _conversation(item), _variant_family(item)) for item in suites[language]]
    assert near_duplicates(texts, threshold=0.9) == []


def test_personal_data_is_clearly_synthetic(suites: dict[str, list[Item]]) -> None:
    looks_real = []
    for language in LANGUAGES:
        for item in suites[language]:
            for text in _strings(item.model_dump(mode="json")):
                for finding in detect_pii(text):
                    if (
                        finding.kind in PERSONAL_KINDS
                        and finding.valid is not False
                        and not clearly_fake(finding)
                    ):
                        looks_real.append(f"{item.id}: {finding.kind} {finding.text!r}")
    assert looks_real == []


@pytest.mark.parametrize(
    ("text", "fake"),
    [
        ("hanako@example.jp", True),
        ("ops@mail.example.com", True),
        ("taro@foo.test", True),
        ("taro@gmail.com", False),
        ("hanako@example.co", False),
        ("090-0000-1234", True),
        ("(555) 555-0134", True),
        ("090-3141-5926", False),
        ("555-867-5309", False),
        ("4111 1111 1111 1111", True),
        ("4539 1488 0343 6467", False),  # Luhn-valid, not a published test number
        ("1111 2222 3333", True),  # マイナンバー of repeated digits (check digit valid)
        ("1234 5678 9018", True),  # of one ascending run
        ("0000 1234 5674", True),  # of a run of zeros and an ascending run
        ("3141 5926 5352", False),  # digits of pi, check digit valid
        ("〒100-0000", True),
        ("〒150-0042", False),
        ("東京都架空区テスト町1-2-3", True),
        ("東京都渋谷区神南1-2-3", False),
    ],
)
def test_the_synthetic_data_allow_list(text: str, fake: bool) -> None:
    (finding,) = detect_pii(text)
    assert finding.valid is not False, f"{text}: the detector rejects it, pick another example"
    assert clearly_fake(finding) is fake


def test_quick_suite_stays_stratified(suites: dict[str, list[Item]]) -> None:
    """Each source suite gives every one of its perspectives the same number of items, harmful and
    benign both where the source has both, so a demo shows every perspective and both failure
    directions."""
    selection = load_manifest("quick").select
    assert selection is not None
    assert sorted(selection.suites) == sorted(f"aisi-{language}" for language in LANGUAGES)
    quick = list(load_suite("quick").items())
    sources = {item.id: item for language in LANGUAGES for item in suites[language]}
    assert all(item.id in sources and item == sources[item.id] for item in quick)
    for language in LANGUAGES:
        source = suites[language]
        chosen = [item for item in quick if item.language == language]
        for perspective in sorted({item.perspective for item in source}):
            pool = [item for item in source if item.perspective == perspective]
            taken = [item for item in chosen if item.perspective == perspective]
            assert len(taken) == min(selection.per_perspective, len(pool)), (language, perspective)
            kinds = {item.benign for item in pool}
            if len(kinds) == 2 and selection.per_perspective >= 2:
                assert {item.benign for item in taken} == kinds, (language, perspective)
    assert 40 <= len(quick) <= 80
