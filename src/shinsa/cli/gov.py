"""``shinsa system``, ``triage``, ``plan``, ``bundle``, ``decision``, ``registry`` and ``publish``:
the government lifecycle of docs/government.md. Thin: the work is in :mod:`shinsa.gov`.

Modules that sign (they need the ``cryptography`` package of the ``gov`` extra) are imported
inside the commands, so the rest of ``shinsa`` works without that extra."""

from __future__ import annotations

import datetime
import importlib
from pathlib import Path
from types import ModuleType
from typing import Annotated, Any

import typer
from rich.table import Table
from rich.text import Text

from shinsa.checklists import LocalizedText
from shinsa.cli.common import DbOption, console, open_store
from shinsa.errors import InputError
from shinsa.gov.catalogue import catalogue
from shinsa.gov.intake import Intake, load_intake
from shinsa.gov.profiles import (
    LoadedProfile,
    bundled_profile_folder,
    bundled_profiles,
    load_profile,
    parse_profile,
)
from shinsa.gov.records import GovRecords
from shinsa.gov.registry import history, registry
from shinsa.gov.triage import Level, Triage, triage
from shinsa.perspectives import perspective
from shinsa.store.store import Store

LangOption = Annotated[str, typer.Option(help="ja or en")]

system_app = typer.Typer(help="Systems under assessment: add an intake, show, list. / 評価対象システムの登録・表示・一覧", no_args_is_help=True)
bundle_app = typer.Typer(help="Signed evidence bundles: keys, create, verify, spot-check. / 署名付きエビデンス一式", no_args_is_help=True)
decision_app = typer.Typer(help="Decisions: record, sign, show. / 判断の記録・署名・表示", no_args_is_help=True)


def _signed(module: str) -> ModuleType:
    """A gov module that needs ``cryptography``; a one-line error when the extra is missing."""
    try:
        return importlib.import_module(f"shinsa.gov.{module}")
    except ModuleNotFoundError as exc:
        if exc.name and exc.name.startswith("cryptography"):
            raise InputError("signing needs the cryptography package: pip install 'shinsa[gov]'") from None
        raise


def _lang(lang: str) -> str:
    if lang not in ("ja", "en"):
        raise InputError(f"unknown language {lang!r} (use ja or en)")
    return lang


def _say(lang: str, ja: str, en: str) -> str:
    return ja if lang == "ja" else en


def _records(db: str | None) -> tuple[Store, GovRecords]:
    store = open_store(db)
    return store, GovRecords(store)


def _stored_profile(system: dict[str, Any]) -> LoadedProfile:
    """The profile a system was added with, from its stored text, so a later edit of the file (or
    a newer bundled version) does not change the plan of a recorded system. Red-team plans
    resolve next to the original file, or in the bundled profiles' folder."""
    profile = system["profile"]
    source = profile["source"]
    if source in bundled_profiles():
        folder: Path | None = bundled_profile_folder()
    else:
        folder = Path(source).parent if Path(source).is_file() else None
    return parse_profile(profile["text"], source, folder)


# --- systems -----------------------------------------------------------------------------------


@system_app.command("add")
def system_add(
    intake_file: Annotated[Path, typer.Argument(help="Intake YAML describing the system.")],
    profile: Annotated[str | None, typer.Option(help="Assessment profile: bundled name or file (default: the intake's use_case).")] = None,
    lang: LangOption = "ja",
    db: DbOption = None,
) -> None:
    """Validate an intake, triage it, choose its profile, and record it. / インテークを検証し、リスクを判定し、プロファイルを選んで登録します。"""
    lang = _lang(lang)
    intake = load_intake(intake_file)
    result = triage(intake)
    spec = profile or intake.use_case
    if spec is None:
        raise InputError(f"{intake_file}: no assessment profile: set use_case in the intake or pass --profile ({', '.join(bundled_profiles())})")
    loaded = load_profile(spec)
    loaded.check_covers(result.level)
    _, records = _records(db)
    stored = {
        "profile": loaded.profile.profile,
        "version": loaded.profile.version,
        "source": spec if spec in bundled_profiles() else str(Path(loaded.source).resolve()),
        "text": loaded.text,
        "reassess_months": loaded.profile.reassess_months,
    }
    added = records.add_system(intake.id, intake.version, intake.model_dump(mode="json"), result.level.value, result.model_dump(mode="json"), stored)
    verb = _say(lang, "登録しました", "recorded") if added else _say(lang, "登録済みです", "already recorded")
    console.print(
        f"{intake.id} {intake.version}: {verb} — {_say(lang, 'リスク', 'risk')} {result.level.label(lang)}, "
        f"{_say(lang, 'プロファイル', 'profile')} {loaded.profile.profile} {loaded.profile.version}",
        markup=False, emoji=False,
    )


@system_app.command("show")
def system_show(
    system_id: Annotated[str, typer.Argument(help="System id.")],
    version: Annotated[str | None, typer.Option(help="A recorded version (default: the latest).")] = None,
    lang: LangOption = "ja",
    db: DbOption = None,
) -> None:
    """Show a recorded system: intake, risk level and profile. / 登録済みシステムの内容・リスク区分・プロファイルを表示します。"""
    lang = _lang(lang)
    _, records = _records(db)
    system = records.require_system(system_id, version)
    intake = Intake.model_validate(system["intake"])
    table = Table(show_header=False)
    table.add_column(_say(lang, "項目", "field"))
    table.add_column(_say(lang, "内容", "value"))
    rows = [
        (_say(lang, "名称", "name"), intake.name.get(lang)),
        (_say(lang, "版", "version"), intake.version),
        (_say(lang, "運用者", "operator"), f"{intake.operator.name.get(lang)} ({intake.operator.kind.value})"),
        (_say(lang, "目的", "purpose"), intake.purpose.get(lang)),
        (_say(lang, "利用者", "serves"), intake.serves.get(lang)),
        (_say(lang, "モデル", "model"), f"{intake.model.name} ({intake.model.provider})"),
        (_say(lang, "事業者", "vendor"), intake.vendor),
        (_say(lang, "窓口", "channel"), intake.channel.value),
        (_say(lang, "言語", "languages"), ", ".join(intake.languages)),
        (_say(lang, "リスク", "risk level"), Level(system["risk_level"]).label(lang)),
        (_say(lang, "プロファイル", "profile"), f"{system['profile']['profile']} {system['profile']['version']}"),
    ]
    for field, value in rows:
        table.add_row(field, Text(value))
    console.print(table)


@system_app.command("list")
def system_list(lang: LangOption = "ja", db: DbOption = None) -> None:
    """Every recorded system (latest version). / 登録済みシステムの一覧(最新版)。"""
    lang = _lang(lang)
    _, records = _records(db)
    table = Table()
    for column in ("id", _say(lang, "版", "version"), _say(lang, "名称", "name"), _say(lang, "運用者", "operator"), _say(lang, "リスク", "risk")):
        table.add_column(column)
    for system in records.systems():
        intake = system["intake"]
        table.add_row(
            system["system_id"], system["version"], Text(intake["name"][lang]), Text(intake["operator"]["name"][lang]), Level(system["risk_level"]).label(lang)
        )
    console.print(table)


# --- triage and plan -----------------------------------------------------------------------------


def triage_command(
    system: Annotated[str, typer.Argument(help="A recorded system id, or an intake YAML file (not recorded).")],
    lang: LangOption = "ja",
    db: DbOption = None,
) -> None:
    """The risk level and, per DS-920 aspect, the finding, its reason and its source. / リスク区分と、DS-920 の観点ごとの判定・理由・出典。"""
    lang = _lang(lang)
    if Path(system).suffix in (".yaml", ".yml") and Path(system).is_file():
        result = triage(load_intake(Path(system)))
    else:
        _, records = _records(db)
        result = Triage.model_validate(records.require_system(system)["triage"])
    book = catalogue()
    table = Table(title=f"{_say(lang, 'リスク', 'risk level')}: {result.level.label(lang)} ({result.rules}, {book.catalogue} {result.catalogue_version})")
    for column in (_say(lang, "観点", "aspect"), _say(lang, "区分", "level"), _say(lang, "理由", "reason"), _say(lang, "出典", "source")):
        table.add_column(column)
    for finding in result.findings:
        aspect = book.aspect(finding.aspect)
        table.add_row(Text(aspect.question.get(lang)), finding.level.label(lang), Text(finding.reason.get(lang)), Text(aspect.source.cite(book, lang)))
    console.print(table)
    console.print(Text(result.decisive.get(lang)))


def plan(
    system: Annotated[str, typer.Argument(help="A recorded system id.")],
    target: Annotated[str, typer.Option(help="Target spec to put in the printed commands.")] = "TARGET",
    lang: LangOption = "ja",
    db: DbOption = None,
) -> None:
    """The assessment plan the risk level selects, with the vendor's commands. / リスク区分が選ぶ評価計画と、事業者が実行するコマンド。"""
    lang = _lang(lang)
    _, records = _records(db)
    row = records.require_system(system)
    level = Level(row["risk_level"])
    loaded = _stored_profile(row)
    profile = loaded.profile
    policy = loaded.policy(level)
    console.print(
        Text(f"{row['system_id']} {row['version']}: {_say(lang, 'リスク', 'risk')} {level.label(lang)} — {profile.title.get(lang)} ({profile.profile} {profile.version})")
    )
    table = Table(show_header=False)
    table.add_column("")
    table.add_column("")
    table.add_row(_say(lang, "スイート", "suites"), ", ".join(profile.suites))
    table.add_row(_say(lang, "チェックリスト", "checklists"), ", ".join(f"{p} {perspective(p).name(lang)}" for p in profile.checklists) or "–")
    plans = loaded.plans(level)
    table.add_row(_say(lang, "レッドチーム計画", "red-team plans"), ", ".join(plan.name for _, plan in plans) or "–")
    table.add_row(_say(lang, "採点器", "scorers"), ", ".join(profile.scorers) or "–")
    table.add_row(_say(lang, "ゲート", "gate"), Text(_policy_text(policy.model_dump(mode="json", exclude_none=True))))
    table.add_row(_say(lang, "再評価", "re-assessment"), _say(lang, f"{profile.reassess_months}か月ごと", f"every {profile.reassess_months} months"))
    console.print(table)
    evidence = Table(title=_say(lang, "調達・契約チェック項目とエビデンス", "Procurement and contract items and their evidence"))
    for column in ("id", _say(lang, "問い", "question"), _say(lang, "エビデンス", "evidence"), _say(lang, "出典", "source")):
        evidence.add_column(column)
    book = catalogue()
    for item in book.evidence:
        shown = [f"P{p}" for p in item.perspectives] + [f"checklist p{p:02d}" for p in item.checklists] + (["red-team"] if item.redteam else [])
        evidence.add_row(item.id, Text(item.question.get(lang)), ", ".join(shown), Text(item.source.cite(book, lang)))
    console.print(evidence)
    suites = " ".join(f"--suite {loaded.suite_spec(name)}" for name in profile.suites)
    console.print(_say(lang, "ベンダーが実行するコマンド:", "Commands the vendor runs:"))
    console.print(f"  shinsa run {suites} --target {target} --run-id {row['system_id']}-baseline", markup=False, emoji=False, soft_wrap=True)
    for path, attack in plans:
        console.print(f"  shinsa redteam run --attack {path} {suites} --target {target} --run-id {row['system_id']}-{attack.name}", markup=False, emoji=False, soft_wrap=True)
    if profile.checklists:
        console.print(f"  shinsa checklist fill {row['system_id']}-baseline ANSWERS.yaml", markup=False, emoji=False, soft_wrap=True)
    console.print(
        f"  shinsa bundle create --system {row['system_id']} --system-version {row['version']} --vendor VENDOR "
        f"--run {row['system_id']}-baseline --key VENDOR.key -o BUNDLE",
        markup=False, emoji=False,
        soft_wrap=True,
    )


def _policy_text(policy: dict[str, Any]) -> str:
    parts = [f"defaults {policy.get('defaults', {})}"]
    for pid, rules in policy.get("perspectives", {}).items():
        parts.append(f"P{pid} {rules}")
    return "; ".join(parts)


# --- evidence bundles ----------------------------------------------------------------------------

TrustOption = Annotated[list[Path], typer.Option("--trust", help="A trusted vendor public key (.pub). Repeatable.")]


@bundle_app.command("keygen")
def bundle_keygen(
    name: Annotated[str, typer.Argument(help="Key name: writes NAME.key (private) and NAME.pub.")],
    output: Annotated[Path, typer.Option("-o", "--output", help="Folder for the key files.")] = Path("."),
) -> None:
    """Make an Ed25519 key pair for a vendor or an approver. / 事業者・承認者用の Ed25519 鍵ペアを作ります。"""
    signing = _signed("signing")
    private, public, key_id = signing.generate_keypair(output, name)
    console.print(f"{key_id}: {private} (private, keep secret / 秘密鍵), {public} (public / 公開鍵)", markup=False, emoji=False)


@bundle_app.command("create")
def bundle_create(
    system: Annotated[str, typer.Option(help="System id the evidence is for.")],
    system_version: Annotated[str, typer.Option(help="System version the evidence is for.")],
    vendor: Annotated[str, typer.Option(help="Vendor name.")],
    run: Annotated[list[str], typer.Option("--run", help="A finished run to include. Repeatable.")],
    key: Annotated[Path, typer.Option(help="The vendor's private key (.key).")],
    output: Annotated[Path, typer.Option("-o", "--output", help="Bundle folder to create (must not exist).")],
    db: DbOption = None,
) -> None:
    """Bundle runs with their hashes, signed. / 実行結果をハッシュ付きでまとめ、署名します。"""
    bundles = _signed("bundles")
    store = open_store(db)
    bundle_hash, signer = bundles.create_bundle(store, system, system_version, vendor, run, key, output)
    console.print(f"{output}: {bundle_hash} signed by {signer}", markup=False, emoji=False)


def _verified(bundle: Path, trust: list[Path], records: GovRecords) -> tuple[Any, dict[str, Any]]:
    bundles = _signed("bundles")
    verified = bundles.verify_bundle(bundle, trust)
    system = records.require_system(verified.system_id, verified.system_version)
    profile = _stored_profile(system)
    summary = bundles.summarise(verified, profile.policy(Level(system["risk_level"])), profile.profile.suites)
    records.add_evidence(verified.bundle_hash, verified.system_id, verified.system_version, verified.signer, summary)
    return verified, summary


@bundle_app.command("verify")
def bundle_verify(
    bundle: Annotated[Path, typer.Argument(help="Bundle folder.")],
    trust: TrustOption,
    lang: LangOption = "ja",
    db: DbOption = None,
) -> None:
    """Check the signature and every hash, then record the evidence. / 署名と全ハッシュを検証し、エビデンスを記録します。"""
    lang = _lang(lang)
    _, records = _records(db)
    verified, summary = _verified(bundle, trust, records)
    console.print(f"{_say(lang, '検証済み', 'verified')}: {verified.bundle_hash} ({verified.system_id} {verified.system_version}, {verified.signer})", markup=False, emoji=False)
    table = Table(title=_say(lang, "ゲート結果", "Gate results"))
    for column in ("run", _say(lang, "スイート", "suites"), _say(lang, "件数", "attempts"), _say(lang, "ゲート", "gate")):
        table.add_column(column)
    for run in summary["runs"]:
        failed = [f"P{c['perspective']} {c['rule']}" for c in run["gate"]["checks"] if c["passed"] is False]
        verdict = _say(lang, "合格", "pass") if run["gate"]["passed"] else _say(lang, "不合格", "fail") + f" ({', '.join(failed)})"
        table.add_row(run["run_id"], ", ".join(f"{s['name']} {s['version']}" for s in run["suites"]), str(run["attempts"]), Text(verdict))
    console.print(table)
    console.print(f"{_say(lang, 'エビデンスのある項目', 'evidence items answered')}: {', '.join(summary['evidence_items']) or '–'}", markup=False, emoji=False)
    if summary["missing_suites"]:
        console.print(f"{_say(lang, '計画にあるが含まれないスイート', 'planned suites not in the bundle')}: {', '.join(summary['missing_suites'])}", markup=False, emoji=False)


@bundle_app.command("spot-check")
def bundle_spot_check(
    bundle: Annotated[Path, typer.Argument(help="Bundle folder.")],
    trust: TrustOption,
    target: Annotated[str, typer.Option("--target", "-t", help="The same endpoint the vendor ran against.")],
    sample: Annotated[int, typer.Option(min=1, help="Items to re-run.")] = 20,
    seed: Annotated[int, typer.Option(help="Seed of the random sample.")] = 0,
    tolerance: Annotated[float, typer.Option(min=0.0, max=0.99, help="Largest share of verdicts allowed to differ.")] = 0.1,
    base_url: Annotated[str | None, typer.Option(help="OpenAI-compatible base URL of the endpoint.")] = None,
    api_key_env: Annotated[str | None, typer.Option(help="Environment variable holding the endpoint's API key.")] = None,
    max_tokens: Annotated[int | None, typer.Option(help="Maximum answer length, as the vendor ran it.")] = None,
    temperature: Annotated[float | None, typer.Option(help="Sampling temperature, as the vendor ran it.")] = 0.0,
    system_prompt: Annotated[str | None, typer.Option("--system", help="System prompt, as the vendor ran it.")] = None,
    lang: LangOption = "ja",
    db: DbOption = None,
) -> None:
    """Re-run a seeded sample against the same endpoint and compare verdicts. / 抜き取り再実行で判定の再現性を確認します。

    Exit 0 within the tolerance, 1 when the vendor's results are not reproduced."""
    from shinsa.cli.common import target_options
    from shinsa.targets.base import build_target

    lang = _lang(lang)
    spotcheck = _signed("spotcheck")
    store, records = _records(db)
    verified, _ = _verified(bundle, trust, records)
    endpoint = build_target(target, target_options(target, base_url, api_key_env, system_prompt, temperature, max_tokens, 0, 60.0, None))
    result = spotcheck.spot_check(store, verified, endpoint, sample, seed, tolerance)
    records.add_spot_check(verified.bundle_hash, result.run_id, result.passed, result.as_dict())
    console.print(
        _say(
            lang,
            f"抜き取り {result.sampled} 件 (seed {seed}): 比較 {result.compared}、判定の不一致 {len(result.disagreements)} "
            f"({result.disagreement_share:.0%}、許容 {tolerance:.0%})、応答なし {result.unanswered}、回答と判定の食い違い {len(result.tampered)}、"
            f"同一の応答 {result.identical_answers}",
            f"sampled {result.sampled} (seed {seed}): compared {result.compared}, verdicts differing {len(result.disagreements)} "
            f"({result.disagreement_share:.0%}, tolerance {tolerance:.0%}), unanswered {result.unanswered}, verdicts not following the answers {len(result.tampered)}, "
            f"identical answers {result.identical_answers}",
        ),
        markup=False, emoji=False,
    )
    for row in result.disagreements[:10]:
        console.print(f"  {row['suite']}/{row['item_id']} {row['attack_id']}: {row['submitted']} → {row['endpoint']}", markup=False, emoji=False)
    for row in result.tampered[:10]:
        console.print(f"  {row['suite']}/{row['item_id']} {row['attack_id']}: {row['submitted']} ≠ {row['rescored']}", markup=False, emoji=False)
    console.print(Text(_say(lang, "再現できました", "reproduced") if result.passed else _say(lang, "再現できません", "NOT reproduced"), style="green" if result.passed else "bold red"))
    if not result.passed:
        raise typer.Exit(1)


# --- decisions -----------------------------------------------------------------------------------


@decision_app.command("record")
def decision_record(
    file: Annotated[Path, typer.Argument(help="Decision YAML.")],
    bundle: Annotated[list[Path] | None, typer.Option("--bundle", help="A verified bundle folder the decision rests on. Repeatable.")] = None,
    db: DbOption = None,
) -> None:
    """Record a decision (unsigned) with its evidence. / 判断を根拠のエビデンスとともに記録します(未署名)。"""
    decisions = _signed("decisions")
    bundles = _signed("bundles")
    signing = _signed("signing")
    decision = decisions.load_decision(file)
    extra = []
    for folder in bundle or []:
        try:
            extra.append(signing.sha256_hex((folder / bundles.MANIFEST).read_bytes()))
        except FileNotFoundError:
            raise InputError(f"bundle {folder}: {bundles.MANIFEST} is missing") from None
    decision = decision.model_copy(update={"evidence": list(dict.fromkeys([*decision.evidence, *extra]))})
    if not decision.evidence:
        raise InputError(f"{file}: evidence: a decision rests on at least one verified bundle (evidence: [hash] or --bundle DIR)")
    _, records = _records(db)
    decision_id = decisions.record_decision(records, decision)
    console.print(f"{decision_id} recorded (unsigned) / 記録しました(未署名)", markup=False, emoji=False)
    evidence = records.require_decision(decision_id)["record"]["evidence_summary"]
    for bundle_hash, summary in evidence.items():
        short = bundle_hash[:23] + "…"
        if not summary["gate_passed"]:
            console.print(f"note: {short} fails its gate / ゲート不合格のエビデンスです", markup=False, emoji=False)
        if not any(spot["passed"] for spot in summary["spot_checks"]):
            console.print(f"note: {short} has no passed spot-check / 再現確認に合格していません", markup=False, emoji=False)
        if summary["missing_suites"]:
            console.print(f"note: {short} lacks planned suites {', '.join(summary['missing_suites'])} / 計画のスイートが不足", markup=False, emoji=False)


@decision_app.command("sign")
def decision_sign(
    decision_id: Annotated[str | None, typer.Argument(help="Decision id (or a unique prefix).")] = None,
    system: Annotated[str | None, typer.Option(help="Sign the one unsigned decision of this system.")] = None,
    key: Annotated[Path, typer.Option(help="The approver's private key (.key).")] = Path("approver.key"),
    db: DbOption = None,
) -> None:
    """Sign a recorded decision; it never changes afterwards. / 記録した判断に署名します。以後変更できません。"""
    decisions = _signed("decisions")
    _, records = _records(db)
    if decision_id is None:
        if system is None:
            raise InputError("give a decision id or --system")
        unsigned = [d for d in records.decisions_for(system) if d["signature"] is None]
        if len(unsigned) != 1:
            raise InputError(f"system {system!r} has {len(unsigned)} unsigned decisions: give the decision id")
        decision_id = unsigned[0]["decision_id"]
    signer = decisions.sign_decision(records, decision_id, key)
    console.print(f"{decision_id} signed by {signer} / 署名しました", markup=False, emoji=False)


@decision_app.command("show")
def decision_show(
    decision_id: Annotated[str | None, typer.Argument(help="Decision id (or a unique prefix).")] = None,
    system: Annotated[str | None, typer.Option(help="Show the decision in force for this system.")] = None,
    lang: LangOption = "ja",
    db: DbOption = None,
) -> None:
    """Show a decision, its evidence and whether its signature holds. / 判断・根拠・署名の有効性を表示します。"""
    lang = _lang(lang)
    decisions = _signed("decisions")
    _, records = _records(db)
    if decision_id is not None:
        row = records.require_decision(decision_id)
    elif system is not None:
        found = records.current_decision(system)
        if found is None:
            raise InputError(f"system {system!r} has no signed decision")
        row = found
    else:
        raise InputError("give a decision id or --system")
    record = row["record"]
    status = decisions.signature_status(row)
    signature = {None: _say(lang, "未署名", "unsigned"), True: _say(lang, "署名は有効", "signature valid"), False: _say(lang, "署名が一致しません", "SIGNATURE INVALID")}[status]
    console.print(f"{row['decision_id']}  {row['system_id']} {row['system_version']}  {signature}", markup=False, emoji=False)
    if row["superseded_by"]:
        console.print(f"{_say(lang, '後継の判断', 'superseded by')} {row['superseded_by']}", markup=False, emoji=False)
    outcome = decisions.DecisionOutcome(record["outcome"])
    console.print(Text(f"{_say(lang, '判断', 'outcome')}: {outcome.label(lang)} — {record['approver']['name']} ({record['approver']['role'][lang]}), {record['date']}"))
    console.print(Text(LocalizedText.model_validate(record["rationale"]).get(lang)))
    for condition in record["conditions"]:
        console.print(Text(f"  - {condition['id']}: {condition['text'][lang]} ({condition['owner']}, {condition['due']})"))
    for bundle_hash, evidence in record["evidence_summary"].items():
        gate = _say(lang, "合格", "pass") if evidence["gate_passed"] else _say(lang, "不合格", "fail")
        spots = ", ".join(_say(lang, "再現", "reproduced") if s["passed"] else _say(lang, "再現せず", "not reproduced") for s in evidence["spot_checks"]) or "–"
        console.print(f"  {bundle_hash[:23]}…  gate {gate}  spot-check {spots}  {', '.join(evidence['evidence_items'])}", markup=False, emoji=False)


# --- registry and publication --------------------------------------------------------------------


def registry_command(
    history_of: Annotated[str | None, typer.Option("--history", help="Compare the signed decisions of one system year over year.")] = None,
    today: Annotated[str | None, typer.Option(help="The date to compute due assessments for (YYYY-MM-DD; default today).")] = None,
    lang: LangOption = "ja",
    db: DbOption = None,
) -> None:
    """Every system, its decision, conditions and next assessment date. / 全システムの判断・条件・次回評価日の台帳。"""
    lang = _lang(lang)
    _, records = _records(db)
    try:
        day = datetime.date.fromisoformat(today) if today else datetime.date.today()
    except ValueError:
        raise InputError(f"--today: {today!r} is not a date (YYYY-MM-DD)") from None
    if history_of is not None:
        for comparison in history(records, history_of):
            console.print(f"{comparison.before[:19]}… → {comparison.after[:19]}…", markup=False, emoji=False)
            console.print(f"  {_say(lang, '比較可能', 'comparable')}: {', '.join(comparison.comparable) or '–'}", markup=False, emoji=False)
            for reason in comparison.not_comparable:
                console.print(f"  {_say(lang, '比較不可', 'not comparable')}: {reason.get(lang)}", markup=False, emoji=False)
        return
    table = Table(title=_say(lang, "AIシステム台帳", "AI system registry"))
    for column in (
        "id", _say(lang, "名称", "name"), _say(lang, "リスク", "risk"), _say(lang, "判断", "decision"),
        _say(lang, "条件", "open conditions"), _say(lang, "スイート", "suites"), _say(lang, "次回評価", "next assessment"),
    ):
        table.add_column(column)
    decisions = _signed("decisions")
    for entry in registry(records, day):
        if entry.decision is None:
            decided = "–"
        else:
            record = entry.decision["record"]
            decided = f"{decisions.DecisionOutcome(record['outcome']).label(lang)} ({record['date']}, {record['approver']['name']})"
        conditions = "; ".join(f"{c['id']} {c['owner']} {c['due']}" + (" !" if datetime.date.fromisoformat(c["due"]) < day else "") for c in entry.open_conditions)
        due = entry.next_due.isoformat() + ("".join(f"\n{reason.get(lang)}" for reason in entry.due_reasons))
        table.add_row(
            entry.system_id, Text(entry.name.get(lang)), Level(entry.risk_level).label(lang), Text(decided), Text(conditions or "–"),
            ", ".join(entry.suite_versions) or "–", Text(due, style="bold" if entry.overdue(day) else ""),
        )
    console.print(table)


def publish(
    publication_file: Annotated[Path, typer.Argument(help="Publication YAML: which systems and sections to publish.")],
    output: Annotated[Path, typer.Option("-o", "--output", help="Folder for the static pages.")] = Path("public"),
    db: DbOption = None,
) -> None:
    """Write bilingual, accessible public pages and an index. / 市民向けの公開ページ(日英・アクセシブル)と一覧を書き出します。"""
    public = _signed("public")
    _, records = _records(db)
    pages = public.render_site(records, public.load_publication(publication_file))
    for path in public.write_site(pages, output):
        console.print(str(path), markup=False, emoji=False)
