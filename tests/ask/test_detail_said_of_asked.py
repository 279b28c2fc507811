"""What the questions of sets 49-60 showed, in pages and questions written for the test: a
detail asked for (a length of time, a count) is given only by a sentence that gives it of
what is asked, on the page the question names; and a question is not "beyond the sources"
for a name its page writes only in a byline or title, for an abbreviation of words the page
writes, for where the patient of a case came from, for an animal that names a blog or a
rider, or for a word the sources write inside a compound ("zebrafish") or in the plural.
"""

from __future__ import annotations

from fixtures import store_of_pages
from osteon.ask.evaluate import readable_text

THIGH = ("Corked thigh and myositis ossificans\n\n"
         "A bad thigh bruise can turn into myositis ossificans.\n"
         "It is rarely diagnosed until 2-4 weeks after the injury, when bone shows on x-ray.\n"
         "Rest, ice and gentle stretching help.\n")
SETTLING = ("Myositis ossificans in footballers\n\n"
            "Myositis ossificans of the thigh usually settles within 6 months with rest.\n")
JAPAN = ("Fibrodysplasia ossificans progressiva in Japan\n\n"
         "Fibrodysplasia ossificans progressiva has about the same prevalence in Japan as "
         "elsewhere.\nA national registry of patients has been set up.\n")
WORLD = ("Living with FOP\n\n"
         "The patient association says there are only 3,300 people living with "
         "fibrodysplasia ossificans progressiva.\n")


def test_a_duration_of_another_event_does_not_answer(tmp_path) -> None:  # type: ignore[no-untyped-def]
    """"How many months does it take to settle?" was answered with "diagnosed 2-4 weeks
    after the injury": a duration, but of the diagnosis. A page that says how long it
    takes to settle answers it."""
    with store_of_pages(tmp_path, {"thigh.txt": THIGH}) as kb:
        unsaid = kb.ask("How many months does myositis ossificans of the thigh take to "
                        "settle completely?")
    assert unsaid.abstained, unsaid.answer
    (tmp_path / "both").mkdir()
    with store_of_pages(tmp_path / "both", {"thigh.txt": THIGH, "settling.txt": SETTLING}) as kb:
        said = kb.ask("How many months does myositis ossificans of the thigh take to "
                      "settle completely?")
    assert not said.abstained and "6 months" in said.answer, said.answer


def test_a_count_on_another_page_than_the_named_place_does_not_answer(tmp_path) -> None:  # type: ignore[no-untyped-def]
    """"How many people with FOP are registered in Japan?" was answered with another page's
    count of people with FOP worldwide; the page about Japan gives no count."""
    with store_of_pages(tmp_path, {"japan.txt": JAPAN, "world.txt": WORLD}) as kb:
        japan = kb.ask("How many people with fibrodysplasia ossificans progressiva are "
                       "registered in Japan?")
        anywhere = kb.ask("How many people live with fibrodysplasia ossificans progressiva?")
    assert japan.abstained, japan.answer
    assert not anywhere.abstained and "3,300" in anywhere.answer, anywhere.answer


SKELETON = ("A femoral bone formation in a medieval skeleton\n\n"
            "Sandra Ribeiro, Joana Pires\n\n"
            "Abstract\n\n"
            "The lesion was a large bony mass below the small trochanter.\n"
            "The morphology of the lesion is compatible with myositis ossificans traumatica.\n")
TRIAL = ("Tranexamic acid and heterotopic ossification after hip replacement\n\n"
         "We compared 200 hips given tranexamic acid with 200 control hips.\n"
         "Heterotopic ossification was found in 49.7% of the control hips and in 30.2% of "
         "the hips given tranexamic acid.\n")
CASE = ("Fibrodysplasia ossificans progressiva: a late diagnosis\n\n"
        "We report the case of A.C., a 17-year-old girl.\n"
        "Her investigation began at the age of four years, but she was only diagnosed with "
        "fibrodysplasia ossificans progressiva at the age of 15 years.\n")


def test_names_a_page_writes_in_its_byline_are_mentioned(tmp_path) -> None:  # type: ignore[no-untyped-def]
    """"What diagnosis did Ribeiro and Pires give the lesion?" was declined: "No source
    mentions 'pires'", though the page's byline (read as a heading) names the authors."""
    with store_of_pages(tmp_path, {"skeleton.txt": SKELETON}) as kb:
        answer = kb.ask("What diagnosis did Ribeiro and Pires give the femoral lesion?")
    assert not answer.abstained, answer.notes
    assert "myositis ossificans traumatica" in readable_text(answer), answer.answer


def test_an_abbreviation_of_the_pages_words_is_mentioned(tmp_path) -> None:  # type: ignore[no-untyped-def]
    """"… the hips given TXA?" was declined: "No source mentions 'txa'", though the page
    writes "tranexamic acid" (TraneXamic Acid) throughout."""
    with store_of_pages(tmp_path, {"trial.txt": TRIAL}) as kb:
        answer = kb.ask("What was the HO rate in the control hips versus the hips given TXA?")
        unknown = kb.ask("What was the HO rate in the hips given QZV?")
    assert not answer.abstained and "30.2%" in answer.answer, answer.notes
    assert unknown.abstained, unknown.answer


def test_where_a_case_came_from_is_not_asked_about(tmp_path) -> None:  # type: ignore[no-untyped-def]
    """"A.C. from Brazil - how old was she …?" was declined for "Brazil", which the case
    report never writes; it says whose case, not what is asked."""
    with store_of_pages(tmp_path, {"case.txt": CASE}) as kb:
        answer = kb.ask("A.C. from Brazil - how old was she when her investigation began, and "
                        "how old when FOP was finally diagnosed?")
        hospital = kb.ask("Which hospital in Brazil treats fibrodysplasia ossificans "
                          "progressiva?")
    assert not answer.abstained and "age of four years" in answer.answer, answer.notes
    assert hospital.abstained, hospital.answer


GUNSHOT = ("Fulminant heterotopic ossification after a gunshot wound\n\n"
           "Indomethacin is the drug most often used against heterotopic ossification.\n"
           "After the resection, postoperative nonsteroidal anti-inflammatory drug "
           "administration (25 mg of indomethazine for 6 weeks, 3 times a day) was given.\n")
OTHER_DRUG = ("Prophylaxis after hip replacement\n\n"
              "Celecoxib 200 mg and other NSAIDs were given for 10 days.\n")


def test_a_dose_beside_the_class_of_the_asked_drug_answers(tmp_path) -> None:  # type: ignore[no-untyped-def]
    """"What indomethacin dose did the patient get?" over "an NSAID (25 mg of indomethazine
    …)" was declined: the class named beside the dose counted as another drug. A dose
    beside another drug of the class still does not answer."""
    with store_of_pages(tmp_path, {"gunshot.txt": GUNSHOT}) as kb:
        answer = kb.ask("What indomethacin dose did the gunshot patient get after surgery?")
    assert not answer.abstained and "25 mg" in answer.answer, answer.answer
    (tmp_path / "other").mkdir()
    with store_of_pages(tmp_path / "other", {"other.txt": OTHER_DRUG}) as kb:
        other = kb.ask("What indomethacin dose was given after hip replacement?")
    assert "200 mg" not in other.answer, other.answer


AGES = ("Hip fractures and heterotopic ossification\n\n"
        "One hundred hips in 99 patients of 75 years or older were studied.\n"
        "The museum's skeleton is of a man who died six days shy of his fortieth birthday.\n"
        "A trial will follow patients over a six-month period.\n")


def test_ages_and_durations_in_words(tmp_path) -> None:  # type: ignore[no-untyped-def]
    """ "patients of 75 years or older", "his fortieth birthday" are ages, "a six-month
    period" a duration: questions for one were declined over the sentence that gives it."""
    with store_of_pages(tmp_path, {"ages.txt": AGES}) as kb:
        patients = kb.ask("How old were the hip fracture patients who were studied?")
        skeleton = kb.ask("How old was the man of the museum skeleton when he died?")
        trial = kb.ask("How long will the trial follow patients?")
    assert "75 years or older" in patients.answer, patients.answer
    assert "fortieth birthday" in skeleton.answer, skeleton.answer
    assert "six-month period" in trial.answer, trial.answer


RIDERS = ("Rider's bone\n\n"
          "Rider's bone, also called cavalry bone, is an ossification of the adductor tendons "
          "in people who ride horses.\n"
          "Repeated strain of the tendon makes its cells lay down calcium.\n")
ZEBRAFISH = ("A zebrafish model of fibrodysplasia ossificans progressiva\n\n"
             "We developed a zebrafish model of fibrodysplasia ossificans progressiva in which "
             "an activated receptor is switched on by heat shock.\n")
BEST_BETS = ("Physiotherapy for myositis ossificans\n\n"
             "A 28 year old man is referred to physiotherapy with myositis ossificans of the "
             "thigh three months after a kick.\n")


def test_an_animal_naming_a_source_or_a_rider_is_no_species_asked(tmp_path) -> None:  # type: ignore[no-untyped-def]
    """"The other name for rider's bone that the horse blog gives" was declined: "No source
    says this of horse"; the blog and the rider are people's, the question asks of them."""
    with store_of_pages(tmp_path, {"riders.txt": RIDERS}) as kb:
        blog = kb.ask("whats the other name for riders bone that the horse blog gives?")
        horses = kb.ask("How often do horses get heterotopic ossification?")
    assert not blog.abstained and "cavalry bone" in readable_text(blog), blog.notes
    assert horses.abstained, horses.answer


def test_a_word_the_sources_write_inside_a_compound_or_a_plural_name(tmp_path) -> None:  # type: ignore[no-untyped-def]
    """"Is there a fish model of FOP?" over a page on a zebrafish model, and "the BestBET"
    over a page kept as "…_bestbets", were declined as naming what no source mentions."""
    with store_of_pages(tmp_path, {"zebrafish.txt": ZEBRAFISH, "physio_bestbets.txt": BEST_BETS}
                        ) as kb:
        fish = kb.ask("Is there a fish model of FOP? Who developed it?")
        bet = kb.ask("In the BestBET on physiotherapy for myositis ossificans, who is the "
                     "patient in the clinical scenario?")
    assert not fish.abstained and "zebrafish" in readable_text(fish), fish.notes
    assert not bet.abstained and "28 year old man" in readable_text(bet), bet.notes


ETHIOPIA = ("Two patients with fibrodysplasia ossificans progressiva\n\n"
            "We report two patients referred to a hospital in Addis Ababa, Ethiopia, for a "
            "biopsy of a hard lump on the back.\n"
            "Both had fibrodysplasia ossificans progressiva.\n")
AIRWAY = ("Airway care in fibrodysplasia ossificans progressiva\n\n"
          "We present the airway management of a 22-year-old man with fibrodysplasia "
          "ossificans progressiva.\n")


def test_a_people_named_for_their_place_keeps_the_detail_to_that_place_s_page(  # type: ignore[no-untyped-def]
        tmp_path) -> None:
    """"How old were the two Ethiopian patients with FOP?" was answered with another page's
    22-year-old: the page that says Ethiopia gives no age. Asked of the other case, the age
    is there."""
    with store_of_pages(tmp_path, {"ethiopia.txt": ETHIOPIA, "airway.txt": AIRWAY}) as kb:
        ethiopian = kb.ask("How old were the two Ethiopian patients with fibrodysplasia "
                           "ossificans progressiva?")
        airway = kb.ask("How old was the man with fibrodysplasia ossificans progressiva "
                        "whose airway was managed?")
    assert "22-year-old" not in ethiopian.answer, ethiopian.answer
    assert "22-year-old" in airway.answer, airway.answer


SERIES = ("Heterotopic ossification after knee dislocation\n\n"
          "We performed 101 ligament reconstructions for knee dislocations, of which 91 (90%) "
          "were available for follow-up at a minimum of 6 months.\n"
          "Heterotopic ossification after knee dislocation was graded on radiographs.\n")
SHARE = ("Heterotopic ossification after knee dislocation: a second series\n\n"
         "Heterotopic ossification developed in 38% of the knees after ligament "
         "reconstruction.\n")


def test_a_share_of_another_event_does_not_say_how_many_formed_bone(tmp_path) -> None:  # type: ignore[no-untyped-def]
    """"What percentage of the patients developed HO?" was answered with "91 (90%) were
    available for follow-up": a share, but of those followed up."""
    question = ("What percentage of the patients developed heterotopic ossification after knee "
                "dislocation?")
    with store_of_pages(tmp_path, {"series.txt": SERIES}) as kb:
        unsaid = kb.ask(question)
    assert "90%" not in unsaid.answer, unsaid.answer
    (tmp_path / "both").mkdir()
    with store_of_pages(tmp_path / "both", {"series.txt": SERIES, "share.txt": SHARE}) as kb:
        said = kb.ask(question)
    assert "38%" in said.answer, said.answer
