"""Secrets of the workspace: argon2id password hashes, random tokens kept only as their SHA-256,
and constant-time comparison. Nothing here stores or logs a secret in clear."""

from __future__ import annotations

import hashlib
import hmac
import secrets

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError

_hasher = PasswordHasher()
"""argon2-cffi's defaults (argon2id, RFC 9106 low-memory profile)."""

MIN_PASSWORD_LENGTH = 10


def hash_password(password: str) -> str:
    return _hasher.hash(password)


def verify_password(password_hash: str, password: str) -> bool:
    try:
        return _hasher.verify(password_hash, password)
    except (VerificationError, InvalidHashError):
        return False


def needs_rehash(password_hash: str) -> bool:
    """True when the hash was made with weaker parameters than today's defaults."""
    return _hasher.check_needs_rehash(password_hash)


def new_token() -> str:
    """A random URL-safe secret (256 bits): session cookies, API tokens, CSRF tokens."""
    return secrets.token_urlsafe(32)


def new_password() -> str:
    """A password printed once for the first admin: 16 random URL-safe characters."""
    return secrets.token_urlsafe(12)


def digest(token: str) -> str:
    """What is stored of a random token: its SHA-256. A random 256-bit token needs no slow hash."""
    return hashlib.sha256(token.encode()).hexdigest()


def same(a: str, b: str) -> bool:
    return hmac.compare_digest(a.encode(), b.encode())
