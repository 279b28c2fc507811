"""Reading patterns behind wrong statements on real pages (set 53, spent, and dev56; issue
14): a class a copula makes the subject's is no argument of its own; an "inadequate" care
denies nothing; "free of" a thing denies it.

Each test writes, in its own words, the shape of a sentence that produced a wrong claim,
and checks the general pattern, not the wording.
"""

from __future__ import annotations

from fixtures import read_claims as read_text
from fixtures import triples


def test_a_class_after_a_copula_stands_for_the_subject(
        tmp_path, empty_store) -> None:  # type: ignore[no-untyped-def]
    """ "FOP, the most disabling form of bone outside the skeleton, is a rare genetic
    disorder which turns muscle into bone and causes stiffness" was read as "Rare genetic
    disorder raises the risk of HO": what follows the class is said of FOP, the kind the
    subject is. A subject that is no kind of the class leaves the class no claim; a class
    that is a subject keeps its own."""
    kind = read_text(empty_store, tmp_path,
                     "Fibrodysplasia ossificans progressiva, the most disabling form of bone "
                     "outside the skeleton, is a rare genetic disorder which causes stiffness "
                     "through the conversion of muscle into heterotopic bone.\n",
                     name="fop.txt")
    subjects = {c.subject for c in kind} | {c.object for c in kind}
    assert "rare_genetic_disorder" not in subjects, kind
    assert ("fibrodysplasia_ossificans_progressiva", "heterotopic_ossification") in triples(
        kind, "risk_factor_for")
    other = read_text(empty_store, tmp_path,
                      "Albright's osteodystrophy is a rare genetic disorder which causes "
                      "heterotopic ossification.\n", name="aho.txt")
    assert not triples(other, "risk_factor_for"), other
    own = read_text(empty_store, tmp_path,
                    "Rare genetic disorders can cause heterotopic ossification.\n",
                    name="class.txt")
    assert ("rare_genetic_disorder", "heterotopic_ossification") in triples(
        own, "risk_factor_for")


def test_an_inadequate_care_denies_nothing_it_leads_to(
        tmp_path, empty_store) -> None:  # type: ignore[no-untyped-def]
    """ "Myositis ossificans is a result of inadequate treatment of a contusion" (dev56) was
    read as "Contusion does not raise the risk of MO": an inadequate care is a kind of care;
    "a single fraction was inadequate for preventing HO" still denies the effect."""
    care = read_text(empty_store, tmp_path,
                     "Myositis ossificans is a result of inadequate treatment of a contusion.\n",
                     name="mo.txt")
    assert [c.polarity for c in care if c.subject == "contusion"] == ["asserted"], care
    dose = read_text(empty_store, tmp_path,
                     "Radiation therapy was inadequate for the prevention of heterotopic "
                     "ossification.\n", name="dose.txt")
    assert [c.polarity for c in dose if c.predicate == "prevents"] == ["negated"], dose


def test_free_of_a_thing_denies_it(tmp_path, empty_store) -> None:  # type: ignore[no-untyped-def]
    """ "The patient is free of heterotopic ossifications resulting from dental treatment"
    (dev56) was read as "Dental procedure raises the risk of HO": none is there."""
    claims = read_text(empty_store, tmp_path,
                       "At one year the patient is free of heterotopic ossifications resulting "
                       "from dental treatment.\n", name="dental.txt")
    assert all(c.polarity == "negated" for c in claims
               if c.predicate == "risk_factor_for"), claims
