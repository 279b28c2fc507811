"""Sentences of real pages that gave wrong statements under answers, by shape (issue 14).

Each test writes the shape in its own words: a comparison that finds no difference says
neither agent works; an aim's object ("measures to prevent X") is no subject of what the
measures go with; what comes about "despite" a treatment is no effect of it; a second
clause with its own subject is not denied by the first's "no"; a list that names the
page's topic among its members is no list of the topic's complications; "is provoked
during flare-ups" says nothing of what flare-ups are.
"""

from __future__ import annotations

from functools import partial

from fixtures import read_claims, triples

HO = "heterotopic_ossification"
read_text = partial(read_claims, name="page.txt")


def test_no_difference_between_two_agents_says_neither_prevents(tmp_path, empty_store):  # type: ignore[no-untyped-def]
    claims = read_text(empty_store, tmp_path,
                       "One trial reported no major difference between indomethacin and "
                       "radiation therapy in preventing HO after acetabular fractures.\n"
                       "Indomethacin prevents heterotopic ossification after hip replacement.\n")
    prevents = [(c.subject, c.polarity) for c in claims if c.predicate == "prevents"]
    assert ("radiation_therapy", "negated") not in prevents
    assert ("indomethacin", "negated") not in prevents
    assert ("indomethacin", "asserted") in prevents  # the plain sentence still reads


def test_what_measures_aim_at_is_not_what_they_go_with(tmp_path, empty_store):  # type: ignore[no-untyped-def]
    claims = read_text(empty_store, tmp_path,
                       "Measures to prevent nerve compression by HO are all associated with "
                       "delayed wound or bone healing.\n"
                       "HO is associated with traumatic brain injury.\n")
    risks = triples(claims, "risk_factor_for")
    assert not any(obj == HO and subj != "traumatic_brain_injury" for subj, obj in risks)
    assert ("traumatic_brain_injury", HO) in risks


def test_what_forms_despite_a_treatment_is_no_effect_of_it(tmp_path, empty_store):  # type: ignore[no-untyped-def]
    claims = read_text(empty_store, tmp_path,
                       "Nonoperative treatment resulted in a good outcome despite considerable "
                       "formation of myositis ossificans.\n"
                       "Blunt trauma resulted in myositis ossificans.\n")
    causes = {s for s, _ in triples(claims, "risk_factor_for")}
    assert "conservative_treatment" not in causes
    assert "trauma" in causes


def test_a_clause_with_its_own_subject_is_not_denied_by_the_one_before(tmp_path, empty_store):  # type: ignore[no-untyped-def]
    claims = read_text(empty_store, tmp_path,
                       "Many people with heterotopic ossification have no symptoms and the "
                       "condition is found incidentally on X-rays.\n")
    tests = [(c.subject, c.polarity) for c in claims if c.predicate == "diagnostic_test_for"]
    assert ("x_ray", "negated") not in tests


def test_a_list_that_names_the_topic_is_no_list_of_its_complications(tmp_path, empty_store):  # type: ignore[no-untyped-def]
    claims = read_text(empty_store, tmp_path,
                       "After spinal cord injury, two important complications are deep vein "
                       "thrombosis and heterotopic ossification.\n"
                       "Complications of heterotopic ossification include pressure sores.\n")
    complications = triples(claims, "complication_of")
    assert ("deep_vein_thrombosis", HO) not in complications
    assert ("pressure_ulcer", HO) in complications


def test_provoked_during_flare_ups_makes_no_kind(tmp_path, empty_store):  # type: ignore[no-untyped-def]
    claims = read_text(empty_store, tmp_path,
                       "The ossification of FOP is cumulative, and is provoked during flare-ups.\n"
                       "Bone forming after a severe injury of the brain or spinal cord is called "
                       "neurogenic heterotopic ossification.\n")
    kinds = triples(claims, "is_a")
    assert ("fop_flare_up", HO) not in kinds


def test_a_series_population_is_no_site_and_what_kills_no_cause(tmp_path, empty_store):  # type: ignore[no-untyped-def]
    claims = read_text(empty_store, tmp_path,
                       "The elbow is the most frequently involved joint in most burn case "
                       "series.\n"
                       "Death results most commonly from complications of pneumonia.\n"
                       "Heterotopic ossification is one of the complications of spinal cord "
                       "injury.\n")
    sites = triples(claims, "occurs_at_site")
    assert ("burn", "elbow") not in sites and (HO, "elbow") in sites
    risks = triples(claims, "risk_factor_for")
    assert ("pneumonia", HO) not in risks
    assert ("spinal_cord_injury", HO) in risks
