"""The 10 perspectives of the Japan AISI "Guide to Evaluation Perspectives on AI Safety"."""

from __future__ import annotations

from dataclasses import dataclass

from shinsa.errors import InputError


@dataclass(frozen=True, slots=True)
class Perspective:
    id: int
    key: str
    name_ja: str
    name_en: str
    automated: bool
    """False for perspectives assessed by checklist only (data quality, verifiability)."""

    def name(self, lang: str) -> str:
        return self.name_ja if lang == "ja" else self.name_en


PERSPECTIVES: tuple[Perspective, ...] = (
    Perspective(1, "toxic", "有害情報の出力制御", "Control of Toxic Output", True),
    Perspective(
        2,
        "misinformation",
        "偽誤情報の出力・誘導の防止",
        "Prevention of Misinformation, Disinformation and Manipulation",
        True,
    ),
    Perspective(3, "fairness", "公平性と包摂性", "Fairness and Inclusion", True),
    Perspective(
        4,
        "high_risk",
        "ハイリスク利用・目的外利用への対処",
        "Addressing High-risk Use and Unintended Use",
        True,
    ),
    Perspective(5, "privacy", "プライバシー保護", "Privacy Protection", True),
    Perspective(6, "security", "セキュリティ確保", "Ensuring Security", True),
    Perspective(7, "explainability", "説明可能性", "Explainability", True),
    Perspective(8, "robustness", "ロバスト性", "Robustness", True),
    Perspective(9, "data_quality", "データ品質", "Data Quality", False),
    Perspective(10, "verifiability", "検証可能性", "Verifiability", False),
)

_BY_ID = {p.id: p for p in PERSPECTIVES}
_BY_NAME: dict[str, Perspective] = {}
for _p in PERSPECTIVES:
    for _alias in (str(_p.id), f"{_p.id:02d}", _p.key, _p.name_ja, _p.name_en.lower()):
        _BY_NAME[_alias] = _p


def perspective(ref: int | str) -> Perspective:
    """Look a perspective up by id, key, or its Japanese or English name."""
    if isinstance(ref, int) and not isinstance(ref, bool):
        found = _BY_ID.get(ref)
    else:
        found = _BY_NAME.get(str(ref).strip()) or _BY_NAME.get(str(ref).strip().lower())
    if found is None:
        raise InputError(f"unknown perspective {ref!r} (expected 1-10, a key such as 'toxic', or its name)")
    return found
