"""Reading patterns behind wrong statements on real pages (held_out45 once measured, dev46,
dev48; issue 14): a relative clause whose noun is not the mention before it, an umbrella
whose kinds the same sentence names, a participle that says which noun, one patient's
presentation, a hedged effect, a denial of how often something is written about, and a
page about animals.

Each test writes, in its own words, the shape of a sentence that produced a wrong claim,
and checks the general pattern, not the wording.
"""

from __future__ import annotations

from fixtures import read_claims as read_text
from fixtures import triples


def test_a_relative_clause_belongs_to_the_word_right_before_it(tmp_path, empty_store
                                                                ) -> None:  # type: ignore[no-untyped-def]
    """ "either inherited, which is called X, or acquired, which is usually caused by
    trauma": trauma causes the acquired form, not X; nor is it another name for X."""
    claims = read_text(empty_store, tmp_path,
                       "The disease is either inherited which is called fibrodysplasia "
                       "ossificans progressiva or acquired which is usually caused by trauma or "
                       "burns.\n"
                       "Heterotopic ossification, which is usually caused by trauma, can limit "
                       "movement.\n")
    assert not any(c.object == "fibrodysplasia_ossificans_progressiva"
                   or c.subject == "fibrodysplasia_ossificans_progressiva"
                   for c in claims if c.predicate in ("risk_factor_for", "synonym_of")
                   and "trauma" in (c.subject, c.object)), [
        (c.subject, c.predicate, c.object) for c in claims]
    assert ("trauma", "heterotopic_ossification") in triples(claims, "risk_factor_for")


def test_an_umbrellas_claim_goes_to_the_kinds_its_sentence_names(tmp_path, empty_store
                                                                 ) -> None:  # type: ignore[no-untyped-def]
    """ "There are rare genetic disorders causing HO such as FOP", "Another rare genetic
    disorder causing HO is POH": said of FOP and POH, not of rare genetic disorders at
    large."""
    claims = read_text(empty_store, tmp_path,
                       "There are also rare genetic disorders causing heterotopic ossification "
                       "such as fibrodysplasia ossificans progressiva.\n"
                       "Another rare genetic disorder causing heterotopic ossification is "
                       "progressive osseous heteroplasia.\n")
    risks = triples(claims, "risk_factor_for")
    assert ("fibrodysplasia_ossificans_progressiva", "heterotopic_ossification") in risks
    assert ("progressive_osseous_heteroplasia", "heterotopic_ossification") in risks
    assert not any(s == "rare_genetic_disorder" for s, _ in risks), risks
    kind = next(c for c in claims if c.predicate == "risk_factor_for"
                and c.subject == "progressive_osseous_heteroplasia")
    assert "progressive osseous heteroplasia" in kind.evidence.quote  # the span names it


def test_a_participle_with_no_verb_before_it_says_which_noun(tmp_path, empty_store
                                                             ) -> None:  # type: ignore[no-untyped-def]
    """ "… into muscle, the lack of a typical build associated with AHO": the build goes with
    AHO, not the HO named further back (it was read as "AHO does not raise the risk")."""
    claims = read_text(empty_store, tmp_path,
                       "POH is told apart by heterotopic ossification spreading from skin into "
                       "muscle, the lack of a typical body build associated with Albright "
                       "hereditary osteodystrophy.\n"
                       "Heterotopic ossification is associated with spinal cord injury.\n")
    risks = {(c.subject, c.object) for c in claims if c.predicate == "risk_factor_for"}
    assert ("spinal_cord_injury", "heterotopic_ossification") in risks
    assert not any("albright" in s for s, _ in risks), risks


def test_one_patients_presentation_is_no_symptom_of_the_disease(tmp_path, empty_store
                                                                ) -> None:  # type: ignore[no-untyped-def]
    claims = read_text(empty_store, tmp_path,
                       "A 71-year-old man presented with abdominal pain and vomiting.\n"
                       "Patients with heterotopic ossification often present with swelling.\n")
    symptoms = triples(claims, "symptom_of")
    assert any(s == "swelling" for s, _ in symptoms)
    assert not any(s == "pain" for s, _ in symptoms), symptoms


def test_may_before_an_effect_verb_hedges_the_effect(tmp_path, empty_store
                                                     ) -> None:  # type: ignore[no-untyped-def]
    claims = read_text(empty_store, tmp_path,
                       "Bone morphogenetic proteins may stimulate stem cells in muscle to become "
                       "bone-forming cells.\n")
    effects = [c for c in claims if c.subject == "bone_morphogenetic_protein"
               and c.object == "stem_cell"]
    assert effects and all(c.polarity == "hedged" for c in effects), [
        (c.predicate, c.polarity) for c in claims]


def test_what_is_only_claimed_stays_a_claim(tmp_path, empty_store) -> None:  # type: ignore[no-untyped-def]
    claims = read_text(empty_store, tmp_path,
                       "It is claimed that myositis ossificans follows a muscle injury.\n")
    caused = [c for c in claims if c.predicate == "risk_factor_for"]
    assert caused and all(c.polarity == "hedged" for c in caused), [
        (c.subject, c.polarity) for c in claims]


def test_not_often_reported_denies_nothing_the_sentence_goes_on_to_say(
        tmp_path, empty_store) -> None:  # type: ignore[no-untyped-def]
    claims = read_text(empty_store, tmp_path,
                       "Traumatic myositis ossificans of the jaw muscles is not often reported, "
                       "with the commonest finding being a limitation of motion.\n")
    symptoms = [c for c in claims if c.predicate == "symptom_of"]
    assert symptoms and all(c.polarity == "asserted" for c in symptoms), [
        (c.subject, c.polarity) for c in symptoms]


def test_a_page_about_dogs_says_its_findings_of_dogs(tmp_path, empty_store
                                                      ) -> None:  # type: ignore[no-untyped-def]
    """A vet's page names the animal once, in its opening sentence; its list of symptoms
    is about dogs, not people."""
    page = ("Myositis ossificans\n\n"
            "Myositis ossificans in dogs is bone forming in a muscle after damage.\n\n"
            "Signs\n\n"
            "The symptoms are fever and swelling of the leg.\n")
    claims = read_text(empty_store, tmp_path, page, name="vet.txt")
    symptoms = [c for c in claims if c.predicate == "symptom_of"]
    assert symptoms and all(c.scope.species == ("dog",) for c in symptoms), [
        (c.subject, c.scope) for c in symptoms]


def test_a_page_that_mentions_dogs_in_passing_is_about_people(tmp_path, empty_store
                                                               ) -> None:  # type: ignore[no-untyped-def]
    page = ("Heterotopic ossification\n\n"
            "Heterotopic ossification is bone in soft tissue, seen in people, dogs and horses."
            "\n\nThe symptoms are fever and swelling of the leg.\n")
    claims = read_text(empty_store, tmp_path, page, name="review.txt")
    symptoms = [c for c in claims if c.predicate == "symptom_of"]
    assert symptoms and not any(c.scope.species for c in symptoms)


def test_the_condition_a_page_never_named_is_what_it_is_called(tmp_path, empty_store
                                                                ) -> None:  # type: ignore[no-untyped-def]
    """A page that only described muscle turning to bone: "The condition is known as FOP"
    names the condition FOP; it does not make FOP a kind of the topic (HO) by default. Where
    HO was named before, "the condition" is HO, as always."""
    page = ("When muscles turn to bone\n\n"
            "Some children's muscles slowly turn into bone.\n\n"
            "The condition is known as fibrodysplasia ossificans progressiva or stone man "
            "syndrome.\n\n"
            "Heterotopic ossification is bone in muscle. The condition is also known as "
            "myositis ossificans.\n")
    claims = read_text(empty_store, tmp_path, page, name="fop.txt")
    naming = {(c.subject, c.object) for c in claims if c.predicate in ("is_a", "synonym_of")}
    assert ("fibrodysplasia_ossificans_progressiva", "heterotopic_ossification") not in naming
    assert ("myositis_ossificans", "heterotopic_ossification") in naming


def test_a_drug_given_before_in_patients_who_had_treats_none_of_their_injuries(
        tmp_path, empty_store) -> None:  # type: ignore[no-untyped-def]
    """ "indomethacin for HO prophylaxis in patients who had a femur fracture treated with
    nailing or a soft tissue injury": "treated with" describes the patients' fracture; the
    drug treats neither it nor the injury (it was read "indomethacin treats trauma")."""
    claims = read_text(empty_store, tmp_path,
                       "The surgeon gave indomethacin for HO prophylaxis in patients who had a "
                       "femur fracture treated with nailing or a severe soft tissue injury.\n"
                       "Heterotopic ossification can be treated with radiation therapy.\n")
    treats = triples(claims, "treats")
    assert not any(s == "indomethacin" for s, _ in treats), treats

