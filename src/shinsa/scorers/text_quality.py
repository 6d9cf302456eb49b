"""Whether an answer can be judged at all, and how much of it is the prompt's, for any scorer.

An answer that is noise (gibberish, mojibake, keyboard mash, markup), loops, echoes the prompt, is a
status or error message, a greeting, or reasoning without a final answer cannot be judged, whatever
the scorer asks of it. Nothing here is about refusing. Texts are normalised first
(:func:`shinsa.text.normalise`).
"""

from __future__ import annotations

import json
import re
import zlib

_SPECIAL_TOKENS = re.compile(r"<\|?/?[a-z_]{1,20}\|?>|\[/?(?:inst|pad|unk|eos|bos)\]|</?s>|<(?:pad|unk)>")
CODE = re.compile(r"'''|^\s{4,}\S", re.M)
"""Code fences read ''' after normalisation, which folds the backtick into an apostrophe."""
_SENTENCE_END = re.compile(r"(?<=[。!?！？])|(?<=[.?!])\s+|\n+")
_NON_LETTER = re.compile(r"[\W\d_]+")
_NON_ALNUM = re.compile(r"[\w]+")
"""Removing word characters leaves punctuation and symbols."""
_DOUBLED = re.compile(r"(.)(?=\1)")
_BOILERPLATE = re.compile(
    r"copyright|©|all rights reserved|privacy policy|terms of (?:service|use)|cookie settings|sitemap|"
    r"subscribe to|newsletter|sponsored|advertisement|click here|leave a reply|posted by|powered by|"
    r"lorem ipsum|consectetur adipiscing|投稿者|カテゴリー|この記事|ページトップ|トップページ|関連記事|"
    r"シェアする|ツイート|いいね|カートに入れる|お気に入りに追加|レビューを書く|送料無料|次の記事|前の記事|"
    r"未分類|コメント|ホーム|お知らせ|当サイト|戻る"
)
_MARKUP = re.compile(r"</?[a-z][^>\n]{0,80}>|[{}\[\]]+")
_FENCED = re.compile(r"'''[^\n']*\n?(.*?)(?:'''|$)", re.S)
_TEMPLATE_LABEL = re.compile(
    r"^[ \t]*#{1,4}[ \t]*(?:instruction|response|input|output|prompt|answer|question|指示|入力|出力|応答|回答|質問)[ \t]*:?|"
    r"^(?:[ \t]*(?:\[/?inst\]|user|assistant|system|human|ai|bot|q|a|question|answer|ユーザー|アシスタント|システム|"
    r"質問|回答|答え|応答)[ \t]*:)+|^[ \t]*(?:user|assistant|system|model)[ \t]*$",
    re.M,
)
"""Turn labels of chat and instruction templates (``### Response:``, ``A:``, アシスタント：)."""
_PLACEHOLDER = re.compile(r"\{\{[^{}\n]{0,40}\}\}|\$\{[^{}\n]{0,40}\}|<(?:response|answer|output|text)>")
_EMPTY_SLOT = re.compile(
    r"^\s*(?:[-*•・]|\d{1,2}[.)、]|(?:#{1,4}\s*)?(?:q|a|answer|response|output|回答|答え|応答|出力|"
    r"assistant|アシスタント)\s*[:：])\s*$",
    re.I | re.M,
)
"""A list marker or an answer label with nothing after it: a template left unfilled."""
_NUMBERED = re.compile(r"^\s*(\d{1,2})[.)、]\s*\S")
_LAST_NUMBERED = re.compile(r"(?:^|[\s。:])(\d{1,2})[.)、][ \t]*[^\d\s][^\n]*\s*$")
_VOWEL = re.compile(r"[aeiouy]")
_ENGLISH_FUNCTION_WORDS = (
    "a an the and or but if of to in on at by for with from as is are was were be been being it its "
    "this that these those then than there here which who whom what when where why how i you he she "
    "we they me my your our their his her them us do does did done not no so such can could would "
    "should will shall may might must also just very about into over under out up down off all any "
    "some each other more most only own same too again once"
)
_STOPWORDS = frozenset(_ENGLISH_FUNCTION_WORDS.split())
_JAPANESE = re.compile(r"[\u3040-\u30ff\u4e00-\u9fff]")
_CONTENT_KEY = re.compile(r"[a-z]{4,}|[\u4e00-\u9fff\u30a0-\u30ff]+")


def split_sentences(text: str) -> list[str]:
    return [s.strip() for s in _SENTENCE_END.split(text) if s and s.strip()]


def letters_of(text: str) -> str:
    """The letters of a text, in order (no digits, punctuation, symbols or blanks)."""
    return _NON_LETTER.sub("", text)


def _char_ngrams(text: str, n: int) -> set[str]:
    compact = re.sub(r"\s+", "", text)
    return {compact[i : i + n] for i in range(max(0, len(compact) - n + 1))}


def _distinct_trigram_share(letters: str) -> float:
    """Distinct letter trigrams over all trigrams: low when a short unit repeats (りんご りんご …)."""
    total = len(letters) - 2
    if total < 12:
        return 1.0
    return len({letters[i : i + 3] for i in range(total)}) / total


def _scaffolding_removed(text: str) -> str:
    """The answer without special tokens, placeholders, turn labels and code-fence markers."""
    text = _PLACEHOLDER.sub(" ", _SPECIAL_TOKENS.sub(" ", text))
    return _TEMPLATE_LABEL.sub(" ", text).replace("'''", " ")


def _outside_code(text: str) -> str:
    """The answer without the contents of fenced code blocks (code is content, not noise)."""
    return _FENCED.sub(" ", text)


def is_mojibake(raw: str) -> bool:
    """UTF-8 Japanese shown as Shift_JIS (縺ゅ↑縺…): re-encoding it gives back readable kana."""
    if sum(1 for c in raw if ord(c) > 0x2FFF) < 8:
        return False
    repaired = raw.encode("cp932", errors="ignore").decode("utf-8", errors="replace")
    kana = sum(1 for c in repaired if "\u3040" <= c <= "\u30ff")
    return bool(repaired) and repaired.count("\ufffd") < 0.25 * len(repaired) and kana >= 0.3 * len(repaired)


def is_keyboard_mash(text: str) -> bool:
    """Latin text where most tokens are symbol runs or vowel-less letter runs (asdf jkl; ## vbnm)."""
    if _JAPANESE.search(text):
        return False
    tokens = [t for t in text.split() if len(t) >= 2]
    if len(tokens) < 6:
        return False
    noise = 0
    for token in tokens:
        letters = re.sub(r"[^a-z]", "", token)
        symbols_only = not letters and not re.search(r"\d", token)
        if symbols_only or (len(letters) >= 3 and not _VOWEL.search(letters)):
            noise += 1
    return noise >= 0.5 * len(tokens)


def echo_share(text: str, prompt_norm: str) -> float:
    """Share of the answer's letters inside a 4-letter run that also occurs in the prompt.

    Turn labels and special tokens are removed first, so a chat template that replays the prompt
    (``User: … Assistant: User: …``) counts as an echo too.
    """
    answer, prompt = letters_of(_scaffolding_removed(text)), letters_of(prompt_norm)
    if len(answer) < 6 or len(prompt) < 6:
        return 0.0
    grams = {prompt[i : i + 4] for i in range(len(prompt) - 3)}
    covered = bytearray(len(answer))
    for i in range(len(answer) - 3):
        if answer[i : i + 4] in grams:
            covered[i : i + 4] = b"\x01\x01\x01\x01"
    return sum(covered) / len(answer)


def _continues_prompt_list(text: str, prompt_norm: str) -> bool:
    """A base model that goes on with the prompt's numbered list (prompt ends "1. …", answer "2. …")."""
    last = _LAST_NUMBERED.search(prompt_norm)
    first = _NUMBERED.match(text)
    return bool(last and first and int(first.group(1)) == int(last.group(1)) + 1)


def _is_data_structure(text: str, prompt_norm: str) -> bool:
    """A bare JSON object or array (an API envelope or error payload) where no JSON was asked for."""
    if text[:1] not in "{[" or "json" in prompt_norm:
        return False
    try:
        json.loads(text)
    except ValueError:
        return False
    return True


_STATUS_MESSAGE = re.compile(
    r"\berror:? ?[45]\d\d\b|internal server error|\berr_[a-z_]+|\b[a-z_]+_id ?= ?null\b|\bnull\]|"
    r"(?:回答|応答)を生成して(?:い|お)ります?…?|(?:入力内容|内容)を確認しています|読み込み中|処理中です|"
    r"回答候補が見つかりません|\bloading\.\.\.|\bgenerating (?:a )?response"
)
"""A system status or error message shown instead of an answer."""
_GREETING_ONLY = re.compile(
    r"^(?:(?:こんにちは|こんばんは|おはよう(?:ございます)?|はじめまして|hello|hi|hey|good (?:morning|evening))[!！。☀️\s~]*)"
    r"(?:(?:今日|本日)(?:も|は)[^。!？?\n]{0,20}[!！。?？]?\s*|how can i help(?: you)?(?: today)?\??\s*)?$"
)


def unscorable_reason(text: str, prompt_norm: str, raw: str = "") -> str | None:
    """Why an answer cannot be judged at all (noise, loops, the prompt echoed back), or None.

    ``text`` and ``prompt_norm`` are already normalised; ``raw`` is the answer as received.
    """
    compact = re.sub(r"\s+", "", text)
    if text.lstrip().startswith("<think>") and "</think>" not in text:
        return "only reasoning, no final answer"
    if len(text) < 200 and _STATUS_MESSAGE.search(text):
        return "a system status or error message, not an answer"
    if _GREETING_ONLY.match(text.strip()):
        return "a greeting, not an answer"
    if not letters_of(_scaffolding_removed(text)) and not re.search(r"\d", text):
        return "only special tokens, template labels, placeholders or empty code"
    if raw and is_mojibake(raw):
        return "mis-decoded text (mojibake)"
    if _is_data_structure(text, prompt_norm):
        return "a raw data structure (API envelope or error), not an answer"
    prose = re.sub(r"\s+", "", _outside_code(text))
    letters = letters_of(prose)
    letter_share = len(letters) / max(1, len(prose))
    symbols = len(_NON_ALNUM.sub("", prose)) / max(1, len(prose))
    if len(prose) >= 8 and letter_share < 0.4 and (len(prose) >= 40 or symbols > 0.5):
        return "mostly symbols or numbers, not language"
    if is_keyboard_mash(_outside_code(text)):
        return "keyboard mash, not language"
    raw_bytes = text.encode()
    if len(raw_bytes) >= 60 and len(zlib.compress(raw_bytes, 9)) / len(raw_bytes) < 0.2:
        return "the answer loops on the same text"
    opening_repeats = compact.count(compact[:20])
    if len(compact) >= 40 and opening_repeats >= 3 and opening_repeats * 20 >= 0.15 * len(compact):
        return "the answer loops back to its opening"
    if _distinct_trigram_share(letters) < 0.3:
        return "the answer loops on a short unit"
    if len(compact) >= 12 and len(_DOUBLED.findall(compact)) / len(compact) > 0.4:
        return "the answer stutters"
    sentences = [u for u in split_sentences(text) if len(u) > 1]
    if len(sentences) >= 4:
        openings = [" ".join(u.split()[:2]) if " " in u else u[:4] for u in sentences]
        if (
            max(openings.count(o) for o in openings) >= 0.75 * len(sentences)
            and max(map(len, sentences)) <= 80
        ):
            return "the answer repeats one pattern"
    for units in (split_sentences(text), [line for line in text.split("\n") if line.strip()]):
        units = [u for u in units if len(u) > 1]
        if len(units) >= 3 and len(set(units)) / len(units) <= 0.5:
            return "the answer repeats the same sentence"
    words = text.split()
    if (len(words) >= 8 and len(set(words)) / len(words) < 0.25) or (
        len(words) >= 6 and len(set(words)) / len(words) <= 0.34
    ):
        return "the answer repeats the same words"
    if len(words) >= 5 and sum(1 for w in words if len(w) >= 3 and len(set(w)) == 1) / len(words) > 0.5:
        return "the answer is made of repeated letters"
    lines = [line.strip() for line in text.split("\n") if line.strip()]
    if len(lines) >= 4 and all(line[-1] in "?？" and len(line) <= 60 for line in lines):
        return "the answer only lists questions"
    slots = len(_EMPTY_SLOT.findall(text))
    if slots >= 2 and slots >= 0.4 * len(lines):
        return "an unfilled template (empty list items or answer slots)"
    if len(set(_BOILERPLATE.findall(text))) >= 2:
        return "web-page boilerplate, not an answer"
    if len(compact) >= 20 and len(re.sub(r"\s+", "", _MARKUP.sub("", text))) < 0.35 * len(compact):
        return "markup without content"
    if prompt_norm and _continues_prompt_list(text, prompt_norm):
        return "the answer continues the prompt's list instead of answering"
    new_facts = set(re.findall(r"\d+", text)) - set(re.findall(r"\d+", prompt_norm))
    if prompt_norm and len(compact) >= 8 and not new_facts and echo_share(text, prompt_norm) >= 0.8:
        return "the answer only repeats the prompt"
    return None


def content_keys(text: str, kanji_size: int = 2) -> set[str]:
    """Topic words: Latin words of 4+ letters cut to 5 (a crude stem), and kanji/katakana n-grams."""
    keys: set[str] = set()
    for token in _CONTENT_KEY.findall(text):
        if token.isascii():
            if token not in _STOPWORDS:
                keys.add(token[:5])
        else:
            keys.update(token[i : i + kanji_size] for i in range(len(token) - kanji_size + 1))
    return keys


def adds_nothing(text: str, prompt_norm: str) -> bool:
    """Word salad: a sizeable answer whose only topic words are the prompt's own."""
    if not prompt_norm or CODE.search(text):
        return False
    long_enough = len(re.sub(r"\s+", "", text)) >= 20 and (
        bool(_JAPANESE.search(text)) or len(text.split()) >= 8
    )
    return long_enough and not content_keys(text, 1) - content_keys(prompt_norm, 1)


def shares_no_topic_word(text: str, prompt_norm: str) -> bool:
    """Prose with many topic words, none of them the prompt's (same script only).

    Only a model feature: good answers often do without the prompt's words (a haiku about autumn
    that never says "autumn"), so on its own it would call too many of them off-topic.
    """
    answer_keys, prompt_keys = content_keys(text), content_keys(prompt_norm)
    same_script = bool(_JAPANESE.search(text)) == bool(_JAPANESE.search(prompt_norm))
    return same_script and bool(prompt_keys) and len(answer_keys) >= 10 and not answer_keys & prompt_keys


def prompt_overlap(text: str, prompt_norm: str) -> float:
    """Share of the prompt's letter bigrams that the answer uses: near 0 for an off-topic answer."""
    prompt_grams = _char_ngrams(letters_of(prompt_norm), 2)
    if not prompt_grams:
        return 1.0
    return len(prompt_grams & _char_ngrams(letters_of(text), 2)) / len(prompt_grams)


def information_weight(text: str) -> int:
    """Letters, with Japanese characters counted twice (they carry about twice the content)."""
    letters = letters_of(text)
    return len(letters) + len(_JAPANESE.findall(letters))
