"""What a target, a suite file or a config may hand Shinsa, made safe to store, score and show.

A target under assessment is assumed hostile: its ``content`` may be a list, a number or an
object, its text may hold lone surrogates (which no UTF-8 database accepts) or NUL characters
(which PostgreSQL refuses), its JSON may be nested deep enough to exhaust the interpreter's stack.
Each such answer becomes either a normalised answer or that attempt's error, never a crash of the
run. Input files get the same checks at load time, so a suite that ``suites show`` accepts also runs.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable
from typing import Any

REPLACEMENT = "\ufffd"
DEFAULT_MAX_RESPONSE_BYTES = 16 * 1024 * 1024
"""A response body longer than this is not read on (``--max-response-bytes``)."""
MAX_DEPTH = 64
"""Nesting deeper than this in an answer, an item or a config is refused: no real one needs it,
and serialising thousands of levels overflows the stack."""
MAX_NODES = 100_000
"""Values in one item or config after YAML aliases are expanded (a billion-laughs bomb has 10^9)."""
MAX_INT_DIGITS = 100
_HUGE_INT = 10**MAX_INT_DIGITS
_UNSTORABLE = re.compile("[\x00\ud800-\udfff]")
_CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f]")


class UntrustedValueError(ValueError):
    """A value that cannot be used as it is; the message says why in one line."""


def storable(text: str) -> str:
    """``text`` with what no database stores replaced by U+FFFD: NUL (PostgreSQL refuses it in
    text) and lone surrogates (not encodable as UTF-8)."""
    return _UNSTORABLE.sub(REPLACEMENT, text)


def printable(text: str) -> str:
    """``text`` safe to print on a terminal: control characters (escape sequences) shown as ``\\xNN``."""
    return _CONTROL.sub(lambda m: f"\\x{ord(m.group()):02x}", text)


def text_problem(text: str) -> str | None:
    """Why ``text`` cannot be an item's text (NUL, a lone surrogate), or None."""
    match = _UNSTORABLE.search(text)
    if match is None:
        return None
    if match.group() == "\x00":
        return "contains a NUL character (\\u0000)"
    return f"contains a lone surrogate (\\u{ord(match.group()):04x}), which is not valid Unicode"


def structure_problem(value: Any, *, check_text: bool = True) -> str | None:
    """Why ``value`` (parsed JSON or YAML) is unsafe to use, or None: nested deeper than
    :data:`MAX_DEPTH`, more than :data:`MAX_NODES` values once aliases are expanded, an integer
    of more than :data:`MAX_INT_DIGITS` digits, or (with ``check_text``) a string :func:`text_problem`
    refuses. Shared sub-trees (YAML aliases) are counted as often as they are referenced, as a
    serialiser would, but walked once."""
    sizes: dict[int, int] = {}
    unstorable = _UNSTORABLE.search

    def leaf(node: Any) -> None:
        if type(node) is str:
            if check_text and unstorable(node):
                raise UntrustedValueError(f"a string {text_problem(node)}")
        elif type(node) is int and not -_HUGE_INT < node < _HUGE_INT:
            raise UntrustedValueError(f"an integer of more than {MAX_INT_DIGITS} digits")

    def walk(node: Any, depth: int) -> int:
        if depth > MAX_DEPTH:
            raise UntrustedValueError(f"nested more than {MAX_DEPTH} levels deep")
        known = sizes.get(id(node))
        if known is not None:
            return known
        children: Iterable[Any]
        if isinstance(node, dict):
            for key in node:
                leaf(key)
            children = node.values()
            total = 1 + len(node)
        else:
            children = node
            total = 1
        for child in children:
            if isinstance(child, dict | list | tuple):
                total += walk(child, depth + 1)
            else:
                leaf(child)
                total += 1
            if total > MAX_NODES:
                raise UntrustedValueError(f"more than {MAX_NODES} values (a YAML alias bomb?)")
        sizes[id(node)] = total
        return total

    try:
        if isinstance(value, dict | list | tuple):
            walk(value, 0)
        else:
            leaf(value)
    except UntrustedValueError as exc:
        return str(exc)
    return None


def _huge_int_as_none(digits: str) -> int | None:
    return int(digits) if len(digits.lstrip("-")) <= MAX_INT_DIGITS else None


def parse_json(data: bytes | str, *, drop_huge_ints: bool = False, check_structure: bool = True) -> Any:
    """``json.loads`` for untrusted input: nesting that exhausts the stack, huge integers and
    invalid JSON all raise :class:`UntrustedValueError` with a one-line reason. With
    ``drop_huge_ints`` (a model's response, whose usage counts are only informative) an integer
    of more than :data:`MAX_INT_DIGITS` digits becomes None instead. Without ``check_structure``
    the value is not walked for :func:`structure_problem` (the caller checks what it uses)."""
    try:
        value = json.loads(data, parse_int=_huge_int_as_none) if drop_huge_ints else json.loads(data)
    except RecursionError:
        raise UntrustedValueError("JSON nested too deep") from None
    except json.JSONDecodeError as exc:
        raise UntrustedValueError(f"malformed JSON: {exc.msg}") from None
    except (ValueError, UnicodeDecodeError) as exc:  # more digits than int() converts, bad bytes
        raise UntrustedValueError(f"unreadable JSON: {str(exc).splitlines()[0]}") from None
    problem = structure_problem(value, check_text=False) if check_structure else None
    if problem:
        raise UntrustedValueError(f"JSON {problem}")
    return value


def answer_text(content: Any) -> str:
    """The text of a model's ``message.content``: a string, or the OpenAI list of content parts
    (their ``text`` joined); None is an empty answer. Anything else (a number, an object, parts
    without text) raises :class:`UntrustedValueError`, recorded as the attempt's error."""
    if content is None:
        return ""
    if isinstance(content, str):
        return storable(content)
    if isinstance(content, list) and all(isinstance(part, dict) for part in content):
        texts = [part.get("text") for part in content if part.get("type", "text") == "text"]
        if all(isinstance(text, str) for text in texts):
            return storable("".join(texts))
    raise UntrustedValueError(f"answer content is {_shape(content)}, not text")


def token_count(value: Any) -> int | None:
    """A usage count as the store keeps it (a 32-bit non-negative integer), else None."""
    if isinstance(value, int) and not isinstance(value, bool) and 0 <= value < 2**31:
        return value
    return None


def _shape(value: Any) -> str:
    if isinstance(value, list):
        return "a list" if not value else f"a list of {type(value[0]).__name__}"
    return {dict: "an object", bool: "a boolean", int: "a number", float: "a number"}.get(
        type(value), f"a {type(value).__name__}"
    )
