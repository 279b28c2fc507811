"""The response models state the JSON each verb answers with, and change none of it.

`--json` and `/api` print `responses.dump(Model, view)`: the same data the stage's view
built, checked against a model whose every field is in /openapi.json. A key a view adds
without declaring it would pass through unseen by programs reading the schema: these
tests name it.
"""

from __future__ import annotations

import json
from dataclasses import asdict
from pathlib import Path
from typing import Any

import pytest
from pydantic import BaseModel

from osteon import KnowledgeBase
from osteon.responses import (
    AnswerOut,
    AssessmentOut,
    ConflictOut,
    FactOut,
    GraphOut,
    RunOut,
    Shape,
    SourceOut,
    dump,
)

PATIENT = Path(__file__).parent / "data" / "patients" / "tha_day1_prior_ho.json"


def _undeclared(model: type[BaseModel], data: Any, where: str = "") -> list[str]:
    """Keys in `data` that `model` (and the models of its fields) does not declare."""
    if not isinstance(data, dict):
        return []
    names = {f.alias or name: f for name, f in model.model_fields.items()}
    found = [f"{where}.{key}" for key in data if key not in names]
    for key, field in names.items():
        value = data.get(key)
        inner = _model_of(field.annotation)
        if inner is None or value is None:
            continue
        for item in value if isinstance(value, list) else [value]:
            found += _undeclared(inner, item, f"{where}.{key}")
    return sorted(set(found))


def _model_of(annotation: Any) -> type[BaseModel] | None:
    if isinstance(annotation, type) and issubclass(annotation, Shape):
        return annotation
    for arg in getattr(annotation, "__args__", ()):
        found = _model_of(arg)
        if found is not None:
            return found
    return None


def _views(kb: KnowledgeBase) -> dict[str, tuple[type[Shape], Any]]:
    from osteon.ask.views import answer_dict
    from osteon.assess.render import to_dict
    from osteon.knowledge.views import conflict_dict, fact_dict
    from osteon.mechanism import Scenario
    from osteon.mechanism.views import graph_dict, run_dict

    scenario = Scenario(injuries=("spinal_cord", "muscle"), days=7)
    return {
        "ask": (AnswerOut, answer_dict(kb.ask("How can heterotopic ossification be prevented?"))),
        "facts": (FactOut, fact_dict(kb.facts("NSAIDs", limit=5)[0])),
        "conflicts": (ConflictOut, conflict_dict(kb.conflicts()[0])),
        "sources": (SourceOut, asdict(kb.sources()[0])),
        "assess": (AssessmentOut, to_dict(kb.assess(PATIENT, at="2024-01-02T08:00:00Z"))),
        "graph": (GraphOut, graph_dict(kb.graph())),
        "simulate": (RunOut, run_dict(scenario, kb.simulate(scenario))),
    }


@pytest.fixture(scope="module")
def views(seeded_kb: KnowledgeBase) -> dict[str, tuple[type[Shape], Any]]:
    return _views(seeded_kb)


@pytest.mark.parametrize("verb", ["ask", "facts", "conflicts", "sources", "assess", "graph",
                                  "simulate"])
def test_a_model_changes_no_answer(views: dict[str, tuple[type[Shape], Any]], verb: str) -> None:
    """Byte for byte: the same keys, in the same order, with the same numbers."""
    model, data = views[verb]
    assert json.dumps(dump(model, data), ensure_ascii=False) == json.dumps(data,
                                                                           ensure_ascii=False)


def test_a_scope_or_figure_says_only_what_its_view_said(seeded_kb: KnowledgeBase) -> None:
    """An unsaid scope field or an unscoped figure stays out of the JSON (no nulls, no [])."""
    from osteon.knowledge.views import fact_dict

    facts = [fact_dict(f) for f in seeded_kb.facts()]
    figures = [v for f in facts for v in f["qualifiers"].get("values", [])]  # type: ignore[union-attr]
    assert any("scope" not in v for v in figures), "the seeds hold an unscoped figure"
    assert any(f["scope"] == {} for f in facts), "the seeds hold an unscoped fact"
    assert json.dumps(dump(FactOut, facts, many=True)) == json.dumps(facts)


@pytest.mark.parametrize("verb", ["ask", "facts", "conflicts", "sources", "assess", "graph",
                                  "simulate"])
def test_a_model_declares_every_key_its_view_gives(views: dict[str, tuple[type[Shape], Any]],
                                                   verb: str) -> None:
    model, data = views[verb]
    assert _undeclared(model, data, verb) == []
