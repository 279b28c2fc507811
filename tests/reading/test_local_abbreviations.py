"""A page's own abbreviations outrank the lexicon's ("acquired HO (AHO)" is no Albright
hereditary osteodystrophy on that page), and only on that page."""

from __future__ import annotations

from fixtures import read_claims, triples
from osteon.reading.local_abbreviations import local_meanings
from osteon.reading.pipeline import default_pipeline

DEFINING = ("Two kinds of bone in the wrong place\n\n"
            "Bone outside the skeleton comes in two kinds: acquired HO (AHO) and genetic HO.\n"
            "AHO often follows severe burns and fractures of the long bones.\n")


def test_an_abbreviation_the_page_defines_means_what_the_page_says(tmp_path, empty_store):
    causes = triples(read_claims(empty_store, tmp_path, DEFINING), "risk_factor_for")
    assert ("severe_burn", "heterotopic_ossification") in causes, causes
    assert not any(o == "albright_hereditary_osteodystrophy" for _, o in causes), causes


def test_a_page_that_defines_nothing_keeps_the_lexicons_meaning(tmp_path, empty_store):
    text = ("Albright syndrome\n\nAHO often follows severe burns and fractures of the "
            "long bones.\n")
    causes = triples(read_claims(empty_store, tmp_path, text, name="other.txt"),
                     "risk_factor_for")
    assert any(o == "albright_hereditary_osteodystrophy" for _, o in causes), causes


def test_a_definition_that_agrees_with_the_lexicon_changes_nothing():
    pipeline = default_pipeline()
    texts = ["Fibrodysplasia ossificans progressiva (FOP) is rare.",
             "Acquired heterotopic ossification (AHO) follows burns."]
    meanings = local_meanings(texts, [pipeline.analyse(t) for t in texts], pipeline.lexicon)
    assert "FOP" not in meanings  # the lexicon's own meaning
    assert meanings.get("AHO") not in (None, "albright_hereditary_osteodystrophy"), meanings
