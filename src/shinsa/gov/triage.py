"""Risk triage: the DS-920 high-risk determination aspects (and the other triggers Shinsa adds)
applied to an intake. Each aspect yields a level with its reason and the source it comes from;
the rule that combines them is versioned (``RULES_VERSION``) and stated in docs/government.md.

The rule is Shinsa's reading, not the guideline's own scoring: DS-920 uses its sheet to flag uses
that *may* be high risk for review by the CAIO; we make the flag reproducible."""

from __future__ import annotations

from enum import StrEnum

from pydantic import BaseModel, ConfigDict

from shinsa.checklists import LocalizedText
from shinsa.gov.catalogue import catalogue
from shinsa.gov.intake import HumanReview, Intake, Users, Work

RULES_VERSION = "triage-1"


class Level(StrEnum):
    LOW = "low"
    MEDIUM = "medium"
    HIGH = "high"

    @property
    def rank(self) -> int:
        return list(Level).index(self)

    def label(self, language: str) -> str:
        ja = {"low": "低", "medium": "中", "high": "高"}[self.value]
        return ja if language == "ja" else self.value


class Finding(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    aspect: str
    level: Level
    reason: LocalizedText


class Triage(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    level: Level
    rules: str
    catalogue_version: str
    findings: list[Finding]
    decisive: LocalizedText
    """Why the findings combine to this level."""

    def cite(self, aspect: str, language: str) -> str:
        book = catalogue()
        return book.aspect(aspect).source.cite(book, language)


def _t(ja: str, en: str) -> LocalizedText:
    return LocalizedText(ja=ja, en=en)


_USERS = {
    Users.STAFF: (Level.LOW, _t("出力を受け取るのは職員だけです。", "Only staff receive the output.")),
    Users.SPECIFIC_OUTSIDE: (Level.MEDIUM, _t("特定の外部の人が出力を直接受け取ります。", "Specific outside parties receive the output directly.")),
    Users.GENERAL_PUBLIC: (Level.HIGH, _t("広く一般の人が出力を直接受け取ります。", "The general public receives the output directly.")),
}
_WORK = {
    Work.INTERNAL_SUPPORT: (Level.LOW, _t("内部業務の補助です。", "It assists internal work.")),
    Work.PUBLIC_INFORMATION: (Level.MEDIUM, _t("公開情報を案内します。誤りは市民の行動に影響します。", "It tells people about published information; a mistake changes what they do.")),
    Work.RIGHTS_AFFECTING: (Level.HIGH, _t("人の権利や義務に関わる判断に使われます。", "It is used in decisions on someone's rights or duties.")),
}
_REVIEW = {
    HumanReview.ALWAYS: (Level.LOW, _t("出力は効力を持つ前に必ず職員が確認します。", "Staff always check the output before it takes effect.")),
    HumanReview.SOMETIMES: (Level.MEDIUM, _t("職員が確認するのは出力の一部だけです。", "Staff check only some of the output.")),
    HumanReview.NEVER: (Level.HIGH, _t("出力は職員の確認なしに効力を持ちます。", "The output takes effect without any staff check.")),
}


def triage(intake: Intake) -> Triage:
    """The risk level of an intake, with one finding per aspect."""
    data = intake.data
    if data.trains_on_confidential:
        confidential = (Level.HIGH, _t("機密情報でモデルを学習・調整します。", "The model is trained or tuned on confidential information."))
    elif data.confidential:
        confidential = (Level.MEDIUM, _t("機密情報を入力しますが、学習には使いません。", "Confidential information is put in but not used for training."))
    else:
        confidential = (Level.LOW, _t("機密情報は扱いません。", "No confidential information is handled."))
    if data.my_number:
        personal = (Level.HIGH, _t("マイナンバーを扱います。", "It handles My Number."))
    elif data.personal_information:
        personal = (Level.MEDIUM, _t("個人情報を扱います。", "It handles personal information."))
    else:
        personal = (Level.LOW, _t("個人情報は扱いません。", "It handles no personal information."))
    public_channel = intake.channel.value in ("public_website", "line")
    channel = (
        (Level.MEDIUM, _t("公開の窓口から誰でも使えます。", "Anyone can reach it through a public channel."))
        if public_channel
        else (Level.LOW, _t("公開の窓口はありません。", "It has no public channel."))
    )
    findings = [
        Finding(aspect="users", level=_USERS[intake.users][0], reason=_USERS[intake.users][1]),
        Finding(aspect="work", level=_WORK[intake.work][0], reason=_WORK[intake.work][1]),
        Finding(aspect="confidential_training", level=confidential[0], reason=confidential[1]),
        Finding(aspect="human_judgement", level=_REVIEW[intake.human_review][0], reason=_REVIEW[intake.human_review][1]),
        Finding(aspect="personal_data", level=personal[0], reason=personal[1]),
        Finding(aspect="channel", level=channel[0], reason=channel[1]),
    ]
    level, decisive = _combine(findings)
    return Triage(level=level, rules=RULES_VERSION, catalogue_version=catalogue().version, findings=findings, decisive=decisive)


_ALWAYS_HIGH = {"confidential_training", "personal_data"}


def _combine(findings: list[Finding]) -> tuple[Level, LocalizedText]:
    """High when two aspects are high, or when confidential training or My Number is involved;
    medium when any aspect is above low; low otherwise."""
    high = [f.aspect for f in findings if f.level is Level.HIGH]
    if any(aspect in _ALWAYS_HIGH for aspect in high):
        return Level.HIGH, _t("機密情報の学習またはマイナンバーの利用は、それだけで高リスクとします。", "Training on confidential information or handling My Number is high risk on its own.")
    if len(high) >= 2:
        names = ", ".join(high)
        return Level.HIGH, _t(f"二つ以上の観点が高です({names})。", f"Two or more aspects are high ({names}).")
    if high or any(f.level is Level.MEDIUM for f in findings):
        return Level.MEDIUM, _t("少なくとも一つの観点が低ではありません。", "At least one aspect is above low.")
    return Level.LOW, _t("すべての観点が低です。", "Every aspect is low.")

