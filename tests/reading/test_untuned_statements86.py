"""Reading patterns behind wrong statements on set 85 (issue 14), written here in other words.

"does not support the notion that these patients are necessarily predisposed to form HO" had
become "does not raise the risk" (a denial only of "necessarily" leaves the relation open),
"patients are not necessarily predisposed" had become "raises the risk", and the symptoms of
"non-genetic heterotopic ossification" had become symptoms of the genetic kind.
"""

from __future__ import annotations

import pytest

from fixtures import read_claims


def _risks(tmp_path, store, text: str) -> set[tuple[str, str]]:  # type: ignore[no-untyped-def]
    return {(c.subject, c.polarity) for c in read_claims(store, tmp_path, text + "\n",
                                                         name="page.txt")
            if c.predicate == "risk_factor_for"}


@pytest.mark.parametrize("sentence,subject", [
    ("Our data do not support the notion that patients with ankylosing spondylitis are "
     "predisposed to form heterotopic ossification.", "ankylosing_spondylitis"),
    ("Patients with ankylosing spondylitis are not necessarily predisposed to form "
     "heterotopic ossification.", "ankylosing_spondylitis"),
    ("Spinal cord injury does not always lead to heterotopic ossification.",
     "spinal_cord_injury"),
])
def test_a_denial_of_necessarily_says_neither_yes_nor_no(tmp_path, empty_store,  # type: ignore[no-untyped-def]
                                                         sentence: str, subject: str) -> None:
    risks = _risks(tmp_path, empty_store, sentence)
    assert not any(s == subject for s, _ in risks), risks


def test_a_plain_denial_still_denies(tmp_path, empty_store) -> None:  # type: ignore[no-untyped-def]
    risks = _risks(tmp_path, empty_store, "Ankylosing spondylitis patients are not "
                   "predisposed to form heterotopic ossification.")
    assert ("ankylosing_spondylitis", "negated") in risks, risks


def test_non_genetic_names_no_genetic_kind(tmp_path, empty_store) -> None:  # type: ignore[no-untyped-def]
    claims = read_claims(empty_store, tmp_path,
                         "The symptoms of non-genetic heterotopic ossification are pain and "
                         "swelling.\n", name="page.txt")
    objects = {c.object for c in claims if c.predicate == "symptom_of"}
    assert objects == {"heterotopic_ossification"}, objects
