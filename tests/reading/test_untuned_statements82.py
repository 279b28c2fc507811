"""Reading patterns behind wrong statements under answers on the dev set 82 (issue 14).

Labelled wrong from their cited sentences, the patterns written here in other words: a
question the source asks ("Whether indomethacin is effective for preventing HO of the elbow
joint?") says nothing, and had become "Indomethacin prevents HO"; "bone at a place where it
should not be present, that is usually soft tissue" had become "HO does not occur at the
soft tissue".
"""

from __future__ import annotations

import pytest

from fixtures import read_claims


@pytest.mark.parametrize("sentence", [
    "Whether celecoxib is effective for preventing heterotopic ossification of the knee?",
    "Does radiation therapy prevent heterotopic ossification after elbow surgery?",
])
def test_a_question_in_the_source_states_nothing(tmp_path, empty_store, sentence: str) -> None:  # type: ignore[no-untyped-def]
    assert read_claims(empty_store, tmp_path, sentence + "\n", name="page.txt") == []


def test_where_bone_does_not_belong_denies_no_site(tmp_path, empty_store) -> None:  # type: ignore[no-untyped-def]
    claims = read_claims(empty_store, tmp_path,
                         "Myositis ossificans – formation of bone at a place where it should "
                         "not be present that is usually muscle.\n"
                         "Places where heterotopic ossification often forms include the hip "
                         "and the shoulder.\n", name="page.txt")
    sites = {(c.object, c.polarity) for c in claims if c.predicate == "occurs_at_site"}
    assert not any(p == "negated" for _, p in sites), sites
    assert {("hip", "asserted"), ("shoulder", "asserted")} <= sites, sites
