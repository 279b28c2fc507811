"""Cautions the sources state about injuries and procedures, read with polarity and scope.

In FOP any injury (a biopsy, an intramuscular injection, surgery, dental work) can set
off a flare-up and new bone: sentences saying so become caution or risk claims scoped to
the genetic family, so the assessment can put them beside a planned procedure. Sentences
here are made up in the shapes such sources use.
"""

from __future__ import annotations

from pathlib import Path

from fixtures import read_claims


def read_text(store, tmp_path: Path, text: str):
    return read_claims(store, tmp_path, text, name="fop_note.txt")


def claims_of(store, tmp_path: Path, sentence: str, heading: str = "Stone man syndrome"):
    return [(c.subject, c.predicate, c.object, c.polarity, c.scope.family)
            for c in read_text(store, tmp_path, f"{heading}\n\n{sentence}\n")]


def test_injured_tissue_replaced_by_bone_is_a_caution_about_injury_in_fop(empty_store,
                                                                         tmp_path):
    got = claims_of(empty_store, tmp_path,
                    "Stone man syndrome is rare; it is also called FOP, a disorder that makes "
                    "injured tissues to be turned into heterotopic bone.")
    caution = [c for c in got if c[1] == "caution"]
    assert [(s, p, pol, fam) for s, p, _, pol, fam in caution] == [
        ("trauma", "caution", "asserted", ("genetic",))]
    assert "injured tissues" in caution[0][2]
    # the condition is the setting, not a cause of injury
    assert not any(c[0] == "fibrodysplasia_ossificans_progressiva" and c[2] == "trauma"
                   for c in got)
    assert any(c[0] == "fibrodysplasia_ossificans_progressiva" and c[1] == "is_a"
               and "injured tissues" in c[2] for c in got)


def test_procedures_that_trigger_flare_ups_are_risks_scoped_to_fop(empty_store, tmp_path):
    got = claims_of(empty_store, tmp_path,
                    "In FOP, a tooth extraction, needle biopsies or intramuscular vaccinations "
                    "can trigger flare-ups.")
    risks = {(s, o, pol, fam) for s, p, o, pol, fam in got if p == "risk_factor_for"}
    assert risks == {(s, "fop_flare_up", "asserted", ("genetic",))
                     for s in ("dental_procedure", "biopsy", "intramuscular_injection")}


def test_procedures_advised_against_are_cautions(empty_store, tmp_path):
    got = claims_of(empty_store, tmp_path,
                    "In patients with fibrodysplasia ossificans progressiva, intramuscular "
                    "vaccines, biopsies and other invasive procedures are strongly advised "
                    "against.")
    cautions = {(s, pol, fam) for s, p, _, pol, fam in got if p == "caution"}
    assert {("intramuscular_injection", "asserted", ("genetic",)),
            ("biopsy", "asserted", ("genetic",)),
            ("invasive_procedure", "asserted", ("genetic",))} <= cautions


def test_an_imperative_avoid_is_a_caution(empty_store, tmp_path):
    got = claims_of(empty_store, tmp_path, "Avoid intramuscular injections during a flare-up.")
    assert [(s, p, pol) for s, p, _, pol, _ in got if p == "caution"] == [
        ("intramuscular_injection", "caution", "asserted")]


def test_a_negated_caution_stays_negated(empty_store, tmp_path):
    got = claims_of(empty_store, tmp_path,
                    "In FOP, dental work under local anaesthesia is not contraindicated.")
    assert [(s, o, pol) for s, p, o, pol, _ in got if p == "caution"] == [
        ("dental_procedure", "contraindicated", "negated")]


def test_a_caution_outside_fop_names_no_family_and_a_purpose_is_none(empty_store, tmp_path):
    got = claims_of(empty_store, tmp_path,
                    "Surgery should be avoided while the new bone is still immature.",
                    heading="Heterotopic ossification after hip replacement")
    assert [(s, pol, "genetic" in fam) for s, p, _, pol, fam in got if p == "caution"] == [
        ("surgery", "asserted", False)]
    got = claims_of(empty_store, tmp_path,
                    "Radiation is given early to avoid heterotopic ossification.",
                    heading="Heterotopic ossification after hip replacement")
    assert not [c for c in got if c[1] == "caution"]
