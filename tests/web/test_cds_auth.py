"""The EHR's signed JWT: accepted when right, refused (with a reason) every way it can be wrong."""

from __future__ import annotations

import base64
import json
import time
import uuid

import jwt
import pytest
from cryptography.hazmat.primitives.asymmetric import ec, rsa

from osteon.web.cds.auth import AuthError, AuthSettings, TokenVerifier, TrustedIssuer

AUD = "https://osteon.test/cds-services/osteon-ho-risk"
ISS = "https://ehr.example.org"
JKU = "https://ehr.example.org/.well-known/jwks.json"


def jwk_of(private_key, kid: str) -> dict:
    algorithm = (jwt.algorithms.ECAlgorithm if isinstance(private_key, ec.EllipticCurvePrivateKey)
                 else jwt.algorithms.RSAAlgorithm)
    public = algorithm.to_jwk(private_key.public_key(), as_dict=True)
    return {**public, "kid": kid, "use": "sig"}


EC_KEY = ec.generate_private_key(ec.SECP384R1())
RSA_KEY = rsa.generate_private_key(public_exponent=65537, key_size=2048)
JWKS = {"keys": [jwk_of(EC_KEY, "ec-1"), jwk_of(RSA_KEY, "rsa-1")]}


def token(*, key=EC_KEY, alg="ES384", kid="ec-1", jku: str | None = JKU, **claims) -> str:
    now = int(time.time())
    body = {"iss": ISS, "sub": "ehr-client", "aud": AUD, "iat": now, "exp": now + 300,
            "jti": str(uuid.uuid4()), **claims}
    body = {k: v for k, v in body.items() if v is not None}
    headers = {"kid": kid, "typ": "JWT", **({"jku": jku} if jku else {})}
    return jwt.encode(body, key, algorithm=alg, headers=headers)


@pytest.fixture
def verifier() -> TokenVerifier:
    settings = AuthSettings(issuers=(TrustedIssuer(iss=ISS, jku=(JKU,)),))
    return TokenVerifier(settings, fetch=lambda url: JWKS if url == JKU else {})


def test_a_good_token_passes(verifier: TokenVerifier) -> None:
    claims = verifier.verify("Bearer " + token(), AUD)
    assert claims and claims["iss"] == ISS
    assert verifier.verify("Bearer " + token(key=RSA_KEY, alg="RS384", kid="rsa-1"), AUD)


@pytest.mark.parametrize(("make", "reason"), [
    (lambda: None, "bearer token is required"),
    (lambda: "Bearer not-a-jwt", "malformed"),
    (lambda: "Bearer " + token(aud="https://elsewhere/cds-services/x"), "Audience"),
    (lambda: "Bearer " + token(exp=int(time.time()) - 3600, iat=int(time.time()) - 4000),
     "refused"),
    (lambda: "Bearer " + token(iss="https://evil.example"), "allow-list"),
    (lambda: "Bearer " + token(jku="https://evil.example/jwks.json"), "jku"),
    (lambda: "Bearer " + token(kid="unknown"), "kid"),
    (lambda: "Bearer " + token(jti=None), "jti"),
    (lambda: "Bearer " + token(key="shared-secret-of-32-bytes-or-more!!", alg="HS256"),
     "not accepted"),
    (lambda: "Bearer " + jwt.encode({"iss": ISS, "aud": AUD}, None, algorithm="none"),
     "not accepted"),
    (lambda: "Bearer " + token(key=ec.generate_private_key(ec.SECP384R1())), "refused"),
])
def test_bad_tokens_are_refused(verifier: TokenVerifier, make, reason: str) -> None:
    with pytest.raises(AuthError, match=reason):
        verifier.verify(make(), AUD)


def _spoiled(text: str, segment: int) -> str:
    """A token with one segment made unreadable to a strict base64url reading."""
    parts = text.split(".")
    parts[segment] += "!"
    return ".".join(parts)


@pytest.mark.parametrize("make", [
    lambda: _spoiled(token(), 2),  # signature segment: the header and claims still read
    lambda: _spoiled(token(iss="https://evil.example"), 2),  # malformed before unknown
    lambda: _spoiled(token(kid="unknown"), 2),
    lambda: _spoiled(token(), 0),
    lambda: token() + ".extra",
    lambda: "e30.e30",  # two segments
    lambda: base64.urlsafe_b64encode(b"[1]").decode().rstrip("=") + ".e30.e30",  # not objects
])
def test_a_malformed_token_is_refused_as_malformed_whatever_else_is_wrong(
        verifier: TokenVerifier, make) -> None:
    with pytest.raises(AuthError, match="^malformed token"):
        verifier.verify("Bearer " + make(), AUD)


def test_a_replayed_token_is_refused(verifier: TokenVerifier) -> None:
    once = "Bearer " + token()
    assert verifier.verify(once, AUD)
    with pytest.raises(AuthError, match="replay"):
        verifier.verify(once, AUD)


def test_inline_keys_and_auth_off() -> None:
    inline = TokenVerifier(AuthSettings(issuers=(TrustedIssuer(iss=ISS, jwks=JWKS),)))
    assert inline.verify("Bearer " + token(jku=None), AUD)
    assert TokenVerifier(AuthSettings(enabled=False)).verify(None, AUD) is None


def test_a_replay_is_refused_across_processes_sharing_a_store(tmp_path) -> None:
    from osteon.web.cds.auth import SqliteReplayCache

    path = tmp_path / "store.sqlite"
    settings = AuthSettings(issuers=(TrustedIssuer(iss=ISS, jwks=JWKS),))
    worker_a = TokenVerifier(settings, seen=SqliteReplayCache.at(path))
    worker_b = TokenVerifier(settings, seen=SqliteReplayCache.at(path))
    once = "Bearer " + token(jku=None)
    assert worker_a.verify(once, AUD)
    with pytest.raises(AuthError, match="replay"):
        worker_b.verify(once, AUD)


def _forged(alg: str, kid: str) -> str:
    """A token whose header names `alg` and `kid`, with claims fit to pass and a junk signature."""
    def part(value: dict) -> str:
        return base64.urlsafe_b64encode(json.dumps(value).encode()).rstrip(b"=").decode()

    now = int(time.time())
    claims = {"iss": ISS, "aud": AUD, "iat": now, "exp": now + 300, "jti": str(uuid.uuid4())}
    return f"{part({'alg': alg, 'kid': kid, 'typ': 'JWT', 'jku': JKU})}.{part(claims)}.AAAA"


@pytest.mark.parametrize(("alg", "kid"), [("ES384", "rsa-1"), ("RS384", "ec-1")])
def test_a_kid_of_the_other_key_type_is_refused_not_a_crash(verifier: TokenVerifier, alg: str,
                                                            kid: str) -> None:
    with pytest.raises(AuthError, match=f"cannot check {alg}"):
        verifier.verify("Bearer " + _forged(alg, kid), AUD)


def test_the_replay_cache_beside_a_store_never_writes_the_store(tmp_path) -> None:
    # a write to the store moves its data_version, and every cache of the knowledge with it
    import sqlite3

    from osteon.web.cds.auth import SqliteReplayCache

    store = tmp_path / "osteon.sqlite"
    watcher = sqlite3.connect(store, isolation_level=None)
    watcher.execute("CREATE TABLE t (x)")
    before = watcher.execute("PRAGMA data_version").fetchone()[0]
    settings = AuthSettings(issuers=(TrustedIssuer(iss=ISS, jwks=JWKS),))
    worker_a = TokenVerifier(settings, seen=SqliteReplayCache.beside(store))
    worker_b = TokenVerifier(settings, seen=SqliteReplayCache.beside(store))
    once = "Bearer " + token(jku=None)
    assert worker_a.verify(once, AUD)
    with pytest.raises(AuthError, match="replay"):
        worker_b.verify(once, AUD)
    assert watcher.execute("PRAGMA data_version").fetchone()[0] == before
