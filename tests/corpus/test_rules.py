"""Rule files fail loudly with the file and entry named; rules behave as documented."""

from __future__ import annotations

import pytest

from osteon.corpus.rules import ChromeRules, chrome_rules, layout_rules, sentence_rules
from osteon.corpus.sentences import sentence_spans
from osteon.datafiles import load_yaml, parse_model
from osteon.errors import DataFileError


def split(text: str) -> list[str]:
    abbreviations = sentence_rules().abbreviation_set
    return [text[a:b] for a, b in sentence_spans(text, 0, len(text), abbreviations)]


def test_packaged_rules_load():
    assert chrome_rules().patterns and layout_rules().list_markers
    assert "e.g." in sentence_rules().abbreviation_set


def test_reference_numbers_glued_to_a_full_stop_end_the_sentence():
    assert split("It was used.1,2,28 Moreover, early work mixed cases. Bone forms in muscle.[4] "
                 "It hurts. Doses of 3.5 Gy were given.") == [
        "It was used.1,2,28", "Moreover, early work mixed cases.", "Bone forms in muscle.[4]",
        "It hurts.", "Doses of 3.5 Gy were given."]
    # a drug database's lettered reference ("[A244920]") ends its sentence as well
    assert split("Tissues are replaced with bone.[A244920] The ossification is cumulative.") == [
        "Tissues are replaced with bone.[A244920]", "The ossification is cumulative."]
    assert split("The rate was 3.5 Patients said so.") == ["The rate was 3.5 Patients said so."]
    # references listed with a space after each comma, after a word or a bracket
    assert split("HO is common after injury (SCI).1, 2, 3 Despite this, it is missed. "
                 "US is cheap.12, 13 The goal was set.") == [
        "HO is common after injury (SCI).1, 2, 3", "Despite this, it is missed.",
        "US is cheap.12, 13", "The goal was set."]


def test_a_bad_pattern_names_the_file_and_the_entry():
    raw = load_yaml("corpus", "rules", "chrome.yaml")
    raw["patterns"][2]["pattern"] = "share (this"
    with pytest.raises(DataFileError) as caught:
        parse_model(ChromeRules, raw, "data/corpus/rules/chrome.yaml")
    assert str(caught.value).startswith(
        "data/corpus/rules/chrome.yaml: rule 'rate-author' (patterns.2.pattern): "
        "'share (this' is not a valid regular expression")


def test_an_unknown_key_is_refused():
    raw = load_yaml("corpus", "rules", "chrome.yaml")
    raw["patterns"][0]["patern"] = "typo"
    with pytest.raises(DataFileError, match="patterns.0.patern"):
        parse_model(ChromeRules, raw, "data/corpus/rules/chrome.yaml")


def test_sentences_do_not_break_after_abbreviations_initials_or_decimals():
    assert split("Dr. Levi saw it, e.g. in Fig. 2 of the paper. J. Smith agreed. "
                 "A dose of 7.5 Gy was used.") == [
        "Dr. Levi saw it, e.g. in Fig. 2 of the paper.", "J. Smith agreed.",
        "A dose of 7.5 Gy was used."]


def test_sentences_break_after_citations_quotes_and_questions():
    assert split("It is the gold standard [16, 17]. They act fast. “It works.” Does it? Yes!") == [
        "It is the gold standard [16, 17].", "They act fast.", "“It works.”", "Does it?", "Yes!"]


def test_lower_case_after_a_period_is_not_a_new_sentence():
    assert split("Compare calcification sense a. b : an instance of this process.") == [
        "Compare calcification sense a. b : an instance of this process."]


def test_a_full_stop_glued_to_the_next_sentence_ends_it():
    """Text copied from CJK-typeset pages loses the space after a full stop: a whole
    abstract had been one sentence, which matched every question."""
    assert split("Bone forms in the body.It occurs in muscle,skin and joints.Excision is "
                 "advised for symptomatic HO.Radiotherapy may help.") == [
        "Bone forms in the body.", "It occurs in muscle,skin and joints.",
        "Excision is advised for symptomatic HO.", "Radiotherapy may help."]


@pytest.mark.parametrize("text", ["See www.Example.org for more.", "Write to team@Clinic.org now.",
                                  "Mr.Smith was seen.", "Smith et al.The cohort grew."])
def test_a_glued_stop_in_an_address_or_after_an_abbreviation_is_no_boundary(text: str):
    assert split(text) == [text]


def test_a_generic_article_label_is_no_title():
    rules = layout_rules()
    for line in ("Case Report", "Article Text", "Original Article", "Review article"):
        assert rules.is_generic_title(line)
    assert not rules.is_generic_title("Heterotopic Ossification in a Newborn: A Case Report")


def test_a_journals_abbreviated_name_runs_on_into_its_year_and_volume():
    """"Hip Int. 2023 May;33(3):420-425." is one line of record: split after "Int." the
    journal's name stood alone, too short to quote, and the year answered without it."""
    assert split("Hip Int. 2023 May;33(3):420-425. doi: 10.1177/1120. It was cited.") == [
        "Hip Int. 2023 May;33(3):420-425. doi: 10.1177/1120.", "It was cited."]
    assert split("Arch Surg. 1964;89(4):731-734.") == ["Arch Surg. 1964;89(4):731-734."]
    # PubMed's newer style puts a colon after the year ("2019:1891:247-255")
    assert split("Methods Mol Biol. 2019:1891:247-255. doi: 10.1007/978. We describe it.") == [
        "Methods Mol Biol. 2019:1891:247-255. doi: 10.1007/978.", "We describe it."]
    assert split("It was done in 2019. 2020 May was later.") == [
        "It was done in 2019.", "2020 May was later."]
