"""The one text normaliser: the same character folding for comparisons and for span-keeping detectors."""

from __future__ import annotations

from shinsa.text import fold, normalise


def test_normalise_folds_width_dashes_tildes_quotes_and_case() -> None:
    assert normalise("ＡＢＣ－１２３〜ｶﾀｶﾅ “Don’t”") == 'abc-123~カタカナ "don\'t"'


def test_normalise_keeps_paragraphs_unless_told_not_to() -> None:
    text = "ＡＢＣ　ｄｅｆ\n\n\nGhi\u200b "
    assert normalise(text) == "abc def\n\nghi"
    assert normalise(text, paragraphs=False) == "abc def ghi"


def test_fold_keeps_map_to_original_offsets() -> None:
    text = "ｶﾞ\u200b０８０ー１"
    folded = fold(text)
    assert folded.text == "ガ080-1"
    assert folded.original_span(0, 1) == (0, 2)  # ｶ + ﾞ → ガ
    assert folded.original_span(1, 6) == (3, 8)  # the zero-width space is skipped
    assert fold("ラーメン").text == "ラーメン"  # ー between kana stays a vowel mark
    assert fold("０９０ｰ１").text == "090-1"  # the half-width mark too, between digits
    assert fold("①②③④⑤⑥⑦⑧⑨⑩①②").text == "①②③④⑤⑥⑦⑧⑨⑩①②"


def test_fold_and_normalise_agree_on_characters() -> None:
    text = "Ｔｅｌ：０９０－１２３４〜５６７８ “ok”"
    assert normalise(fold(text).text) == normalise(text)
