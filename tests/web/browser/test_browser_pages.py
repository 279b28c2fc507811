"""Every page: labelled controls, one h1, a language; no sideways scroll on a phone;
at most 300 KB with everything it loads, all of it from the app itself."""

from __future__ import annotations

import html
import re
from collections.abc import Callable
from urllib.parse import quote, urlsplit

import httpx
import pytest
from browsing import QUESTION, Tab, fill_hip_patient, submit

MAX_PAGE_BYTES = 300 * 1024


def first_link(tab: Tab, index: str, pattern: str) -> str:
    """The first link matching `pattern` on page `index` (fetched aside, not in the tab)."""
    found = re.search(pattern, httpx.get(tab.base + index, timeout=30).text)
    assert found, f"no link {pattern} on {index}"
    return html.unescape(found.group(1))


def go(path: str) -> Callable[[Tab], None]:
    return lambda tab: tab.goto(path)


def source(tab: Tab) -> None:
    tab.goto(first_link(tab, "/ask?q=" + quote(QUESTION),
                        r'class="source-link" href="(/sources/[^"#]+)#'))


def topic(tab: Tab) -> None:
    tab.goto(first_link(tab, "/topics", r'href="(/topics/[^"]+)"'))


def report(tab: Tab) -> None:
    tab.goto("/assess")
    fill_hip_patient(tab)
    tab.forget()
    submit(tab, "form.patient-form")
    assert tab.page.locator("article.report").count() == 1


def simulation(tab: Tab) -> None:
    tab.goto("/mechanism")
    panel = tab.page.locator(".sim-panel")
    panel.locator("input[type=checkbox][name=injury]").first.check()
    panel.locator("button[type=submit]").click()
    tab.page.wait_for_function("() => { const img = document.querySelector('.sim-result img');"
                               " return img && img.complete && img.naturalWidth > 0; }")


PAGES: dict[str, Callable[[Tab], None]] = {
    "home": go("/"),
    "ask": go("/ask?q=" + quote(QUESTION)),
    "topics": go("/topics"),
    "topic": topic,
    "sources": go("/sources"),
    "source": source,
    "conflicts": go("/conflicts"),
    "assess": go("/assess"),
    "report": report,
    "mechanism": go("/mechanism"),
    "simulation": simulation,
    "not-found": go("/sources/no-such-document"),
}

CONTROLS = """() => [...document.querySelectorAll('input, select, textarea')]
  .filter(el => el.type !== 'hidden')
  .map(el => {
    const labelled = [...(el.labels || [])].some(l => l.textContent.trim());
    const byFor = el.id && [...document.querySelectorAll('label[for]')]
      .some(l => l.htmlFor === el.id && l.textContent.trim());
    const aria = (el.getAttribute('aria-label') || '').trim()
      || (el.getAttribute('aria-labelledby') || '').split(/\\s+/).filter(Boolean)
           .map(id => (document.getElementById(id) || {}).textContent || '').join(' ').trim();
    return {control: el.outerHTML.slice(0, 120), ok: Boolean(labelled || byFor || aria)};
  })"""


LOW_CONTRAST = """() => {
  const rgba = c => (c.match(/[\\d.]+/g) || []).map(Number);
  const lum = ([r, g, b]) => {
    const f = v => { v /= 255; return v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4; };
    return 0.2126 * f(r) + 0.7152 * f(g) + 0.0722 * f(b);
  };
  const background = el => {
    for (let e = el; e; e = e.parentElement) {
      const c = rgba(getComputedStyle(e).backgroundColor);
      if (c.length >= 3 && (c.length < 4 || c[3] > 0.5)) return c;
    }
    return [255, 255, 255];
  };
  const failures = [];
  for (const el of document.querySelectorAll('body *')) {
    if (el.closest('svg') || !el.getClientRects().length) continue;
    const text = [...el.childNodes].filter(n => n.nodeType === 3)
      .map(n => n.textContent.trim()).join('');
    if (!text) continue;
    const style = getComputedStyle(el);
    if (style.visibility === 'hidden' || parseFloat(style.opacity) === 0) continue;
    const [a, b] = [lum(rgba(style.color)), lum(background(el))];
    const ratio = (Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05);
    const size = parseFloat(style.fontSize), bold = parseInt(style.fontWeight) >= 700;
    const large = size >= 24 || (bold && size >= 18.66);
    if (ratio < (large ? 3 : 4.5)) {
      failures.push(`${el.tagName} "${text.slice(0, 40)}" ${ratio.toFixed(2)}`);
    }
  }
  return failures.slice(0, 10);
}"""


def arrive(tab: Tab, name: str) -> None:
    """Open page `name` as a first visit would (nothing from the browser's cache)."""
    cdp = tab.page.context.new_cdp_session(tab.page)
    cdp.send("Network.setCacheDisabled", {"cacheDisabled": True})
    PAGES[name](tab)


@pytest.mark.parametrize("name", PAGES)
def test_page_is_accessible_light_and_local(tab: Tab, name: str) -> None:
    arrive(tab, name)
    page = tab.page
    # accessibility basics
    assert (page.get_attribute("html", "lang") or "").strip(), "html[lang] is not set"
    assert page.locator("h1").count() == 1, page.locator("h1").all_inner_texts()
    assert page.title().strip()
    controls = page.evaluate(CONTROLS)
    unlabelled = [c["control"] for c in controls if not c["ok"]]
    assert not unlabelled, f"form controls without a label on {name}: {unlabelled}"
    assert page.locator("img:not([alt])").count() == 0
    low = page.evaluate(LOW_CONTRAST)  # WCAG AA: 4.5:1, 3:1 for large text
    assert not low, f"text below WCAG AA contrast on {name}: {low}"
    # everything comes from the app: no CDN, no other host
    foreign = [url for url in tab.requests
               if urlsplit(url).scheme not in ("data", "blob", "about")
               and urlsplit(url).hostname != "127.0.0.1"]
    assert not foreign, foreign
    # the page and everything it loaded weigh at most 300 KB
    sizes = {}
    for response in tab.responses:
        if 300 <= response.status < 400:
            continue  # a redirect has no body of its own
        sizes[f"{response.request.method} {response.url}"] = len(response.body())
    total = sum(sizes.values())
    assert total <= MAX_PAGE_BYTES, f"{name}: {total} bytes > {MAX_PAGE_BYTES}: {sizes}"
    assert not tab.dialogs
    tab.shot()


PHONE_PAGES = [n for n in PAGES if n != "simulation"]
NO_SIDEWAYS = """() => {
  const s = document.scrollingElement;
  return {scroll: s.scrollWidth, client: s.clientWidth};
}"""


TOO_WIDE = """() => {
  const limit = document.documentElement.clientWidth + 1;
  const clipped = el => {
    for (let a = el.parentElement; a; a = a.parentElement) {
      if (!['visible', ''].includes(getComputedStyle(a).overflowX)) return true;
    }
    return false;
  };
  const over = el => el.getBoundingClientRect().right > limit;
  return [...document.querySelectorAll('body *')]
    .filter(el => over(el) && !clipped(el) && !(el.parentElement && over(el.parentElement)))
    .slice(0, 5)
    .map(el => [el.parentElement, el]
      .map(e => `${e.tagName.toLowerCase()}${e.id ? '#' + e.id : ''}`
                + (e.getAttribute('class') ? '.' + e.getAttribute('class') : '')).join(' > ')
      + ` (${Math.round(el.getBoundingClientRect().width)} px wide)`);
}"""


@pytest.mark.parametrize("name", PHONE_PAGES)
def test_page_fits_a_phone(phone_tab: Tab, name: str) -> None:
    arrive(phone_tab, name)
    width = phone_tab.page.evaluate(NO_SIDEWAYS)
    if width["scroll"] > width["client"] + 1:  # name what sticks out, for the report
        wide = phone_tab.page.evaluate(TOO_WIDE)
        phone_tab.shot()
        pytest.fail(f"{name} scrolls sideways on a 390 px phone: {width}; too wide: {wide}")
    assert phone_tab.page.locator("#q, form, article, table, h1").first.is_visible()
    phone_tab.shot()


def test_the_keyboard_alone_reaches_the_content_and_asks(tab: Tab) -> None:
    tab.goto("/sources")
    page = tab.page
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.className") == "skip"
    page.keyboard.press("Enter")
    assert page.evaluate("document.activeElement.id") == "main"
    tab.goto("/")
    # the box has the focus; the browser gives autofocus when it next draws, which may
    # come after the load event, so wait for it (a page without autofocus times out)
    page.wait_for_function("() => document.activeElement && document.activeElement.id === 'q'")
    page.keyboard.type(QUESTION)
    with page.expect_navigation():
        page.keyboard.press("Enter")
    assert page.locator("section.answer a.source-link").count() > 0
    for _ in range(40):  # Tab on until a citation link has the focus, then follow it
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.classList.contains('source-link')"):
            break
    else:
        pytest.fail("no citation link reached with Tab")
    with page.expect_navigation():
        page.keyboard.press("Enter")
    assert re.search(r"/sources/[^#]+#sentence-\d+$", page.url)
    tab.shot()
