"""``shinsa compare``, ``gate``, ``checklist`` and ``report-aisev``: judging runs after the fact."""

from __future__ import annotations

import datetime
import json
import re
from pathlib import Path
from typing import Annotated, Any

import typer
from rich.table import Table
from rich.text import Text

from shinsa.atomicfiles import write_atomically
from shinsa.checklists import (
    AnswerScale,
    Checklist,
    ChecklistQuestion,
    LocalizedText,
    load_answers,
    load_checklists,
)
from shinsa.cli.common import DEFAULT_LANG, LangOption, console, err_console, open_store
from shinsa.errors import InputError
from shinsa.perspectives import perspective
from shinsa.report import aisev
from shinsa.report.aggregate import aggregate
from shinsa.report.compare import changed_items, perspective_deltas
from shinsa.report.gate import junit_xml, sarif
from shinsa.report.i18n import Translator
from shinsa.report.policy import grade_fails, grade_run, load_policy
from shinsa.report.view import delta_direction

DbOption = Annotated[str | None, typer.Option("--db", help="Database URL (default: SQLite in the user data dir; also SHINSA_DB).")]

checklist_app = typer.Typer(help="Qualitative checklist answers of a run.", no_args_is_help=True)


def _translator(lang: str) -> Translator:
    if lang not in ("ja", "en"):
        raise InputError(f"unknown language {lang!r} (use ja or en)")
    return Translator(lang)


def _pct(value: float | None) -> str:
    return "–" if value is None else f"{value * 100:.1f}"


def _delta_text(delta: float | None, direction: str, t: Translator, significant: bool) -> Text:
    """A signed difference with the word saying what it means (``improved`` when a score rose or
    over-refusal fell), coloured when the score difference is significant."""
    if delta is None:
        return Text("–")
    style = {"improved": "green", "regressed": "red"}.get(direction, "") if significant else ""
    return Text(f"{delta:+.1f} {t('direction_' + direction)}", style=style)


def compare(
    before: Annotated[str, typer.Argument(help="Reference run id.")],
    after: Annotated[str, typer.Argument(help="Run id compared with it.")],
    limit: Annotated[int, typer.Option(min=0, help="Show at most this many changed items.")] = 30,
    lang: LangOption = DEFAULT_LANG,
    db: DbOption = None,
) -> None:
    """Per-perspective score deltas with p-values, and the items whose outcome changed."""
    t = _translator(lang)
    store = open_store(db)
    store.require_run(before)
    store.require_run(after)
    deltas = perspective_deltas(aggregate(before, store.iter_attempts(before)), aggregate(after, store.iter_attempts(after)))
    table = Table(title=t("comparison_pair", before=before, after=after))
    score, over = t("col_score_group"), t("col_over_refusal_group")
    columns = (t("col_perspective"), f"{score}\n{before}", f"{score}\n{after}", t("col_delta"), t("col_p"), f"{over}\n{before}", f"{over}\n{after}", t("col_delta"))
    for column in columns:
        table.add_column(column, justify="left" if column == t("col_perspective") else "right")
    for d in deltas:
        p = "–" if d.p_value is None else ("<0.001" if d.p_value < 0.001 else f"{d.p_value:.3f}")
        table.add_row(
            Text(t(f"short_{d.perspective.key}", id=d.perspective.id)),
            f"{_pct(d.before.value)} (n={d.before.n})",
            f"{_pct(d.after.value)} (n={d.after.n})",
            _delta_text(d.delta, delta_direction(d.delta), t, d.significant),
            Text(p + (" *" if d.significant else "")),
            f"{_pct(d.over_refusal_before.value)} (n={d.over_refusal_before.n})",
            f"{_pct(d.over_refusal_after.value)} (n={d.over_refusal_after.n})",
            _delta_text(d.over_refusal_delta, delta_direction(d.over_refusal_delta, lower_is_better=True), t, False),
        )
    table.caption = t("comparison_note") + " * p < 0.05"
    console.print(table)
    changed = changed_items(store.iter_attempts(before), store.iter_attempts(after))
    console.print(Text(t("changed_heading", n=len(changed)), style="bold"))
    counts = {direction: sum(1 for c in changed if c.direction == direction) for direction in ("improved", "regressed", "changed")}
    benign = sum(1 for c in changed if c.direction == "improved" and c.benign)
    console.print(Text(t("comparison_lead", benign=benign, **counts)))
    if changed:
        items = Table()
        for column in (t("col_item"), t("col_perspective"), before, after, t("col_change")):
            items.add_column(column)
        for c in changed[:limit]:
            colour = {"improved": "green", "regressed": "red"}.get(c.direction, "")
            items.add_row(
                Text(f"{c.suite}/{c.item_id}"),
                str(c.perspective),
                t(f"outcome_{c.outcome_before}"),
                t(f"outcome_{c.outcome_after}"),
                Text(t(f"direction_{c.direction}"), style=colour),
            )
        console.print(items)
        if len(changed) > limit:
            console.print(t("changed_truncated", shown=limit, total=len(changed)))


def gate(
    run_id: Annotated[str, typer.Argument(help="Run to check.")],
    policy: Annotated[Path, typer.Option("--policy", help="Policy YAML with thresholds per perspective.")],
    reference: Annotated[str | None, typer.Option(help="Reference run for relative grades (overrides the policy's).")] = None,
    junit: Annotated[Path | None, typer.Option("--junit", help="Write JUnit XML here.")] = None,
    sarif_file: Annotated[Path | None, typer.Option("--sarif", help="Write SARIF 2.1.0 here.")] = None,
    lang: LangOption = DEFAULT_LANG,
    db: DbOption = None,
) -> None:
    """Exit 0 when every threshold of the policy holds, 1 when one fails, 2 on bad input."""
    t = _translator(lang)
    loaded = load_policy(policy)
    if reference is not None and loaded.policy.relative is None:
        raise InputError(f"{policy}: --reference needs a 'relative' section in the policy")
    store = open_store(db)
    store.require_run(run_id)
    grades = grade_run(loaded, store, run_id, reference)
    table = Table(title=t("policy_used", name=loaded.policy.name or policy.name, path=str(policy)))
    for column in (t("col_perspective"), t("col_rule"), t("col_measured"), t("col_result")):
        table.add_column(column)
    for check in grades.checks:
        measured = t("no_data") if check.value is None else (f"{check.value:.0f}" if check.rule == "min_n" else f"{check.value:.1f}")
        if check.passed is None:
            result = Text(t("check_not_measured"), style="dim")
        elif check.passed:
            result = Text(t("check_pass"), style="green")
        else:
            result = Text(t("check_fail"), style="bold red")
        rule = t(f"rule_{check.rule}", threshold=f"{check.threshold:g}") + ("" if check.explicit else f" ({t('rule_default')})")
        table.add_row(Text(t(f"short_{check.perspective.key}", id=check.perspective.id)), Text(rule), measured, result)
    relative = loaded.policy.relative
    for grade in grades.relative:
        level = t(f"level_{grade.level}") if grade.level else t("no_data")
        fails = relative is not None and grade_fails(relative, grade)
        table.add_row(
            Text(t(f"short_{grade.perspective.key}", id=grade.perspective.id)),
            Text(t("relative_heading", reference=grades.reference)),
            Text(level),
            Text(t("check_fail"), style="bold red") if fails else Text(t("check_pass"), style="green"),
        )
    console.print(table)
    if junit is not None:
        write_atomically(junit, lambda handle: handle.write(junit_xml(grades, loaded, lang)))
    if sarif_file is not None:
        document = sarif(grades, loaded, lang)
        write_atomically(sarif_file, lambda handle: handle.write(json.dumps(document, ensure_ascii=False, indent=2) + "\n"))
    console.print(Text(t("gate_pass") if grades.verdict else t("gate_fail"), style="bold green" if grades.verdict else "bold red"))
    if not grades.verdict:
        raise typer.Exit(1)


def _gsn_questions(gsn: Path) -> list[Checklist]:
    """GSN leaves as checklist questions, so answers can name a leaf (``G5-5``) directly."""
    checklists = []
    for pid, tree in aisev.load_gsn_folder(gsn).items():
        questions = [
            ChecklistQuestion.model_construct(
                id=leaf.id,
                question=LocalizedText.model_construct(ja=leaf.question, en=leaf.question),
                guidance=LocalizedText.model_construct(ja="", en=""),
                evidence_hint=LocalizedText.model_construct(ja="", en=""),
                aisev_gsn=leaf.id,
            )
            for leaf in tree.leaves.values()
        ]
        checklists.append(Checklist.model_construct(perspective=pid, version="gsn", questions=questions))
    return checklists


def _question_perspective(question_id: str) -> int:
    gsn = aisev.GSN_LEAF_ID.match(question_id)
    if gsn:
        return int(gsn.group(1))
    bundled = re.match(r"^p(\d{2})-", question_id)
    if not bundled:
        raise InputError(f"question id {question_id!r} names no perspective")
    return int(bundled.group(1))


@checklist_app.command("fill")
def checklist_fill(
    run_id: Annotated[str, typer.Argument(help="Run the answers belong to.")],
    file: Annotated[Path, typer.Argument(help="Answers as YAML or CSV (question_id, answer, evidence, assessor, date).")],
    gsn: Annotated[Path | None, typer.Option(help="aisev GSN folder: answers may then name GSN leaves (e.g. G5-5) directly.")] = None,
    db: DbOption = None,
) -> None:
    """Record an assessor's checklist answers for a run (answering a question again replaces it)."""
    store = open_store(db)
    store.require_run(run_id)
    checklists = load_checklists() + (_gsn_questions(gsn) if gsn is not None else [])
    answers = load_answers(file, checklists)
    today = datetime.date.today().isoformat()
    rows = [
        {
            "question_id": a.question_id,
            "perspective": _question_perspective(a.question_id),
            "answer": a.answer.value,
            "evidence": a.evidence,
            "assessor": a.assessor,
            "answered_at": a.date.isoformat() if a.date else today,
        }
        for a in answers
    ]
    store.write_checklist_answers(run_id, rows)
    err_console.print(f"recorded {len(rows)} checklist answers for run {run_id}")


def _bundled_questions(perspectives: list[int] | None) -> list[tuple[int, ChecklistQuestion]]:
    wanted = {perspective(p).id for p in perspectives} if perspectives else None
    return [
        (checklist.perspective, question)
        for checklist in load_checklists()
        if wanted is None or checklist.perspective in wanted
        for question in checklist.questions
    ]


PerspectivesOption = Annotated[list[int] | None, typer.Option("--perspective", "-p", help="Only this perspective (1-10). Repeatable.")]


@checklist_app.command("questions")
def checklist_questions(perspectives: PerspectivesOption = None, lang: LangOption = DEFAULT_LANG) -> None:
    """List the bundled checklist questions (ids to answer with 'checklist fill')."""
    t = _translator(lang)
    table = Table()
    for column in (t("col_question_id"), t("col_perspective"), t("col_question")):
        table.add_column(column, no_wrap=column != t("col_question"))
    for pid, question in _bundled_questions(perspectives):
        table.add_row(question.id, str(pid), Text(getattr(question.question, lang)))
    console.print(table)


def blank_template(perspectives: list[int] | None, lang: str) -> str:
    """A YAML answers file for ``checklist fill`` with every question as a comment and an empty answer."""
    t = Translator(lang)
    scale = " / ".join(f"{member.value} ({member.label(lang)})" for member in AnswerScale)
    lines = [f"# {line}" for line in t("template_header", scale=scale).splitlines()]
    lines += ['assessor: ""', 'date: ""  # YYYY-MM-DD', "answers:"]
    for pid, question in _bundled_questions(perspectives):
        text = " ".join(getattr(question.question, lang).split())
        lines += [f"  # [{pid}] {text}", f"  - {{question_id: {question.id}, answer: , evidence: \"\"}}"]
    return "\n".join(lines) + "\n"


@checklist_app.command("template")
def checklist_template(
    output: Annotated[Path | None, typer.Option("-o", "--output", help="File to write (default: standard output).")] = None,
    perspectives: PerspectivesOption = None,
    lang: LangOption = DEFAULT_LANG,
) -> None:
    """Write a blank answers file (YAML) holding every bundled question, to fill in and pass to 'checklist fill'."""
    _translator(lang)
    text = blank_template(perspectives, lang)
    if output is None:
        console.file.write(text)
        return
    write_atomically(output, lambda handle: handle.write(text))
    err_console.print(f"wrote {output}")


@checklist_app.command("show")
def checklist_show(run_id: str, lang: LangOption = DEFAULT_LANG, db: DbOption = None) -> None:
    """List a run's checklist answers."""
    t = _translator(lang)
    store = open_store(db)
    store.require_run(run_id)
    table = Table()
    for column in (t("col_question"), t("col_perspective"), t("col_answer"), t("col_evidence"), t("col_assessor"), t("col_date")):
        table.add_column(column)
    for row in store.checklist_answers(run_id):
        table.add_row(
            Text(row["question_id"]),
            str(row["perspective"]),
            AnswerScale(row["answer"]).label(lang),
            Text(row["evidence"]),
            Text(row["assessor"]),
            row["answered_at"],
        )
    console.print(table)


def report_aisev(
    run_id: Annotated[str, typer.Argument(help="Run to score as aisev does.")],
    output: Annotated[Path, typer.Option("-o", "--output", help="aisev result JSON to write.")],
    gsn: Annotated[Path, typer.Option(help="Folder of aisev's GSN YAML files (the gsn folder of aisev's preset data).")],
    lang: LangOption = DEFAULT_LANG,
    redact: Annotated[bool, typer.Option(help="Leave out the text of possibly harmful answers.")] = False,
    db: DbOption = None,
) -> None:
    """Score a run with aisev's GSN weighting and write aisev's evaluation-result JSON."""
    t = _translator(lang)
    store = open_store(db)
    run = store.require_run(run_id)
    trees = aisev.load_gsn_folder(gsn)
    score = aisev.score_run(run_id, store.iter_attempts(run_id), store.checklist_answers(run_id), trees)
    document: dict[str, Any] = aisev.export_json(score, run, lang, redact)
    write_atomically(output, lambda handle: handle.write(json.dumps(document, ensure_ascii=False, indent=2) + "\n"))
    table = Table(title=t("aisev_heading"))
    for column in (t("col_perspective"), t("col_aisev_score"), t("col_quant_share"), t("col_applicable")):
        table.add_column(column)
    for pid, scored in score.perspectives.items():
        total = Text(t("no_applicable_evidence"), style="dim") if scored.total is None else f"{scored.total:.1f}"
        table.add_row(
            Text(t(f"short_{perspective(pid).key}", id=pid)),
            total,
            f"{scored.quantitative_weight * 100:.0f}%",
            f"{scored.applicable_weight * 100:.0f}%",
        )
    console.print(table)
    if score.unknown_leaves:
        err_console.print(Text(t("aisev_unknown", leaves=", ".join(sorted(score.unknown_leaves)))))
    err_console.print(f"wrote {output}")
