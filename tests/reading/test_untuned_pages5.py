"""Reading patterns that misread the fifth set of real pages (issue 14, pages5 split dev5r).

Each test writes, in its own words, the shape of a sentence that produced a wrong claim on
the development pages of the fifth set (or a pattern left over from the fourth set), and
checks the general pattern, not the wording.
"""

from __future__ import annotations

from pathlib import Path

from osteon.corpus.ingest import ingest_paths
from osteon.knowledge.claim_store import load_claims
from osteon.knowledge.read_pass import read_store
from osteon.reading.records import Claim


def read_text(store, tmp_path: Path, text: str) -> list[Claim]:
    path = tmp_path / "page.txt"
    path.write_text(text)
    ingest_paths(store, [path], max_bytes=10**6)
    read_store(store)
    return load_claims(store, doc_id=path.stem)


def triples(claims: list[Claim], predicate: str) -> set[tuple[str, str]]:
    return {(c.subject, c.object) for c in claims if c.predicate == predicate}


def test_bone_is_never_where_ho_occurs(tmp_path, empty_store):
    claims = read_text(empty_store, tmp_path,
                       "Heterotopic ossification describes deposits that form in regions of "
                       "the elbow that are normally free of bone.\n")
    assert not any(site == "bone" for _, site in triples(claims, "occurs_at_site"))


def test_caused_from_is_passive_like_caused_by(tmp_path, empty_store):
    claims = read_text(empty_store, tmp_path,
                       "Heterotopic bone in the jaw is most often caused from trauma.\n")
    risks = triples(claims, "risk_factor_for")
    assert ("trauma", "heterotopic_ossification") in risks
    assert ("heterotopic_ossification", "trauma") not in risks
