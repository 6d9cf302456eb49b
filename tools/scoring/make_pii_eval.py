"""Writes ``tests/scorers/data/pii_eval.jsonl``: the synthetic PII evaluation set.

Every identifier is fake: check-digit-valid numbers built from a fixed seed, the card issuers'
published test numbers, phone numbers from the ranges set aside for fiction (Ofcom's drama
numbers, NANP 555-01xx, 090-0000-xxxx), e-mail at example.* domains, addresses with made-up block
numbers. The contexts were written as a reader meets them (forms, chat replies, e-mail signatures,
tables, logs), not as the detector's rules describe them, and before the detectors were changed
for issue 15. Hard negatives are numbers that look like identifiers: order and tracking numbers,
dates and times, JAN/ISBN codes, prices, versions, IP addresses, and identifiers whose check digit
is wrong.

Each line: ``{"id", "split", "language", "text", "expected": [{"kind", "text"}]}``. ``split`` is
``dev`` (may be studied) or ``sealed`` (measured once per detector version, never read to write
rules). Run: ``python tools/scoring/make_pii_eval.py`` (deterministic).
"""

from __future__ import annotations

import json
import random
from pathlib import Path

OUT = Path(__file__).resolve().parents[2] / "tests" / "scorers" / "data" / "pii_eval.jsonl"
rng = random.Random(20261205)


def my_number() -> str:
    body = "".join(rng.choice("0123456789") for _ in range(11))
    total = sum(int(d) * (n + 1 if n <= 6 else n - 5) for n, d in enumerate(reversed(body), start=1))
    remainder = total % 11
    return body + str(0 if remainder <= 1 else 11 - remainder)


def bad_my_number() -> str:
    good = my_number()
    return good[:11] + str((int(good[11]) + rng.randint(1, 9)) % 10)


def corporate() -> str:
    base = "".join(rng.choice("0123456789") for _ in range(12))
    total = sum(int(d) * (1 if n % 2 else 2) for n, d in enumerate(reversed(base), start=1))
    return str(9 - total % 9) + base


def bad_corporate() -> str:
    good = corporate()
    return str((int(good[0]) + rng.randint(1, 8)) % 10) + good[1:]


def jan_code() -> str:
    """A JAN (EAN-13) barcode whose digits fail the 法人番号 check: a product, not a company."""
    while True:
        body = "49" + "".join(rng.choice("0123456789") for _ in range(10))
        check = (10 - sum(int(d) * (3 if i % 2 else 1) for i, d in enumerate(body)) % 10) % 10
        code = body + str(check)
        base = code[1:]
        total = sum(int(d) * (1 if n % 2 else 2) for n, d in enumerate(reversed(base), start=1))
        if int(code[0]) != 9 - total % 9:
            return code


def grouped(digits: str, sizes: list[int], sep: str = "-") -> str:
    parts, at = [], 0
    for size in sizes:
        parts.append(digits[at : at + size])
        at += size
    return sep.join(parts)


def wide(text: str) -> str:
    return text.translate({ord(c): ord(c) + 0xFEE0 for c in "0123456789-"}).replace("\uff0d", "－")


TEST_CARDS = ["4111111111111111", "5555555555554444", "3530111333300000", "4012888888881881", "5105105105105100"]
AMEX_TEST = "378282246310005"


def jp_mobile() -> str:
    return f"090-0000-{rng.randint(0, 9999):04d}"


def uk_london() -> str:
    return f"020 7946 0{rng.randint(0, 999):03d}"


def uk_mobile() -> str:
    return f"07700 900{rng.randint(0, 999):03d}"


def uk_manchester() -> str:
    return f"0161 496 0{rng.randint(0, 999):03d}"


def us_number() -> str:
    return f"(202) 555-01{rng.randint(0, 99):02d}"


def us_dashed() -> str:
    return f"415-555-01{rng.randint(0, 99):02d}"


def e164_uk() -> str:
    return f"+447700900{rng.randint(0, 999):03d}"


def e164_us() -> str:
    return f"+1 202 555 01{rng.randint(0, 99):02d}"


def e164_jp() -> str:
    return f"+81 90 0000 {rng.randint(0, 9999):04d}"


def uk_intl_spaced() -> str:
    return f"+44 (0)20 7946 0{rng.randint(0, 999):03d}"


def records() -> list[dict[str, object]]:
    rows: list[dict[str, object]] = []

    def add(language: str, text: str, *expected: tuple[str, str]) -> None:
        rows.append(
            {"language": language, "text": text, "expected": [{"kind": k, "text": t} for k, t in expected]}
        )

    for _ in range(4):
        # --- マイナンバー, in several writings
        n = my_number()
        add("ja", f"申請書の個人番号欄には {n} と記入してください。", ("my_number", n))
        n = my_number()
        g = grouped(n, [4, 4, 4], " ")
        add("ja", f"先日お預かりしたマイナンバー（{g}）は、手続き完了後に破棄いたします。", ("my_number", g))
        n = my_number()
        g = wide(grouped(n, [4, 4, 4]))
        add("ja", f"通知カードの番号：{g}\n氏名：架空 花子", ("my_number", g))
        n = my_number()
        add("en", f"Her Individual Number is [{n}] according to the scanned card.", ("my_number", n))
        b = bad_my_number()
        add("ja", f"管理番号 {b} の件、担当者から折り返します。")
        # --- 法人番号 and インボイス登録番号
        c = corporate()
        add("ja", f"株式会社サンプル商事（法人番号 {c}）との取引です。", ("corporate_number", c))
        c = corporate()
        add("ja", f"適格請求書発行事業者登録番号：T{c}", ("invoice_number", f"T{c}"))
        c = corporate()
        add("ja", f"請求書の右上に「登録番号 T{grouped(c, [1, 4, 4, 4], '-')}」と印字されています。",
            ("invoice_number", f"T{grouped(c, [1, 4, 4, 4], '-')}"))
        c = corporate()
        add("en", f"Invoice registration no. (T{c}) must appear on every qualified invoice.",
            ("invoice_number", f"T{c}"))
        c = corporate()
        add("en", f"Corporate Number: {c} (listed on the NTA site).", ("corporate_number", c))
        add("ja", f"登録番号はT{bad_corporate()}となっていますが、桁が誤っているようです。")
        add("ja", f"受注番号 {bad_corporate()} の商品は明日出荷予定です。")
        add("ja", f"JANコード {jan_code()} の商品を3点ご注文いただきました。")
        add("en", f"Scan barcode {jan_code()} at the register.")
        # --- phones, domestic and international
        p = jp_mobile()
        add("ja", f"何かあれば担当の携帯（{p}）までどうぞ。", ("phone", p))
        p = wide(jp_mobile())
        add("ja", f"連絡先 {p}（平日のみ）", ("phone", p))
        p1, p2 = uk_london(), uk_mobile()
        add("en", f"Call the office on {p1} or my mobile {p2}.", ("phone", p1), ("phone", p2))
        p = uk_manchester()
        add("en", f"Manchester branch: {p}", ("phone", p))
        p = uk_intl_spaced()
        add("en", f"From abroad, dial {p}.", ("phone", p))
        p = e164_uk()
        add("en", f"WhatsApp: {p}", ("phone", p))
        p = us_number()
        add("en", f"Reach John Doe at {p} after 5pm.", ("phone", p))
        p = us_dashed()
        add("en", f"Support line [{p}] is open 24/7.", ("phone", p))
        p = e164_us()
        add("en", f"Her number in E.164 is {p}.", ("phone", p))
        p = e164_jp()
        add("ja", f"海外からは {p} にお電話ください。", ("phone", p))
        p = f"+8190{rng.randint(0, 99999999):08d}"
        add("en", f"phone={p}", ("phone", p))
        # --- e-mail, cards, postal codes, addresses, passports
        e = f"taro.kakuu{rng.randint(10, 99)}@example.jp"
        add("ja", f"メール（{e}）宛にお送りしました。", ("email", e))
        e = f"jane.sample+{rng.randint(1, 9)}@example.com"
        add("en", f"Contact: <{e}>", ("email", e))
        card = rng.choice(TEST_CARDS)
        g = grouped(card, [4, 4, 4, 4], " ")
        add("en", f"Card on file: {g}, exp 12/29.", ("credit_card", g))
        g = grouped(AMEX_TEST, [4, 6, 5], "-")
        add("ja", f"カード番号は{g}で登録済みです。", ("credit_card", g))
        z = f"{rng.randint(100, 999)}-{rng.randint(0, 9999):04d}"
        add("ja", f"〒{z} 東京都千代田区架空町{rng.randint(1, 9)}丁目{rng.randint(1, 20)}番{rng.randint(1, 30)}号",
            ("postal_code", z), ("address", ""))
        passport = f"T{rng.choice('KZ')}{rng.randint(0, 9999999):07d}"
        add("en", f"Passport No. {passport} issued in Tokyo.", ("passport", passport))
        # --- hard negatives: dates, times, codes, amounts, versions, addresses of servers
        add("ja", f"{rng.randint(2020, 2026)}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d} {rng.randint(0, 23):02d}:{rng.randint(0, 59):02d} に受付しました。")
        add("en", f"Order #{rng.randint(10**11, 10**12 - 1)} shipped on 2025/03/{rng.randint(10, 28)}.")
        add("ja", f"お問い合わせ番号：{rng.randint(1000, 9999)}-{rng.randint(1000, 9999)}-{rng.randint(1000, 9999)}（佐川急便）")
        add("ja", f"合計金額は{rng.randint(1, 99)},{rng.randint(100, 999)},{rng.randint(100, 999)}円です。")
        add("en", f"ISBN 978-4-{rng.randint(10, 99)}-{rng.randint(100000, 999999)}-{rng.randint(0, 9)}")
        add("en", f"Upgrade to version {rng.randint(1, 9)}.{rng.randint(0, 20)}.{rng.randint(0, 99)} on host 192.168.{rng.randint(0, 255)}.{rng.randint(1, 254)}.")
        add("en", f"Product code SKU-{rng.randint(10000, 99999)}-{rng.randint(100, 999)}, batch {rng.randint(20200101, 20261231)}.")
        add("ja", f"会員番号 {rng.randint(10**9, 10**10 - 1)} のポイント残高は{rng.randint(100, 9999)}ptです。")
        add("en", f"Card ending in {rng.randint(1000, 9999)} was charged $1,{rng.randint(100, 999)}.{rng.randint(10, 99)}.")
        add("en", f"Transaction id 4{rng.randint(10**14, 10**15 - 1)}0 failed the fraud check.")
        add("ja", f"電話番号は非公開です。受付時間は9:00-17:00、定休日は{rng.randint(1, 28)}日です。")
        add("en", f"Score: {rng.randint(100, 999)}-{rng.randint(100, 999)}-{rng.randint(1000, 9999)} points over three seasons.")
    return rows


def holdout_records() -> list[dict[str, object]]:
    """Written after version 2 of the detectors, in shapes the first set lacks (tables, CSV rows,
    signatures, forms over several lines, chat), and measured once, never tuned on: the first
    set's sealed half shares its templates with the dev half, this part does not."""
    global rng
    rng = random.Random(20261206)
    rows: list[dict[str, object]] = []

    def add(language: str, text: str, *expected: tuple[str, str]) -> None:
        rows.append(
            {"language": language, "text": text, "expected": [{"kind": k, "text": t} for k, t in expected]}
        )

    for _ in range(3):
        n, p, e = my_number(), jp_mobile(), f"hanako.kakuu{rng.randint(1, 99)}@example.co.jp"
        add("ja", f"| 氏名 | 架空 花子 |\n| 個人番号 | {n} |\n| 携帯 | {p} |\n| メール | {e} |",
            ("my_number", n), ("phone", p), ("email", e))
        p1, p2 = us_dashed(), uk_london()
        add("en", f"name,phone,notes\nJane Sample,{p1},prefers email\nJoe Bloggs,{p2},call after 6", ("phone", p1), ("phone", p2))
        p, e = e164_uk(), "j.bloggs@example.org"
        add("en", f"--\nJoe Bloggs | Sales\nm: {p}\ne: {e}", ("phone", p), ("email", e))
        c = corporate()
        add("ja", f"【請求書】\n発行元：架空工業株式会社\n登録番号：T{c}\n請求日：2025年4月1日\n合計：¥{rng.randint(1000, 99999):,}",
            ("invoice_number", f"T{c}"))
        c = corporate()
        add("ja", f"法人番号（{c}）で検索すると所在地が出てきます。", ("corporate_number", c))
        card = rng.choice(TEST_CARDS)
        g = grouped(card, [4, 4, 4, 4], "-")
        add("ja", f"えっと、カードは {g} で、有効期限は来年の3月だよ😊", ("credit_card", g))
        p = f"+81-80-0000-{rng.randint(0, 9999):04d}"
        add("ja", f"LINEじゃなくて電話で！→ {p}", ("phone", p))
        p = uk_mobile()
        add("en", f"Text me on {p} — I'm on the train till 7.", ("phone", p))
        p = f"+1 (415) 555-01{rng.randint(0, 99):02d}"
        add("en", f"Our SF office: {p}.", ("phone", p))
        g = grouped(my_number(), [4, 4, 4], "-")
        add("en", f"The form asks for the My Number ({g}) and a photo ID.", ("my_number", g))
        # negatives in the same shapes
        add("ja", f"| 注文番号 | {rng.randint(10**11, 10**12 - 1)} |\n| 注文日 | 2025/0{rng.randint(1, 9)}/1{rng.randint(0, 9)} |\n| 金額 | ¥{rng.randint(1000, 9999):,} |")
        add("en", f"sku,qty,price\n{jan_code()},2,4.99\n{jan_code()},1,12.50")
        add("ja", f"請求書番号 INV-{rng.randint(2020, 2026)}-{rng.randint(10000, 99999)}、お支払期限は{rng.randint(1, 12)}月末です。")
        add("en", f"Build {rng.randint(1000, 9999)}-{rng.randint(100, 999)}-{rng.randint(1000, 9999)} passed all {rng.randint(100, 999)} tests.")
        add("ja", f"登録番号：T{bad_corporate()}（※桁違いのため再確認中）")
        add("en", f"Ref: {bad_my_number()} — please quote this in replies.")
    return rows


def main() -> None:
    rows = records()
    out = []
    for number, row in enumerate(rows):
        expected = [e for e in row["expected"] if e["text"]]  # type: ignore[index, union-attr]
        text = str(row["text"])
        for finding in row["expected"]:  # type: ignore[union-attr]
            if finding["kind"] == "address" and not finding["text"]:
                start = text.index("東京都")
                expected.append({"kind": "address", "text": text[start:]})
        out.append(
            {
                "id": f"pii-{number:03d}",
                "split": "sealed" if number % 2 else "dev",
                "language": row["language"],
                "text": text,
                "expected": expected,
            }
        )
    for number, row in enumerate(holdout_records(), start=len(out)):
        out.append({"id": f"pii-{number:03d}", "split": "holdout", **row})
    OUT.write_text("".join(json.dumps(row, ensure_ascii=False) + "\n" for row in out), encoding="utf-8")
    print(f"wrote {len(out)} records to {OUT}")


if __name__ == "__main__":
    main()
