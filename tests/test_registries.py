"""Export and report formats are registries: a new format is one class and one entry."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from osteon.assess import render as report
from osteon.assess.records import Assessment, Patient
from osteon.knowledge import export as exports


def test_a_new_export_format_is_a_subclass_and_one_registry_entry(monkeypatch):
    class Triples(exports.Exporter):
        name, suffix, media_type = "triples", ".txt", "text/plain"

        def write(self, facts, conflicts, lexicon) -> str:
            return "\n".join(f"{f.assertion.subject} {f.assertion.predicate}" for f in facts)

    monkeypatch.setitem(exports.EXPORTERS, "triples", Triples())
    assert exports.export([], [], None, "triples") == ""  # type: ignore[arg-type]
    with pytest.raises(ValueError, match="choose from jsonld, graphml, csv"):
        exports.export([], [], None, "rdfxml")  # type: ignore[arg-type]


def test_each_export_and_report_format_names_its_media_type():
    assert exports.FORMATS == ("jsonld", "graphml", "csv")
    assert report.FORMATS == ("md", "html", "json")
    for registry in (exports.EXPORTERS, report.RENDERERS):
        for name, writer in registry.items():
            assert writer.name == name and "/" in writer.media_type


def test_a_new_report_format_is_a_subclass_and_one_registry_entry(monkeypatch):
    class Count(report.Renderer):
        name, media_type = "count", "text/plain"

        def write(self, assessment: Assessment) -> str:
            return f"{len(assessment.items())} items\n"

    monkeypatch.setitem(report.RENDERERS, "count", Count())
    assessment = Assessment(Patient("p1", 50, "female", ()), datetime(2026, 1, 1, tzinfo=UTC))
    assert report.render(assessment, "count") == "0 items\n"
    assert report.render(assessment, "md").startswith("# Heterotopic ossification assessment: p1")
    with pytest.raises(ValueError, match="unknown format 'pdf'"):
        report.render(assessment, "pdf")
