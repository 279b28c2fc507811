"""Records written in other languages are read: the core concepts of the assessment by their
names in French, Spanish, Portuguese, Italian, German, Dutch, Swedish, Norwegian, Danish,
Polish, Turkish, Russian and Indonesian, with the words for "no", "previous", "stopped" and
"written wrongly" each language writes, the joints by their names, and an allergy line.

Every note below is a small record written for the test, no real patient's.
"""

from __future__ import annotations

import pytest
from assess_support import record, statuses

CASES = [
    # French
    ("Arthrodèse vertébrale T4-L1 hier.", "spinal_fusion", "active"),
    ("Pas de traumatisme crânien.", "traumatic_brain_injury", "absent"),
    ("Lésion médullaire C6 AIS A.", "spinal_cord_injury", "active"),
    ("Pas d'AINS (ulcère gastrique).", "nsaid", "absent"),
    ("Prothèse totale de hanche droite.", "total_hip_arthroplasty", "active"),
    ("Prothèse totale d'épaule gauche.", "shoulder_arthroplasty", "active"),
    ("Brûlures du 2e degré, 30 % SCT.", "burn", "active"),
    ("Kinésithérapie quotidienne.", "physical_therapy", "active"),
    ("Pas de TVP au doppler.", "deep_vein_thrombosis", "absent"),
    ("Exérèse d'ossification hétérotopique du coude.", "surgical_resection", "active"),
    # Spanish
    ("Traumatismo craneoencefálico grave.", "traumatic_brain_injury", "active"),
    ("Sin TVP.", "deep_vein_thrombosis", "absent"),
    ("Antecedentes de lesión medular.", "spinal_cord_injury", "history"),
    ("Sin AINE por insuficiencia renal.", "nsaid", "absent"),
    ("Artroplastia total de rodilla izquierda.", "knee_arthroplasty", "active"),
    ("Fractura de acetábulo derecho.", "acetabular_fracture", "active"),
    # Portuguese
    ("Sem TCE.", "traumatic_brain_injury", "absent"),
    ("Traumatismo cranioencefálico após queda.", "traumatic_brain_injury", "active"),
    ("Fratura do acetábulo direito.", "acetabular_fracture", "active"),
    ("Radioterapia 7 Gy no pós-operatório.", "radiation_therapy", "active"),
    ("Sem queimadura.", "burn", "absent"),
    # Italian
    ("FANS per 3 settimane.", "nsaid", "active"),
    ("Nessuna trombosi venosa profonda.", "deep_vein_thrombosis", "absent"),
    ("Pregressa frattura di femore.", "femur_fracture", "history"),
    ("Protesi totale d'anca destra.", "total_hip_arthroplasty", "active"),
    ("Lesione midollare D10.", "spinal_cord_injury", "active"),
    # German
    ("Keine NSAR.", "nsaid", "absent"),
    ("Spondylodese L2-L5.", "spinal_fusion", "active"),
    ("Schädel-Hirn-Trauma 2024.", "traumatic_brain_injury", "active"),
    ("Keine tiefe Venenthrombose.", "deep_vein_thrombosis", "absent"),
    ("Zustand nach Hüft-TEP rechts.", "total_hip_arthroplasty", "history"),
    ("Strahlentherapie mit 7 Gy.", "radiation_therapy", "active"),
    # Dutch
    ("Geen dwarslaesie.", "spinal_cord_injury", "absent"),
    ("Brandwonden 30% TBSA.", "burn", "active"),
    ("Fysiotherapie gestart.", "physical_therapy", "active"),
    ("Geen hoofdletsel.", "traumatic_brain_injury", "absent"),
    # Swedish
    ("Ingen ryggmärgsskada.", "spinal_cord_injury", "absent"),
    ("Tidigare strålbehandling.", "radiation_therapy", "history"),
    ("Total höftprotes vänster.", "total_hip_arthroplasty", "active"),
    ("Ingen brännskada.", "burn", "absent"),
    # Norwegian
    ("Pasienten har ikke hodeskade.", "traumatic_brain_injury", "absent"),
    ("Tidligere hoftebrudd.", "hip_fracture", "history"),
    ("Uten brudd.", "fracture", "absent"),
    ("Ingen heterotop ossifikasjon.", "heterotopic_ossification", "absent"),
    ("Ryggmargsskade etter fall.", "spinal_cord_injury", "active"),
    # Danish
    ("Ingen tegn på dyb venetrombose.", "deep_vein_thrombosis", "absent"),
    ("Uden fraktur.", "fracture", "absent"),
    ("Total knæalloplastik højre.", "knee_arthroplasty", "active"),
    ("Tidligere apopleksi.", "stroke", "history"),
    ("Rygmarvsskade C5.", "spinal_cord_injury", "active"),
    # Polish
    ("Brak urazu głowy.", "traumatic_brain_injury", "absent"),
    ("Bez złamania.", "fracture", "absent"),
    ("Nie stwierdzono zakrzepicy żył głębokich.", "deep_vein_thrombosis", "absent"),
    ("Uraz rdzenia kręgowego Th10.", "spinal_cord_injury", "active"),
    ("Udar mózgu w wywiadzie.", "stroke", "history"),
    ("Oparzenie 25% TBSA.", "burn", "active"),
    ("Brak NLPZ.", "nsaid", "absent"),
    ("Fizjoterapia codziennie.", "physical_therapy", "active"),
    ("Brak kostnienia heterotopowego.", "heterotopic_ossification", "absent"),
    # Turkish
    ("Kafa travması yok.", "traumatic_brain_injury", "absent"),
    ("KAFA TRAVMASI YOK.", "traumatic_brain_injury", "absent"),
    ("Omurilik yaralanması (T12).", "spinal_cord_injury", "active"),
    ("Kırık saptanmadı.", "fracture", "absent"),
    ("İnme öyküsü.", "stroke", "history"),
    ("Yanık %20.", "burn", "active"),
    ("Fizik tedavi başlandı.", "physical_therapy", "active"),
    ("Heterotopik ossifikasyon yok.", "heterotopic_ossification", "absent"),
    # Russian: excluded, "not a fracture", and "not excluded" (possible)
    ("Перелом исключён.", "fracture", "absent"),
    ("Оссикула надколенника старая, не перелом.", "fracture", "absent"),
    ("Перелом не исключён.", "fracture", "possible"),
    # Indonesian: "none", and a medicine "not available"
    ("Tidak ada fraktur.", "fracture", "absent"),
    ("Ibuprofen tidak tersedia.", "ibuprofen", "absent"),
    ("Asam mefenamat 3x500 mg.", "mefenamic_acid", "active"),
    # Latvian: there was no head injury
    ("Galvas traumas nav bijis.", "trauma", "absent"),
    # a medicine stopped, in German, Spanish and Russian
    ("Voltaren im Jänner abgesetzt.", "diclofenac", "stopped"),
    ("Ibuprofeno suspendido por gastritis.", "ibuprofen", "stopped"),
    ("Seractil 400 mg 1-0-1.", "dexibuprofen", "active"),
    # FOP by its eponym, in Albanian word order
    ("Sindroma Münchmeyer, diagnozë klinike.", "fibrodysplasia_ossificans_progressiva",
     "active"),
    # a code the text says was written wrongly (Dutch, English)
    ("In het dossier stond ten onrechte de code FOP.", "fibrodysplasia_ossificans_progressiva",
     "absent"),
    ("Wrongly coded as FOP on admission.", "fibrodysplasia_ossificans_progressiva", "absent"),
]


@pytest.mark.parametrize("note,concept,status", CASES)
def test_a_note_in_another_language_gives_the_concept_with_its_status(note, concept, status):
    facts = statuses({"notes": [note]})
    assert facts.get(concept) == {status}, facts


@pytest.mark.parametrize("note,concept", [
    ("Kafa travması veya kırık yok.", "traumatic_brain_injury"),
    ("Kafa travması veya kırık yok.", "fracture"),
    ("Kafa travması öyküsü yok.", "traumatic_brain_injury"),
    ("Sin antiinflamatorios no esteroideos.", "nsaid"),
])
def test_what_a_cue_after_or_before_a_list_denies_is_absent(note, concept):
    """Turkish "yok" looks back over its list; a denied history is still denied."""
    facts = statuses({"notes": [note]})
    assert facts.get(concept) == {"absent"}, facts


@pytest.mark.parametrize("note", [
    "Ibuprofène (anti-inflammatoire non stéroïdien) 400 mg x3.",
    "Antiinflamatorios no esteroideos a demanda.",
    "Antinfiammatori non steroidei al bisogno.",
])
def test_the_no_inside_a_name_of_the_nsaids_is_no_negation(note):
    facts = statuses({"notes": [note]})
    assert "absent" not in facts.get("nsaid", set()) and facts.get("nsaid"), facts


@pytest.mark.parametrize("note,concept", [
    ("Douleur de l'aine droite.", "nsaid"),          # French "aine": the groin
    ("Fans in the room.", "nsaid"),                  # the Italian "FANS" as written only
    ("Post-ictus drowsiness.", "stroke"),            # "ictus" alone: also a seizure
    ("TVT sling 2015.", "deep_vein_thrombosis"),     # not the German "TVT"
    ("PTH 85 pg/mL.", "total_hip_arthroplasty"),     # not the French "PTH"
])
def test_a_word_that_means_something_else_in_english_is_not_read_as_a_local_name(note, concept):
    assert concept not in statuses({"notes": [note]})


@pytest.mark.parametrize("note,site", [
    ("Operation am Knie gestern.", "knee"),
    ("Cirugía de codo izquierdo ayer.", "elbow"),
    ("Операция: рефиксация собственной связки надколенника.", "patella"),
    ("Chirurgie de l'épaule droite hier.", "shoulder"),
])
def test_an_operation_takes_the_joint_a_note_names_in_its_language(note, site):
    """The site opens the radiation window (hip, knee, elbow, shoulder, jaw): a joint named
    only in the record's language must still be read."""
    sites = {s for fact in record({"notes": [note]}).facts if fact.kind == "procedure"
             for s in fact.sites}
    assert site in sites, sites


def test_an_allergy_label_inside_a_line_lists_allergies_not_medicines():
    """ "Ибупрофен отменён. Аллергия: диклофенак (крапивница)": the patient reacts to
    diclofenac; it is no medicine on the list."""
    facts = [f for f in record({"notes": ["Ибупрофен отменён. Аллергия: диклофенак "
                                          "(крапивница)."]}).facts if f.concept == "diclofenac"]
    assert facts and all(f.kind == "allergy" for f in facts), facts


@pytest.mark.parametrize("note,concept", [
    ("HO-profilaxis: celecoxib 2x200 mg 14 napig.", "heterotopic_ossification"),
    ("HO-Prophylaxe mit Indometacin.", "heterotopic_ossification"),
    ("Trauma nem volt.", "trauma"),
])
def test_a_prevention_or_a_denial_in_other_words_is_no_condition_had(note, concept):
    """ "HO-profilaxis" (Hungarian, as "HO prophylaxis") names what is prevented; "Trauma nem
    volt" says there was none."""
    assert "active" not in statuses({"notes": [note]}).get(concept, set())


def test_a_plan_in_indonesian_is_planned():
    """ "Rencana ORIF" (plan: ORIF) is an operation to come, not one done."""
    assert statuses({"notes": ["Rencana ORIF 10-09-2031."]}).get(
        "open_reduction_internal_fixation") == {"planned"}


@pytest.mark.parametrize("text,concept", [
    ("Аулин (нимесулид) 100 mg кесица", "nimesulide"),          # Serbian Cyrillic
    ("Dolmen (deksketoprofenas) 25 mg tabletės", "dexketoprofen"),  # Lithuanian
    ("Ibuprofēns 400 mg", "ibuprofen"),                          # Latvian
    ("Индометацин 25 мг", "indomethacin"),                       # Russian
    ("Indometacyna 75 mg", "indomethacin"),                      # Polish
])
def test_a_medicine_by_its_international_name_in_another_spelling(text, concept):
    """A medicine's international name in another language's letters and endings names the
    medicine (patients34: nimesulide and dexketoprofen were listed as not recognised)."""
    (fact,) = record({"medications": [{"text": text}]}).facts
    assert (fact.concept, fact.status) == (concept, "active"), fact
    assert "international name" in fact.how


def test_a_word_no_medicine_is_named_by_stays_unrecognised():
    """Words that only look like a name (a brand, a form word) give no medicine."""
    assert not record({"medications": [{"text": "Метформин 1000 mg"}]}).facts


@pytest.mark.parametrize("note", ["Ibuprofeno no tomado.", "Ibuprofène non pris.",
                                  "Ibuprofen nicht eingenommen.", "Ibuprofen not taken."])
def test_a_medicine_the_note_says_was_not_taken_is_absent(note):
    facts = statuses({"notes": [note]})
    assert facts.get("ibuprofen") == {"absent"}, facts


@pytest.mark.parametrize("note,concept", [
    ("Chutes à domicile en 2030, sans fracture.", "fracture"),
    ("Caduta senza frattura.", "fracture"),
    ("Val zonder fractuur.", "fracture"),
])
def test_without_in_other_languages_denies(note, concept):
    """ "sans fracture" (patients34: a fracture listed as a risk of a patient who fell without
    one)."""
    facts = statuses({"notes": [note]})
    assert facts.get(concept) == {"absent"}, facts


@pytest.mark.parametrize("note", [
    "Prothèse totale de genou droit programmée le 17/04/2031.",
    "Artroplastia total de rodilla programada para mañana.",
    "Knie-TEP rechts geplant.",
])
def test_an_operation_scheduled_in_another_language_is_planned(note):
    facts = statuses({"notes": [note]})
    assert facts.get("knee_arthroplasty") == {"planned"}, facts


@pytest.mark.parametrize("note", [
    "Pas de contre-indication neurologique à la prothèse totale de genou.",
    "No contraindication to total knee arthroplasty.",
])
def test_no_contraindication_denies_nothing(note):
    """ "No contraindication to the knee replacement" says neither that there is none nor
    that it was done: the operation is weighed."""
    said = statuses({"notes": [note]}).get("knee_arthroplasty", set())
    assert not said & {"absent", "active"}, said


@pytest.mark.parametrize("text,concept", [
    ("Отворена улнохумерална артропластика десног лакта", "elbow_arthroplasty"),  # Serbian
    ("Peties endoprotezavimas dešinėje", "shoulder_arthroplasty"),               # Lithuanian
    ("Endoprotéza kyčelního kloubu vpravo", "hip_arthroplasty"),                 # Czech
    ("Тотальное эндопротезирование коленного сустава", "knee_arthroplasty"),     # Russian
    ("Zatvorena repozicija i osteosinteza vrata butne kosti",                    # Montenegrin
     "open_reduction_internal_fixation"),
    ("Eksartikulacija desne noge u koljenu", "amputation"),                      # Bosnian
    ("Resekce heterotopické osifikace levé kyčle", "surgical_resection"),        # Czech
    ("Mandibula segmentresektsioon vasakul", "surgical_resection"),              # Estonian
])
def test_an_operation_by_its_kind_and_joint_in_another_language(text, concept):
    """An operation written only in a language the lexicon does not hold (patients34: an
    elbow arthroplasty in Serbian Cyrillic and a shoulder prosthesis in Lithuanian opened no
    window): a stem of its kind most languages share, and the joint in that language."""
    (fact,) = record({"procedures": [{"text": text}]}).facts
    assert fact.concept == concept, fact
    assert "another language" in fact.how, fact.how


@pytest.mark.parametrize("text", [
    "Ендопротезування",                   # a joint replacement of no one joint
    "Hip prosthesis in good position",    # English: the lexicon's implant, not the operation
    "Вогнищ патологічної гіперфіксації",  # a scan's "hyperfixation" holds no fixation
    "laparoskopická cholecystektomie",    # an excision of no site a joint's word names
])
def test_no_operation_is_made_of_words_that_do_not_name_one(text):
    facts = record({"procedures": [{"text": text}]}).facts
    assert not [f for f in facts if f.concept in (
        "hip_arthroplasty", "open_reduction_internal_fixation", "surgical_resection")], facts


def test_an_operation_in_another_language_in_a_note_takes_its_cues():
    """The operation note's "peties endoprotezavimas" is a shoulder arthroplasty done; a
    booked one ("Закажана операција: …") is planned, and one denied is absent."""
    done = statuses({"notes": ["Operacija: modulinis reversinis navikinis peties "
                               "endoprotezavimas."]})
    booked = statuses({"notes": ["Закажана операција: ендопротеза на колено лево."]})
    denied = statuses({"notes": ["Bez endoprotézy kyčle."]})
    assert done.get("shoulder_arthroplasty") == {"active"}, done
    assert booked.get("knee_arthroplasty") == {"planned"}, booked
    assert denied.get("hip_arthroplasty") == {"absent"}, denied


@pytest.mark.parametrize("text", [
    "Prothèse totale de genou droit programmée le 17/12/2026.",
    "Plan: R TKA 17.12.2026.",
])
def test_a_plan_the_note_dates_is_dated(text):
    """ "programmée le 17/04/2031" (patients33) was planned but undated: the one full date a
    plan's clause writes, after the note, is the plan's day; the note's own date is not."""
    (fact,) = [f for f in record({"notes": [{"text": text, "date": "2026-11-19T09:00:00Z"}]}
                                 ).facts if f.concept == "knee_arthroplasty"]
    assert fact.status == "planned" and fact.when is not None, fact
    assert fact.when.date().isoformat() == "2026-12-17", fact


@pytest.mark.parametrize("note,concept", [
    ("Descartado:\nFractura de cráneo, lesión medular cervical, neumotórax.",
     "spinal_cord_injury"),
    ("Excluded: spinal cord injury. Fell today, hip fracture.", "spinal_cord_injury"),
    ("Isključeno:\nHipoksično-ishemijsko oštećenje mozga, DVT.", "deep_vein_thrombosis"),
])
def test_what_a_ruled_out_section_lists_is_absent(note, concept):
    """A document's "Descartado" (ruled out) section listed a cord injury that became a risk
    factor (patients36): its items are absent; on the heading's line, only its sentence."""
    facts = statuses({"notes": [note]})
    assert facts.get(concept) == {"absent"}, facts
    if "Fell today" in note:
        assert facts.get("hip_fracture") == {"active"}, facts


def test_an_operation_in_other_words_is_at_the_joint_they_name():
    """ "Ostéosynthèse de la cheville droite" is a fixation at the ankle: a site the sources
    give radiation for, or not, is read from the joint's word (patients35: an ankle
    fixation, its site unknown, opened the radiation window)."""
    (fact,) = record({"procedures": [{"text": "Ostéosynthèse de la cheville droite"}]}).facts
    assert fact.concept == "open_reduction_internal_fixation" and "ankle" in fact.sites, fact
