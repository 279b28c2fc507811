"""Mechanism (`/mechanism`): the causal graph with its evidence, and the simulator panel.

- GET /mechanism: the graph as inline SVG and as a table of every edge with the
  sentences that state it (or the modelling assumption behind it), and the
  simulator's form; with a query (the form submitted) the run's summary and its
  plot beside the untreated run. Bad input answers 400 with the reason.
  Below, the model's predictions: each node knocked out, inhibited and
  stimulated, with the experiments and statements of the sources that test it
  and whether the model agrees, the untested ones being experiments it suggests.
- GET /mechanism/plot.png?…: the time-course plot of the same query (PNG), with
  its uncertainty band when the query asks for one (`band=1`).
- GET /mechanism/run.json?…: the summary, the plot's address and the result as
  an HTML fragment, for the page's script to update in place.

The laid-out graph is kept per graph (so per knowledge generation), the runs and
the PNGs in small LRU caches keyed on the generation and the checked scenario.
"""

from __future__ import annotations

import asyncio
from collections.abc import Mapping
from typing import Any

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse, JSONResponse, Response

from osteon.mechanism.data import Drug, Genetic, Injury, Stimulus, interventions
from osteon.mechanism.plot import png as plot_png
from osteon.mechanism.predict import Predictions, predict
from osteon.mechanism.records import MechanismError, MechanismGraph
from osteon.mechanism.uncertainty import describe
from osteon.web.mechanism_graph import GraphView, graph_view
from osteon.web.pages.render import ENV, render
from osteon.web.simulator import (
    MAX_DAYS,
    Lru,
    Outcome,
    SimForm,
    check,
    outcome,
    plot_size,
    read_form,
)
from osteon.web.state import AppState


class MechanismPages:
    """The page's caches over one app state."""

    def __init__(self, state: AppState) -> None:
        self.state = state
        self._view: tuple[MechanismGraph, GraphView] | None = None
        self.runs: Lru[Any, Outcome] = Lru(32)
        self.plots: Lru[Any, bytes] = Lru(32)
        self._predictions: tuple[Any, Predictions, Mapping[str, str]] | None = None

    def view(self) -> GraphView:
        graph = self.state.graph()
        if self._view is None or self._view[0] is not graph:
            titles = self.state.base.titles(
                {c.doc_id for e in graph.edges for c in e.citations})
            self._view = (graph, graph_view(graph, titles))
        return self._view[1]

    async def simulate(self, form: SimForm) -> Outcome:
        """The form's scenario run (cached; run off the event loop), or MechanismError."""
        model = self.state.model()
        generation = self.state.base.generation
        request = check(form, model.graph)
        key = (generation, request.key)
        found = self.runs.get(key)
        if found is None:
            found = self.runs.put(key, await asyncio.to_thread(outcome, model, request))
        return found

    async def png(self, result: Outcome) -> bytes:
        key = (self.state.base.generation, result.request.key)
        found = self.plots.get(key)
        if found is None:
            found = self.plots.put(key, await asyncio.to_thread(plot_png, result.runs,
                                                                result.bands))
        return found

    async def predictions(self) -> Predictions | None:
        """Each node perturbed (predict.py), computed once per model off the event loop.

        None when the model cannot run them (the page is still served without the table).
        """
        model = self.state.model()
        if self._predictions is None or self._predictions[0] is not model:
            try:
                found = await asyncio.to_thread(predict, model)
            except MechanismError:
                return None
            titles = self.state.base.titles({c.doc_id for p in found.rows
                                             for e in p.evidence for c in e.citations})
            self._predictions = (model, found, titles)
        return self._predictions[1]

    def titles(self) -> Mapping[str, str]:
        """The titles of the documents the predictions cite."""
        return self._predictions[2] if self._predictions is not None else {}


def _choices() -> dict[str, list[tuple[str, str]]]:
    data = interventions()

    def listed(section: Mapping[str, Drug | Genetic | Stimulus | Injury]
               ) -> list[tuple[str, str]]:
        return [(name, spec.why) for name, spec in sorted(section.items())]

    return {"injuries": listed(data.injuries), "drugs": listed(data.drugs),
            "genetic": listed(data.genetic), "stimuli": listed(data.stimuli)}


async def _context(pages: MechanismPages, form: SimForm) -> tuple[int, dict[str, Any]]:
    result: Outcome | None = None
    error: str | None = None
    if form.submitted:
        try:
            result = await pages.simulate(form)
        except MechanismError as exc:
            error = str(exc)
    width, height = plot_size()
    context = {"form": form, "result": result, "error": error, "choices": _choices(),
               "max_days": MAX_DAYS, "plot_width": width, "plot_height": height,
               "band_about": describe()}
    return (400 if error else 200), context


def router(state: AppState) -> APIRouter:
    routes = APIRouter()
    pages = MechanismPages(state)

    @routes.get("/mechanism", response_class=HTMLResponse)
    async def mechanism(request: Request) -> Response:
        form = read_form(request.query_params)
        view = pages.view()
        status, context = await _context(pages, form)
        predictions = await pages.predictions()
        return render("mechanism.html", request, status=status, view=view,
                      nodes=view.options, node_names=dict(view.options),
                      predictions=predictions, source_titles=pages.titles(),
                      **context)

    @routes.get("/mechanism/run.json")
    async def run_json(request: Request) -> Response:
        form = read_form(request.query_params)
        if not form.submitted:
            form = SimForm(submitted=True)
        view = pages.view()
        status, context = await _context(pages, form)
        html = ENV.get_template("mechanism_result.html").render(nodes=view.options, **context)
        result: Outcome | None = context["result"]
        body: dict[str, Any] = result.as_json() if result is not None else {
            "error": context["error"]}
        body["html"] = html
        return JSONResponse(body, status_code=status)

    @routes.get("/mechanism/plot.png")
    async def plot(request: Request) -> Response:
        form = read_form(request.query_params)
        try:
            result = await pages.simulate(form)
        except MechanismError as exc:
            return Response(str(exc), status_code=400, media_type="text/plain; charset=utf-8")
        png = await pages.png(result)
        return Response(png, media_type="image/png",
                        headers={"Cache-Control": "private, max-age=300"})

    return routes
