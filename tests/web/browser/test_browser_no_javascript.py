"""With JavaScript disabled: asking, opening a citation and the assess form still work."""

from __future__ import annotations

import re

from browsing import (
    QUESTION,
    Tab,
    ask,
    assert_report_with_prophylaxis,
    assert_targeted,
    cited_statements,
    fill_hip_patient,
    submit,
)


def test_javascript_is_really_off(nojs_tab: Tab) -> None:
    nojs_tab.goto("/")
    # a page's own script does not run in this context (Playwright's evaluation still would)
    nojs_tab.page.set_content("<p id=x>a</p><script>document.getElementById('x').textContent"
                              "='b'</script>")
    assert nojs_tab.page.locator("#x").inner_text() == "a"


def test_ask_and_open_a_citation_without_javascript(nojs_tab: Tab) -> None:
    ask(nojs_tab, QUESTION)
    assert nojs_tab.path().startswith("/ask?q=")
    assert cited_statements(nojs_tab).count() >= 1
    nojs_tab.shot()
    link = nojs_tab.page.locator("section.answer a.source-link").first
    sentence = re.search(r"#(sentence-\d+)$", link.get_attribute("href") or "").group(1)
    with nojs_tab.page.expect_navigation():
        link.click()
    nojs_tab.page.wait_for_load_state("load")
    assert_targeted(nojs_tab, sentence)
    nojs_tab.shot()


def test_assess_form_without_javascript(nojs_tab: Tab) -> None:
    nojs_tab.goto("/assess")
    fill_hip_patient(nojs_tab)
    submit(nojs_tab, "form.patient-form")
    assert_report_with_prophylaxis(nojs_tab)
    nojs_tab.shot()
