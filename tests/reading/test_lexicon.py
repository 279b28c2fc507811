"""The lexicon: lookup as users write terms, hierarchy, codes, and loud data errors."""

from __future__ import annotations

import copy
import difflib
from typing import Any

import pytest

from osteon.errors import DataFileError
from osteon.reading.lexicon import Lexicon, SurfaceForm, build_lexicon, load_lexicon
from osteon.reading.lexicon_schema import parse_lexicon_file
from osteon.reading.records import Concept
from osteon.reading.terms import match_key, normalize, plurals_of


@pytest.fixture(scope="module")
def lexicon() -> Lexicon:
    return load_lexicon()


def ids(concepts: list[Concept]) -> list[str]:
    return [c.id for c in concepts]


# --- the packaged data ---------------------------------------------------------------


def test_packaged_lexicon_loads_every_type(lexicon: Lexicon):
    types = {c.type for c in lexicon.concepts.values()}
    assert types == {"condition", "procedure", "drug", "test", "finding", "anatomy", "cell",
                     "molecule", "process", "organism"}
    assert len(lexicon) > 300
    assert "heterotopic_ossification" in lexicon and "no_such_concept" not in lexicon


def test_load_lexicon_is_cached(lexicon: Lexicon):
    assert load_lexicon() is lexicon


def test_get_unknown_id_says_what_was_meant(lexicon: Lexicon):
    assert lexicon.get("nsaid").name == "nonsteroidal anti-inflammatory drug"
    with pytest.raises(KeyError, match="did you mean heterotopic_ossification"):
        lexicon.get("heterotopic_ossificaton")


# Entities the five seed documents name, as they are written there.
SEED_TERMS = {
    "ectopic ossification": "heterotopic_ossification",
    "ectopic bone formation": "heterotopic_ossification",
    "heterotopic bone formation": "heterotopic_ossification",
    "Heterotopic ossifications": "heterotopic_ossification",
    "total hip arthroplasty": "total_hip_arthroplasty",
    "total hip replacement": "total_hip_arthroplasty",
    "joint replacement": "joint_replacement",
    "spinal cord injury": "spinal_cord_injury",
    "spinal cord trauma": "spinal_cord_injury",
    "osteogenesis": "ossification",
    "bone formation": "ossification",
    "osteoblasts": "osteoblast",
    "osteoprogenitor cells": "osteoprogenitor_cell",
    "cartilage cells": "chondrocyte",
    "inorganic salts": "calcium_salt",
    "metastatic calcification": "metastatic_calcification",
    "hypercalcemia": "hypercalcemia",
    "myositis ossificans": "myositis_ossificans",
    "traumatic myositis ossificans": "traumatic_heterotopic_ossification",
    "heterotopic ossification traumatica": "traumatic_heterotopic_ossification",
    "atraumatica": "atraumatic_heterotopic_ossification",
    "ossifying fibromyopathy": "ossifying_fibromyopathy",
    "periarticular ossification": "periarticular_ossification",
    "traumatic amputations": "traumatic_amputation",
    "residual limb": "residual_limb",
    "anti-inflammatories": "anti_inflammatory_drug",
    "pain medication": "analgesic",
    "internal bruising": "internal_bruising",
    "Restricted range of motion": "decreased_range_of_motion",
    "limitation of motion": "decreased_range_of_motion",
    "palpable lump": "palpable_mass",
    "CT scans": "computed_tomography",
    "Assistive devices": "assistive_device",
    "crutches": "crutch",
    "Early mobilization": "early_mobilization",
    "nerve compression": "nerve_compression",
    "spinal surgeries": "spinal_surgery",
    "severe burns": "severe_burn",
    "fibrodysplasia ossificans progressiva": "fibrodysplasia_ossificans_progressiva",
    "FOP": "fibrodysplasia_ossificans_progressiva",
    "cerebral strokes": "stroke",
    "anoxia": "anoxic_brain_injury",
    "neurogenic heterotopic ossifications": "neurogenic_heterotopic_ossification",
    "mouse model": "mouse",
    "muscle satellite cells": "satellite_cell",
    "muscle stem cells": "satellite_cell",
    "myotubes": "myotube",
    "muscle fibres": "muscle_fiber",
    "inflammatory macrophages": "inflammatory_macrophage",
    "fibro-adipogenic progenitors": "fibro_adipogenic_progenitor",
    "interstitial cells": "fibro_adipogenic_progenitor",
    "programmed cell death": "apoptosis",
    "tumor necrosis factor": "tumor_necrosis_factor",
    "muscle fibrosis": "muscle_fibrosis",
    "adrenal glands": "adrenal_gland",
    "corticosterone": "corticosterone",
    "oncostatin M": "oncostatin_m",
    "interleukin-1β": "interleukin_1_beta",
    "OSMR": "oncostatin_m_receptor",
    "IL1R1": "interleukin_1_receptor_type_1",
    "glucocorticoid receptor antagonists": "glucocorticoid_receptor_antagonist",
    "mifepristone": "mifepristone",
    "relacorilant": "relacorilant",
    "ruxolitinib": "ruxolitinib",
    "JAK1": "janus_kinase_1",
    "gram-negative bacteria": "gram_negative_bacterium",
    "Lipopolysaccharides": "lipopolysaccharide",
    "Toll-like receptor 4": "toll_like_receptor_4",
    "big toe": "big_toe",
    "progressive osseous heteroplasia": "progressive_osseous_heteroplasia",
    "x-ray": "x_ray",
    "Alkaline phosphatase": "alkaline_phosphatase",
    "spine fusion": "spinal_fusion",
    "three-phase bone scan": "three_phase_bone_scan",
    "venogram": "venography",
    "thrombophlebitis": "thrombophlebitis",
    "foot/ankle edema": "foot_and_ankle_edema",
    "surgical resection": "surgical_resection",
    "etidronate": "etidronate",
    "indomethacin": "indomethacin",
    "peri-articular region": "periarticular_region",
    "Single dose radiation therapy": "single_fraction_radiation_therapy",
    "wound healing disturbances": "impaired_wound_healing",
    "Non-steroidal anti-inflammatory drugs": "nsaid",
    "passive range of motion exercises": "passive_range_of_motion_exercise",
    "physical therapists": None,  # people, not the therapy
    "soft tissue contractures": "soft_tissue_contracture",
    "TBI": "traumatic_brain_injury",
}


@pytest.mark.parametrize(("term", "concept_id"), SEED_TERMS.items())
def test_entities_the_seeds_name_are_found(lexicon: Lexicon, term: str, concept_id: str | None):
    assert lexicon.concept_id_for(term) == concept_id


# --- lookup ---------------------------------------------------------------------------------


def test_synonyms_and_abbreviations_name_the_same_concept(lexicon: Lexicon):
    for term in ["heterotopic ossification", "HO", "ectopic bone formation", "heterotopic bone",
                 "heterotrophic ossification"]:  # the last: how many web pages misspell it
        assert ids(lexicon.lookup(term)) == ["heterotopic_ossification"], term


def test_abbreviations_match_case_sensitively_names_do_not(lexicon: Lexicon):
    assert ids(lexicon.lookup("HO")) == ["heterotopic_ossification"]
    assert lexicon.lookup("ho") == [] and lexicon.lookup("Ho") == []
    assert ids(lexicon.lookup("HETEROTOPIC OSSIFICATION")) == ["heterotopic_ossification"]
    assert lexicon.concept_id_for("Thrombophlebitis") == "thrombophlebitis"


def test_typographic_variants_are_normalised(lexicon: Lexicon):
    nb_hyphen, en_dash, nbsp = "\u2011", "\u2013", "\u00a0"
    for term in [f"IL{nb_hyphen}1β", "IL-1beta", "IL-1β", f"interleukin{en_dash}1 beta",
                 "interleukin-1beta", "IL 1β"]:
        assert lexicon.concept_id_for(term) == "interleukin_1_beta", term
    assert lexicon.concept_id_for(f"heterotopic{nbsp}ossification") == "heterotopic_ossification"
    assert lexicon.concept_id_for("  heterotopic \n ossification ") == "heterotopic_ossification"
    assert lexicon.concept_id_for(f"TNF{nb_hyphen}α") == "tumor_necrosis_factor"
    assert lexicon.concept_id_for("TNF-alpha") == "tumor_necrosis_factor"
    assert lexicon.concept_id_for("three phase bone scan") == "three_phase_bone_scan"
    assert lexicon.concept_id_for("Münchmeyer disease") == "fibrodysplasia_ossificans_progressiva"


def test_interleukin_1_is_the_family_not_the_beta_form(lexicon: Lexicon):
    assert lexicon.concept_id_for("interleukin-1") == "interleukin_1"
    assert lexicon.is_a("interleukin_1_beta", "interleukin_1")


@pytest.mark.parametrize(("term", "concept_id"), [
    ("NSAIDs", "nsaid"), ("nsaids", "nsaid"), ("bisphosphonates", "bisphosphonate"),
    ("heterotopic ossifications", "heterotopic_ossification"), ("HOs", "heterotopic_ossification"),
    ("injuries", "trauma"), ("x-rays", "x_ray"), ("X-Rays", "x_ray"), ("ankyloses", "ankylosis"),
    ("fractures of the femur", "femur_fracture"), ("range of motion exercises",
                                                   "range_of_motion_exercise"),
    ("FAPs", "fibro_adipogenic_progenitor"), ("mice", "mouse"), ("calves", "lower_leg"),
    ("ossification centres", "ossification_center"), ("matrices", "extracellular_matrix"),
])
def test_plurals_are_found(lexicon: Lexicon, term: str, concept_id: str):
    assert lexicon.concept_id_for(term) == concept_id


def test_a_word_that_only_looks_plural_is_not_another_concept(lexicon: Lexicon):
    # "rates" is the plural of "rate", not of "rat": "-es" comes off only after s, x, z, ch, sh, o
    assert lexicon.concept_id_for("rats") == "rat"
    assert lexicon.concept_id_for("rates") is None


def test_a_non_prefix_names_the_opposite_kind(lexicon: Lexicon):
    for term in ("non-traumatic HO", "nontraumatic heterotopic ossification"):
        assert lexicon.concept_id_for(term) == "atraumatic_heterotopic_ossification", term


def test_unknown_terms_find_nothing(lexicon: Lexicon):
    assert lexicon.lookup("capital of France") == []
    assert lexicon.lookup("") == [] and lexicon.lookup("   ") == []
    assert lexicon.concept_id_for("heterotopic") is None


def test_a_deliberately_ambiguous_abbreviation_names_both_and_picks_neither(lexicon: Lexicon):
    assert sorted(ids(lexicon.lookup("PAO"))) == [
        "neurogenic_heterotopic_ossification", "periacetabular_osteotomy"]
    assert lexicon.concept_id_for("PAO") is None
    assert lexicon.concept_id_for("periacetabular osteotomy") == "periacetabular_osteotomy"


def test_surface_forms_cover_names_abbreviations_and_plurals(lexicon: Lexicon):
    forms = lexicon.surface_forms()
    assert SurfaceForm("heterotopic ossification", "heterotopic_ossification", False) in forms
    assert SurfaceForm("HO", "heterotopic_ossification", True) in forms
    assert SurfaceForm("NSAIDs", "nsaid", False, generated=True) in forms
    assert SurfaceForm("THAs", "total_hip_arthroplasty", True, generated=True) in forms
    assert SurfaceForm("heterotopic ossifications", "heterotopic_ossification", False,
                       generated=True) in forms
    assert len({(f.text, f.concept_id, f.case_sensitive) for f in forms}) == len(forms)
    # every form finds its own concept again
    for form in forms:
        assert form.concept_id in ids(lexicon.lookup(form.text)), form


def test_plural_generation_rules():
    assert plurals_of("injury") == ["injuries"]
    assert plurals_of("x-ray") == ["x-rays"]
    assert plurals_of("ankylosis") == ["ankyloses"]
    assert plurals_of("fracture of the femur") == ["fracture of the femurs",
                                                   "fractures of the femur"]
    assert plurals_of("myositis ossificans") == [] and plurals_of("asymptomatic") == []
    assert plurals_of("NSAID", abbreviation=True) == ["NSAIDs"]
    assert plurals_of("LPS", abbreviation=True) == [] and plurals_of("IL-1β",
                                                                     abbreviation=True) == []


def test_normalisation_helpers():
    assert normalize("IL\u20111β\u00a0 release — “quoted”") == 'IL-1β release - "quoted"'
    assert match_key("IL\u20111β", case_sensitive=True) == "IL 1beta"
    assert match_key("Heterotopic-Ossification", case_sensitive=False) == "heterotopic ossification"


# --- hierarchy -----------------------------------------------------------------------------


def test_drug_classes(lexicon: Lexicon):
    assert lexicon.is_a("indomethacin", "nsaid")
    assert lexicon.is_a("celecoxib", "nsaid") and lexicon.is_a("celecoxib", "cox2_inhibitor")
    assert lexicon.is_a("etidronate", "bisphosphonate")
    assert lexicon.is_a("mifepristone", "glucocorticoid_receptor_antagonist")
    assert lexicon.is_a("ruxolitinib", "jak_inhibitor")
    assert not lexicon.is_a("etidronate", "nsaid")
    assert lexicon.is_a("nsaid", "nsaid")
    assert {"indomethacin", "ibuprofen", "naproxen", "celecoxib"} <= lexicon.descendants("nsaid")


def test_kinds_of_heterotopic_ossification(lexicon: Lexicon):
    kinds = lexicon.descendants("heterotopic_ossification")
    assert {"neurogenic_heterotopic_ossification", "traumatic_heterotopic_ossification",
            "burn_related_heterotopic_ossification", "fibrodysplasia_ossificans_progressiva",
            "progressive_osseous_heteroplasia", "myositis_ossificans",
            "post_arthroplasty_heterotopic_ossification"} <= kinds
    assert "heterotopic_ossification" not in kinds
    assert "thrombophlebitis" not in kinds


def test_chains_of_parents(lexicon: Lexicon):
    assert lexicon.ancestors("total_hip_arthroplasty") >= {
        "hip_arthroplasty", "joint_replacement", "orthopedic_surgery", "surgery"}
    assert lexicon.ancestors("traumatic_brain_injury") >= {
        "brain_injury", "central_nervous_system_injury"}
    assert lexicon.ancestors("three_phase_bone_scan") >= {"bone_scan", "imaging"}
    assert lexicon.is_a("hip_fracture", "long_bone_fracture")
    assert lexicon.is_a("spinal_cord", "central_nervous_system")
    assert lexicon.ancestors("surgery") == set()


def test_hierarchy_queries_refuse_unknown_ids(lexicon: Lexicon):
    with pytest.raises(KeyError):
        lexicon.ancestors("nope")
    with pytest.raises(KeyError):
        lexicon.is_a("indomethacin", "nope")


def test_no_relations_hide_in_the_hierarchy(lexicon: Lexicon):
    # risk factors, treatments and findings are read from documents, never put in the lexicon
    hierarchy = {(c.id, p) for c in lexicon.concepts.values() for p in c.parents}
    assert ("spinal_cord_injury", "heterotopic_ossification") not in hierarchy
    assert all(lexicon.get(p).type != "condition" for c in lexicon.by_type("drug")
               for p in c.parents)


# --- codes ---------------------------------------------------------------------------------


def test_by_code(lexicon: Lexicon):
    assert lexicon.by_code("ICD-10-CM", "M61.5").id == "heterotopic_ossification"
    assert lexicon.by_code("ICD-10-CM", "M61.2").id == "neurogenic_heterotopic_ossification"
    assert lexicon.by_code("icd-10-cm", "m61.1").id == "fibrodysplasia_ossificans_progressiva"
    assert lexicon.by_code("RxNorm", "5781").id == "indomethacin"
    assert lexicon.by_code("LOINC", "6768-6").id == "alkaline_phosphatase"
    assert lexicon.by_code("MeSH", "D009221").id == "myositis_ossificans"
    assert lexicon.by_code("http://snomed.info/sct", "127295002").id == "traumatic_brain_injury"
    assert lexicon.by_code("ICD-10-CM", "Q99.9") is None
    assert lexicon.by_code("ICD-9-CM", "728.13") is None


def test_billable_icd_codes_fall_back_to_the_listed_category(lexicon: Lexicon):
    assert lexicon.by_code("ICD-10-CM", "S14.109A").id == "spinal_cord_injury"
    assert lexicon.by_code("ICD-10-CM", "M61.551").id == "heterotopic_ossification"
    assert lexicon.by_code("ICD-10-CM", "S72.001A").id == "hip_fracture"
    assert lexicon.by_code("ICD-10-CM", "S72.301A").id == "femur_fracture"
    assert lexicon.by_code("ICD-10-CM", "Z96.641").id == "artificial_hip_joint"


def test_unconfirmed_codes_can_be_ignored(lexicon: Lexicon):
    assert lexicon.by_code("RxNorm", "7258").id == "naproxen"
    assert lexicon.by_code("RxNorm", "7258", confirmed_only=True) is None
    assert lexicon.by_code("RxNorm", "5640", confirmed_only=True).id == "ibuprofen"


def test_icd_10_cm_codes_exist_and_their_display_matches_cms():
    icd = pytest.importorskip("simple_icd_10_cm")
    checked = 0
    for concept in load_lexicon().concepts.values():
        for code in concept.codes:
            if code.system != "ICD-10-CM":
                continue
            assert icd.is_valid_item(code.code), f"{concept.id}: {code.code} is not in ICD-10-CM"
            official = icd.get_description(code.code)
            ratio = difflib.SequenceMatcher(
                None, (code.display or "").casefold(), official.casefold()).ratio()
            assert ratio > 0.9, f"{concept.id}: {code.code} is {official!r}, not {code.display!r}"
            assert code.confirmed, f"{concept.id}: {code.code} is checked here, mark it confirmed"
            checked += 1
    assert checked >= 40


# --- validation of lexicon data -----------------------------------------------------------

NAME = "data/lexicon/conditions.yaml"


def entry(cid: str, **fields: Any) -> dict[str, Any]:
    return {"id": cid, "name": cid.replace("_", " "), "type": "condition", **fields}


def good_files() -> dict[str, Any]:
    return {
        NAME: [entry("heterotopic_ossification", abbreviations=["HO"]),
               entry("neurogenic_ho", parents=["heterotopic_ossification"])],
        "data/lexicon/drugs.yaml": [
            {"id": "nsaid", "name": "nonsteroidal anti-inflammatory drug", "type": "drug"}],
    }


def test_good_in_memory_data_builds():
    lexicon = build_lexicon(good_files())
    assert lexicon.is_a("neurogenic_ho", "heterotopic_ossification")


def test_an_unknown_key_names_the_file_and_the_entry():
    files = good_files()
    files[NAME][1]["synonym"] = ["NHO"]
    with pytest.raises(DataFileError) as caught:
        build_lexicon(files)
    assert str(caught.value).startswith(f"{NAME}: entry 1 (neurogenic_ho): synonym:")


def test_a_bad_type_or_code_system_is_refused():
    with pytest.raises(DataFileError, match="entry 0 \\(x\\): type"):
        parse_lexicon_file([entry("x", type="disease")], NAME)
    with pytest.raises(DataFileError, match="codes.0.system"):
        parse_lexicon_file([entry("x", codes=[{"system": "ICD-10", "code": "M61.5"}])], NAME)
    with pytest.raises(DataFileError, match="in a file of condition concepts"):
        parse_lexicon_file([entry("x", type="drug")], NAME)
    with pytest.raises(DataFileError, match="lower_snake_case"):
        parse_lexicon_file([entry("Bad-Id")], NAME)
    with pytest.raises(DataFileError, match="top level"):
        parse_lexicon_file({"id": "x"}, NAME)


def test_a_duplicate_id_names_both_files():
    files = good_files()
    files["data/lexicon/drugs.yaml"].append(entry("neurogenic_ho", type="drug"))
    with pytest.raises(DataFileError) as caught:
        build_lexicon(files)
    assert caught.value.path == "data/lexicon/drugs.yaml"
    assert caught.value.entry == "neurogenic_ho"
    assert NAME in caught.value.reason


def test_an_unknown_parent_is_refused():
    files = good_files()
    files[NAME][1]["parents"] = ["heterotopic_ossificaton"]
    with pytest.raises(DataFileError, match="neurogenic_ho: parent 'heterotopic_ossificaton'"):
        build_lexicon(files)


def test_a_cycle_in_parents_is_refused():
    files = good_files()
    files[NAME][0]["parents"] = ["neurogenic_ho"]
    with pytest.raises(DataFileError, match="cycle in parents") as caught:
        build_lexicon(files)
    assert caught.value.path == NAME
    assert "heterotopic_ossification -> neurogenic_ho -> heterotopic_ossification" in str(
        caught.value) or "neurogenic_ho -> heterotopic_ossification -> neurogenic_ho" in str(
        caught.value)
    files[NAME][0]["parents"] = ["heterotopic_ossification"]
    with pytest.raises(DataFileError, match="lists itself as a parent"):
        build_lexicon(files)


def test_a_surface_form_claimed_twice_is_refused_unless_both_allow_it():
    files = good_files()
    files["data/lexicon/drugs.yaml"][0]["synonyms"] = ["Heterotopic Ossification"]
    with pytest.raises(DataFileError) as caught:
        build_lexicon(files)
    assert caught.value.path == "data/lexicon/drugs.yaml" and caught.value.entry == "nsaid"
    assert "'heterotopic_ossification'" in caught.value.reason

    # a case-sensitive abbreviation meets a name that folds to it
    files = good_files()
    files["data/lexicon/drugs.yaml"][0]["synonyms"] = ["ho"]
    with pytest.raises(DataFileError, match="ambiguous_forms"):
        build_lexicon(files)

    files = good_files()
    files["data/lexicon/drugs.yaml"][0]["abbreviations"] = ["HO"]
    with pytest.raises(DataFileError, match="ambiguous_forms"):
        build_lexicon(files)
    files["data/lexicon/drugs.yaml"][0]["ambiguous_forms"] = ["HO"]
    with pytest.raises(DataFileError, match="ambiguous_forms"):
        build_lexicon(files)  # only one side allows it
    files[NAME][0]["ambiguous_forms"] = ["HO"]
    lexicon = build_lexicon(files)
    assert sorted(ids(lexicon.lookup("HO"))) == ["heterotopic_ossification", "nsaid"]


def test_ambiguous_forms_must_be_real_and_shared():
    files = good_files()
    files[NAME][0]["ambiguous_forms"] = ["XYZ"]
    with pytest.raises(DataFileError, match="not one of its names"):
        build_lexicon(files)
    files[NAME][0]["ambiguous_forms"] = ["HO"]
    with pytest.raises(DataFileError, match="no other concept uses it"):
        build_lexicon(files)


def test_a_code_naming_two_concepts_is_refused():
    files = good_files()
    code = {"system": "ICD-10-CM", "code": "M61.5"}
    files[NAME][0]["codes"] = [code]
    files[NAME][1]["codes"] = [copy.deepcopy(code)]
    with pytest.raises(DataFileError, match="ICD-10-CM M61.5 already names"):
        build_lexicon(files)


def test_a_generated_plural_never_shadows_another_concepts_name():
    files = good_files()
    files[NAME].append(entry("burn"))
    files[NAME].append(entry("burns_unit", name="burns"))
    lexicon = build_lexicon(files)
    assert ids(lexicon.lookup("burns")) == ["burns_unit"]
    assert ids(lexicon.lookup("burn")) == ["burn"]


def test_no_concept_lists_a_name_twice(lexicon: Lexicon) -> None:
    """A name listed twice (two languages spelling it alike, a brand added twice) is noise
    a reader of the data file stumbles on."""
    for concept in lexicon.concepts.values():
        names = [n.casefold() for n in (concept.name, *concept.synonyms)]
        assert len(names) == len(set(names)), (concept.id, sorted(
            n for n in set(names) if names.count(n) > 1))
