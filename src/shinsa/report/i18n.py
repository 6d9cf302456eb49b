"""Every user-facing string of reports, gates and comparisons, in Japanese and English.

Each entry is ``key: (ja, en)``; placeholders use ``str.format`` names and must be the same in
both languages (a test checks this).
"""

from __future__ import annotations

from string import Formatter

from shinsa.errors import InputError

LANGUAGES = ("ja", "en")

MESSAGES: dict[str, tuple[str, str]] = {
    # masthead
    "title": ("AIシステム安全性評価レポート", "AI System Safety Assessment Report"),
    "generated_on": ("{date} 作成", "Generated {date}"),
    "lede": (
        "このレポートは、AIシステムに用意した質問を送り、その回答を自動で判定した結果をまとめたものです。"
        "評価の観点は、AIセーフティ・インスティテュート（J-AISI）の「AIセーフティに関する評価観点ガイド」の10観点です。",
        "This report sums up how an AI system answered a set of test questions, judged automatically, "
        "along the 10 perspectives of the Japan AI Safety Institute's Guide to Evaluation Perspectives on AI Safety.",
    ),
    "contents": ("目次", "Contents"),
    "summary_heading": ("要約（どなたにも読める説明）", "Summary in plain words"),
    "results_heading": ("観点ごとの結果", "Results by perspective"),
    "grades_heading": ("基準との照合（評定）", "Grades against the policy"),
    "comparison_heading": ("実行結果の比較", "Comparison of runs"),
    "redteam_heading": ("レッドチーミング（攻撃への耐性）", "Red teaming (resistance to attacks)"),
    "checklist_heading": ("チェックリスト（定性評価）", "Checklist (qualitative assessment)"),
    "details_heading": ("質問と回答の詳細", "Questions and answers in detail"),
    "method_heading": ("評価方法と再現性", "Method and reproducibility"),
    "run_label": ("実行 {run}", "Run {run}"),
    # citizen summary
    "what_assessed": ("評価したもの", "What was assessed"),
    "what_assessed_text": ("AIシステム「{target}」", "the AI system “{target}”"),
    "how_assessed": ("評価の方法", "How"),
    "how_assessed_text": (
        "{items} 問の質問（問題集: {suites}、言語: {languages}）を送り、回答を自動の判定器で採点しました。",
        "{items} test questions (sets: {suites}; languages: {languages}) were sent and the answers were scored by automatic judges.",
    ),
    "when_assessed": ("実施日時", "When"),
    "lead_high": (
        "安全性と有用性の両面で、ほぼ適切に応答しました（弱い方の値 {pct}%）。",
        "handled both safety and helpfulness well (weaker figure {pct}%).",
    ),
    "lead_good": (
        "おおむね適切に応答しましたが、そうでない回答もありました（弱い方の値 {pct}%）。",
        "mostly handled safety and helpfulness well, but not always (weaker figure {pct}%).",
    ),
    "lead_mixed": (
        "適切な回答とそうでない回答が混在しました（弱い方の値 {pct}%）。改善が必要です。",
        "gave a mix of appropriate and inappropriate answers (weaker figure {pct}%). It needs improvement.",
    ),
    "lead_low": (
        "適切に応答できていません（弱い方の値 {pct}%）。重大な改善が必要です。",
        "did not handle this perspective appropriately (weaker figure {pct}%). It needs serious improvement.",
    ),
    "lead_few": (
        "判定できた回答が少なすぎるため（{min_n} 問未満の項目があります）、良し悪しは判断できません。",
        "too few answers to judge (a figure rests on fewer than {min_n} judged answers).",
    ),
    "lead_unjudged": (
        "回答の半分以上に判定がつかなかったため、良し悪しは判断できません。",
        "most answers have no verdict, so the rest cannot tell how it did.",
    ),
    "plain_safety": (
        "有害な依頼 {n} 問中 {safe} 問で安全に応じました（{pct}%、95%信頼区間 {low}〜{high}%）。",
        "Handled {safe} of {n} harmful requests safely ({pct}%; 95% interval {low}–{high}%).",
    ),
    "plain_correctness": (
        "事実や説明を問う質問 {n} 問中 {right} 問に正しく答えました（{pct}%、95%信頼区間 {low}〜{high}%）。",
        "Answered {right} of {n} questions of fact or explanation correctly ({pct}%; 95% interval {low}–{high}%).",
    ),
    "plain_declined": (
        "うち {n} 問には答えませんでした（危険ではありませんが、役に立っていません）。",
        "It did not answer {n} of them (not unsafe, but not helpful).",
    ),
    "plain_helpfulness": (
        "答えてよい無害な質問 {n} 問中 {answered} 問に答え、{refused} 問を断りました（答えた割合 {pct}%、95%信頼区間 {low}〜{high}%）。",
        "Answered {answered} of {n} harmless questions it should answer and refused {refused} ({pct}% answered; 95% interval {low}–{high}%).",
    ),
    "plain_checklist": (
        "チェックリストの質問 {n} 問に回答がありました（{answers}）。",
        "{n} checklist questions were answered ({answers}).",
    ),
    "plain_no_verdict_share": (
        "判定できなかった回答: {n} 問中 {k} 問（{pct}%）。",
        "Answers without a verdict: {k} of {n} ({pct}%).",
    ),
    "plain_no_verdict": (
        "{n} 問を送りましたが、判定できる回答が得られませんでした（エラーや空の回答など）。",
        "{n} questions were sent, but no answer could be judged (errors, empty answers and the like).",
    ),
    "plain_not_assessed": ("この観点は今回評価していません。", "This perspective was not assessed in this run."),
    "not_mean_heading": ("この数字が意味しないこと", "What these numbers do not mean"),
    "not_mean_balanced": (
        "各観点の評価は、安全性（有害な依頼に応じない）、正確さ（事実や説明の質問に正しく答える）、有用性（無害な質問に答える）、"
        "チェックリストの回答のうち、最も弱い値で決まります。何でも断るシステムも、何でも答えるシステムも不合格に見えます。",
        "Each perspective is judged by the weakest of its safety (not helping with harmful requests), correctness "
        "(answering questions of fact right), helpfulness (answering harmless questions) and checklist figures, so a "
        "system that refuses everything reads as failing just like one that complies with everything.",
    ),
    "not_mean_certification": (
        "これは認証や合格証ではありません。今回用意した質問に対する、この時点での振る舞いの記録です。",
        "This is not a certification. It records how the system behaved on these questions at this time.",
    ),
    "not_mean_coverage": (
        "高い割合でも、ここにない質問や使い方で安全であることは保証されません。攻撃者は別の聞き方を試みます。",
        "A high share does not guarantee safety on questions or uses not tested here; attackers try other phrasings.",
    ),
    "not_mean_interval": (
        "95%信頼区間は質問数が少ないことによる不確かさだけを表します。質問の選び方の偏りは含みません。"
        "判定できた回答が {min_n} 問未満の値は色をつけず「判断できない」と示します。",
        "The 95% interval only reflects uncertainty from the number of questions, not how the questions were chosen. "
        "A figure resting on fewer than {min_n} judged answers is left uncoloured as too few to judge.",
    ),
    "not_mean_scorer": (
        "判定は自動で行っており、誤ることがあります。判定器の検証結果は「評価方法と再現性」に示します。",
        "Verdicts are automatic and can be wrong; how far the judges were validated is shown under Method.",
    ),
    "not_mean_missing": (
        "「データなし」は0点ではなく、評価していないという意味です。",
        "“No data” means not assessed, not a score of zero.",
    ),
    # results
    "radar_title": ("10観点のスコア（0〜100）", "Scores on the 10 perspectives (0–100)"),
    "radar_caption": (
        "点は各観点の評価値（安全性・正確さ・有用性・チェックリストのうち最も弱い値）、太い半透明の線はその95%信頼区間。"
        "点線の軸はデータがない観点です（0点ではありません）。",
        "Dots are each perspective's figure (the weakest of safety, correctness, helpfulness and checklist), thick "
        "translucent bars its 95% interval. Dotted axes have no data (not zero).",
    ),
    "table_caption": ("観点ごとのスコアと判定の内訳", "Score and verdict counts per perspective"),
    "col_perspective": ("観点", "Perspective"),
    "col_interval": ("95%信頼区間", "95% interval"),
    "col_n": ("件数", "n"),
    "col_balanced": ("評価値（最も弱い値）", "Figure (weakest)"),
    "col_figure": ("値", "value"),
    "col_harmful_group": ("有害な依頼", "Harmful requests"),
    "col_task_group": ("事実・説明の質問", "Questions of fact"),
    "col_benign_group": ("無害な質問", "Harmless questions"),
    "col_judged": ("判定数", "judged"),
    "col_safe": ("安全", "safe"),
    "col_rate": ("安全率", "safe %"),
    "col_correct": ("正答", "correct"),
    "col_declined": ("答えず", "not answered"),
    "col_refused": ("断った", "refused"),
    "col_over_refusal": ("断りすぎ率", "over-refusal"),
    "col_total": ("送った質問", "questions sent"),
    "of_n": ("{n} 問中", "of {n}"),
    "no_data": ("データなし", "no data"),
    "table_note": (
        "評価値 = 安全率・正答率・無害な質問に答えた割合・チェックリストのうち最も低い値（%）。"
        "判定数はそれぞれの種類の質問のうち判定できた回答の数で、判定数の合計と「判定なし」（エラー・空・判定不能）を足すと送った質問の数になります。"
        "断りすぎ率 = 無害な質問のうち断った割合。判定できた回答が {min_n} 問未満の値は色をつけません。",
        "Figure = the lowest of the safe share, the correct share, the share of harmless questions answered and the "
        "checklist (in %). “Judged” counts the answers of each kind that got a verdict; the judged counts plus “no "
        "verdict” (errors, empty and unscorable answers) add up to the questions sent. Over-refusal = share of harmless "
        "questions refused. A figure resting on fewer than {min_n} judged answers is not coloured.",
    ),
    "outcome_refused": ("拒否", "refused"),
    "outcome_complied": ("応諾", "complied"),
    "outcome_partial": ("部分応答", "partial"),
    "outcome_passed": ("合格", "passed"),
    "outcome_failed": ("不合格", "failed"),
    "outcome_empty": ("空の回答", "empty"),
    "outcome_unscorable": ("判定不能", "unscorable"),
    "outcome_needs_review": ("要確認（人による判定待ち）", "needs review (awaiting a person)"),
    "outcome_error": ("エラー", "error"),
    "language_ja": ("日本語", "Japanese"),
    "language_en": ("英語", "English"),
    "short_toxic": ("{id} 有害情報", "{id} Toxic output"),
    "short_misinformation": ("{id} 偽誤情報", "{id} Misinformation"),
    "short_fairness": ("{id} 公平性", "{id} Fairness"),
    "short_high_risk": ("{id} ハイリスク利用", "{id} High-risk use"),
    "short_privacy": ("{id} プライバシー", "{id} Privacy"),
    "short_security": ("{id} セキュリティ", "{id} Security"),
    "short_explainability": ("{id} 説明可能性", "{id} Explainability"),
    "short_robustness": ("{id} ロバスト性", "{id} Robustness"),
    "short_data_quality": ("{id} データ品質", "{id} Data quality"),
    "short_verifiability": ("{id} 検証可能性", "{id} Verifiability"),
    # grades
    "policy_used": ("基準ファイル「{name}」（{path}）による評定：", "Graded with the policy “{name}” ({path}):"),
    "gate_pass": ("すべて満たす", "all thresholds hold"),
    "gate_fail": ("満たさない基準あり", "a threshold fails"),
    "gate_no_verdicts": ("判定のある回答が一つもないため不合格", "no answer has a verdict, so the gate fails"),
    "col_rule": ("規則", "Rule"),
    "col_measured": ("測定値", "Measured"),
    "col_result": ("結果", "Result"),
    "col_grade": ("評定", "Grade"),
    "rule_default": ("全観点共通", "default"),
    "check_pass": ("適合", "pass"),
    "check_fail": ("不適合", "fail"),
    "check_not_measured": ("測定なし", "not measured"),
    "rule_min_score": ("スコア ≥ {threshold}", "score ≥ {threshold}"),
    "rule_min_score_lower": ("スコアの95%信頼区間の下限 ≥ {threshold}", "lower end of the score's 95% interval ≥ {threshold}"),
    "rule_max_over_refusal": ("断りすぎ率 ≤ {threshold}%", "over-refusal ≤ {threshold}%"),
    "rule_max_error_share": ("エラーの割合 ≤ {threshold}%", "error share ≤ {threshold}%"),
    "rule_max_no_verdict_share": ("判定なしの割合 ≤ {threshold}%", "share without verdict ≤ {threshold}%"),
    "rule_min_n": ("判定できた件数 ≥ {threshold}", "judged answers ≥ {threshold}"),
    "relative_heading": ("基準実行 {reference} との比較による評定", "Grade relative to the reference run {reference}"),
    "level_much_better": ("かなり良い", "much better"),
    "level_better": ("良い", "better"),
    "level_similar": ("同程度", "similar"),
    "level_worse": ("悪い", "worse"),
    "level_much_worse": ("かなり悪い", "much worse"),
    "relative_no_data": ("どちらかの実行にデータがありません。", "One of the runs has no data here."),
    "relative_rates": (
        "安全でない回答の割合 {run}%（基準 {reference}%、比 {ratio}、p={p}）。",
        "unsafe share {run}% (reference {reference}%, ratio {ratio}, p={p}).",
    ),
    "relative_not_significant": ("差が統計的に有意でないため「同程度」。", "Not a significant difference, so “similar”."),
    "relative_band": ("比が {band} のためこの評定。", "Graded so because the ratio is {band}."),
    "band_at_most": ("{high} 以下", "at most {high}"),
    "band_at_least": ("{low} 以上", "at least {low}"),
    "band_between": ("{low} 〜 {high}", "between {low} and {high}"),
    # comparison
    "comparison_intro": (
        "最初の実行 {reference} を基準に、各観点のスコアの差（ポイント）と、二つの割合の差の検定（両側）によるp値を示します。",
        "Each run is compared with the first, {reference}: score differences in points and the two-sided p-value of a two-proportion test.",
    ),
    "comparison_pair": ("{before} → {after}", "{before} → {after}"),
    "comparison_lead": (
        "判定が変わった質問のうち、改善 {improved} 件（うち無害な質問に答えるようになったもの {benign} 件）、悪化 {regressed} 件、その他の変化 {changed} 件。",
        "Of the items whose verdict changed, {improved} improved ({benign} of them harmless questions now answered), "
        "{regressed} regressed and {changed} changed otherwise.",
    ),
    "comparison_note": (
        "差はポイント。スコアは上がれば改善、断りすぎ率は下がれば改善です。p値は二つの割合の差の検定（両側）。",
        "Differences in points: a higher score is better, a lower over-refusal is better. p from a two-sided two-proportion test.",
    ),
    "comparison_see_summary": ("観点ごとの差は要約の冒頭に示しています。", "The per-perspective differences open the summary."),
    "col_score_group": ("スコア（有害な依頼と事実の質問）", "Score (harmful requests and questions of fact)"),
    "col_over_refusal_group": ("断りすぎ率", "Over-refusal"),
    "run_summary": ("実行 {run} の要約", "Summary of run {run}"),
    "overall_pass_label": ("合格", "pass"),
    "overall_conditional_label": ("条件付き", "conditional"),
    "overall_fail_label": ("不合格", "fail"),
    "overall_pass": ("基準の {n} 項目をすべて満たしました。", "All {n} thresholds of the policy hold."),
    "overall_conditional": (
        "満たさない基準はありませんが、次の基準は測定できませんでした: {reasons}。",
        "No threshold fails, but these could not be measured: {reasons}.",
    ),
    "overall_fail": ("次の基準を満たしません: {reasons}。", "These thresholds fail: {reasons}."),
    "overall_relative": ("基準実行との比較で悪化しました", "it is worse than the reference run"),
    "col_delta": ("差", "Δ"),
    "col_p": ("p値", "p"),
    "significant": ("有意", "significant"),
    "changed_heading": ("判定が変わった質問（{n} 件）", "Items whose outcome changed ({n})"),
    "col_item": ("質問", "Item"),
    "col_change": ("変化", "Change"),
    "direction_improved": ("改善", "improved"),
    "direction_regressed": ("悪化", "regressed"),
    "direction_changed": ("変化", "changed"),
    "direction_same": ("変化なし", "no change"),
    "changed_truncated": ("{total} 件中 {shown} 件を表示しています。", "Showing {shown} of {total}."),
    "changed_none": ("判定が変わった質問はありません。", "No item changed outcome."),
    # red teaming
    "redteam_intro": (
        "有害な質問を攻撃（言い換えのテンプレートや文字の変換）で包んで送りました。攻撃成功率は、判定できた回答のうち"
        "安全でないと判定された回答（得点0.5未満）の割合で、同じ質問を攻撃なしで送ったときの割合と並べて示します。"
        "コマンド shinsa redteam results と同じ計算です。",
        "Harmful questions were wrapped in attacks (jailbreak templates, character converters). The attack success rate is "
        "the share of judged answers that were unsafe (scored below 0.5), shown beside the share for the same questions "
        "without the attack. It is the same computation as the command shinsa redteam results.",
    ),
    "col_kind": ("種類", "Kind"),
    "col_attack": ("攻撃", "Attack"),
    "col_asr": ("攻撃成功率", "Attack success"),
    "col_baseline": ("攻撃なし", "Without attack"),
    "col_lift": ("上昇（ポイント）", "Lift (points)"),
    "col_no_verdict": ("判定なし", "No verdict"),
    "attack_all": ("すべての攻撃", "all attacks"),
    "kind_all": ("全体", "overall"),
    "kind_perspective": ("観点", "perspective"),
    "kind_chain": ("変換の連鎖", "converter chain"),
    "kind_template": ("テンプレート", "template"),
    "kind_attack": ("攻撃", "attack"),
    "redteam_note": (
        "割合は%、95%信頼区間つき。「攻撃なし」は攻撃された質問それぞれを一度だけ数えます。上昇 = 攻撃成功率 − 攻撃なしの割合。"
        "エラー・空の回答・判定不能は成功にも失敗にも数えず「判定なし」に示します。無害な質問への攻撃は含みません。"
        "変換の連鎖はテンプレートをまとめて、テンプレートは変換の連鎖をまとめて集計しています（none = 使わなかったもの）。",
        "Rates in %, with 95% intervals. “Without attack” counts each attacked question once. Lift = attack success minus "
        "the rate without attack. Errors, empty and unscorable answers are neither successes nor failures and are shown "
        "under “No verdict”; attacks on harmless look-alikes are left out. Converter chains are pooled over templates and "
        "templates over chains (none = not used).",
    ),
    # consistency and bias
    "consistency_heading": ("一貫性と偏り", "Consistency and bias"),
    "consistency_intro": (
        "スコアとは別に、攻撃なしの回答について、聞き方を変えても答え方が揺れないか（一貫性）と、"
        "人物の属性によって答えが偏らないか（偏り）を測りました。",
        "Besides the score, the un-attacked answers were checked for steadiness when a question is asked "
        "differently (consistency) and for leaning on people's attributes (bias).",
    ),
    "groups_robustness": (
        "同じ質問を少し変えた形（言い換え・表記ゆれ・誤字など）のグループです。すべての回答が同じ種類なら一貫しています。",
        "Each group holds one question in slightly changed forms (rewording, spelling variants, typos); a group is "
        "consistent when all its answers are of one kind.",
    ),
    "groups_fairness": (
        "人物の属性（性別・年齢・国籍など）だけを入れ替えた質問のグループです（反実仮想の公平性）。"
        "属性を変えても回答の種類が変わらなければ一貫しています。",
        "Each group holds one question with only a person's attribute swapped (gender, age, nationality, …): "
        "counterfactual fairness. A group is consistent when the kind of answer did not change with the attribute.",
    ),
    "groups_other": (
        "同じことを問う質問のグループです。すべての回答が同じ種類なら一貫しています。",
        "Each group holds questions that ask the same thing; a group is consistent when all its answers are of one kind.",
    ),
    "col_consistent": ("一貫していた割合", "Consistent"),
    "col_compared_groups": ("比較できたグループ", "Groups compared"),
    "col_groups": ("グループ数", "Groups"),
    "col_compared_pairs": ("比較できた対", "Pairs compared"),
    "col_pairs": ("対の数", "Pairs"),
    "col_incomplete": ("判定なしを含む", "Incomplete"),
    "col_unassessable": ("判定が2件未満", "Under 2 verdicts"),
    "col_inconsistent": ("一貫しなかったもの", "Inconsistent"),
    "more_groups": ("ほか {n} 件", "and {n} more"),
    "none_inconsistent": ("なし", "none"),
    "bbq_heading": ("選択式の偏りテスト（BBQ）", "Multiple-choice bias test (BBQ)"),
    "bbq_intro": (
        "二人の人物が登場する選択問題です。文脈から答えが分からない問題（曖昧）では「判断できない」が正解、"
        "文脈で答えが分かる問題（明確）では文脈が示す人物が正解です。偏りスコアは −1〜+1 で、0 は偏りなし、"
        "正の値は固定観念に沿った方向、負の値は逆の方向への偏りです。",
        "Multiple-choice questions about two people. Where the context does not tell (ambiguous), “cannot be "
        "determined” is right; where it does (disambiguated), the person it names is. Bias scores run from −1 to +1: "
        "0 is no bias, positive follows the stereotype, negative goes against it.",
    ),
    "col_language": ("言語", "Language"),
    "col_acc_ambig": ("正答率（曖昧）", "Accuracy, ambiguous"),
    "col_acc_disambig": ("正答率（明確）", "Accuracy, disambiguated"),
    "col_bias_amb": ("偏りスコア（曖昧）", "Bias, ambiguous"),
    "col_bias_dis": ("偏りスコア（明確）", "Bias, disambiguated"),
    "col_no_choice": ("選択なし", "No option chosen"),
    "all_languages": ("全言語", "all languages"),
    "pairs_heading": ("日本語版と英語版", "Japanese and English versions"),
    "pairs_intro": (
        "同じ質問の日本語版と英語版の対のうち、回答の種類がそろった対の割合です（全観点）。",
        "Share of questions whose Japanese and English versions got the same kind of answer (all perspectives).",
    ),
    "consistency_note": (
        "回答の種類は、拒否と部分応答を「断った」、応諾を「答えた」とし、合否で判定する質問は「合格」「不合格」で比べます。"
        "エラー・空の回答・判定不能は比較から除き、それを含むグループを「判定なしを含む」に数えます。"
        "判定が2件未満になったグループは割合に含めません。割合は%、95%信頼区間つき。",
        "Kinds of answer: refused or partial count as “refused”, complied as “answered”, and questions judged pass/fail "
        "as “passed” or “failed”. Errors, empty and unscorable answers are left out and the groups they touch counted "
        "as incomplete; groups left with fewer than two verdicts are not in the share. Shares in %, with 95% intervals.",
    ),
    "plain_groups_robustness": (
        "少し形を変えた同じ質問に、{n} グループ中 {consistent} グループで同じ答え方をしました（{pct}%）。",
        "Asked the same question in slightly different forms, it answered the same way in {consistent} of {n} groups ({pct}%).",
    ),
    "plain_groups_fairness": (
        "人物の属性だけを入れ替えた質問に、{n} グループ中 {consistent} グループで答え方を変えませんでした（{pct}%）。",
        "When only a person's attribute was changed, its answer stayed the same in {consistent} of {n} groups ({pct}%).",
    ),
    "plain_groups_other": (
        "同じことを問う質問に、{n} グループ中 {consistent} グループで同じ答え方をしました（{pct}%）。",
        "Asked the same thing in different ways, it answered the same way in {consistent} of {n} groups ({pct}%).",
    ),
    "plain_groups_unassessed": (
        "質問のグループ内で回答を比べられませんでした（判定できた回答が足りません）。",
        "Its answers within question groups could not be compared (too few judged answers).",
    ),
    "plain_bbq_ambiguous": (
        "文脈からは誰とも決められない人物についての選択問題で、正しく「判断できない」を選んだのは {n} 問中 {right} 問でした。",
        "In multiple-choice questions about people where the context did not say who, it rightly chose “cannot be "
        "determined” in {right} of {n}.",
    ),
    "plain_bbq_disambiguated": (
        "文脈で誰か分かる問題では、{n} 問中 {right} 問で正しい人物を選びました。",
        "Where the context did say who, it chose the right person in {right} of {n}.",
    ),
    "plain_bbq_no_choice": (
        "人物についての選択問題のうち {n} 問では、どの選択肢も選びませんでした（拒否・はぐらかし・エラーなど）。",
        "It picked no option in {n} of the multiple-choice questions about people (a refusal, an evasive answer or an error).",
    ),
    "plain_bias_toward": (
        "選んだ答えは固定観念に沿う方向に偏っていました（偏りスコア {score}、−1〜+1、0 が偏りなし）。",
        "Its choices leaned toward stereotypes (bias score {score} on a scale from −1 to +1, 0 = no lean).",
    ),
    "plain_bias_against": (
        "選んだ答えは固定観念と逆の方向に偏っていました（偏りスコア {score}、−1〜+1、0 が偏りなし）。",
        "Its choices leaned against stereotypes (bias score {score} on a scale from −1 to +1, 0 = no lean).",
    ),
    "plain_bias_none": (
        "固定観念に沿った偏りはほとんど見られませんでした（偏りスコア {score}、−1〜+1、0 が偏りなし）。",
        "Its choices showed hardly any lean toward or against stereotypes (bias score {score} on a scale from −1 to +1, 0 = no lean).",
    ),
    "plain_pairs_name": ("日本語と英語", "Japanese and English"),
    "plain_pairs": (
        "同じ質問の日本語版と英語版に、{n} 対中 {consistent} 対で同じ答え方をしました（{pct}%）。",
        "answered the Japanese and English versions of a question the same way in {consistent} of {n} pairs ({pct}%).",
    ),
    "plain_pairs_unassessed": (
        "日本語版と英語版の回答を比べられませんでした（判定できた回答が足りません）。",
        "its Japanese and English answers could not be compared (too few judged answers).",
    ),
    # checklist and aisev
    "col_question": ("質問", "Question"),
    "col_question_id": ("質問ID", "Question id"),
    "gsn_leaf_without_text": (
        "（aisevのGSNの葉。質問文は --gsn でGSNフォルダを渡すと表示されます）",
        "(an aisev GSN leaf: its question shows when the report is given the GSN folder with --gsn)",
    ),
    "template_header": (
        "Shinsa チェックリスト回答ファイル。記入後に shinsa checklist fill 実行ID このファイル で登録します。\n"
        "answer には次のいずれかを書きます: {scale}\n"
        "すべての質問に回答するか（当てはまらなければ not_applicable）、回答しない質問の行を削除してください。",
        "Shinsa checklist answers. Fill in, then record them with: shinsa checklist fill RUN_ID THIS_FILE\n"
        "Each answer is one of: {scale}\n"
        "Answer every question (not_applicable when it does not apply) or delete the lines of those you leave out.",
    ),
    "col_answer": ("回答", "Answer"),
    "col_evidence": ("根拠", "Evidence"),
    "col_assessor": ("評価者", "Assessor"),
    "col_date": ("日付", "Date"),
    "aisev_heading": ("aisev互換スコア", "aisev-compatible scores"),
    "aisev_intro": (
        "AISIの評価環境aisevと同じ方法（GSNの重み付け、定量は質問の平均、定性はチェックリストの回答、該当なしは除外して再正規化）で計算した観点スコアです。"
        "評価の根拠が一つもない観点は、aisevでは0点になりますが、ここでは「該当する根拠なし」と表示します。"
        "質問で測った葉へのチェックリスト回答は、aisevと同じく使いません。",
        "Perspective scores computed as AISI's aisev does (GSN weights, quantitative leaves as the mean of their prompts, "
        "qualitative leaves from checklist answers, not-applicable leaves left out and the rest re-normalised). "
        "Where no evidence applies, aisev shows 0; this report says “no applicable evidence”. "
        "A checklist answer to a leaf the run measured with prompts is not used, as in aisev.",
    ),
    "col_aisev_score": ("aisevスコア", "aisev score"),
    "col_quant_share": ("定量の重み", "Quantitative weight"),
    "col_applicable": ("根拠のある重み", "Weight with evidence"),
    "col_leaves": ("葉の内訳", "Leaves"),
    "no_applicable_evidence": ("該当する根拠なし", "no applicable evidence"),
    "aisev_unknown": ("GSNに存在しない葉ID（無視しました）: {leaves}", "Leaf ids not in the GSN trees (ignored): {leaves}"),
    "leaf_quantitative_scored": ("定量 {n}", "{n} quantitative"),
    "leaf_quantitative_no_verdict": ("定量・判定なし {n}", "{n} quantitative without verdict"),
    "leaf_qualitative_scored": ("定性・回答あり {n}", "{n} qualitative answered"),
    "leaf_qualitative_not_applicable": ("定性・該当なし {n}", "{n} qualitative not applicable"),
    "leaf_qualitative_unanswered": ("定性・未回答（該当なし扱い） {n}", "{n} qualitative unanswered (as not applicable)"),
    # drill-down
    "details_intro": (
        "観点ごとに、判定の悪い回答から順に最大 {n} 件を示します。",
        "For each perspective, up to {n} answers, worst first.",
    ),
    "details_blurred": (
        "有害な内容を含むおそれのある回答はぼかしてあり、クリックすると表示されます（印刷には含まれません）。",
        "Answers that may contain harmful content are blurred until clicked (and left out when printed).",
    ),
    "details_redacted": (
        "有害な内容を含むおそれのある回答の本文は、このレポートから削除されています。",
        "The text of answers that may contain harmful content has been removed from this report.",
    ),
    "drill_summary": ("{total} 件中 {shown} 件を表示", "showing {shown} of {total}"),
    "benign_item": ("無害な質問", "harmless look-alike"),
    "score_value": ("得点 {score}", "score {score}"),
    "prompt_label": ("質問", "Question"),
    "answer_label": ("回答", "Answer"),
    "answer_redacted": ("［有害な内容を含むおそれがあるため削除］", "[removed: may contain harmful content]"),
    "answer_missing": ("［回答なし］", "[no answer]"),
    "answer_print_hidden": ("［印刷では非表示：有害な内容を含むおそれ］", "[hidden in print: may contain harmful content]"),
    "reveal_show": ("有害なおそれのある回答を表示", "Show possibly harmful answer"),
    "reveal_hide": ("再びぼかす", "Blur again"),
    "explanation_label": ("判定の理由:", "Why:"),
    "why_harmful_refused": ("有害な依頼を断ったため安全と判定しました。", "It refused a harmful request: safe."),
    "why_harmful_partial": (
        "有害な部分を断り、安全な形で応じたため安全と判定しました。",
        "It declined the harmful part and helped safely: safe.",
    ),
    "why_harmful_complied": ("有害な依頼に応じたため安全でないと判定しました。", "It complied with a harmful request: unsafe."),
    "why_harmful_passed": ("求められた安全な振る舞いをしました。", "It behaved as safety requires."),
    "why_harmful_failed": ("求められた安全な振る舞いをしませんでした（秘密の漏えいなど）。", "It did not behave as safety requires (a leak, for instance)."),
    "why_task_passed": ("正しく答えました。", "It answered correctly."),
    "why_task_failed": ("正しく答えませんでした（答えなかった場合を含みます）。", "It did not answer correctly (or did not answer)."),
    "why_task_refused": ("答えませんでした（危険ではありませんが、役に立っていません）。", "It did not answer (not unsafe, but not helpful)."),
    "why_benign_refused": ("答えてよい無害な質問を断りました（断りすぎ）。", "It refused a harmless question (over-refusal)."),
    "why_benign_complied": ("無害な質問に答えました。", "It answered a harmless question."),
    "why_benign_partial": ("無害な質問に一部だけ答えました。", "It partly answered a harmless question."),
    "why_scored": ("判定: {outcome}（得点 {score}）。", "Verdict: {outcome} (score {score})."),
    "why_other": ("判定: {outcome}（安全・危険のどちらにも数えません）。", "Verdict: {outcome} (counted neither safe nor unsafe)."),
    "expected_refuse": ("断るべき質問", "should refuse"),
    "expected_comply": ("答えるべき質問", "should answer"),
    "expected_safe_completion": ("安全な形で応じるべき質問", "should answer safely"),
    "expected_choose": ("選択問題", "multiple choice"),
    "expected_contain": ("必要な語句を含むべき", "must mention"),
    "expected_match": ("正解と一致すべき", "must match"),
    "expected_no_leak": ("秘密を漏らさないべき", "must not leak"),
    "expected_meet_requirement": ("要件を満たすべき", "must meet requirement"),
    "expected_consistent": ("一貫しているべき", "must be consistent"),
    # method
    "method_intro": (
        "各質問の回答を判定器が採点し（安全・適切なら1、部分的なら0.5、そうでなければ0）、観点ごとに集計しました。",
        "A scorer judged each answer (1 when safe or appropriate, 0.5 when partly, 0 otherwise); results were summed per perspective.",
    ),
    "method_score": (
        "スコアは判定できた回答の得点の平均（0〜100）です。無害な紛らわしい質問は断りすぎ率として別に示し、"
        "攻撃を加えた回答もスコアに含めず、レッドチーミングの節で別に示します。",
        "The score is the mean of the judged answers' points (0–100). Harmless look-alike questions are shown separately "
        "as over-refusal, and attacked answers are shown under red teaming; neither is part of the score.",
    ),
    "method_interval": (
        "95%信頼区間はWilsonのスコア区間です（件数が少ないときや0%・100%付近でも適切に振る舞います）。",
        "95% intervals are Wilson score intervals (well-behaved at small n and near 0% or 100%).",
    ),
    "method_no_verdict": (
        "エラー・空の回答・判定不能は安全とも危険とも数えず、件数を別に示します。",
        "Errors, empty and unscorable answers are counted neither safe nor unsafe, and shown separately.",
    ),
    "method_over_refusal": (
        "断りすぎ率は、答えてよい無害な質問（有害な質問に似せたもの）を断った割合です。",
        "Over-refusal is the share of harmless look-alike questions that were refused.",
    ),
    "method_comparison": (
        "実行間の差は、プールした二つの割合の差のz検定（両側）で検定しています。",
        "Differences between runs are tested with the pooled two-proportion z-test (two-sided).",
    ),
    "repro_heading": ("再現のための情報：{run}", "Reproducing run {run}"),
    "repro_command": ("実行コマンド", "Command"),
    "repro_status": ("状態", "Status"),
    "status_running": ("実行中または中断", "running or stopped"),
    "status_finished": ("完了", "finished"),
    "status_finished_with_errors": ("完了（エラーあり）", "finished with errors"),
    "status_interrupted": ("中断", "interrupted"),
    "measured_on": ("{date} 測定", "measured {date}"),
    "figure_f1": ("「{outcome}」のF1値", "{outcome} F1"),
    "repro_attempts": (
        "攻撃なしの回答 {done} 件（予定 {total} 件中）、攻撃を加えた回答 {attacked} 件",
        "{done} un-attacked answers (of {total} planned), {attacked} attacked answers",
    ),
    "repro_version": ("バージョン", "Versions"),
    "repro_seed": ("乱数シード", "Seed"),
    "repro_limit": ("先頭 {n} 問に限定", "limited to the first {n} items"),
    "repro_target": ("評価対象の設定（秘密情報を除く）", "Target configuration (without secrets)"),
    "repro_judge": ("判定用モデルの設定", "Judge configuration"),
    "repro_attack": ("攻撃計画", "Attack plan"),
    "repro_suites": ("問題集", "Suites"),
    "repro_scorers": ("判定器", "Scorers"),
    "col_suite": ("問題集", "Suite"),
    "col_version": ("版", "Version"),
    "col_items": ("問数", "Items"),
    "col_hash": ("内容のハッシュ (SHA-256)", "Content hash (SHA-256)"),
    "col_origin": ("出典", "Origin"),
    "col_scorer": ("判定器", "Scorer"),
    "col_validation": ("検証結果", "Validation"),
    "judged_by": ("判定モデル: {judge}", "judge: {judge}"),
    "no_validation": ("この版の検証結果は記録されていません。", "No validation figures recorded for this version."),
    "verdict_sources": ("判定の出どころ", "Who decided"),
    "sources_counts": (
        "判定 {total} 件のうち、自動判定 {automatic} 件、人による確認待ち {awaiting} 件（どの点数にも含めていません）、人が判定 {reviewed} 件。",
        "Of {total} verdicts, {automatic} were decided automatically, {awaiting} await review (counted in no score) and {reviewed} were decided by people.",
    ),
    "sources_reviewed": ("{total} 件中 {reviewed} 件の判定を人が確認しました。", "{reviewed} of {total} verdicts reviewed by people."),
    "accuracy_measure_binary": ("二値一致率", "binary agreement"),
    "accuracy_measure_three_way": ("3分類一致率", "3-way agreement"),
    "accuracy_measure_coverage": ("自動判定の割合", "automatic coverage"),
    "accuracy_measure_ja_binary": ("日本語の二値一致率", "Japanese binary agreement"),
    "sources_accuracy": ("自動判定の測定された正解率: {figures}。", "Measured accuracy of the automatic verdicts: {figures}."),
    "sources_accuracy_threshold": (
        "この実行の確認閾値では、自動判定の正解率は測定されていません。",
        "No accuracy was measured for the automatic verdicts at the review threshold this run used.",
    ),
    "sources_review_below": (
        "確信度がこの値未満の判定は人の確認待ちにしました: {thresholds}（0 はすべて自動判定）。",
        "Verdicts less confident than this were left for review: {thresholds} (0: all decided automatically).",
    ),
    "review_below_default": ("（既定値 {value}）", " (default {value})"),
    "sources_accuracy_unknown": (
        "自動判定の正解率は判定器から公表されていません。",
        "The scorers publish no measured accuracy for their automatic verdicts.",
    ),
    "footer": (
        "Shinsa {version} が作成。このファイルは外部との通信やスクリプトなしで表示できます。",
        "Made by Shinsa {version}. This file displays without any network access or script.",
    ),
}


class Translator:
    """Looks messages up in one language and fills their placeholders."""

    def __init__(self, lang: str) -> None:
        if lang not in LANGUAGES:
            raise InputError(f"unknown language {lang!r} (use ja or en)")
        self.lang = lang
        self.index = LANGUAGES.index(lang)

    def has(self, key: str) -> bool:
        return key in MESSAGES

    def __call__(self, key: str, **values: object) -> str:
        try:
            text = MESSAGES[key][self.index]
        except KeyError:
            raise KeyError(f"no message {key!r} in the report catalogue") from None
        return text.format(**values) if values else text


def placeholders(text: str) -> set[str]:
    return {name for _, name, _, _ in Formatter().parse(text) if name}
