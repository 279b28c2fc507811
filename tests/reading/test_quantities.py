"""Numbers from text: normalised values, units, relations, anchors and exact spans."""

from __future__ import annotations

import random

import pytest

from osteon.datafiles import data_path, load_yaml, parse_model
from osteon.errors import DataFileError
from osteon.reading.quantities import extract_quantities
from osteon.reading.quantity_rules import QuantityRules, quantity_rules
from osteon.reading.records import Quantity

RULES = "data/reading/quantities.yaml"


def read(text: str) -> list[Quantity]:
    found = extract_quantities(text)
    for q in found:
        assert q.text == text[q.start:q.end], q
    assert [q.start for q in found] == sorted(q.start for q in found)
    assert all(a.end <= b.start for a, b in zip(found, found[1:], strict=False))
    return found


def one(text: str) -> Quantity:
    found = read(text)
    assert len(found) == 1, found
    return found[0]


def summary(q: Quantity) -> tuple:
    return (q.kind, q.low, q.high, q.unit, q.text, q.relation, q.anchor, q.fractions,
            q.approximate)


# Each sentence with what it must yield, as `summary` tuples: kind, low, high, unit, text,
# relation, anchor, fractions and whether approximate.
SEEDS = [
    ("About every third patient who has total hip arthroplasty (joint replacement) will "
     "develop heterotopic ossification, but is uncommonly symptomatic.",
     [("proportion", 33.3, 33.3, "%", "About every third patient", None, None, None, True)]),
    ("HO usually occurs 3-12 weeks after spinal cord injury yet has been known to also "
     "develop years later.",
     [("duration", 3, 12, "week", "3-12 weeks after spinal cord injury", "after",
       "spinal cord injury", None, False),
      ("duration", None, None, "year", "years later", "later", None, None, False)]),
    ("an unfortunately common phenomenon that typically occurs weeks after an injury or "
     "surgery.",
     [("duration", None, None, "week", "weeks after an injury or surgery", "after",
       "an injury or surgery", None, False)]),
    ("There is often a history of a blow or other trauma to the area a few weeks to a few "
     "months earlier.",
     [("duration", None, None, "week", "a few weeks to a few months earlier", "earlier", None,
       None, True)]),
    ("Between 50% and 90% of patients who developed heterotopic ossification following a "
     "previous hip arthroplasty will develop additional heterotopic ossification.",
     [("proportion", 50, 90, "%", "Between 50% and 90%", None, None, None, False)]),
    ("(In an acute episode which is not treated, it will be 3– 4 weeks after onset before the "
     "x-ray is positive.)",
     [("duration", 3, 4, "week", "3– 4 weeks after onset", "after", "onset", None, False)]),
    ("The only definitive diagnostic test in the early acute stage is a bone scan, which will "
     "show heterotopic ossification 7 – 10 days earlier than an x-ray.",
     [("duration", 7, 10, "day", "7 – 10 days earlier than an x-ray", "earlier_than",
       "an x-ray", None, False)]),
    ("However recurrence may occur with rates between 2% and 31% depending on the report.",
     [("proportion", 2, 31, "%", "between 2% and 31%", None, None, None, False)]),
    ("A dose of 7-8 Gray in a single fraction within 24–48 hours of surgery has been used "
     "successfully.",
     [("dose", 7, 8, "Gy", "7-8 Gray in a single fraction", None, None, 1, False),
      ("duration", 24, 48, "hour", "within 24–48 hours of surgery", "within", "surgery", None,
       False)]),
    ("A review article looked at 114 adult patients retrospectively and suggested that the "
     "lower incidence of HO may have been due to early intensive therapy.",
     [("count", 114, 114, "patient", "114 adult patients", None, None, None, False)]),
]


@pytest.mark.parametrize(("sentence", "expected"), SEEDS)
def test_seed_sentences(sentence, expected):
    assert [summary(q) for q in read(sentence)] == expected


def test_the_whole_seed_corpus_yields_exactly_its_quantities():
    texts = []
    for node in sorted(data_path("corpus").iterdir(), key=lambda n: n.name):
        if node.name.endswith(".txt"):
            texts += [q.text for q in read(node.read_text(encoding="utf-8"))]
    assert texts == [
        "About every third patient", "3-12 weeks after spinal cord injury", "years later",
        "weeks after an injury or surgery",
        "a few weeks to a few months earlier", "About every third patient",
        "Between 50% and 90%", "3– 4 weeks after onset", "7 – 10 days earlier than an x-ray",
        "between 2% and 31%", "7-8 Gray in a single fraction", "within 24–48 hours of surgery",
        "114 adult patients",
    ]


# Our own wording of the same kinds of statement.
PARAPHRASES = [
    ("Roughly one in four patients develop HO after acetabular fracture.",
     ("proportion", 25, 25, "%", "Roughly one in four patients", None, None, None, True)),
    ("HO was seen in 10–20% of hips.",
     ("proportion", 10, 20, "%", "10–20%", None, None, None, False)),
    ("Rates of 10 to 20 percent were reported.",
     ("proportion", 10, 20, "%", "10 to 20 percent", None, None, None, False)),
    ("It affects up to 40% of patients with TBI.",
     ("proportion", None, 40, "%", "up to 40%", "up_to", None, None, False)),
    ("In more than 50% of cases the lesion was mild.",
     ("proportion", 50, None, "%", "more than 50%", "more_than", None, None, False)),
    ("Half of patients with severe burns develop it.",
     ("proportion", 50, 50, "%", "Half", None, None, None, False)),
    ("Two out of five patients had a recurrence.",
     ("proportion", 40, 40, "%", "Two out of five patients", None, None, None, False)),
    ("Ossification affected one-third of amputees.",
     ("proportion", 33.3, 33.3, "%", "one-third", None, None, None, False)),
    ("Nearly half of the cohort was affected.",
     ("proportion", 50, 50, "%", "Nearly half", None, None, None, True)),
    ("The majority of women recovered.",
     ("proportion", 50, None, "%", "The majority", "more_than", None, None, False)),
    ("In every second case the hip was involved.",
     ("proportion", 50, 50, "%", "every second case", None, None, None, False)),
    ("We saw it in ~30% of elbows.",
     ("proportion", 30, 30, "%", "~30%", None, None, None, True)),
    ("Irradiation with 700 cGy was given.",
     ("dose", 7, 7, "Gy", "700 cGy", None, None, None, False)),
    ("He took indomethacin 75 mg daily.",
     ("dose", 75, 75, "mg", "75 mg", None, None, None, False)),
    ("Ibuprofen 25 mg three times daily.",
     ("dose", 25, 25, "mg", "25 mg", None, None, None, False)),
    ("Patients received a single-fraction 7 Gy dose.",
     ("dose", 7, 7, "Gy", "a single-fraction 7 Gy", None, None, 1, False)),
    ("They gave 10 Gy in five fractions.",
     ("dose", 10, 10, "Gy", "10 Gy in five fractions", None, None, 5, False)),
    ("Radiotherapy within 72 hours after surgery is effective.",
     ("duration", 72, 72, "hour", "within 72 hours after surgery", "within", "surgery", None,
      False)),
    ("It can be given up to 4 hours before surgery.",
     ("duration", None, 4, "hour", "up to 4 hours before surgery", "before", "surgery", None,
      False)),
    ("Symptoms appear two to three weeks following the injury, usually.",
     ("duration", 2, 3, "week", "two to three weeks following the injury", "after",
      "the injury", None, False)),
    ("Bone was visible 6 weeks postoperatively.",
     ("duration", 6, 6, "week", "6 weeks postoperatively", "after", "surgery", None, False)),
    ("Give it within about 24 hours of the operation.",
     ("duration", 24, 24, "hour", "within about 24 hours of the operation", "within",
      "the operation", None, True)),
    ("The scan turns positive 1–2 weeks sooner than plain radiographs.",
     ("duration", 1, 2, "week", "1–2 weeks sooner than plain radiographs", "earlier_than",
      "plain radiographs", None, False)),
    ("From 6 hours to 2 days after injury the risk rises.",
     ("duration", 6, 48, "hour", "From 6 hours to 2 days after injury", "after", "injury",
      None, False)),
    ("It starts at least 6 weeks after surgery.",
     ("duration", 6, None, "week", "at least 6 weeks after surgery", "after", "surgery", None,
      False)),
    ("Stiffness began 2 or 3 days later.",
     ("duration", 2, 3, "day", "2 or 3 days later", "later", None, None, False)),
    ("Pain began several years after the fracture.",
     ("duration", None, None, "year", "several years after the fracture", "after",
      "the fracture", None, True)),
    ("It was seen about half an hour later.",
     ("duration", 0.5, 0.5, "hour", "about half an hour later", "later", None, None, True)),
    ("The bone showed up a week later.",
     ("duration", 1, 1, "week", "a week later", "later", None, None, False)),
    ("It appeared 3 weeks after onset of the symptoms in most.",
     ("duration", 3, 3, "week", "3 weeks after onset of the symptoms", "after",
      "onset of the symptoms", None, False)),
    ("Within 4 hours prior to the operation.",
     ("duration", None, 4, "hour", "Within 4 hours prior to the operation", "before",
      "the operation", None, False)),
    ("Alkaline phosphatase rose to 250 IU/L.",
     ("measurement", 250, 250, "IU/L", "250 IU/L", None, None, None, False)),
    ("A 45-year-old man was seen.",
     ("measurement", 45, 45, "year", "45-year-old", "age", None, None, False)),
    ("A cohort of 1,250 patients was followed.",
     ("count", 1250, 1250, "patient", "1,250 patients", None, None, None, False)),
    ("Between 500 mg and 1 g was given.",
     ("dose", 500, 1000, "mg", "Between 500 mg and 1 g", None, None, None, False)),
    ("It took 75mg of indomethacin.",
     ("dose", 75, 75, "mg", "75mg", None, None, None, False)),
    ("FOP affects about 1 in 2 million people.",
     ("proportion", 5e-05, 5e-05, "%", "about 1 in 2 million people", None, None, None, True)),
    ("It is seen in one of every seven patients.",
     ("proportion", 14.3, 14.3, "%", "one of every seven patients", None, None, None, False)),
    ("Bone appears within the first 2 to 3 months.",
     ("duration", 2, 3, "month", "within the first 2 to 3 months", "within", None, None,
      False)),
    ("It matures over 12–18 months.",
     ("duration", 12, 18, "month", "12–18 months", None, None, None, False)),
    ("A boost was given 4 h preoperatively.",
     ("duration", 4, 4, "hour", "4 h preoperatively", "before", "surgery", None, False)),
    ("Haemoglobin was 12 g/dL.",
     ("measurement", 12, 12, "g/dL", "12 g/dL", None, None, None, False)),
    ("A coma lasting longer than 2 weeks raises the risk.",
     ("duration", 2, None, "week", "longer than 2 weeks", "more_than", None, None, False)),
]


@pytest.mark.parametrize(("sentence", "expected"), PARAPHRASES)
def test_paraphrases(sentence, expected):
    assert summary(one(sentence)) == expected


def test_a_range_across_units_is_put_in_the_unit_of_its_lower_end():
    q = one("It occurs 2 weeks to 3 months after injury.")
    assert (q.low, q.high, q.unit, q.anchor) == (2, pytest.approx(13.04, abs=0.01), "week",
                                                 "injury")


def test_several_quantities_in_one_sentence_keep_their_order():
    found = read("Up to 40% of hips, 8 Gy in 2 fractions, and 3-4 weeks later n = 20.")
    assert [(q.kind, q.text) for q in found] == [
        ("proportion", "Up to 40%"), ("dose", "8 Gy in 2 fractions"),
        ("duration", "3-4 weeks later"), ("count", "n = 20")]


@pytest.mark.parametrize(("sentence", "text", "low", "high", "unit"), [
    ("HO in 50\u00a0% of patients.", "50\u00a0%", 50, 50, "%"),
    ("HO in 10\u202f% of hips.", "10\u202f%", 10, 10, "%"),
    ("It appears 3\u201112 weeks after injury.", "3\u201112 weeks after injury", 3, 12, "week"),
    ("Swelling lasts 24\u221248 h.", "24\u221248 h", 24, 48, "hour"),
    ("A dose of 7\u20148 Gy.", "7\u20148 Gy", 7, 8, "Gy"),
    ("Over \uff15\uff10\uff05 of them.", "Over \uff15\uff10\uff05", 50, None, "%"),
    ("\u00bd of mice.", "\u00bd", 50, 50, "%"),
    ("\u0130\u0130 then 5 mg of it.", "5 mg", 5, 5, "mg"),
])
def test_unicode_keeps_offsets_exact(sentence, text, low, high, unit):
    q = one(sentence)
    assert (q.text, q.low, q.high, q.unit) == (text, low, high, unit)


@pytest.mark.parametrize("sentence", [
    "NSAIDs are the gold standard in HO prevention [16, 17].",
    "It has been employed since the 1970s.",
    "1a : the process of bone formation",
    "  1. Trauma: HO is commonly seen after severe burns.",
    "2. Orthopedic surgeries: joint replacements increase the risk.",
    "Release of interleukin-1β and IL-1.",
    "An inhibitor of JAK1 and JAK2 tyrosine kinases.",
    "Binding to Toll-like receptor 4 expressed by macrophages via TLR4.",
    "Receptors OSMR and IL1R1 on CD34+ cells.",
    "Patients with type 2 diabetes; grade 3 HO; Brooker class 4.",
    "Among COVID-19 patients, see Fig. 2 and Table 3.",
    "The three-phase bone scan is sensitive.",
    "The two main treatments are radiation and NSAIDs.",
    "A third dose was given; its half-life was long.",
    "Every third day was a rest day.",
    "The 95% CI was 1.2–3.4 and p < 0.05.",
    "It was measured as 45 ± 10 in all.",
    "Unless weekly tests are done, the peak may be missed.",
    "In recent years many patients were treated.",
    "Three times a day, twice a week.",
    "None occurred in 2015 and five in 2016.",
])
def test_not_quantities(sentence):
    assert read(sentence) == []


@pytest.mark.parametrize("text", [
    "", " ", "\n\n", "%%%---~~~", "[][]()", "\x00\ufeff\u200b", "½¼¾", "–—−‑",
    "😀 5 😀 mg 😀", "e\u0301\u0301 3 weeks", "\ud800 5 mg", "1" * 400, "5-" * 100,
    "between and", "every", "n =", "a few", "up to", "within of after", "1/0 of", "0 in 0",
    "zero in one", "twenty-ninety", "one hundred thousand dozen patients",
])
def test_odd_input_never_raises(text):
    read(text)


def test_random_input_never_raises():
    rng = random.Random(7)
    alphabet = "0123456789 -–%.,/½abcdefghiklmnorstuwyGyhd[]()~<>≥ \u00a0\u2011"
    words = ["within", "after", "of", "surgery", "hours", "weeks", "a", "few", "every",
             "third", "between", "and", "to", "up", "in", "one", "half", "Gy", "mg", "%", "n",
             "="]
    for _ in range(300):
        text = "".join(rng.choice(alphabet) for _ in range(rng.randint(0, 80)))
        read(text)
        read(" ".join(rng.choice(words) for _ in range(rng.randint(0, 20))))


DOSE_SENTENCE = "A dose of 7-8 Gray within 24–48 hours of surgery; about every third patient. "


@pytest.mark.parametrize(("text", "expected"), [
    (DOSE_SENTENCE * 660, 3 * (50_000 // len(DOSE_SENTENCE))),
    ("1" * 50_000, 0),
    ("5-" * 25_000, 0),
    ("a few weeks to " * 3_400, 0),
    ("one in " * 7_200, 0),
    (" " * 50_000, 0),
])
def test_a_long_text_is_read_to_its_end(text, expected):
    # How fast is bench/quantities_bench.py's concern; here, that every repeat is read.
    found = read(text[:50_000])
    assert len(found) >= expected
    if expected:
        assert found[-1].start > 49_000 - len(DOSE_SENTENCE)


def test_a_sentence_without_numbers_yields_none():
    # Its cost per sentence is measured by bench/quantities_bench.py, not asserted here.
    sentence = ("Heterotopic ossification often develops in patients with traumatic brain or "
                "spinal cord injuries, cerebral strokes or anoxia.")
    assert extract_quantities(sentence) == []
    assert [q.text for q in extract_quantities("Radiation of 7 Gy.")] == ["7 Gy"]


def test_packaged_rules_load():
    rules = quantity_rules()
    assert rules.number_words["three"] == 3 and "Gy" in rules.dose_forms.units


def test_a_bad_pattern_names_the_file_and_the_entry():
    raw = load_yaml("reading", "quantities.yaml")
    raw["dose_forms"]["after"][0]["pattern"] = "(in a single"
    with pytest.raises(DataFileError) as caught:
        parse_model(QuantityRules, raw, RULES)
    assert caught.value.path == RULES
    assert caught.value.entry == "dose_forms.after.0.pattern"


def test_an_unknown_key_is_refused():
    raw = load_yaml("reading", "quantities.yaml")
    raw["units"][0]["alias"] = ["pc"]
    with pytest.raises(DataFileError, match="units.0.alias"):
        parse_model(QuantityRules, raw, RULES)


def test_the_character_map_must_keep_lengths():
    raw = load_yaml("reading", "quantities.yaml")
    raw["char_map"]["\u2013"] = "--"
    with pytest.raises(DataFileError, match="char_map"):
        parse_model(QuantityRules, raw, RULES)


def test_a_bare_unit_must_be_a_duration():
    raw = load_yaml("reading", "quantities.yaml")
    raw["bare_units"].append("patients")
    with pytest.raises(DataFileError, match="bare unit 'patients'"):
        parse_model(QuantityRules, raw, RULES)


@pytest.mark.parametrize(("text", "figure"), [
    ("Hip replacement raises the risk by 60-70%.", ("by 60-70%", 60, 70, "by")),
    ("Indomethacin lowers the rate by about 57%.", ("by about 57%", 57, 57, "by")),
    ("It forms in 20% of patients by 3 months.", ("20%", 20, 20, None)),
])
def test_a_percentage_after_by_is_a_change_not_a_rate(text: str, figure: tuple) -> None:
    (found,) = [q for q in read(text) if q.kind == "proportion"]
    assert (found.text, found.low, found.high, found.relation) == figure
