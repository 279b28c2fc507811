"""Reading patterns that put wrong statements under answers on the forty-third set of real
pages (issue 14): people acting in a clause joined by ", and", an expert's belief, and a
bracket that glosses the words right before it.

Each test writes, in its own words, the shape of a sentence that produced a wrong claim,
and checks the general pattern, not the wording.
"""

from __future__ import annotations

from fixtures import read_claims as read_text
from fixtures import triples


def test_a_clause_of_people_who_act_is_no_agent_for_what_came_before(tmp_path, empty_store
                                                                      ) -> None:  # type: ignore[no-untyped-def]
    """ "HO is a frequent problem with elbow arthroscopy, and doctors have tried many ways of
    preventing it": the arthroscopy prevents nothing (it was read as preventing HO)."""
    claims = read_text(empty_store, tmp_path,
                       "Heterotopic ossification is a frequent problem with elbow arthroscopy, "
                       "and doctors have tried many ways of preventing it.\n"
                       "Burns, fractures, and surgery are risk factors, and radiation therapy "
                       "prevents it.\n")
    prevents = triples(claims, "prevents")
    assert ("radiation_therapy", "heterotopic_ossification") in prevents
    assert not any(s == "arthroscopy" for s, _ in prevents)


def test_what_experts_believe_stays_a_belief(tmp_path, empty_store) -> None:  # type: ignore[no-untyped-def]
    claims = read_text(empty_store, tmp_path,
                       "Many surgeons believe that heterotopic ossification results from muscle "
                       "injury.\n")
    caused = [c for c in claims if c.predicate == "risk_factor_for"
              and c.object == "heterotopic_ossification"]
    assert caused and all(c.polarity == "hedged" for c in caused)


def test_a_bracket_glosses_the_words_right_before_it(tmp_path, empty_store) -> None:  # type: ignore[no-untyped-def]
    """ "FOP is a disease of recurrent episodes of soft tissue swelling (flare-ups)": the
    flare-ups are the episodes, no kind of FOP; "bisphosphonates (etidronate)" still is."""
    claims = read_text(empty_store, tmp_path,
                       "Fibrodysplasia ossificans progressiva is a rare disease of recurrent "
                       "episodes of soft tissue swelling (flare-ups) that turn muscle into "
                       "bone.\n"
                       "Bisphosphonates (etidronate) were given after surgery.\n")
    kinds = triples(claims, "is_a")
    assert ("etidronate", "bisphosphonate") in kinds
    assert ("fop_flare_up", "fibrodysplasia_ossificans_progressiva") not in kinds
