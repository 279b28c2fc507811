"""Each input format: its text, its structure, its provenance."""

from __future__ import annotations

from pathlib import Path

from fixtures import HTML_PAGE, PUBMED_XML, make_pdf
from osteon.corpus.ingest import ingest_paths
from osteon.corpus.store import Store

LIMIT = 10 * 1024 * 1024


def fold(text: str) -> str:
    return " ".join(text.split())


def ingest_one(store: Store, path: Path):
    report = ingest_paths(store, [path], max_bytes=LIMIT)
    assert not report.failed, report.failed
    return [store.get(i) for i in report.changed_ids]


def assert_offsets_exact(doc) -> None:
    for s in doc.sentences:
        assert fold(doc.text[s.start:s.end]) == s.text


def test_plain_text_joins_hard_wrapped_lines_and_keeps_exact_offsets(tmp_path, empty_store):
    path = tmp_path / "wrapped.txt"
    path.write_text("Ossification after injury\n\nBone can form in muscle after a\nspinal cord "
                    "injury. It is called\nneurogenic HO.\n\nSecond paragraph here.\n")
    (doc,) = ingest_one(empty_store, path)
    assert doc.id == "wrapped" and doc.format == "text"
    assert doc.title == "Ossification after injury"
    assert [s.text for s in doc.sentences] == [
        "Bone can form in muscle after a spinal cord injury.",
        "It is called neurogenic HO.",
        "Second paragraph here.",
    ]
    assert_offsets_exact(doc)


def test_markdown_headings_lists_and_title(tmp_path, empty_store):
    path = tmp_path / "notes.md"
    path.write_text("# Prophylaxis\n\nRadiation is one option. NSAIDs are another.\n\n"
                    "## Options\n\n- Indomethacin, e.g. 75 mg daily\n- Radiation therapy\n"
                    "  given within 48 hours\n\n1. First step\n2. Second step\n")
    (doc,) = ingest_one(empty_store, path)
    assert doc.format == "markdown" and doc.title == "Prophylaxis"
    assert [s.heading for s in doc.sections] == ["Prophylaxis", "Options"]
    items = [s.text for s in doc.sentences if s.kind == "list_item"]
    assert items == ["Indomethacin, e.g. 75 mg daily", "Radiation therapy given within 48 hours",
                     "First step", "Second step"]
    assert_offsets_exact(doc)


def test_list_items_without_markers_after_a_lead_in_are_items_not_headings(tmp_path,
                                                                          empty_store):
    """Pages copied as text lose their bullets: the items must not vanish into headings."""
    path = tmp_path / "page.txt"
    path.write_text("Bone in the wrong place\n\nSigns and Symptoms\n"
                    "The new bone usually shows itself with:\nAching near the joint\n"
                    "Warmth or a firm lump in the muscle\nLess movement than before\n"
                    "These signs can look like an infection, so scans tell them apart.\n"
                    "\nArticle Author:\nJane Doe\n")
    (doc,) = ingest_one(empty_store, path)
    items = [s.text for s in doc.sentences if s.kind == "list_item"]
    assert items[:3] == ["Aching near the joint", "Warmth or a firm lump in the muscle",
                         "Less movement than before"]
    texts = [s.text for s in doc.sentences]
    assert "These signs can look like an infection, so scans tell them apart." in texts
    assert "Signs and Symptoms" in [s.heading for s in doc.sections]  # Title Case: a heading
    # a field named on a line of its own keeps its value as text, no heading: "who wrote it?"
    assert items[3:] == ["Jane Doe"]
    assert "Jane Doe" not in [s.heading for s in doc.sections]
    assert_offsets_exact(doc)


def test_a_long_article_title_in_title_case_is_the_title_not_a_sentence(tmp_path,
                                                                         empty_store):
    """An article's title names its subject: quoted as a sentence, it led answers."""
    title = ("Heterotopic Bone After Elbow Fracture Surgery: Risk Factors, Timing of "
             "Prophylaxis, and Outcomes of Excision")
    path = tmp_path / "article.txt"
    path.write_text(f"{title}\n\nAbstract\n\nWe reviewed 120 elbows operated on for "
                    "fractures. Heterotopic bone formed in 24 of them.\n")
    (doc,) = ingest_one(empty_store, path)
    assert doc.title == title
    assert title not in [s.text for s in doc.sentences]
    assert "Heterotopic bone formed in 24 of them." in [s.text for s in doc.sentences]
    # a sentence in sentence case that opens a page stays a sentence
    plain = tmp_path / "note.txt"
    plain.write_text("Heterotopic bone formed after most of the elbow operations we "
                     "reviewed, in all age groups and in both sexes\n\nMore text here.\n")
    (note,) = ingest_one(empty_store, plain)
    assert note.title != plain.read_text().splitlines()[0]
    assert_offsets_exact(doc)


def test_a_pages_header_lines_and_part_names_stand_on_their_own(tmp_path, empty_store):
    """A title without a full stop, "Journal: …", "Authors: …" and "Abstract" lines were
    joined into one sentence with the abstract's first, whose subject the next "It" lost."""
    path = tmp_path / "case.txt"
    path.write_text(
        "Healing a pressure ulcer over heterotopic bone in a paraplegic man: a case report\n"
        "Journal: Journal of Wound Care, 2024, 33, p. 12-18\n"
        "Authors: A. Author, B. Author\n"
        "Abstract\n"
        "Heterotopic bone forms in soft tissue after a spinal cord injury. It is most often "
        "found at the hip.\n"
        "Open: Monday to Friday\n"
        "Sunday: 9:30AM to 7:30PM\n")
    (doc,) = ingest_one(empty_store, path)
    texts = [s.text for s in doc.sentences]
    assert "Heterotopic bone forms in soft tissue after a spinal cord injury." in texts
    assert "Authors: A. Author, B. Author" in texts
    # a label line that holds a number stays text, never a heading of what follows
    assert "Sunday: 9:30AM to 7:30PM" in texts
    assert "Abstract" in {p for sec in doc.sections for p in sec.path}
    assert_offsets_exact(doc)


def test_a_label_line_wrapped_onto_the_next_is_one_sentence(tmp_path, empty_store):
    """ "Case description: A 26-year-old man with a diagnosis" then "of FOP was referred …":
    a label line (it holds a number) stood alone, and its sentence was cut in two; a line
    opening in lower case goes on with it, while a label line before a capital stands."""
    path = tmp_path / "abstract.txt"
    path.write_text(
        "Case description: A 26-year-old man with a diagnosis\n"
        "of FOP was referred to our service for dental treatment. The\n"
        "patient had stiff elbows.\n"
        "Journal: Journal of Wound Care, 2024\n"
        "Bone formed in the scar.\n")
    (doc,) = ingest_one(empty_store, path)
    texts = [s.text for s in doc.sentences]
    assert ("Case description: A 26-year-old man with a diagnosis of FOP was referred to our "
            "service for dental treatment.") in texts, texts
    assert "Journal: Journal of Wound Care, 2024" in texts, texts
    assert_offsets_exact(doc)


def test_wiki_markup_is_detected_without_a_suffix_hint(tmp_path, empty_store):
    path = tmp_path / "article.txt"
    path.write_text("= Myositis ossificans =\n\nIt is bone in muscle.\n\n== Causes ==\n"
                    "A blow to the thigh. Sports injuries.\n\n=== Rare causes ===\nBurns.\n")
    (doc,) = ingest_one(empty_store, path)
    assert doc.format == "wiki" and doc.kind == "encyclopedia"
    assert [s.path for s in doc.sections] == [
        ("Myositis ossificans",), ("Myositis ossificans", "Causes"),
        ("Myositis ossificans", "Causes", "Rare causes")]
    burns = next(s for s in doc.sentences if s.text == "Burns.")
    assert doc.sections[burns.section_idx].heading == "Rare causes"


def test_html_drops_scripts_styles_navigation_and_keeps_structure(tmp_path, empty_store):
    path = tmp_path / "page.html"
    path.write_text(HTML_PAGE)
    (doc,) = ingest_one(empty_store, path)
    assert doc.format == "html" and doc.title == "Heterotopic ossification"
    everything = doc.text
    for gone in ["tracking", "color: red", "About us", "Copyright", "a comment that must not",
                 "Share this"]:
        assert gone not in " ".join(s.text for s in doc.sentences), gone
    for gone in ["tracking", "color: red", "About us", "Copyright", "a comment that must not"]:
        assert gone not in everything, gone
    texts = [s.text for s in doc.sentences]
    assert "It often follows hip replacement & spinal cord injury." in texts
    assert "Radiation therapy is given within 24–48 hours of surgery." in texts
    items = [s.text for s in doc.sentences if s.kind == "list_item"]
    assert items == ["Swelling and pain", "Reduced range of motion.", "Stiffness may follow."]
    assert [s.heading for s in doc.sections] == ["Heterotopic ossification", "Symptoms",
                                                 "Treatment"]
    assert_offsets_exact(doc)


def test_pdf_text_is_extracted_and_running_headers_dropped(tmp_path, empty_store):
    path = tmp_path / "paper.pdf"
    path.write_bytes(make_pdf(
        [["Journal of Ossification 12", "Bone forms in muscle after injury. It can be",
          "painful and limits motion."],
         ["Journal of Ossification 12", "Radiation prevents it. NSAIDs help too."],
         ["Journal of Ossification 12", "Surgery removes mature bone."]],
        title="HO in practice"))
    (doc,) = ingest_one(empty_store, path)
    assert doc.format == "pdf" and doc.title == "HO in practice" and doc.meta["pages"] == "3"
    texts = [s.text for s in doc.sentences]
    assert "It can be painful and limits motion." in texts
    assert "Surgery removes mature bone." in texts
    assert not any("Journal of Ossification" in t for t in texts)
    assert_offsets_exact(doc)


def test_pubmed_xml_gives_one_document_per_article_with_pmid(tmp_path, empty_store):
    path = tmp_path / "export.xml"
    path.write_text(PUBMED_XML)
    report = ingest_paths(empty_store, [path], max_bytes=LIMIT)
    added = [o for o in report.outcomes if o.status == "added"]
    assert [o.doc_id for o in added] == ["pmid-31000001", "pmid-31000002"]
    (failed,) = report.failed
    assert "31000003" in failed.source and "no abstract" in failed.message
    doc = empty_store.get("pmid-31000001")
    assert doc.kind == "abstract" and doc.meta["pmid"] == "31000001"
    assert doc.meta["doi"] == "10.1000/jbr.2019.1"
    assert doc.meta["publication_types"] == "Randomized Controlled Trial; Comparative Study"
    assert doc.meta["mesh"] == "Ossification, Heterotopic; Arthroplasty, Replacement, Hip"
    assert "publication_types" not in empty_store.get("pmid-31000002").meta
    assert doc.title.startswith("Radiation prophylaxis of heterotopic ossification")
    assert [s.heading for s in doc.sections[1:]] == ["Background", "Results"]
    assert "A single fraction of 7 Gy reduced ossification." in [s.text for s in doc.sentences]
    assert_offsets_exact(doc)


def test_folders_are_walked_recursively_and_hidden_files_skipped(tmp_path, empty_store):
    (tmp_path / "docs" / "sub").mkdir(parents=True)
    (tmp_path / "docs" / "a.txt").write_text("Alpha sentence one. Alpha two.\n")
    (tmp_path / "docs" / "sub" / "b.md").write_text("Beta is here.\n")
    (tmp_path / "docs" / ".hidden.txt").write_text("Never read me.\n")
    report = ingest_paths(empty_store, [tmp_path / "docs"], max_bytes=LIMIT)
    assert sorted(report.changed_ids) == ["a", "b"]


def test_same_name_in_two_folders_gets_two_ids_and_keeps_them(tmp_path, empty_store):
    for folder, words in (("x", "First copy text."), ("y", "Second copy text.")):
        (tmp_path / folder).mkdir()
        (tmp_path / folder / "index.txt").write_text(words)
    first = ingest_paths(empty_store, [tmp_path / "x", tmp_path / "y"], max_bytes=LIMIT)
    ids = first.changed_ids
    assert ids[0] == "index" and ids[1].startswith("index-") and len(set(ids)) == 2
    (tmp_path / "y" / "index.txt").write_text("Second copy, edited.")
    again = ingest_paths(empty_store, [tmp_path / "y"], max_bytes=LIMIT)
    assert again.outcomes[0].status == "replaced" and again.outcomes[0].doc_id == ids[1]


def test_xhtml_doctype_with_internal_subset_leaves_no_markup_in_the_text(tmp_path, empty_store):
    path = tmp_path / "page.xhtml"
    path.write_text(
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        '<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.1//EN" [\n'
        '  <!ENTITY ho "heterotopic ossification">\n'
        "  <!ENTITY site 'Bone Clinic'>\n"
        "]>\n"
        '<html xmlns="http://www.w3.org/1999/xhtml"><head><title>&site;</title></head>'
        "<body><h1>About HO</h1><p>In &ho; bone forms in soft tissue. It can limit "
        "movement.</p></body></html>\n")
    (doc,) = ingest_one(empty_store, path)
    assert "]>" not in doc.text and "ENTITY" not in doc.text and "&" not in doc.text
    assert doc.title == "About HO"
    assert [s.text for s in doc.sentences] == [
        "In heterotopic ossification bone forms in soft tissue.", "It can limit movement."]
    assert_offsets_exact(doc)


def test_pubmed_year_from_a_medline_date_range(tmp_path, empty_store):
    path = tmp_path / "medline-date.xml"
    path.write_text(PUBMED_XML.replace("<Year>2019</Year>",
                                       "<MedlineDate>2018 Nov-Dec</MedlineDate>"))
    ingest_paths(empty_store, [path], max_bytes=LIMIT)
    assert empty_store.get("pmid-31000001").meta["year"] == "2018"


def test_a_pages_title_comes_after_its_article_label_and_above_its_authors(tmp_path,
                                                                           empty_store):
    """"Case Report" or "Article Text" above the title had been the page's title, and a
    title with the author list right under it none: questions naming the page's subject
    ("the newborn report") did not find it by its title."""
    path = tmp_path / "case.txt"
    path.write_text("Article Text\n\nHeterotopic ossification in a newborn\n"
                    "  1. A Author1,\n  2. B Author2\n\n"
                    "A 27-day-old baby developed bone on the back of the hand. It was excised.\n")
    (doc,) = ingest_one(empty_store, path)
    assert doc.title == "Heterotopic ossification in a newborn"
    assert_offsets_exact(doc)
