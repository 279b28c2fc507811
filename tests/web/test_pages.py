"""The pages as a person's browser gets them: cited answers, sources, conflicts, assess, safety."""

from __future__ import annotations

import re
from html import unescape
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from fastapi.testclient import TestClient

PATIENTS = Path(__file__).parents[1] / "data" / "patients"
CITATION = re.compile(r'href="/sources/([^"#]+)#sentence-(\d+)"')
PAGES = ("/", "/ask?q=How+can+heterotopic+ossification+be+prevented%3F", "/topics",
         "/topics/prevention", "/sources", "/conflicts", "/assess")


def text_of(html: str) -> str:
    return unescape(re.sub(r"<[^>]+>", "", html))


def test_home_is_a_question_box_with_topics(client: TestClient) -> None:
    page = client.get("/").text
    assert re.search(r'<input[^>]+id="q"[^>]+name="q"', page)
    assert '<label for="q">' in page
    assert 'href="/topics/prevention"' in page


def test_an_answer_cites_sentences_that_exist_where_it_links(client: TestClient) -> None:
    page = client.get("/ask", params={"q": "How can heterotopic ossification be prevented?"})
    assert page.status_code == 200
    links = CITATION.findall(page.text)
    assert len(links) >= 3
    for doc, idx in links[:5]:
        source = client.get(f"/sources/{doc}")
        assert source.status_code == 200
        assert f'id="sentence-{idx}"' in source.text  # the link lands on the sentence


def test_an_unanswerable_question_says_so(client: TestClient) -> None:
    page = client.get("/ask", params={"q": "What is the capital of Peru?"}).text
    assert "The sources do not answer this." in page
    assert not CITATION.findall(page.split("Nearest passages")[0])


def test_an_empty_question_returns_to_the_box(client: TestClient) -> None:
    response = client.get("/ask", params={"q": "  "}, follow_redirects=False)
    assert response.status_code == 303 and response.headers["location"] == "/"


def test_hedged_and_negated_statements_keep_their_polarity(client: TestClient) -> None:
    symptoms = client.get("/topics/symptoms").text
    assert 'class="statement negated"' in symptoms and "the sources say no" in symptoms
    prevention = client.get("/topics/prevention").text
    assert 'class="statement hedged"' in prevention and "hedged: the sources say may" in prevention


def test_every_topic_page_renders_with_cited_statements(client: TestClient) -> None:
    for slug in [t["slug"] for t in client.get("/api/topics").json()]:
        page = client.get(f"/topics/{slug}")
        assert page.status_code == 200, slug
        assert CITATION.search(page.text), slug
    assert client.get("/topics/no-such-topic").status_code == 404


def test_conflicts_show_both_sides_with_citations(client: TestClient) -> None:
    page = client.get("/conflicts").text
    conflicts = page.split('<article class="conflict">')[1:]
    assert conflicts
    for block in conflicts[:10]:
        sides = block.split('<section class="side"')[1:]
        assert len(sides) == 2
        assert all(CITATION.search(side) for side in sides)
    kind = re.search(r'href="/conflicts\?kind=([a-z_]+)"', page).group(1)
    filtered = client.get("/conflicts", params={"kind": kind}).text
    assert 0 < filtered.count('<article class="conflict">') <= len(conflicts)


def test_a_source_page_marks_its_claims(client: TestClient) -> None:
    doc = client.get("/api/sources").json()[0]["id"]
    page = client.get(f"/sources/{doc}").text
    assert page.count('<mark class="claim"') >= 3
    assert "Statements read from this document" in page
    assert client.get("/sources/no-such-document").status_code == 404


def test_every_page_is_small_and_runs_no_inline_script(client: TestClient) -> None:
    for path in PAGES:
        response = client.get(path)
        assert response.status_code == 200, path
        assert len(response.content) <= 300 * 1024, path
        assert "script-src 'self'" in response.headers["content-security-policy"]
        assert not re.search(r"<script(?![^>]*\bsrc=)[^>]*>", response.text), path
        assert not re.search(r'(?:src|href)="(?:https?:)?//', response.text), path  # no CDN


def test_questions_with_markup_show_as_text(client: TestClient) -> None:
    evil = '<script>alert(1)</script><img src=x onerror=alert(2)> **bold** NEAR( "'
    page = client.get("/ask", params={"q": evil}).text
    assert "<script>alert(1)" not in page and "<img src=x" not in page
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page


def test_an_uploaded_document_is_read_shown_as_text_and_reaches_its_topic(
        client: TestClient, tmp_path: Path) -> None:
    before = client.get("/topics/prevention").text
    assert "Meloxicam prevents" not in before
    body = ("Meloxicam prevents heterotopic ossification after total hip arthroplasty.\n\n"
            "A note with <script>alert('x')</script> and <b>bold</b> and **stars**.\n")
    response = client.post("/sources", files={"file": ("meloxicam-note.txt", body.encode())},
                           follow_redirects=False)
    assert response.status_code == 303
    page = client.get(response.headers["location"])
    assert "Uploaded: added" in page.text
    assert "<script>alert" not in page.text and "&lt;script&gt;alert(&#39;x&#39;)" in page.text
    assert "Meloxicam prevents heterotopic ossification" in text_of(page.text)
    after = client.get("/topics/prevention").text
    assert "Meloxicam prevents heterotopic ossification" in after
    assert 'href="/sources/meloxicam-note#sentence-0"' in after
    again = client.post("/sources", files={"file": ("meloxicam-note.txt", body.encode())},
                        follow_redirects=False)
    assert "already" in again.headers["location"]


@pytest.mark.parametrize(("name", "data", "status", "message"), [
    ("photo.png", b"\x89PNG\r\n\x1a\n....", 415, "not a file type osteon takes"),
    ("empty.txt", b"   \n", 400, "is empty"),
    ("huge.txt", b"a" * (5 * 1024 * 1024 + 10), 413, "larger than 5 MB"),
])
def test_uploads_outside_the_limits_get_a_clear_message(
        client: TestClient, name: str, data: bytes, status: int, message: str) -> None:
    response = client.post("/sources", files={"file": (name, data)})
    assert response.status_code == status
    assert message in text_of(response.text)
    assert 'role="alert"' in response.text


def test_the_assess_form_gives_a_cited_printable_report(client: TestClient) -> None:
    form = {"age": "68", "sex": "male", "history_of_ho": "on",
            "procedures": "total hip arthroplasty", "procedure_time": "2025-03-10T09:30",
            "at": "2025-03-11T09:00"}
    page = client.post("/assess", data=form)
    assert page.status_code == 200
    prophylaxis = page.text.split('id="prophylaxis"')[1].split("</section>")[0]
    assert "Radiation therapy" in prophylaxis and CITATION.search(prophylaxis)
    assert "supports, and does not replace, clinical judgement" in page.text
    assert "@media print" in client.get("/static/style.css").text


def test_bad_form_input_comes_back_with_the_message_and_the_values(client: TestClient) -> None:
    page = client.post("/assess", data={"age": "abc", "injuries": "spinal cord injury"})
    assert page.status_code == 400
    assert "age: 'abc' is not a number" in text_of(page.text)
    assert "spinal cord injury</textarea>" in page.text  # nothing typed is lost


def test_a_fhir_bundle_upload_gives_the_report(client: TestClient) -> None:
    data = (PATIENTS / "sci_6w_swollen_thigh.fhir.json").read_bytes()
    page = client.post("/assess/file", files={"file": ("sci.fhir.json", data)})
    assert page.status_code == 200
    differential = page.text.split('id="differential"')[1].split("</section>")[0]
    assert "hrombophlebitis" in differential and CITATION.search(differential)
    wrong = client.post("/assess/file", files={"file": ("patient.xml", b"<Bundle/>")})
    assert wrong.status_code == 415
    broken = client.post("/assess/file", files={"file": ("p.json", b"{not json")})
    assert broken.status_code == 400 and 'role="alert"' in broken.text


def test_unknown_pages_are_a_page_not_a_stack_trace(client: TestClient) -> None:
    response = client.get("/no/such/page")
    assert response.status_code == 404 and "<h1>Not found</h1>" in response.text


def test_conflicts_and_sources_are_split_into_pages(client: TestClient,
                                                    monkeypatch: pytest.MonkeyPatch) -> None:
    from osteon.web.pages import conflicts, sources

    total = len(client.get("/api/conflicts").json())
    monkeypatch.setattr(conflicts, "PER_PAGE", 2)
    first = client.get("/conflicts").text
    assert first.count('<article class="conflict">') == 2 and 'rel="next"' in first
    last_page = -(-total // 2)
    last = client.get("/conflicts", params={"page": last_page}).text
    assert 'rel="prev"' in last and 'rel="next"' not in last
    assert last.count('<article class="conflict">') == total - 2 * (last_page - 1)
    monkeypatch.setattr(sources, "PER_PAGE", 2)
    listing = client.get("/sources", params={"page": 2}).text
    assert listing.count('<tr><td><a href="/sources/') == 2 and "Page 2 of" in listing


def test_cds_cards_link_to_the_cited_sentence(client: TestClient) -> None:
    import json
    import uuid

    from osteon.web.cds.fhir_data import prefetch_from_bundle
    from osteon.web.cds.service import PATIENT_PREFETCH

    bundle = json.loads((PATIENTS / "tha_day1_prior_ho.fhir.json").read_text())
    prefetch = prefetch_from_bundle(bundle, PATIENT_PREFETCH)
    body = {"hook": "patient-view", "hookInstance": str(uuid.uuid4()),
            "context": {"patientId": prefetch["patient"]["id"], "userId": "Practitioner/1"},
            "prefetch": prefetch}
    cards = client.post("/cds-services/osteon-ho-patient-view", json=body).json()["cards"]
    assert cards
    for card in cards:
        link = urlsplit(card["source"]["url"])
        page = client.get(link.path)
        assert page.status_code == 200 and f'id="{link.fragment}"' in page.text


def test_a_pubmed_upload_says_how_many_articles_it_held(client: TestClient) -> None:
    from fixtures import PUBMED_XML

    response = client.post("/sources", files={"file": ("export.xml", PUBMED_XML.encode())})
    assert response.status_code == 200  # followed to the first article's page
    said = text_of(response.text)
    assert re.search(r"the file held \d+ articles, \d+ stored", said)
    assert "not (article has no abstract text)" in said  # the refused one is named


def test_form_entries_are_one_per_line_commas_kept(client: TestClient) -> None:
    page = client.post("/assess", data={"conditions": "fracture of femur, left\nchilblains",
                                        "at": "2025-03-11T09:00"}).text
    unknown = page.split('id="not-recognised"')[1].split("</section>")[0]
    assert "<li>condition: chilblains</li>" in unknown
    assert "fracture of femur, left" not in unknown and "<li>condition: left" not in page
    assert "<li>condition: fracture of femur, left" in page  # one entry, read as femur fracture
