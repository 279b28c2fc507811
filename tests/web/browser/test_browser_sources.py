"""Sources: upload a document and find its claims; markup in it stays text; upload limits."""

from __future__ import annotations

import uuid
from pathlib import Path

import pytest
from browsing import Tab, csp_violations

MB = 1024 * 1024
FIRST = "Indomethacin prevents heterotopic ossification after hip replacement."
SECOND = ("A note with <script>alert(1)</script> and **markdown** and <b>html</b> "
          "says NSAIDs reduce heterotopic ossification.")


def upload(tab: Tab, path: Path, field: str = "#file", form: str = "form.upload") -> None:
    tab.page.locator(field).set_input_files(str(path))
    with tab.page.expect_navigation():
        tab.page.locator(f"{form} button[type=submit]").click()
    tab.page.wait_for_load_state("load")


def test_upload_a_document_and_find_its_claims(tab: Tab, tmp_path: Path) -> None:
    name = f"browser_note_{uuid.uuid4().hex[:8]}"
    path = tmp_path / f"{name}.txt"
    path.write_text(f"{FIRST}\n\n{SECOND}\n", encoding="utf-8")
    tab.goto("/sources")
    tab.shot()
    upload(tab, path)
    tab.page.wait_for_timeout(200)  # give any injected handler time to fire
    assert tab.path().startswith(f"/sources/{name}?uploaded="), tab.path()
    assert "added" in tab.page.locator("p.notice[role=status]").inner_text()
    document = tab.page.locator("article.document")
    marks = document.locator("mark.claim")
    assert marks.count() >= 2
    assert "Indomethacin prevents heterotopic ossification" in marks.all_inner_texts()
    rows = tab.page.locator("section.claims tbody tr")
    assert rows.count() >= 2
    statements = " | ".join(rows.all_inner_texts()).lower()
    assert "indomethacin" in statements and "nsaid" in statements
    # the markup in the document is its text, shown as written
    text = document.inner_text()
    assert FIRST in text
    assert "<script>alert(1)</script>" in text
    assert "**markdown**" in text and "<b>html</b>" in text
    assert document.locator("script, b, strong, em").count() == 0
    assert not tab.dialogs
    assert not csp_violations(tab), csp_violations(tab)
    tab.shot()
    # …and it is listed among the sources
    tab.goto("/sources")
    assert tab.page.locator(f"table.sources a[href='/sources/{name}']").count() == 1
    tab.shot()


@pytest.mark.parametrize("suffix, data", [(".exe", b"MZ\x90\x00not really a program"),
                                          (".png", b"\x89PNG\r\n\x1a\nnot really an image")],
                         ids=["exe", "png"])
def test_a_document_of_the_wrong_type_is_refused_clearly(tab: Tab, tmp_path: Path,
                                                        suffix: str, data: bytes) -> None:
    path = tmp_path / f"upload{suffix}"
    path.write_bytes(data)
    tab.goto("/sources")
    upload(tab, path)
    error = tab.page.locator("p.error[role=alert]")
    assert error.count() == 1
    message = error.inner_text()
    assert f"upload{suffix}" in message and "not a file type" in message
    assert ".txt" in message and ".pdf" in message  # says what it does take
    assert tab.page.locator("form.upload #file").count() == 1  # the form is still there
    tab.shot()


def test_a_patient_file_of_the_wrong_type_is_refused_clearly(tab: Tab, tmp_path: Path) -> None:
    path = tmp_path / "patient.png"
    path.write_bytes(b"\x89PNG\r\n\x1a\nnot really an image")
    tab.goto("/assess")
    upload(tab, path, "#patient-file", "form.file-form")
    error = tab.page.locator("p.error[role=alert]")
    assert error.count() == 1
    assert "patient.png" in error.inner_text() and ".json" in error.inner_text()
    assert tab.page.locator("form.file-form #patient-file").count() == 1
    tab.shot()


def big_file(path: Path, size: int) -> Path:
    """A file of `size` bytes written in chunks (never the whole of it in memory)."""
    chunk = (FIRST + "\n").encode() * 1024
    with path.open("wb") as out:
        while out.tell() + len(chunk) < size:
            out.write(chunk)
        out.write(b"x" * (size - out.tell()))
    return path


@pytest.mark.parametrize("size", [6 * MB, 5 * MB + 1], ids=["6MB", "5MB+1"])
def test_a_document_over_the_size_limit_is_refused_clearly(tab: Tab, tmp_path: Path,
                                                          size: int) -> None:
    path = big_file(tmp_path / "huge.txt", size)
    tab.goto("/sources")
    upload(tab, path)
    error = tab.page.locator("p.error[role=alert]")
    assert error.count() == 1, tab.page.content()[:500]
    assert "larger than 5 MB" in error.inner_text()
    tab.shot()


def test_a_patient_file_over_the_size_limit_is_refused_clearly(tab: Tab, tmp_path: Path
                                                               ) -> None:
    path = big_file(tmp_path / "patient.json", 6 * MB)
    tab.goto("/assess")
    upload(tab, path, "#patient-file", "form.file-form")
    error = tab.page.locator("p.error[role=alert]")
    assert error.count() == 1, tab.page.content()[:500]
    assert "larger than 5 MB" in error.inner_text()
    tab.shot()
