"""Assess: the patient form and a FHIR bundle upload each give a cited report."""

from __future__ import annotations

from browsing import PATIENTS, Tab, assert_report_with_prophylaxis, fill_hip_patient, submit


def test_assess_form_gives_a_report_with_cited_prophylaxis(tab: Tab) -> None:
    tab.goto("/assess")
    tab.shot()
    fill_hip_patient(tab)
    submit(tab, "form.patient-form")
    assert tab.path() == "/assess"
    assert_report_with_prophylaxis(tab)
    record = tab.page.locator("section#record").inner_text().lower()
    assert "arthroplasty" in record
    assert "age 67" in tab.page.locator("p.meta").inner_text()
    tab.shot()
    assert not tab.dialogs


def test_fhir_bundle_upload_gives_the_report(tab: Tab) -> None:
    tab.goto("/assess")
    form = tab.page.locator("form.file-form")
    form.locator("#patient-file").set_input_files(str(PATIENTS / "tha_day1_prior_ho.fhir.json"))
    form.locator("#file-at").fill("2025-03-11T06:00")
    submit(tab, "form.file-form")
    assert tab.path() == "/assess/file"
    assert_report_with_prophylaxis(tab)
    assert "arthroplasty" in tab.page.locator("section#record").inner_text().lower()
    tab.shot()
    assert not tab.dialogs


def test_a_bad_form_value_comes_back_as_a_message_with_the_form_kept(tab: Tab) -> None:
    tab.goto("/assess")
    fill_hip_patient(tab)
    tab.page.locator("#alp").fill("lots")
    submit(tab, "form.patient-form")
    error = tab.page.locator("p.error[role=alert]")
    assert error.count() == 1
    assert "not a number" in error.inner_text()
    assert tab.page.locator("#procedures").input_value() == "total hip arthroplasty"
    assert tab.page.locator("#history_of_ho").is_checked()
    tab.shot()


def test_the_report_prints_without_the_site_around_it(tab: Tab, tmp_path) -> None:
    tab.goto("/assess")
    fill_hip_patient(tab)
    submit(tab, "form.patient-form")
    page = tab.page
    page.emulate_media(media="print")
    assert not page.locator("header.site").is_visible()
    assert not page.locator("nav.toc").is_visible()
    assert page.locator("article.report h1").is_visible()
    assert page.locator("p.report-disclaimer").is_visible()  # the disclaimer prints
    pdf = tmp_path / "report.pdf"
    page.pdf(path=str(pdf))
    assert pdf.read_bytes().startswith(b"%PDF")
