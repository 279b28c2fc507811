"""Ask: a question typed into the box gives a cited answer; a citation opens its sentence."""

from __future__ import annotations

import re

from browsing import QUESTION, Tab, ask, assert_targeted, cited_statements, csp_violations

XSS_QUESTION = "<script>alert(1)</script><img src=x onerror=alert(2)> heterotopic ossification?"


def test_ask_a_question_and_see_a_cited_answer(tab: Tab) -> None:
    tab.goto("/")
    assert tab.page.locator("#q").is_visible()
    tab.shot()
    ask(tab, QUESTION)
    assert tab.path().startswith("/ask?q="), tab.path()
    assert tab.page.locator("section.answer h1").inner_text() == QUESTION
    assert tab.page.locator("p.short-answer").inner_text().strip()
    statements = cited_statements(tab)
    assert statements.count() >= 1
    first = statements.first  # the best source sentence, quoted as evidence
    assert "quoted" in (first.get_attribute("class") or "")
    link = first.locator("a.source-link").first
    assert re.fullmatch(r"/sources/[^#/]+#sentence-\d+", link.get_attribute("href") or "")
    assert first.locator("q").first.inner_text().strip()  # the cited sentence itself
    read = tab.page.locator("section.answer li.statement:not(.quoted) .claim .text")
    assert read.count() == 0 or read.first.inner_text().strip()  # what osteon read, if any
    assert tab.page.locator("#q").input_value() == QUESTION  # the box keeps the question
    tab.shot()
    assert not tab.dialogs


def test_a_citation_opens_the_source_with_the_sentence_highlighted(tab: Tab) -> None:
    ask(tab, QUESTION)
    link = tab.page.locator("section.answer a.source-link").first
    href = link.get_attribute("href") or ""
    doc, sentence = re.fullmatch(r"/sources/([^#/]+)#(sentence-\d+)", href).groups()
    tab.shot()
    with tab.page.expect_navigation():
        link.click()
    tab.page.wait_for_load_state("load")
    assert tab.page.url.split("#")[0].endswith(f"/sources/{doc}")
    assert_targeted(tab, sentence)
    assert tab.page.locator(f"#{sentence}").is_visible()
    assert tab.page.locator("article.document h1").inner_text().strip()
    tab.shot()


def test_a_question_with_markup_is_shown_as_text(tab: Tab) -> None:
    tab.goto("/")
    tab.page.locator("#q").fill(XSS_QUESTION)
    with tab.page.expect_navigation():
        tab.page.locator("#q").press("Enter")
    tab.page.wait_for_load_state("load")
    tab.page.wait_for_timeout(200)  # give any injected handler time to fire
    assert tab.page.locator("section.answer h1").inner_text() == XSS_QUESTION
    assert tab.page.title().startswith(XSS_QUESTION)
    assert tab.page.locator("#q").input_value() == XSS_QUESTION
    assert tab.page.locator("main script, main img[src='x'], img[src='x']").count() == 0
    assert tab.page.locator("script").count() == tab.page.locator("script[src]").count()
    assert not tab.dialogs
    assert not csp_violations(tab), csp_violations(tab)
    tab.shot()
