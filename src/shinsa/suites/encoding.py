"""Text decoding for suite files: UTF-8 (with or without BOM) by default; Shift_JIS/CP932 files,
common in Japan, are recognised and must be opted into with ``--encoding cp932``."""

from __future__ import annotations

from pathlib import Path

from charset_normalizer import from_bytes

from shinsa.errors import InputError

_SAMPLE_BYTES = 1 << 16


def _utf8_prefix_ok(sample: bytes) -> bool:
    """Decode ``sample`` as UTF-8, tolerating a character cut off at the end of the sample."""
    try:
        sample.decode("utf-8")
        return True
    except UnicodeDecodeError as exc:
        return exc.start >= len(sample) - 3 and exc.reason == "unexpected end of data"


def resolve_encoding(path: Path, encoding: str | None) -> str:
    """The codec to open ``path`` with; explains how to fix a non-UTF-8 file."""
    if encoding:
        try:
            "".encode(encoding)
        except LookupError:
            raise InputError(f"unknown encoding {encoding!r}") from None
        return encoding
    with path.open("rb") as handle:
        sample = handle.read(_SAMPLE_BYTES)
    if _utf8_prefix_ok(sample):
        return "utf-8-sig"
    guess = from_bytes(sample).best()
    name = (guess.encoding if guess else "") or "unknown"
    if name.replace("-", "_").lower() in {"cp932", "shift_jis", "shift_jis_2004", "shift_jisx0213", "euc_jp"}:
        hint = "cp932" if "shift" in name.lower() or name.lower() == "cp932" else name
        raise InputError(f"{path} is not UTF-8 (looks like {name}); pass --encoding {hint}")
    detected = "" if name == "unknown" else f"; looks like {name}"
    raise InputError(
        f"{path} is not UTF-8{detected}: a file saved by Excel on Japanese Windows needs --encoding cp932; "
        "otherwise convert it to UTF-8 or pass its --encoding"
    )


def decode_error(path: Path, line_number: int, encoding: str) -> InputError:
    return InputError(f"{path}:{line_number}: cannot be decoded as {encoding}; pass --encoding")
