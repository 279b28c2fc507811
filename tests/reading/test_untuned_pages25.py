"""Reading patterns that put wrong statements under answers on the twenty-fifth and
twenty-sixth sets of real pages (issue 14): a population prone to develop something at a
site, and a name given through words that only point at a kind of HO.

Each test writes, in its own words, the shape of a sentence that produced a wrong claim,
and checks the general pattern, not the wording.
"""

from __future__ import annotations

from fixtures import read_claims as read_text


def sites(claims):  # type: ignore[no-untyped-def]
    return {(c.subject, c.object) for c in claims if c.predicate == "occurs_at_site"}


def test_a_population_prone_to_develop_lumps_at_a_site_is_not_what_lies_there(
        tmp_path, empty_store) -> None:  # type: ignore[no-untyped-def]
    claims = read_text(empty_store, tmp_path,
                       "People with conditions such as tetraplegia are more likely to get "
                       "these hard lumps around the elbow or shoulder.\n"
                       "Those with a spinal cord injury are prone to developing new bone in the "
                       "hip.\n"
                       "Heterotopic ossification develops in the knee.\n"
                       "Heterotopic ossification forming mostly in the hip is common.\n")
    found = sites(claims)
    assert not [s for s, _ in found if s in {"tetraplegia", "spinal_cord_injury"}]
    assert {("heterotopic_ossification", "knee"),
            ("heterotopic_ossification", "hip")} <= found


def test_a_name_given_to_words_pointing_at_a_kind_of_ho_is_no_other_name_for_it(
        tmp_path, empty_store) -> None:  # type: ignore[no-untyped-def]
    claims = read_text(empty_store, tmp_path,
                       "Fibrodysplasia ossificans progressiva is a rare disorder of muscle.\n"
                       "This new bone formation (known as \"heterotopic ossification\") "
                       "slowly locks the joints.\n"
                       "Heterotopic ossification, also known as ectopic bone formation, "
                       "follows surgery.\n")
    names = [(c.subject, c.object) for c in claims if c.predicate == "synonym_of"]
    assert not [n for n in names if "fibrodysplasia_ossificans_progressiva" in n]
    assert ("heterotopic_ossification", "ectopic bone formation") in names
