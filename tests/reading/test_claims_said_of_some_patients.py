"""Claims said of some patients only, and a finding of absence, read as the sources hold them.

From the statements of the 129th and 132nd sets of real pages (labelled), in our own words:

- "Calcinosis in SSc can cause pain, soft tissue swelling …" had become "Pain is a symptom of
  ectopic calcification", true of every calcinosis: a condition "in" a disease's patients (or
  an injury's: "HO in SCI") is the one seen in them, so the claim keeps that population, and
  its statement says it ("(in systemic sclerosis)").
- "most patients become asymptomatic after skeletal maturity" had become "Asymptomatic is a
  symptom of Osgood-Schlatter disease": having no symptoms is no symptom.
- "Os trigonum syndrome can be triggered by a single injury" had become a cause of posterior
  ankle impingement at large, and "turret exostoses are secondary to minor injury" one of
  every osteochondroma: each is a kind of the broader condition, not another name for it.
"""

from __future__ import annotations

from pathlib import Path

from fixtures import read_claims, store_of_pages, triples

SSC = """Calcinosis in scleroderma

Calcinosis in SSc can cause pain, soft tissue swelling around the deposits and ulcers.
"""

GENERAL = """Calcinosis

Calcinosis can cause pain and soft tissue swelling.
"""


def test_a_condition_in_a_disease_keeps_that_disease_as_its_population(empty_store,  # type: ignore[no-untyped-def]
                                                                         tmp_path: Path) -> None:
    claims = [c for c in read_claims(empty_store, tmp_path, SSC) if c.predicate == "symptom_of"]
    assert {(c.subject, c.object) for c in claims} >= {("pain", "ectopic_calcification")}
    assert all(c.scope.population == ("systemic_sclerosis",) for c in claims), claims
    # a disease's patients imply no family of HO (an index event implies acquired HO)
    assert all(not c.scope.family for c in claims), claims


def test_a_condition_said_of_no_one_has_no_population(empty_store, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    claims = [c for c in read_claims(empty_store, tmp_path, GENERAL)
              if c.predicate == "symptom_of"]
    assert claims
    assert all(not c.scope.population for c in claims), claims


def test_the_statement_says_whose_condition_it_is(tmp_path: Path) -> None:
    with store_of_pages(tmp_path, {"ssc.txt": SSC}) as kb:
        answer = kb.ask("What are the symptoms of calcinosis?")
    texts = [s.text for s in answer.statements]
    assert "Pain is a symptom of ectopic calcification (in systemic sclerosis)" in texts, texts


def test_being_symptom_free_is_no_symptom(empty_store, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    text = ("Osgood-Schlatter disease\n\n"
            "Operating on Osgood-Schlatter disease is seldom indicated, as most patients "
            "become asymptomatic once the skeleton matures.\n"
            "Osgood-Schlatter disease can cause pain below the knee.\n")
    symptoms = triples(read_claims(empty_store, tmp_path, text), "symptom_of")
    assert ("asymptomatic", "osgood_schlatter_disease") not in symptoms, symptoms
    assert ("pain", "osgood_schlatter_disease") in symptoms, symptoms


def test_a_kind_keeps_what_is_said_of_it(empty_store, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    text = ("Ankle and finger bumps\n\n"
            "Os trigonum syndrome can be triggered by a single injury, such as an ankle "
            "sprain.\n"
            "Turret exostoses are usually secondary to minor injury.\n")
    risks = triples(read_claims(empty_store, tmp_path, text), "risk_factor_for")
    assert {("trauma", "os_trigonum_syndrome"), ("trauma", "turret_exostosis")} <= risks, risks
    assert not {o for _, o in risks} & {"posterior_ankle_impingement", "osteochondroma"}, risks
