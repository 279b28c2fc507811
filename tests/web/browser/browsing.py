"""What the browser tests share: a recorded tab and a few steps every face needs."""

from __future__ import annotations

import base64
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[3]
SCREENSHOTS = REPO / "artifacts" / "screenshots"
PATIENTS = REPO / "tests" / "data" / "patients"
QUESTION = "How can heterotopic ossification be prevented?"


@dataclass
class Tab:
    """One page in a fresh browser context, with what it saw recorded."""

    page: Any
    base: str
    name: str
    dialogs: list[str] = field(default_factory=list)
    requests: list[str] = field(default_factory=list)
    responses: list[Any] = field(default_factory=list)
    console: list[str] = field(default_factory=list)
    shots: int = 0
    cdp: Any = None

    def goto(self, path: str) -> Any:
        response = self.page.goto(self.base + path)
        self.page.wait_for_load_state("load")
        return response

    def forget(self) -> None:
        """Drop the requests and responses seen so far (before the page being measured)."""
        self.page.wait_for_load_state("networkidle")
        self.requests.clear()
        self.responses.clear()

    def shot(self) -> Path:
        """A full-page screenshot of the page as it is now, kept as a test artefact."""
        self.shots += 1
        SCREENSHOTS.mkdir(parents=True, exist_ok=True)
        path = SCREENSHOTS / f"{self.name}-{self.shots}.png"
        try:  # chromium's fast PNG encoder: a long page takes a third of the time
            if self.cdp is None:
                self.cdp = self.page.context.new_cdp_session(self.page)
            size = self.cdp.send("Page.getLayoutMetrics")["cssContentSize"]
            clip = {"x": 0, "y": 0, "width": size["width"], "height": size["height"], "scale": 1}
            shot = self.cdp.send("Page.captureScreenshot", {
                "format": "png", "captureBeyondViewport": True, "optimizeForSpeed": True,
                "clip": clip})
            path.write_bytes(base64.b64decode(shot["data"]))
        except Exception:  # noqa: BLE001 - any trouble: Playwright's own way
            self.page.screenshot(path=str(path), full_page=True)
        return path

    def path(self) -> str:
        return self.page.url.removeprefix(self.base)




def ask(tab: Tab, question: str) -> None:
    """Type a question into the box on `/` and press Enter; wait for the answer page."""
    tab.goto("/")
    box = tab.page.locator("#q")
    box.click()
    box.press_sequentially(question)
    with tab.page.expect_navigation():
        box.press("Enter")
    tab.page.wait_for_load_state("load")


def cited_statements(tab: Tab) -> Any:
    """The answer's statements that carry at least one citation link."""
    return tab.page.locator("section.answer li.statement").filter(
        has=tab.page.locator("a.source-link"))


TARGET_STYLE = """el => {
  const s = getComputedStyle(el);
  return {target: el.matches(':target'), outline: s.outlineStyle,
          outlineWidth: s.outlineWidth, background: s.backgroundColor};
}"""


def assert_targeted(tab: Tab, sentence: str) -> None:
    """`#sentence` exists, is the URL's fragment, and wears the `:target` highlight."""
    assert tab.page.url.endswith(f"#{sentence}"), tab.page.url
    assert tab.page.locator(f"span.sentence#{sentence}").count() == 1, f"no #{sentence}"
    style = tab.page.eval_on_selector(f"#{sentence}", TARGET_STYLE)
    assert style["target"], style
    assert style["outline"] not in ("none", "") and style["outlineWidth"] != "0px", style
    assert style["background"] not in ("rgba(0, 0, 0, 0)", "transparent"), style
    others = tab.page.eval_on_selector_all(
        f"span.sentence:not(#{sentence})", f"els => els.slice(0, 3).map({TARGET_STYLE})")
    for other in others:  # only the cited sentence is highlighted
        assert other["outline"] == "none" or other["outlineWidth"] == "0px", other


def csp_violations(tab: Tab) -> list[str]:
    """Console messages saying the page's Content-Security-Policy blocked something."""
    return [m for m in tab.console if "Content Security Policy" in m]


SECTIONS = ("risk_factors", "prophylaxis", "surveillance", "differential", "treatment",
            "cautions")


def fill_hip_patient(tab: Tab) -> None:
    """A total hip arthroplasty yesterday, HO after an earlier one; assessed the next morning."""
    form = tab.page.locator("form.patient-form")
    form.locator("#age").fill("67")
    form.locator("#sex").select_option("male")
    form.locator("#history_of_ho").check()
    form.locator("#procedures").fill("total hip arthroplasty")
    form.locator("#procedure_time").fill("2025-03-10T09:30")
    form.locator("#at").fill("2025-03-11T06:00")


def submit(tab: Tab, form: str) -> None:
    with tab.page.expect_navigation():
        tab.page.locator(f"{form} button[type=submit]").click()
    tab.page.wait_for_load_state("load")


def assert_report_with_prophylaxis(tab: Tab) -> None:
    report = tab.page.locator("article.report")
    assert report.count() == 1, tab.page.locator("p.error").all_inner_texts()
    for name in SECTIONS:
        assert report.locator(f"section#{name}").count() == 1, name
    assert report.locator("section#risk_factors .item").count() >= 1
    prophylaxis = report.locator("section#prophylaxis .item")
    assert prophylaxis.count() >= 1
    first = prophylaxis.first
    assert first.locator(".claim strong").inner_text().strip()
    assert first.locator("a.source-link").count() >= 1
    assert first.locator("ul.citations q").first.inner_text().strip()  # the cited sentence
    assert "2025-03-11 06:00" in report.locator("p.meta").inner_text()
