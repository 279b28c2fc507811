"""Turn named interventions into control-parameter values.

Names are resolved leniently (gene symbols and synonyms through the lexicon,
merged concepts through the assumptions) and refused loudly: an unknown name
lists the closest known ones; fractions outside [0, 1] and durations outside
(0, 3650] days are errors, not clamps.
"""

from __future__ import annotations

import difflib
import math
from collections.abc import Callable

from osteon.mechanism.data import interventions
from osteon.mechanism.records import MechanismError, MechanismGraph, Scenario

MAX_DAYS = 3650.0


def _close(name: str, known: list[str]) -> str:
    close = difflib.get_close_matches(name, known, n=4, cutoff=0.5)
    if not close:
        close = difflib.get_close_matches(name.lower(), [k.lower() for k in known], n=4,
                                          cutoff=0.4)
    return f" (did you mean {', '.join(close)}?)" if close else ""


def resolve_node(graph: MechanismGraph, name: str) -> str:
    """A model node id from an id, name, synonym or gene symbol (OSMR, GR, NR3C1 …)."""
    from osteon.reading.lexicon import load_lexicon

    if name in graph.nodes:
        return name
    candidates = [name, name.replace("_", " ")]
    lexicon = load_lexicon()
    for text in candidates:
        cid = lexicon.concept_id_for(text)
        if cid:
            cid = graph.aliases.get(cid, cid)
            if cid in graph.nodes:
                return cid
    raise MechanismError(f"unknown model node {name!r}{_close(name, list(graph.nodes))}; "
                         "`osteon mechanism graph` lists the nodes")


def check_fraction(node: str, value: float) -> float:
    if not isinstance(value, int | float) or math.isnan(value) or not 0.0 <= value <= 1.0:
        raise MechanismError(f"fraction for {node} must be between 0 and 1, got {value!r}")
    return float(value)


def check_days(days: float) -> float:
    if not isinstance(days, int | float) or math.isnan(days) or not 0 < days <= MAX_DAYS:
        raise MechanismError(f"duration must be more than 0 and at most {MAX_DAYS:g} days, "
                             f"got {days!r}")
    return float(days)


def known_interventions() -> list[str]:
    data = interventions()
    return sorted([*data.drugs, *data.genetic, *data.stimuli])


def controls_for(graph: MechanismGraph, scenario: Scenario,
                 names: tuple[str, ...]) -> list[float]:
    """Values of the control parameters `names` for a scenario (unset ones are 0)."""
    data = interventions()
    values = dict.fromkeys(names, 0.0)
    check_days(scenario.days)
    for injury in scenario.injuries:
        if injury not in data.injuries:
            raise MechanismError(f"unknown injury {injury!r}"
                                 f"{_close(injury, list(data.injuries))}")
        values[f"inj_{data.injuries[injury].node}"] = 1.0
    inhibit = {resolve_node(graph, k): check_fraction(k, v) for k, v in scenario.inhibit.items()}
    over = {resolve_node(graph, k): check_fraction(k, v) for k, v in scenario.overexpress.items()}
    for name in (*scenario.interventions, *scenario.stimuli):
        spec = data.treatment(name)
        if spec is not None:
            fraction = check_fraction(name, spec.fraction)
            for target in spec.targets:
                node = resolve_node(graph, target)
                # two drugs on one target: the activity left is the product of what each leaves
                inhibit[node] = 1 - (1 - inhibit.get(node, 0.0)) * (1 - fraction)
        elif name in data.stimuli:
            values[f"stim_{data.stimuli[name].node}"] = float(data.stimuli[name].level)
        else:
            raise MechanismError(f"unknown intervention {name!r}"
                                 f"{_close(name, known_interventions())}")
    for node, f in inhibit.items():
        values[f"kd_{node}"] = f
    for node, f in over.items():
        values[f"ox_{node}"] = f
    return [values[n] for n in names]


def scenario_label(scenario: Scenario, name: Callable[[str], str] = str) -> str:
    """How a run is named beside the untreated one: drugs, stimuli, genetic changes."""
    parts = [*scenario.interventions, *scenario.stimuli]
    parts += [f"knockout {name(n)}" if f >= 1.0 else f"{name(n)} −{f:.0%}"
              for n, f in scenario.inhibit.items()]
    parts += [f"{name(n)} +{v:g}" for n, v in scenario.overexpress.items()]
    return " + ".join(parts) or "untreated"
