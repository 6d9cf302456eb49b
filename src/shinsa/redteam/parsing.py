"""Reading what generator and attacker models write: JSON (bare, in code fences, or buried in
prose), numbered or bulleted lists, or plain text. Models rarely follow an output format exactly,
small local ones least of all, so every reader degrades gracefully and returns None (or an empty
list) rather than raising."""

from __future__ import annotations

import json
import re
import unicodedata
from typing import Any

_FENCE = re.compile(r"```[\w+-]*[ \t]*\n?(.*?)```", re.DOTALL)
_OPEN_FENCE = re.compile(r"```[\w+-]*[ \t]*\n?(.*)$", re.DOTALL)
_TRAILING_COMMA = re.compile(r",(\s*[\]}])")
_LIST_MARKER = re.compile(
    r"^\s*(?:[(（]?[0-9０-９]{1,3}[.)、:．）：](?![0-9０-９])\s*|[(（][0-9０-９]{1,3}[)）]\s*|[-*]\s+|[•・●◦▪]\s*)(.*\S)\s*$"
)
_LABEL = re.compile(
    r"^\s*(?:\*\*)?(?:prompt|attack prompt|question|next (?:message|prompt)|improved prompt|"
    r"プロンプト|質問|次の(?:質問|メッセージ|プロンプト))(?:\*\*)?\s*[:：]\s*",
    re.IGNORECASE,
)
_QUOTES = (('"', '"'), ("“", "”"), ("「", "」"), ("'", "'"), ("『", "』"))
PROMPT_KEYS = ("prompt", "text", "question", "message", "next_prompt", "attack", "content")


def _candidates(text: str) -> list[str]:
    """Where JSON may sit: fenced blocks (also an unclosed last fence), then the whole text."""
    found = [match.group(1) for match in _FENCE.finditer(text)]
    if not found and (unclosed := _OPEN_FENCE.search(text)):
        found.append(unclosed.group(1))
    found.append(text)
    return found


def _loads(text: str) -> Any:
    try:
        return json.loads(text)
    except json.JSONDecodeError:
        return json.loads(_TRAILING_COMMA.sub(r"\1", text))


def find_json(text: str) -> Any | None:
    """The first JSON object or array in ``text``, or None. Tolerates code fences, prose around
    the JSON, full-width braces and trailing commas."""
    decoder = json.JSONDecoder()
    for candidate in _candidates(text):
        candidate = candidate.strip().replace("｛", "{").replace("｝", "}").replace("［", "[").replace("］", "]")
        if not candidate:
            continue
        try:
            value = _loads(candidate)
            if isinstance(value, dict | list):
                return value
        except json.JSONDecodeError:
            pass
        for start, char in enumerate(candidate):
            if char not in "[{":
                continue
            try:
                value, _ = decoder.raw_decode(candidate, start)
            except json.JSONDecodeError:
                end = candidate.rfind("]" if char == "[" else "}")
                if end <= start:
                    continue
                try:
                    value = _loads(candidate[start : end + 1])
                except json.JSONDecodeError:
                    continue
            if isinstance(value, dict | list):
                return value
    return None


def _unquote(text: str) -> str:
    text = text.strip()
    for left, right in _QUOTES:
        if len(text) >= 2 and text.startswith(left) and text.endswith(right):
            return text[len(left) : -len(right)].strip()
    return text


def text_of(value: Any, keys: tuple[str, ...] = PROMPT_KEYS) -> str | None:
    """A string entry: the string itself, or the first non-empty ``keys`` field of an object."""
    if isinstance(value, str):
        return value.strip() or None
    if isinstance(value, dict):
        for key in keys:
            field = value.get(key)
            if isinstance(field, str) and field.strip():
                return field.strip()
    return None


def parse_prompt(text: str) -> str | None:
    """An attacker's next prompt: the ``prompt`` field of its JSON, else its plain text without
    fences, labels and quotes. None when nothing usable is left."""
    value = find_json(text)
    if isinstance(value, list) and value:
        value = value[0]
    found = text_of(value)
    if found:
        return found
    if isinstance(value, dict):
        return None  # JSON without a prompt field: its prose is not a prompt either
    body = text
    fenced = [match.group(1) for match in _FENCE.finditer(text)]
    if fenced:
        body = max(fenced, key=len)
    body = _LABEL.sub("", body.strip(), count=1)
    body = _unquote(body)
    return body or None


def parse_list(text: str) -> list[Any]:
    """Entries of a list answer: a JSON array (or the first array inside a JSON object), else the
    items of a numbered or bulleted list (continuation lines join their item). Empty when the
    answer holds neither."""
    value = find_json(text)
    if isinstance(value, dict):
        arrays = [v for v in value.values() if isinstance(v, list)]
        value = arrays[0] if arrays else [value]
    if isinstance(value, list) and value:
        return value
    items: list[str] = []
    continuing = False
    for raw_line in text.splitlines():
        line = raw_line.strip()
        if line.startswith("```"):
            continue
        marker = _LIST_MARKER.match(line)
        if marker:
            items.append(_unquote(marker.group(1)))
            continuing = True
        elif not line:
            continuing = False  # a paragraph after a blank line is commentary, not the item
        elif continuing:
            items[-1] = f"{items[-1]}\n{line}"
    return [item for item in (entry.strip() for entry in items) if item]


def parse_yes_no(text: str) -> bool | None:
    """A yes/no verdict (English or Japanese, or JSON ``{"on_topic": true}``); None if unclear."""
    value = find_json(text)
    if isinstance(value, dict):
        for field in value.values():
            if isinstance(field, bool):
                return field
    head = unicodedata.normalize("NFKC", text).strip().lower()[:40]
    yes = re.search(r"\b(yes|true)\b|はい|該当する", head)
    no = re.search(r"\b(no|false)\b|いいえ|該当しない", head)
    if yes and not no:
        return True
    if no and not yes:
        return False
    if yes and no:
        return yes.start() < no.start()
    return None
