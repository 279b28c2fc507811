"""Claims read from pages about another condition, and from findings put forward.

From the statements of the 113th set of real pages (kept aside, labelled at the end of the
last session), in our own words:

- A page about penile ossification never names HO; its "the condition is associated with
  Peyronie's disease, trauma, gout" made "Gout raises the risk of HO". On a page that never
  names the topic and is headed by another condition or process ("What is penile
  ossification?"), "the condition" and "it" do not fall back to the topic. On a page that
  names it, they still do.
- "Other therapies, such as celecoxib, were effective as well, suggesting the possibility of
  options for preventing HO": what a finding suggests is put forward, not shown.
- "ectopic bone in tissues not supposed to around the elbow": what tissue is not meant to
  hold, not a denial that bone forms at the elbow.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from fixtures import read_claims, triples

OTHER_CONDITION = """What is penile ossification?

Penile ossification often presents as a painless hard mass on the penile shaft.
The condition is associated with Peyronie's disease, trauma, gout and other metabolic disorders.
"""

NAMED_TOPIC = """What is heterotopic ossification?

Heterotopic ossification often presents as a painful hard mass in the thigh.
The condition is associated with trauma, gout and other metabolic disorders.
"""


def test_a_page_that_never_names_the_topic_lends_it_no_risk_factors(empty_store,  # type: ignore[no-untyped-def]
                                                                    tmp_path: Path) -> None:
    risks = triples(read_claims(empty_store, tmp_path, OTHER_CONDITION), "risk_factor_for")
    assert not {s for s, o in risks if o == "heterotopic_ossification"}, risks


def test_a_page_that_names_the_topic_keeps_its_anaphor(empty_store,  # type: ignore[no-untyped-def]
                                                       tmp_path: Path) -> None:
    risks = triples(read_claims(empty_store, tmp_path, NAMED_TOPIC), "risk_factor_for")
    assert ("gout", "heterotopic_ossification") in risks, risks


def test_what_a_finding_suggests_is_hedged(empty_store, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    text = ("Heterotopic ossification in mice\n\nOther therapies, such as celecoxib, were "
            "effective as well, suggesting the possibility of several options for preventing "
            "heterotopic ossification in injured patients.\n")
    claims = [c for c in read_claims(empty_store, tmp_path, text)
              if c.predicate == "prevents" and c.subject == "celecoxib"]
    assert claims and all(c.polarity == "hedged" for c in claims), [
        (c.subject, c.polarity) for c in claims]


@pytest.mark.parametrize(("sentence", "polarity"), [
    # what tissue is not meant to hold denies no site
    ("Elbow heterotopic ossification is described as the formation of ectopic bone in tissues "
     "not supposed to around the elbow.", "asserted"),
    # ... and a site denied stays denied
    ("Heterotopic ossification does not occur at the elbow in these patients.", "negated")])
def test_a_site_is_denied_only_where_the_sentence_denies_it(empty_store, tmp_path: Path,  # type: ignore[no-untyped-def]
                                                            sentence: str, polarity: str) -> None:
    claims = [c for c in read_claims(empty_store, tmp_path, f"Elbow bone\n\n{sentence}\n")
              if c.predicate == "occurs_at_site" and c.object == "elbow"]
    assert claims and all(c.polarity == polarity for c in claims), [
        (c.object, c.polarity) for c in claims]


# A journal portal's page: its headings are the portal's, the article's title a line of text.
PORTAL_PAGE = """Services on Demand

Journal
Article
Indicators
Share

SPINE Paediatric disc calcification: a case study Grey J; Blake C ABSTRACT
Paediatric intervertebral disc calcification is a rare, mostly self-limiting condition in children.
The aetiology is unknown and fewer than 400 cases have been described.
The calcifications mainly affect the nucleus pulposus of the disc.
Most often the lesions lie in the lower cervical spine.
The most common reported symptoms include low grade fever, localised tenderness and torticollis.
We present a case of calcifications at several levels in a boy of twelve.
"""


def test_a_page_whose_headings_name_nothing_and_that_never_names_the_topic_lends_it_nothing(  # type: ignore[no-untyped-def]
        empty_store, tmp_path: Path) -> None:
    claims = read_claims(empty_store, tmp_path, PORTAL_PAGE)
    assert not [c for c in claims if "heterotopic_ossification" in (c.subject, c.object)], [
        (c.subject, c.predicate, c.object) for c in claims]


def test_a_short_note_that_never_names_the_topic_is_still_about_it(  # type: ignore[no-untyped-def]
        empty_store, tmp_path: Path) -> None:
    note = "The most common reported symptoms include low grade fever and localised tenderness.\n"
    claims = read_claims(empty_store, tmp_path, note)
    assert ("fever", "heterotopic_ossification") in {(c.subject, c.object) for c in claims}, [
        (c.subject, c.predicate, c.object) for c in claims]
