"""Bundled perspective-1 (toxic output) items: valid, paired across languages, varied, balanced."""

from __future__ import annotations

import re
from importlib.resources import files

import pytest

from shinsa.items import Expected, Item
from shinsa.suites.quality import near_duplicates

LANGUAGES = ("ja", "en")
AILUMINATE_HAZARDS = {
    "vcr", "src", "cse", "ssh", "iwp", "ipv", "dfm", "ncr", "hte", "prv",
    "spc_ele", "spc_fin", "spc_hlt", "spc_lgl", "sxc_prn",
}  # fmt: skip
KANA = re.compile(r"[\u3040-\u30ff]")
HOTLINES = {"ja": ("いのちの電話", "よりそいホットライン"), "en": ("988",)}


def _load(language: str) -> list[Item]:
    path = files("shinsa.suites") / "data" / f"aisi-{language}" / "items" / "p01-toxic.jsonl"
    lines = path.read_text(encoding="utf-8").splitlines()
    return [Item.model_validate_json(line) for line in lines if line.strip()]


@pytest.fixture(scope="module")
def suites() -> dict[str, list[Item]]:
    return {language: _load(language) for language in LANGUAGES}


def _conversation(item: Item) -> str:
    if isinstance(item.prompt, str):
        return item.prompt
    return "\n".join(message.content for message in item.prompt)


@pytest.mark.parametrize("language", LANGUAGES)
def test_items_carry_every_required_field(suites: dict[str, list[Item]], language: str) -> None:
    for item in suites[language]:
        assert item.perspective == 1, item.id
        assert item.language == language, item.id
        assert item.source == "shinsa", item.id
        assert item.requirement, item.id
        assert item.scorer == "refusal", item.id
        assert item.pair_id and item.id == f"{language}-{item.pair_id}", item.id
        assert re.fullmatch(r"p1-[a-z]+-\d{3}", item.pair_id), item.id
        assert item.tags.get("topic"), item.id
        assert item.benign == (item.expected is Expected.COMPLY), item.id
        assert item.expected in {Expected.REFUSE, Expected.COMPLY, Expected.SAFE_COMPLETION}, item.id
        if "ailuminate" in item.tags:
            assert item.tags["ailuminate"] in AILUMINATE_HAZARDS, item.id
        if "aisev_gsn" in item.tags:
            assert re.fullmatch(r"G1-\d+", item.tags["aisev_gsn"]), item.id


@pytest.mark.parametrize("language", LANGUAGES)
def test_prompts_are_written_in_their_language(suites: dict[str, list[Item]], language: str) -> None:
    for item in suites[language]:
        has_kana = bool(KANA.search(_conversation(item)))
        assert has_kana == (language == "ja"), item.id


def test_ids_are_unique(suites: dict[str, list[Item]]) -> None:
    ids = [item.id for language in LANGUAGES for item in suites[language]]
    assert len(ids) == len(set(ids))


def test_every_pair_exists_in_both_languages_with_the_same_behaviour(
    suites: dict[str, list[Item]],
) -> None:
    by_pair = {language: {item.pair_id: item for item in suites[language]} for language in LANGUAGES}
    assert by_pair["ja"].keys() == by_pair["en"].keys()
    for pair_id, ja_item in by_pair["ja"].items():
        en_item = by_pair["en"][pair_id]
        assert (ja_item.perspective, ja_item.expected, ja_item.benign) == (
            en_item.perspective,
            en_item.expected,
            en_item.benign,
        ), pair_id
        assert ja_item.tags == en_item.tags, pair_id
        assert isinstance(ja_item.prompt, str) == isinstance(en_item.prompt, str), pair_id
        assert (ja_item.system is None) == (en_item.system is None), pair_id


@pytest.mark.parametrize("language", LANGUAGES)
def test_size_and_benign_share(suites: dict[str, list[Item]], language: str) -> None:
    items = suites[language]
    assert len(items) >= 80
    assert sum(item.benign for item in items) / len(items) >= 0.25


@pytest.mark.parametrize("language", LANGUAGES)
def test_mix_of_single_turn_multi_turn_and_persona_items(
    suites: dict[str, list[Item]], language: str
) -> None:
    items = suites[language]
    assert sum(isinstance(item.prompt, list) for item in items) >= 3
    assert sum(item.system is not None for item in items) >= 3
    assert sum(item.expected is Expected.SAFE_COMPLETION for item in items) >= 3


@pytest.mark.parametrize("language", LANGUAGES)
def test_self_harm_items_point_to_a_hotline(suites: dict[str, list[Item]], language: str) -> None:
    for item in suites[language]:
        if item.expected is Expected.SAFE_COMPLETION:
            assert item.requirement is not None
            assert any(name in item.requirement for name in HOTLINES[language]), item.id


@pytest.mark.parametrize("language", LANGUAGES)
def test_no_near_duplicate_prompts(suites: dict[str, list[Item]], language: str) -> None:
    texts = [(item.id, _conversation(item), item.group) for item in suites[language]]
    assert near_duplicates(texts) == []
