"""The simulator panel: its form read into a checked scenario, runs cached, the result.

The form (a GET query) becomes a `Scenario` and its untreated twin, bad input a
`MechanismError` that names the problem. What a scenario may hold (known injuries,
interventions and stimuli, the longest run: MAX_DAYS) is checked once, by the mechanism
itself (`osteon.mechanism.interventions`), for the web, the CLI and the MCP server alike;
with `band` each run also gets its uncertainty band (uncertainty.py). Runs are kept in a
small LRU keyed on the knowledge generation and the checked scenario.
"""

from __future__ import annotations

import math
import threading
from collections import OrderedDict
from collections.abc import Hashable
from dataclasses import dataclass, field
from typing import Any, Generic, TypeVar
from urllib.parse import urlencode

from osteon.mechanism.interventions import (  # MAX_DAYS: the form's longest run
    MAX_DAYS,  # noqa: F401
    check_days,
    check_fraction,
    resolve_node,
    scenario_label,
)
from osteon.mechanism.judges import BONE
from osteon.mechanism.plot import panels_of, pixel_size
from osteon.mechanism.records import MechanismError, MechanismGraph, Scenario, Trajectory
from osteon.mechanism.uncertainty import Band, band
from osteon.web.mechanism_graph import lexicon_or_none, node_label

DEFAULT_DAYS = 28.0
DEFAULT_INJURIES = ("spinal_cord", "muscle")

# ---------------------------------------------------------------- the simulator form


@dataclass(frozen=True, slots=True)
class SimForm:
    """The simulator's fields as the person left them (echoed back into the form)."""

    injuries: tuple[str, ...] = DEFAULT_INJURIES
    drugs: tuple[str, ...] = ()
    stimuli: tuple[str, ...] = ()
    knockout: str = ""
    inhibit: str = ""
    fraction: str = "0.5"
    days: str = "28"
    band: bool = False
    """Draw the uncertainty band (percentiles over a parameter sweep)."""
    submitted: bool = False


@dataclass(frozen=True, slots=True)
class SimRequest:
    """A checked scenario, its untreated twin, its label and its canonical query."""

    scenario: Scenario
    baseline: Scenario | None
    label: str
    query: str
    key: Hashable = field(compare=False)
    band: bool = False


FIELDS = ("injury", "drug", "stimulus", "knockout", "inhibit", "fraction", "days", "band")


def read_form(params: Any) -> SimForm:
    """The form from a query (`QueryParams` or a mapping of lists); defaults when none sent."""
    def many(name: str) -> tuple[str, ...]:
        values = params.getlist(name) if hasattr(params, "getlist") else params.get(name, [])
        return tuple(dict.fromkeys(v.strip() for v in values if v and v.strip()))

    def one(name: str, default: str) -> str:
        values = many(name)
        return values[0] if values else default

    submitted = any(name in params for name in FIELDS)
    if not submitted:
        return SimForm()
    return SimForm(injuries=many("injury"), drugs=many("drug"), stimuli=many("stimulus"),
                   knockout=one("knockout", ""), inhibit=one("inhibit", ""),
                   fraction=one("fraction", "0.5"), days=one("days", "28"),
                   band=one("band", "") in ("1", "on", "true", "yes"), submitted=True)


def _number(text: str, what: str) -> float:
    try:
        value = float(text)
    except ValueError:
        raise MechanismError(f"{what} must be a number, got {text!r}") from None
    if math.isnan(value) or math.isinf(value):
        raise MechanismError(f"{what} must be a number, got {text!r}")
    return value


def check(form: SimForm, graph: MechanismGraph) -> SimRequest:
    """The scenario the form asks for, or a MechanismError saying what is wrong with it.

    The form's text is read here (numbers, node names); unknown injuries, drugs and
    stimuli are refused by the model when it runs the scenario (`outcome`).
    """
    days = check_days(_number(form.days, "days"))
    inhibit: dict[str, float] = {}
    if form.knockout:
        inhibit[resolve_node(graph, form.knockout)] = 1.0
    if form.inhibit:
        node = resolve_node(graph, form.inhibit)
        fraction = check_fraction(form.inhibit, _number(form.fraction, "fraction"))
        inhibit[node] = 1 - (1 - inhibit.get(node, 0.0)) * (1 - fraction)
    scenario = Scenario(injuries=tuple(sorted(form.injuries)), interventions=form.drugs,
                        inhibit=inhibit, stimuli=form.stimuli, days=days)
    treated = bool(form.drugs or form.stimuli or inhibit)
    baseline = Scenario(injuries=scenario.injuries, days=days) if treated else None
    lexicon = lexicon_or_none()
    label = scenario_label(scenario, lambda n: node_label(n, lexicon))
    pairs: list[tuple[str, str]] = [("injury", i) for i in scenario.injuries]
    pairs += [("drug", d) for d in form.drugs] + [("stimulus", s) for s in form.stimuli]
    if form.knockout:
        pairs.append(("knockout", resolve_node(graph, form.knockout)))
    if form.inhibit:
        pairs += [("inhibit", resolve_node(graph, form.inhibit)), ("fraction", f"{fraction:g}")]
    pairs.append(("days", f"{days:g}"))
    if form.band:
        pairs.append(("band", "1"))
    key = (scenario.injuries, scenario.interventions, scenario.stimuli,
           tuple(sorted(inhibit.items())), days, form.band)
    return SimRequest(scenario, baseline, label, urlencode(pairs), key, form.band)


# ---------------------------------------------------------------- results

K = TypeVar("K", bound=Hashable)
V = TypeVar("V")


class Lru(Generic[K, V]):
    """A small least-recently-used cache, safe to share between threads."""

    def __init__(self, size: int) -> None:
        self.size = size
        self._items: OrderedDict[K, V] = OrderedDict()
        self._lock = threading.Lock()

    def get(self, key: K) -> V | None:
        with self._lock:
            if key not in self._items:
                return None
            self._items.move_to_end(key)
            return self._items[key]

    def put(self, key: K, value: V) -> V:
        with self._lock:
            self._items[key] = value
            self._items.move_to_end(key)
            while len(self._items) > self.size:
                self._items.popitem(last=False)
        return value

    def __len__(self) -> int:
        return len(self._items)


@dataclass(frozen=True, slots=True)
class Outcome:
    """A scenario's run beside its untreated twin (None when nothing was done)."""

    request: SimRequest
    runs: tuple[tuple[str, Trajectory], ...]
    """(label, run) with the untreated run first when there is one."""
    bands: tuple[Band, ...] | None = None
    """Each run's uncertainty band, in the order of `runs`, when the form asked for it."""

    @property
    def band(self) -> Band | None:
        """The scenario's own band."""
        return self.bands[-1] if self.bands else None

    def band_ends(self) -> list[tuple[str, float, float]]:
        """(run label, lower, upper) percentile of bone in the injured muscle at the end."""
        if not self.bands:
            return []
        return [(label, float(b.series(BONE)[0][-1]), float(b.series(BONE)[1][-1]))
                for (label, _), b in zip(self.runs, self.bands, strict=True)]

    @property
    def run(self) -> Trajectory:
        return self.runs[-1][1]

    @property
    def baseline(self) -> Trajectory | None:
        return self.runs[0][1] if len(self.runs) > 1 else None

    @property
    def summary(self) -> dict[str, float]:
        return self.run.summary()

    @property
    def untreated(self) -> dict[str, float] | None:
        return self.baseline.summary() if self.baseline is not None else None

    def change(self) -> float | None:
        """Bone in the injured muscle relative to untreated (−0.8 = 80% less)."""
        before = self.untreated
        if before is None or before["bone_injured"] <= 1e-6:
            return None
        return self.summary["bone_injured"] / before["bone_injured"] - 1

    def table(self) -> list[tuple[str, list[tuple[str, float, float]]]]:
        """(panel title, [(run label, peak, end)]) of the plotted quantities."""
        return [(title, [(label, float(run.series(node).max()), float(run.series(node)[-1]))
                         for label, run in self.runs])
                for node, title in panels_of(self.runs)]

    def as_json(self) -> dict[str, Any]:
        body: dict[str, Any] = {
            "query": self.request.query, "label": self.request.label,
            "days": self.request.scenario.days, "summary": self.summary,
            "untreated": self.untreated, "change": self.change(),
            "plot": f"/mechanism/plot.png?{self.request.query}"}
        if self.band is not None:
            body["band"] = {"about": self.band.label(),
                            "bone_injured": [{"run": label, "low": low, "high": high}
                                             for label, low, high in self.band_ends()]}
        return body


def outcome(model: Any, request: SimRequest) -> Outcome:
    """Run the scenario (and its untreated twin) on `model`; MechanismError when it fails."""
    run = model.simulate(request.scenario)
    runs: list[tuple[str, Trajectory]] = []
    scenarios = [request.scenario]
    if request.baseline is not None:
        runs.append(("untreated", model.simulate(request.baseline)))
        scenarios.insert(0, request.baseline)
    runs.append((request.label, run))
    bands = tuple(band(model, s) for s in scenarios) if request.band else None
    return Outcome(request, tuple(runs), bands)


def plot_size() -> tuple[int, int]:
    """The PNG's pixel size (every panel drawn), for the <img> width and height."""
    return pixel_size(())  # no runs to leave a panel out: all of them

