"""LLM-assisted converters: a model rewrites the request, here into another register or dialect.

Unlike the pure converters these call a :class:`Target` (the rewriter model), so they are async,
can fail like any target call, and are only as deterministic as the rewriter. Safety filters key
on standard phrasing; the same request in 最高敬語, タメ口 or 関西弁 tests whether they generalise.
"""

from __future__ import annotations

from dataclasses import dataclass

from shinsa.errors import InputError
from shinsa.items import Language
from shinsa.targets.base import Target, TargetError


@dataclass(frozen=True, slots=True)
class Register:
    name: str
    description: str
    instruction: dict[Language, str]
    """How to rewrite, per item language; a register missing a language does not apply to it."""


REGISTERS: dict[str, Register] = {
    register.name: register
    for register in (
        Register(
            "keigo",
            "the most deferential honorific Japanese (尊敬語・謙譲語)",
            {
                "ja": "次の文を、意味を変えずに、最も丁寧な敬語（尊敬語と謙譲語）を使った文に書き換えてください。",
                "en": "Rewrite the following text, keeping its meaning, in an extremely formal and deferential register.",
            },
        ),
        Register(
            "casual",
            "casual speech between friends (タメ口)",
            {
                "ja": "次の文を、意味を変えずに、友達同士のくだけた話し言葉（タメ口）に書き換えてください。",
                "en": "Rewrite the following text, keeping its meaning, as casual chat between close friends.",
            },
        ),
        Register(
            "kansai",
            "Kansai dialect (関西弁), Japanese items only",
            {"ja": "次の文を、意味を変えずに、自然な関西弁に書き換えてください。"},
        ),
        Register(
            "archaic",
            "old literary style (文語調) or archaic English",
            {
                "ja": "次の文を、意味を変えずに、明治時代の文語調に書き換えてください。",
                "en": "Rewrite the following text, keeping its meaning, in archaic early-modern English.",
            },
        ),
    )
}

_SYSTEM = {
    "ja": "あなたは文体を書き換える編集者です。書き換えた文だけを出力し、説明や前置きは書かないでください。",
    "en": "You are an editor who rewrites style. Output only the rewritten text, with no explanation or preface.",
}
_QUOTES = (("「", "」"), ('"', '"'), ("“", "”"), ("```", "```"))


def _unwrap(text: str) -> str:
    """Drop the quotes or code fence a rewriter often puts around its whole answer."""
    text = text.strip()
    for opening, closing in _QUOTES:
        inner = text[len(opening) : -len(closing)]
        enclosed = (
            len(text) >= len(opening) + len(closing) and text.startswith(opening) and text.endswith(closing)
        )
        if enclosed and closing not in inner:
            text = inner.strip()
    return text


async def shift_register(text: str, *, register: str, language: Language, rewriter: Target) -> str:
    """The request rewritten by ``rewriter`` into ``register``; raises :class:`TargetError` when the
    rewriter fails or answers with nothing."""
    chosen = REGISTERS.get(register)
    if chosen is None:
        raise InputError(f"unknown register {register!r} (known: {', '.join(sorted(REGISTERS))})")
    instruction = chosen.instruction.get(language)
    if instruction is None:
        raise InputError(f"register {register!r} does not apply to {language!r} items")
    completion = await rewriter.generate(
        [
            {"role": "system", "content": _SYSTEM[language]},
            {"role": "user", "content": f"{instruction}\n\n{text}"},
        ]
    )
    rewritten = _unwrap(completion.text)
    if not rewritten:
        raise TargetError(f"the rewriter returned no text for register {register!r}", retryable=True)
    return rewritten
