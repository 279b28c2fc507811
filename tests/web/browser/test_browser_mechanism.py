"""Mechanism: the causal graph is drawn, and a simulation run shows its time-course plot."""

from __future__ import annotations

from browsing import Tab

PLOT = ".sim-result img"
LOADED = "img => img.complete && img.naturalWidth > 0 && img.naturalHeight > 0"


def test_run_a_simulation_and_see_the_plot(tab: Tab) -> None:
    tab.goto("/mechanism")
    graph = tab.page.locator(".mech-graph svg")
    assert graph.count() >= 1 and graph.first.is_visible()
    assert tab.page.locator(".mech-graph svg a, .mech-graph svg path").count() >= 1  # edges
    panel = tab.page.locator(".sim-panel")
    assert panel.is_visible()
    assert tab.page.locator(PLOT).count() == 0  # no plot before a run
    tab.shot()
    injuries = panel.locator("input[type=checkbox][name=injury]")
    if injuries.count():
        injuries.first.check()
    drugs = panel.locator("input[type=checkbox][name=drug]")
    if drugs.count():
        drugs.first.check()
    panel.locator("button[type=submit]").click()
    plot = tab.page.locator(PLOT)
    plot.first.wait_for(state="visible")
    tab.page.wait_for_function(
        f"() => {{ const img = document.querySelector({PLOT!r}); return img && ({LOADED})(img); }}")
    assert plot.first.evaluate(LOADED)
    assert plot.first.evaluate("img => img.naturalWidth") > 0
    assert (plot.first.get_attribute("alt") or "").strip()  # the plot is described
    assert tab.page.locator(".sim-result .sim-error").count() == 0
    png = [r for r in tab.responses if "/mechanism/plot.png" in r.url]
    assert png and png[-1].ok and png[-1].headers.get("content-type") == "image/png"
    assert not tab.dialogs
    tab.shot()


def test_a_band_and_the_predictions_table(tab: Tab) -> None:
    tab.goto("/mechanism")
    table = tab.page.locator("table.mech-predictions")
    assert table.is_visible()
    assert table.locator("tbody tr.tested").count() >= 1
    assert table.locator("tbody tr.suggested").count() >= 1
    panel = tab.page.locator(".sim-panel")
    panel.locator("input[type=checkbox][name=band]").check()
    panel.locator("button[type=submit]").click()
    ends = tab.page.locator(".sim-result .sim-band-ends")
    ends.first.wait_for(state="visible")
    assert "percentile" in (tab.page.locator(".sim-result figcaption").inner_text())
    tab.page.wait_for_function(
        f"() => {{ const img = document.querySelector({PLOT!r}); return img && ({LOADED})(img); }}")
    png = [r for r in tab.responses if "/mechanism/plot.png" in r.url and "band=1" in r.url]
    assert png and png[-1].ok
    assert not tab.dialogs
    tab.shot()
