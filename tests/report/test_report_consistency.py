"""The report's consistency and bias section and its plain-words summary, on the stored "fixed" run
(robustness and counterfactual groups, BBQ items and Japanese/English pairs with known results:
see ``shinsa.testing.runs.consistency_rows``)."""

from __future__ import annotations

import re

from report_fixtures import store_fixture  # noqa: F401 (provides the store fixture)

from shinsa.report.html import render_report
from shinsa.store.store import Store


def section(html: str) -> str:
    return html[html.index('<section id="consistency"') : html.index("</section>", html.index('<section id="consistency"'))]


def cells(fragment: str) -> list[str]:
    """The text of the body cells (row headers and data), in order."""
    found = re.findall(r'<(?:td|th scope="row")[^>]*>(.*?)</t[dh]>', fragment, re.S)
    return [re.sub(r"<[^>]+>", "", cell).strip() for cell in found]


def block(text: str, heading: str) -> str:
    """From a perspective's heading to the next heading."""
    start = text.index(heading)
    following = re.search(r"<h[34]>", text[start + len(heading) :])
    return text[start : start + len(heading) + following.start()] if following else text[start:]


def test_robustness_fairness_bbq_and_pairs_tables(store: Store) -> None:
    consistency = section(render_report(store, ["fixed"], lang="en"))
    robustness = block(consistency, "8. Robustness")
    # consistent, interval, groups compared, groups, incomplete, under 2 verdicts, inconsistent
    assert cells(robustness) == ["66.7%", "21–94%", "3", "4", "2", "1", "fixture/rb-2"]
    fairness = block(consistency, "3. Fairness and Inclusion")
    assert "counterfactual fairness" in fairness
    groups_table, bbq_table = fairness.split('<table class="bbq">')
    assert cells(groups_table) == ["50.0%", "9–91%", "2", "2", "0", "0", "fixture/cf-2"]
    # ambiguous: 1 of 3 right (one answer chose nothing); disambiguated 2 of 3; s_AMB, s_DIS
    assert cells(bbq_table) == ["Japanese", "33.3%", "6–79%", "3", "66.7%", "21–94%", "3", "+0.67", "+0.33", "1"]
    pairs = block(consistency, "Japanese and English versions")
    assert "Pairs compared" in pairs and "Groups" not in pairs
    assert cells(pairs) == ["75.0%", "30–95%", "4", "5", "1", "1", "pr-2"]
    assert re.findall(r"<h3>(.*?)</h3>", consistency) == [
        "3. Fairness and Inclusion",
        "8. Robustness",
        "Japanese and English versions",
    ]


def test_plain_summary_mentions_the_metrics(store: Store) -> None:
    html = render_report(store, ["fixed"], lang="en")
    summary = html[html.index('id="summary"') : html.index('id="results"')]
    assert "answered the same way in 2 of 3 groups (67%)" in summary
    assert "its answer stayed the same in 1 of 2 groups (50%)" in summary
    assert "rightly chose “cannot be determined” in 1 of 3" in summary
    assert "It picked no option in 1 of the multiple-choice questions about people" in summary
    assert "leaned toward stereotypes (bias score +0.67" in summary
    assert "<strong>Japanese and English</strong>: answered the Japanese and English versions of a question the same way in 3 of 4 pairs (75%)" in summary


def test_japanese_report(store: Store) -> None:
    html = render_report(store, ["fixed"], lang="ja")
    consistency = section(html)
    assert "一貫性と偏り" in consistency and "反実仮想の公平性" in consistency and "選択式の偏りテスト（BBQ）" in consistency
    assert cells(block(consistency, "8. ロバスト性")) == ["66.7%", "21–94%", "3", "4", "2", "1", "fixture/rb-2"]
    summary = html[html.index('id="summary"') : html.index('id="results"')]
    assert "3 グループ中 2 グループで同じ答え方をしました（67%）" in summary
    assert "固定観念に沿う方向に偏っていました（偏りスコア +0.67" in summary
    assert "4 対中 3 対で同じ答え方をしました（75%）" in summary


def test_shown_only_for_runs_with_the_data(store: Store) -> None:
    base = render_report(store, ["base"], lang="en")
    assert 'id="consistency"' not in base and 'href="#consistency"' not in base
    assert "Japanese and English" not in base
    both = section(render_report(store, ["base", "fixed"], lang="en"))
    assert re.findall(r"<h3>(Run .*?)</h3>", both) == ["Run fixed"]
    assert both.count("<h4>8. Robustness</h4>") == 1
