"""CDS Hooks authentication: the EHR signs a JWT for every call, and osteon checks it.

As the CDS Hooks 2.0 specification describes: the token's `iss` must be on
the allow-list; its key is found by `kid` in the issuer's JWKS, fetched from
the header's `jku` only when that URL is one the issuer is trusted to use
(or from the issuer's configured JWKS, or keys given inline); only ES384 and
RS384 signatures are accepted (never `none`, never a shared-secret HMAC);
`aud` must be the exact URL called; `exp` and `iat` are required and checked;
a `jti` seen before is a replay and refused. Auth is on by default; a local
demo turns it off explicitly (`OSTEON_CDS_AUTH=off`).
"""

from __future__ import annotations

import base64
import json
import os
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Protocol

import httpx
import jwt
import yaml
from cryptography.hazmat.primitives.asymmetric import ec, rsa
from pydantic import BaseModel, ConfigDict, ValidationError

from osteon.corpus.seen_ids import SeenIds
from osteon.errors import OsteonError

ALGORITHMS = ("ES384", "RS384")
KEY_TYPES: dict[str, type] = {"ES384": ec.EllipticCurvePublicKey, "RS384": rsa.RSAPublicKey}
"""The public key each accepted algorithm checks with: a kid naming another kind is refused."""
JWKS_TTL_S = 600.0
LEEWAY_S = 30
MAX_TOKEN_AGE_S = 300
"""A token issued longer ago than this is refused even if its `exp` is later."""


class AuthError(OsteonError):
    """A request the service must refuse with 401; the message says why (no secrets in it)."""


class TrustedIssuer(BaseModel):
    """One EHR allowed to call: its `iss`, and where its keys come from."""

    model_config = ConfigDict(extra="forbid", frozen=True)
    iss: str
    jku: tuple[str, ...] = ()
    """JWKS URLs this issuer may name in a token's `jku` header."""
    jwks_url: str | None = None
    """The issuer's JWKS when tokens carry no `jku`."""
    jwks: dict[str, Any] | None = None
    """Keys given inline (a JWKS document), for closed deployments and tests."""


class AuthSettings(BaseModel):
    """Whether tokens are required, and from whom."""

    model_config = ConfigDict(extra="forbid", frozen=True)
    enabled: bool = True
    issuers: tuple[TrustedIssuer, ...] = ()


def load_settings(environ: dict[str, str] | None = None) -> AuthSettings:
    """Settings from the environment: OSTEON_CDS_AUTH=off, OSTEON_CDS_ISSUERS=FILE (YAML/JSON).

    The issuers file is a list of `{iss, jku: [...], jwks_url, jwks}` entries.
    """
    env = os.environ if environ is None else environ
    enabled = env.get("OSTEON_CDS_AUTH", "on").strip().lower() not in ("off", "0", "false", "no")
    path = env.get("OSTEON_CDS_ISSUERS")
    issuers: list[Any] = []
    if path:
        try:
            raw = yaml.safe_load(Path(path).read_text(encoding="utf-8"))
        except (OSError, yaml.YAMLError) as exc:
            raise OsteonError(f"OSTEON_CDS_ISSUERS: cannot read {path}: {exc}") from exc
        issuers = raw if isinstance(raw, list) else (raw or {}).get("issuers", [])
    try:
        return AuthSettings(enabled=enabled, issuers=tuple(
            TrustedIssuer.model_validate(i) for i in issuers))
    except ValidationError as exc:
        raise OsteonError(f"OSTEON_CDS_ISSUERS: bad issuer entry: {exc.errors()[0]['msg']}"
                          ) from exc


@dataclass
class _Cached:
    keys: dict[str, Any]
    fetched: float


class ReplayCache(Protocol):
    """Remembers token ids until they expire; `first_use` is False for one seen before."""

    def first_use(self, jti: str, exp: float) -> bool: ...


@dataclass
class MemoryReplayCache:
    """Seen token ids in this process's memory (enough for one server process)."""

    _seen: dict[str, float] = field(default_factory=dict)
    _lock: threading.Lock = field(default_factory=threading.Lock)

    def first_use(self, jti: str, exp: float) -> bool:
        now = time.time()
        with self._lock:
            for old in [j for j, until in self._seen.items() if until < now - LEEWAY_S]:
                del self._seen[old]
            if jti in self._seen:
                return False
            self._seen[jti] = exp
            return True


class SqliteReplayCache:
    """Seen token ids shared by every server process on the same file (`corpus.seen_ids`).

    With several workers, an in-memory cache would let a token replayed to another
    worker through; the shared file refuses it wherever it lands.
    """

    SUFFIX = ".cds-tokens"
    """The file beside the store that holds the seen ids (`beside`)."""

    def __init__(self, seen: SeenIds) -> None:
        self.seen = seen

    @classmethod
    def beside(cls, store: Path) -> SqliteReplayCache:
        """The cache in its own file next to the store (never in it: see `corpus.seen_ids`)."""
        return cls(SeenIds.beside(store, cls.SUFFIX, grace_s=LEEWAY_S))

    @classmethod
    def at(cls, path: Path) -> SqliteReplayCache:
        """The cache in the file at `path`."""
        return cls(SeenIds.open(path, grace_s=LEEWAY_S))

    def first_use(self, jti: str, exp: float) -> bool:
        return self.seen.first_use(jti, exp)


@dataclass
class TokenVerifier:
    """Checks bearer tokens against the settings; keeps JWKS in memory, seen `jti`s in `seen`."""

    settings: AuthSettings
    fetch: Callable[[str], dict[str, Any]] | None = None
    """How a JWKS URL is fetched (default: HTTP GET); tests may pass their own."""
    seen: ReplayCache = field(default_factory=MemoryReplayCache)
    _jwks: dict[str, _Cached] = field(default_factory=dict)
    _inline: dict[str, dict[str, Any]] = field(default_factory=dict)
    """Each issuer's inline keys, made once (the settings never change)."""
    _lock: threading.Lock = field(default_factory=threading.Lock)

    def verify(self, authorization: str | None, audience: str) -> dict[str, Any] | None:
        """The token's claims, or None when auth is off; AuthError when it must be refused."""
        if not self.settings.enabled:
            return None
        if not authorization or not authorization.lower().startswith("bearer "):
            raise AuthError("a signed bearer token is required")
        token = authorization[7:].strip()
        header, unverified = _peek(token)
        try:
            if header.get("alg") not in ALGORITHMS:
                raise AuthError(f"signature algorithm {header.get('alg')!r} is not accepted "
                                f"(use {' or '.join(ALGORITHMS)})")
            issuer = self._issuer(unverified.get("iss"))
            key = self._key(issuer, header)
            if not isinstance(key, KEY_TYPES[header["alg"]]):
                raise AuthError(f"token refused: its kid names a key that cannot check "
                                f"{header['alg']} signatures")
        except AuthError:
            _check_readable(token)  # a malformed token is refused as malformed, first
            raise
        try:  # the one strict reading: signature and claims
            claims = jwt.decode(token, key=key, algorithms=[header["alg"]], audience=audience,
                                issuer=issuer.iss, leeway=LEEWAY_S,
                                options={"require": ["iss", "aud", "exp", "iat", "jti"]})
        except (jwt.PyJWTError, TypeError, ValueError) as exc:  # a key the library balks at
            _check_readable(token)
            raise AuthError(f"token refused: {exc}") from exc
        if claims["iat"] > time.time() + LEEWAY_S or claims["iat"] < time.time() - MAX_TOKEN_AGE_S:
            raise AuthError("token refused: issued at an implausible time")
        self._check_replay(str(claims["jti"]), float(claims["exp"]))
        return claims

    def _issuer(self, iss: object) -> TrustedIssuer:
        for issuer in self.settings.issuers:
            if issuer.iss == iss:
                return issuer
        raise AuthError("token refused: issuer not on the allow-list")

    def _key(self, issuer: TrustedIssuer, header: dict[str, Any]) -> Any:
        kid = header.get("kid")
        jku = header.get("jku")
        if jku is not None and jku not in issuer.jku:
            raise AuthError("token refused: its jku is not one this issuer may use")
        if jku:
            keys = self._fetched(jku)
        elif issuer.jwks is not None:
            keys = self._inline.get(issuer.iss) or self._inline.setdefault(
                issuer.iss, _keys_of(issuer.jwks))
        elif issuer.jwks_url:
            keys = self._fetched(issuer.jwks_url)
        else:
            raise AuthError("token refused: no keys known for this issuer")
        if kid in keys:
            return keys[kid]
        if kid is None and len(keys) == 1:
            return next(iter(keys.values()))
        raise AuthError("token refused: no key with its kid")

    def _fetched(self, url: str) -> dict[str, Any]:
        with self._lock:
            cached = self._jwks.get(url)
            if cached and time.monotonic() - cached.fetched < JWKS_TTL_S:
                return cached.keys
        try:
            document = (self.fetch or _http_get_json)(url)
            keys = _keys_of(document)
        except (httpx.HTTPError, ValueError, jwt.PyJWTError) as exc:
            raise AuthError(f"token refused: the issuer's keys could not be read ({exc})") from exc
        with self._lock:
            self._jwks[url] = _Cached(keys, time.monotonic())
        return keys

    def _check_replay(self, jti: str, exp: float) -> None:
        if not self.seen.first_use(jti, exp):
            raise AuthError("token refused: jti already used (replay)")


def _peek(token: str) -> tuple[dict[str, Any], dict[str, Any]]:
    """The token's header and claims, read but not checked: enough to find the key.

    `jwt.decode` then reads the token strictly, once, with its signature and claims (a
    token that reads otherwise there is refused): a second strict reading only to find
    the key cost every call ~60 µs. Anything this quick reading does not take (not three
    segments, not JSON objects) is left to PyJWT, which refuses it as malformed.
    """
    parts = token.split(".")
    if len(parts) == 3:
        try:
            header, claims = (json.loads(base64.urlsafe_b64decode(p + "=" * (-len(p) % 4)))
                              for p in parts[:2])
        except (ValueError, RecursionError):  # binascii.Error and bad UTF-8 are ValueErrors
            pass
        else:
            if isinstance(header, dict) and isinstance(claims, dict):
                return header, claims
    unchecked = _check_readable(token)
    return unchecked["header"], unchecked["payload"]


def _check_readable(token: str) -> dict[str, Any]:
    """PyJWT's strict reading of the token, unverified; AuthError "malformed token" if none.

    Called before any refusal, so a malformed token is refused as malformed (PyJWT's
    reason said) whatever else is wrong with it, as when it was read strictly first.
    """
    try:
        return jwt.decode_complete(token, options={"verify_signature": False})
    except jwt.PyJWTError as exc:
        raise AuthError(f"malformed token: {exc}") from exc


def _keys_of(document: dict[str, Any]) -> dict[str, Any]:
    """Public keys of a JWKS by kid (signing keys of the accepted algorithms only)."""
    keys = {}
    for raw in document.get("keys", []):
        if raw.get("use", "sig") != "sig" or raw.get("kty") not in ("EC", "RSA"):
            continue
        keys[raw.get("kid", "")] = jwt.PyJWK(raw).key
    if not keys:
        raise ValueError("the JWKS holds no EC or RSA signing key")
    return keys


def _http_get_json(url: str) -> dict[str, Any]:
    response = httpx.get(url, timeout=5.0, follow_redirects=False)
    response.raise_for_status()
    return json.loads(response.text)
