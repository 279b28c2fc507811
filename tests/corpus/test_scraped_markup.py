"""A plain-text page that still holds a scraper's markup is read without it.

A record served as JSON whose abstract is HTML ("<p><strong>Background: </strong>…</p>
<p><strong>Case summary: </strong>…") had been read as it stands: one "sentence" ran from
one paragraph into the next, and it answered questions it had nothing to do with. Text
without such markup is the file, character for character, as before.
"""

from __future__ import annotations

from pathlib import Path

from fixtures import store_of_pages
from osteon.corpus.ingest import ingest_paths
from osteon.corpus.store import Store

RECORD = (
    "Ana Ruiz, Bo Lind\n"
    '{"title":"Bone in the mesentery after colectomy: a case report.","authors":"Ana Ruiz, '
    'Bo Lind","doi":"10.1000/x.1","DOIUrl":null,"abstract":"<p><strong>Background: </strong>'
    "Mesenteric ossification is rare, with fewer than 100 cases reported. There have been no "
    "reported cases treated without surgery.</p><p><strong>Case summary: </strong>A "
    "57-year-old man developed an obstruction after a colectomy. He was treated with "
    'methylprednisolone and recovered.</p>","journal":{"name":"Journal of Abdominal Cases",'
    '"volume":"17"},"publicationDate":"2025-03-27","isOpenAccess":false,"citationCount":"0",'
    '"platform":"Scholarpedia"}\n'
)


def _ingested(store: Store, path: Path):
    report = ingest_paths(store, [path], max_bytes=10 * 1024 * 1024)
    assert not report.failed, report.failed
    (doc_id,) = report.changed_ids
    return store.get(doc_id)


def test_a_json_record_with_html_is_read_as_lines_of_text(tmp_path, empty_store) -> None:
    path = tmp_path / "record.txt"
    path.write_text(RECORD, encoding="utf-8")
    doc = _ingested(empty_store, path)
    assert "<" not in doc.text and '":"' not in doc.text
    sentences = [s.text for s in doc.sentences]
    assert not any("Case summary" in s and "without surgery" in s for s in sentences)
    assert any(s.endswith("treated with methylprednisolone and recovered.") for s in sentences)
    assert "journal name: Journal of Abdominal Cases" in doc.text
    assert "publication date: 2025-03-27" in doc.text
    assert "citation count" not in doc.text and "Scholarpedia" not in doc.text
    assert any("markup" in note for note in doc.notes)


def test_text_with_a_stray_angle_bracket_is_left_as_it_is(tmp_path, empty_store) -> None:
    text = "Lesions <5 mm were left alone. A value a < b is no tag.\n"
    path = tmp_path / "plain.txt"
    path.write_text(text, encoding="utf-8")
    doc = _ingested(empty_store, path)
    assert doc.text == text and not doc.notes


def test_a_paragraph_of_the_record_answers_alone(tmp_path) -> None:
    with store_of_pages(tmp_path, {"record.txt": RECORD}) as kb:
        answer = kb.ask("Which drug was the 57-year-old man treated with?")
    assert "methylprednisolone" in answer.answer, answer.answer
    assert "fewer than 100" not in answer.answer and "<" not in answer.answer, answer.answer


def test_a_record_cut_off_inside_its_abstract_keeps_what_it_has(tmp_path, empty_store) -> None:
    cut = RECORD[:RECORD.index("He was treated")] + "He was treated with methylpred"
    path = tmp_path / "cut.txt"
    path.write_text(cut, encoding="utf-8")
    doc = _ingested(empty_store, path)
    assert "A 57-year-old man developed an obstruction after a colectomy." in doc.text
    assert "<" not in doc.text
