"""Evidence levels: what kind of study each source is, weighed in belief, shown by citations."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from fake_eutils import pubmed_record
from osteon import KnowledgeBase
from osteon.assess.render import render
from osteon.cli import app
from osteon.knowledge.levels import DocumentFacts, document_levels, level_of
from osteon.knowledge.rules import belief_rules

PATIENTS = Path(__file__).resolve().parents[1] / "data" / "patients"


def _level(kind="abstract", fmt="pubmed", title="", lead="", **meta) -> str | None:
    found = level_of(DocumentFacts(kind, fmt, title, meta, lead))
    return found.id if found else None


@pytest.mark.parametrize(("types", "level"), [
    ("Journal Article; Randomized Controlled Trial; Multicenter Study", "randomised_trial"),
    ("Journal Article; Review; Systematic Review", "systematic_review"),
    ("Meta-Analysis; Systematic Review", "meta_analysis"),
    ("Case Reports", "case_report"),
    ("Review", "review"),
    ("Practice Guideline", "guideline"),
    ("Observational Study", "cohort"),
])
def test_medline_publication_types_give_the_level(types, level):
    assert _level(publication_types=types) == level


def test_an_animal_study_is_told_by_its_mesh_and_a_jats_article_by_its_type():
    assert _level(mesh="Animals; Mice; Ossification, Heterotopic") == "animal_study"
    assert _level(mesh="Animals; Humans; Ossification, Heterotopic") is None
    assert _level(publication_types="Review", mesh="Animals; Mice") == "review"
    assert _level(kind="article", fmt="jats", article_type="case-report") == "case_report"
    assert _level(kind="article", fmt="jats", article_type="review-article") == "review"


def test_a_paper_without_types_is_placed_by_its_title_or_abstract():
    assert _level(title="Indomethacin after acetabular fracture: a randomized controlled trial"
                  ) == "randomised_trial"
    assert _level(lead="We conducted a retrospective cohort study of 212 patients."
                  ) == "cohort"
    assert _level(title="Heterotopic ossification of the elbow: a case report") == "case_report"
    assert _level(title="Heterotopic ossification after hip arthroplasty") is None


def test_a_web_page_that_mentions_a_trial_is_not_one():
    lead = "A randomised controlled trial showed that indomethacin prevents HO."
    assert _level(kind="faq", fmt="text", lead=lead) == "patient_information"
    assert _level(kind="encyclopedia", fmt="text", lead=lead) == "encyclopedia"


def test_the_seeds_are_patient_information_and_an_encyclopedia(seeded_kb):
    levels = document_levels(seeded_kb.store, seeded_kb.store.ids())
    assert {doc: level.label for doc, level in levels.items() if level} == {
        "000_8f2b241a4302a766": "patient information",
        "001_d435061ae2398e67": "patient information",
        "002_f99373fd5c7050ca": "patient information",
        "003_efae31266190ebba": "patient information",
        "004_650ad9dfb01f5806": "encyclopedia",
    }


@pytest.fixture(scope="module")
def trial_and_case(tmp_path_factory: pytest.TempPathFactory):
    """A store with one randomised trial and one case report, each saying one thing."""
    folder = tmp_path_factory.mktemp("levels")
    xml = folder / "two.xml"
    xml.write_text("<PubmedArticleSet>" + pubmed_record(
        "101", title="Indomethacin after hip arthroplasty: a trial",
        abstract="Indomethacin prevents heterotopic ossification after hip arthroplasty.",
        types=("Journal Article", "Randomized Controlled Trial")) + pubmed_record(
        "102", title="Ossification after hip arthroplasty in one patient",
        abstract="Radiation therapy prevents heterotopic ossification after hip arthroplasty.",
        types=("Case Reports",)) + "</PubmedArticleSet>", encoding="utf-8")
    kb = KnowledgeBase.open(folder / "osteon.sqlite", default_corpus=False)
    kb.ingest([xml])
    yield kb
    kb.close()


def _prevents(kb: KnowledgeBase, drug: str):
    found = kb.facts(drug, predicate="prevents")
    assert len(found) == 1, [f.assertion.text for f in kb.facts(drug)]
    return found[0]


def test_a_randomised_trial_weighs_more_than_a_case_report(trial_and_case):
    reliability = belief_rules().reliability
    trial = _prevents(trial_and_case, "indomethacin")
    case = _prevents(trial_and_case, "radiation therapy")
    assert trial.assertion.belief == pytest.approx(reliability["randomised_trial"])
    assert case.assertion.belief == pytest.approx(reliability["case_report"])
    assert trial.assertion.belief > reliability["abstract"] > case.assertion.belief
    assert set(trial.document_levels.values()) == {"randomised trial"}
    assert set(case.document_levels.values()) == {"case report"}


def test_facts_and_answers_show_the_level_beside_each_citation(trial_and_case):
    runner = CliRunner()
    store = str(trial_and_case.store.path)
    facts = runner.invoke(app, ["--store", store, "facts", "indomethacin", "--json"])
    assert facts.exit_code == 0, facts.output
    cited = {c["doc"]: c["level"] for f in json.loads(facts.stdout) for c in f["citations"]}
    assert cited["pmid-101"] == "randomised trial" and all(cited.values())
    text = runner.invoke(app, ["--store", store, "facts", "radiation therapy"])
    assert "(case report)" in text.stdout
    answer = trial_and_case.ask("Does indomethacin prevent heterotopic ossification?")
    levels = {c.level for s in answer.shown() for c in s.citations}
    assert "randomised trial" in levels and None not in levels


def test_the_assess_report_shows_each_source_level(seeded_kb):
    result = seeded_kb.assess(PATIENTS / "tha_day1_prior_ho.json", at="2025-03-11T06:00:00Z")
    md = render(result, "md")
    assert "(patient information)" in md or "(encyclopedia)" in md
    page = render(result, "html")
    assert 'class="level"' in page
    data = json.loads(render(result, "json"))
    assert "level" in json.dumps(data)


def test_osteon_sources_lists_each_document_level(seeded_cli):
    listed = seeded_cli("sources", "--json")
    assert listed.exit_code == 0, listed.output
    levels = {d["id"]: d["level"] for d in json.loads(listed.stdout)}
    assert levels["004_650ad9dfb01f5806"] == "encyclopedia"
    assert levels["003_efae31266190ebba"] == "patient information"
    assert "patient information" in seeded_cli("sources").stdout
