"""Japanese text transforms used by the attack converters.

Readings come from SudachiPy with its small dictionary: a real morphological analyser (so 今日 is
read きょう in context and the particle は becomes "wa"), Apache-2.0 like Shinsa, and loaded in well
under a second. Everything else here is table-driven and pure.
"""

from __future__ import annotations

import unicodedata
from functools import cache
from typing import Any

_HIRAGANA_START, _HIRAGANA_END = 0x3041, 0x3096
_KANA_OFFSET = 0x60  # ァ (U+30A1) - ぁ (U+3041)


def hiragana_to_katakana(text: str) -> str:
    return "".join(
        chr(ord(ch) + _KANA_OFFSET) if _HIRAGANA_START <= ord(ch) <= _HIRAGANA_END else ch for ch in text
    )


def katakana_to_hiragana(text: str) -> str:
    return "".join(
        chr(ord(ch) - _KANA_OFFSET)
        if _HIRAGANA_START + _KANA_OFFSET <= ord(ch) <= _HIRAGANA_END + _KANA_OFFSET
        else ch
        for ch in text
    )


# Full-width katakana and their half-width forms. Voiced kana become two half-width characters
# (base + ﾞ or ﾟ), which is how half-width text is actually written.
_HALF_KATAKANA_PAIRS = (
    "ヲｦ ァｧ ィｨ ゥｩ ェｪ ォｫ ャｬ ュｭ ョｮ ッｯ ーｰ アｱ イｲ ウｳ エｴ オｵ カｶ キｷ クｸ ケｹ コｺ サｻ シｼ スｽ セｾ ソｿ "
    "タﾀ チﾁ ツﾂ テﾃ トﾄ ナﾅ ニﾆ ヌﾇ ネﾈ ノﾉ ハﾊ ヒﾋ フﾌ ヘﾍ ホﾎ マﾏ ミﾐ ムﾑ メﾒ モﾓ ヤﾔ ユﾕ ヨﾖ "
    "ラﾗ リﾘ ルﾙ レﾚ ロﾛ ワﾜ ンﾝ 。｡ 「｢ 」｣ 、､ ・･ ゛ﾞ ゜ﾟ"
)
_TO_HALF_KATAKANA: dict[str, str] = {pair[0]: pair[1] for pair in _HALF_KATAKANA_PAIRS.split()}
_VOICED_BASES = "カキクケコサシスセソタチツテトハヒフヘホウ"
_SEMI_VOICED_BASES = "ハヒフヘホ"
for _base in _VOICED_BASES:
    _TO_HALF_KATAKANA[chr(ord(_base) + (1 if _base != "ウ" else 0x4E))] = _TO_HALF_KATAKANA[_base] + "ﾞ"
for _base in _SEMI_VOICED_BASES:
    _TO_HALF_KATAKANA[chr(ord(_base) + 2)] = _TO_HALF_KATAKANA[_base] + "ﾟ"
_FROM_HALF_KATAKANA: dict[str, str] = {half: full for full, half in _TO_HALF_KATAKANA.items()}

_FULLWIDTH_SPACE = "\u3000"


def to_fullwidth(text: str) -> str:
    """ASCII becomes full-width (ＡＢＣ１２３), half-width katakana becomes full-width."""
    out: list[str] = []
    i = 0
    while i < len(text):
        pair = text[i : i + 2]
        if len(pair) == 2 and pair in _FROM_HALF_KATAKANA:
            out.append(_FROM_HALF_KATAKANA[pair])
            i += 2
            continue
        ch = text[i]
        if ch == " ":
            out.append(_FULLWIDTH_SPACE)
        elif "!" <= ch <= "~":
            out.append(chr(ord(ch) + 0xFEE0))
        else:
            out.append(_FROM_HALF_KATAKANA.get(ch, ch))
        i += 1
    return "".join(out)


def to_halfwidth(text: str) -> str:
    """Full-width ASCII becomes ASCII, full-width katakana becomes half-width (ｶﾞｯｺｳ)."""
    out: list[str] = []
    for ch in text:
        if ch == _FULLWIDTH_SPACE:
            out.append(" ")
        elif "！" <= ch <= "～":
            out.append(chr(ord(ch) - 0xFEE0))
        else:
            out.append(_TO_HALF_KATAKANA.get(ch, ch))
    return "".join(out)


# 旧字体: the pre-1946 forms of common characters, written for Shinsa. Each pair is
# shinjitai + kyujitai; only one-to-one pairs are listed so the mapping can be undone.
_KYUJITAI_PAIRS = (
    "亜亞 悪惡 圧壓 囲圍 医醫 壱壹 隠隱 栄榮 営營 衛衞 駅驛 円圓 塩鹽 縁緣 艶艷 欧歐 殴毆 桜櫻 奥奧 横橫 温溫 "
    "穏穩 仮假 価價 画畫 会會 絵繪 壊壞 懐懷 拡擴 殻殼 覚覺 学學 楽樂 渇渴 巻卷 陥陷 勧勸 寛寬 関關 歓歡 観觀 "
    "気氣 偽僞 戯戲 犠犧 旧舊 拠據 挙擧 峡峽 挟挾 狭狹 暁曉 区區 駆驅 勲勳 径徑 恵惠 掲揭 渓溪 経經 蛍螢 "
    "軽輕 継繼 鶏鷄 芸藝 撃擊 県縣 剣劍 倹儉 険險 圏圈 検檢 献獻 権權 顕顯 験驗 厳嚴 広廣 効效 恒恆 鉱鑛 "
    "号號 国國 黒黑 済濟 砕碎 斎齋 剤劑 雑雜 参參 桟棧 蚕蠶 惨慘 賛贊 残殘 糸絲 歯齒 児兒 辞辭 湿濕 実實 "
    "写寫 釈釋 寿壽 収收 従從 渋澁 獣獸 縦縱 粛肅 処處 叙敍 奨奬 将將 焼燒 称稱 証證 乗乘 剰剩 浄淨 "
    "畳疊 縄繩 壌壤 嬢孃 譲讓 醸釀 触觸 嘱囑 寝寢 慎愼 真眞 尽盡 図圖 粋粹 酔醉 随隨 髄髓 数數 枢樞 "
    "声聲 静靜 斉齊 窃竊 摂攝 専專 浅淺 戦戰 践踐 銭錢 潜潛 繊纖 禅禪 双雙 壮壯 争爭 荘莊 捜搜 挿插 巣巢 "
    "装裝 騒騷 蔵藏 臓臟 属屬 続續 堕墮 対對 体體 帯帶 滞滯 台臺 滝瀧 択擇 沢澤 担擔 単單 胆膽 団團 弾彈 "
    "断斷 遅遲 昼晝 虫蟲 鋳鑄 庁廳 聴聽 鎮鎭 逓遞 鉄鐵 転轉 点點 伝傳 当當 党黨 盗盜 灯燈 稲稻 闘鬪 独獨 "
    "読讀 届屆 弐貳 悩惱 脳腦 廃廢 拝拜 売賣 麦麥 発發 髪髮 抜拔 蛮蠻 秘祕 浜濱 払拂 仏佛 併倂 辺邊 変變 "
    "弁辯 歩步 宝寶 豊豐 翻飜 毎每 万萬 満滿 黙默 訳譯 薬藥 与與 予豫 余餘 揺搖 様樣 謡謠 来來 頼賴 "
    "乱亂 覧覽 竜龍 両兩 猟獵 緑綠 塁壘 励勵 礼禮 霊靈 齢齡 暦曆 歴歷 恋戀 炉爐 労勞 楼樓 湾灣"
)
TO_KYUJITAI: dict[str, str] = {pair[0]: pair[1] for pair in _KYUJITAI_PAIRS.split()}
FROM_KYUJITAI: dict[str, str] = {old: new for new, old in TO_KYUJITAI.items()}


def to_kyujitai(text: str) -> str:
    return "".join(TO_KYUJITAI.get(ch, ch) for ch in text)


def to_shinjitai(text: str) -> str:
    return "".join(FROM_KYUJITAI.get(ch, ch) for ch in text)


def has_kanji(text: str) -> bool:
    return any(
        "\u4e00" <= ch <= "\u9fff" or "\u3400" <= ch <= "\u4dbf" or "\uf900" <= ch <= "\ufaff" or ch == "々"
        for ch in text
    )


@cache
def _tokenizer() -> Any:
    """The Sudachi tokenizer, built once on first use so importing Shinsa stays fast."""
    from sudachipy import Dictionary, SplitMode

    return Dictionary(dict="small").tokenizer(mode=SplitMode.C)


def _morphemes(text: str) -> list[tuple[str, str, tuple[str, ...]]]:
    """(surface, katakana reading, part of speech) per morpheme."""
    return [(m.surface(), m.reading_form(), tuple(m.part_of_speech())) for m in _tokenizer().tokenize(text)]


def kana_reading(text: str) -> str:
    """Replace every word written with kanji by its reading in hiragana; the rest is kept."""
    return "".join(
        katakana_to_hiragana(reading) if has_kanji(surface) else surface
        for surface, reading, _ in _morphemes(text)
    )


def furigana(text: str) -> str:
    """Keep the kanji and add the reading in parentheses after each word: 爆弾(ばくだん)."""
    return "".join(
        f"{surface}({katakana_to_hiragana(reading)})" if has_kanji(surface) else surface
        for surface, reading, _ in _morphemes(text)
    )


_ROMAJI_DIGRAPHS = {
    "キャ": "kya", "キュ": "kyu", "キョ": "kyo", "シャ": "sha", "シュ": "shu", "ショ": "sho", "シェ": "she",
    "チャ": "cha", "チュ": "chu", "チョ": "cho", "チェ": "che", "ニャ": "nya", "ニュ": "nyu", "ニョ": "nyo",
    "ヒャ": "hya", "ヒュ": "hyu", "ヒョ": "hyo", "ミャ": "mya", "ミュ": "myu", "ミョ": "myo",
    "リャ": "rya", "リュ": "ryu", "リョ": "ryo", "ギャ": "gya", "ギュ": "gyu", "ギョ": "gyo",
    "ジャ": "ja", "ジュ": "ju", "ジョ": "jo", "ジェ": "je", "ヂャ": "ja", "ヂュ": "ju", "ヂョ": "jo",
    "ビャ": "bya", "ビュ": "byu", "ビョ": "byo", "ピャ": "pya", "ピュ": "pyu", "ピョ": "pyo",
    "ファ": "fa", "フィ": "fi", "フェ": "fe", "フォ": "fo", "ティ": "ti", "ディ": "di", "トゥ": "tu",
    "ドゥ": "du", "ウィ": "wi", "ウェ": "we", "ウォ": "wo", "ヴァ": "va", "ヴィ": "vi", "ヴェ": "ve",
    "ヴォ": "vo", "ツァ": "tsa", "ツェ": "tse", "ツォ": "tso", "デュ": "dyu", "テュ": "tyu", "フュ": "fyu",
}  # fmt: skip
_ROMAJI_SINGLE = {
    "ア": "a", "イ": "i", "ウ": "u", "エ": "e", "オ": "o", "カ": "ka", "キ": "ki", "ク": "ku", "ケ": "ke",
    "コ": "ko", "サ": "sa", "シ": "shi", "ス": "su", "セ": "se", "ソ": "so", "タ": "ta", "チ": "chi",
    "ツ": "tsu", "テ": "te", "ト": "to", "ナ": "na", "ニ": "ni", "ヌ": "nu", "ネ": "ne", "ノ": "no",
    "ハ": "ha", "ヒ": "hi", "フ": "fu", "ヘ": "he", "ホ": "ho", "マ": "ma", "ミ": "mi", "ム": "mu",
    "メ": "me", "モ": "mo", "ヤ": "ya", "ユ": "yu", "ヨ": "yo", "ラ": "ra", "リ": "ri", "ル": "ru",
    "レ": "re", "ロ": "ro", "ワ": "wa", "ヰ": "i", "ヱ": "e", "ヲ": "o", "ン": "n", "ガ": "ga", "ギ": "gi",
    "グ": "gu", "ゲ": "ge", "ゴ": "go", "ザ": "za", "ジ": "ji", "ズ": "zu", "ゼ": "ze", "ゾ": "zo",
    "ダ": "da", "ヂ": "ji", "ヅ": "zu", "デ": "de", "ド": "do", "バ": "ba", "ビ": "bi", "ブ": "bu",
    "ベ": "be", "ボ": "bo", "パ": "pa", "ピ": "pi", "プ": "pu", "ペ": "pe", "ポ": "po", "ヴ": "vu",
    "ァ": "a", "ィ": "i", "ゥ": "u", "ェ": "e", "ォ": "o", "ャ": "ya", "ュ": "yu", "ョ": "yo", "ヮ": "wa",
    "ヵ": "ka", "ヶ": "ke",
}  # fmt: skip
_TRAILING_PUNCTUATION = {"。": ".", "、": ",", "」": '"', "』": '"'} | {mark: mark for mark in ".,!?:;)"}
_LEADING_PUNCTUATION = {"「": '"', "『": '"', "(": "("}
_PARTICLE_ROMAJI = {"は": "wa", "へ": "e", "を": "o"}


def katakana_to_romaji(kana: str) -> str:
    """Hepburn romanisation with long vowels spelt out (トウキョウ → toukyou)."""
    out: list[str] = []
    geminate = False
    i = 0
    while i < len(kana):
        pair, ch = kana[i : i + 2], kana[i]
        if pair in _ROMAJI_DIGRAPHS:
            syllable, i = _ROMAJI_DIGRAPHS[pair], i + 2
        elif ch == "ッ":
            geminate, i = True, i + 1
            continue
        elif ch == "ー":
            syllable, i = (out[-1][-1] if out and out[-1] and out[-1][-1] in "aeiou" else ""), i + 1
        else:
            syllable, i = _ROMAJI_SINGLE.get(ch, ch), i + 1
        if geminate:
            syllable = ("t" if syllable.startswith("ch") else syllable[:1]) + syllable
            geminate = False
        if out and out[-1] == "n" and syllable[:1] in ("a", "e", "i", "o", "u", "y"):
            out[-1] = "n'"
        out.append(syllable)
    return "".join(out)


_INFLECTING = ("動詞", "形容詞", "助動詞")
_NO_POS: tuple[str, ...] = ("",)


def _attaches_to_previous_word(pos: tuple[str, ...], previous: tuple[str, ...]) -> bool:
    """Suffixes, conjunctive particles and auxiliaries after a verb are written joined (oshiete,
    arimasu), but a copula after a noun is not (eigo desu)."""
    if pos[0] == "助動詞":
        return previous[0] in _INFLECTING
    return pos[0] == "接尾辞" or pos[:2] == ("助詞", "接続助詞")


def romaji(text: str) -> str:
    """Romanise Japanese word by word; ASCII words and characters without a reading are kept."""
    words: list[str] = []
    opening = ""
    pending_kana, pending_pos = "", _NO_POS  # a word ending in ッ doubles the next consonant: it waits

    previous_pos = _NO_POS

    def add(word: str, pos: tuple[str, ...]) -> None:
        nonlocal opening, previous_pos
        if words and _attaches_to_previous_word(pos, previous_pos):
            words[-1] += word
        else:
            words.append(opening + word)
            opening = ""
        previous_pos = pos

    for surface, reading, pos in _morphemes(unicodedata.normalize("NFKC", text)):
        kana = hiragana_to_katakana(reading if has_kanji(surface) else surface)
        is_word = not (surface.isspace() or surface == "・" or surface in _LEADING_PUNCTUATION
                       or surface in _TRAILING_PUNCTUATION or surface.isascii())  # fmt: skip
        if pending_kana and is_word:
            kana, pos = pending_kana + kana, pending_pos
        elif pending_kana:
            add(katakana_to_romaji(pending_kana), pending_pos)
        pending_kana = ""
        if surface in _LEADING_PUNCTUATION:
            opening += _LEADING_PUNCTUATION[surface]
        elif surface in _TRAILING_PUNCTUATION:
            if words:
                words[-1] += _TRAILING_PUNCTUATION[surface]
        elif not is_word:
            if surface.isascii() and not surface.isspace():
                add(surface, pos)
        elif pos[0] == "助詞" and surface in _PARTICLE_ROMAJI:
            add(_PARTICLE_ROMAJI[surface], pos)
        elif kana.endswith("ッ"):
            pending_kana, pending_pos = kana, pos
        else:
            add(katakana_to_romaji(kana), pos)
    if pending_kana:
        add(katakana_to_romaji(pending_kana), pending_pos)
    return " ".join(words)
