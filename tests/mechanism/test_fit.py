"""Parameters a source gives a figure for land on that figure, and say which sentence it is."""

from __future__ import annotations

from osteon.mechanism import Model
from osteon.mechanism.data import parameters
from osteon.mechanism.fit import OBSERVABLES, fit_report
from osteon.mechanism.views import model_notes


def test_every_fitted_figure_is_met_by_the_shipped_parameters(model: Model) -> None:
    results = fit_report(model)
    assert results
    off = {r.fit.observable: (r.value, r.fit.target) for r in results if not r.within}
    assert not off, off


def test_each_fit_cites_a_corpus_sentence_and_names_real_parameters(model: Model) -> None:
    from osteon.datafiles import data_path

    for fit in parameters().fitted:
        assert fit.observable in OBSERVABLES
        assert set(fit.parameters) <= set(model.default_params)
        text = data_path("corpus", f"{fit.source.doc}.txt").read_text(encoding="utf-8")
        assert " ".join(fit.source.quote.split()) in " ".join(text.split())


def test_bone_scan_leads_the_xray_because_osteoblasts_come_before_mineral(model: Model) -> None:
    from osteon.mechanism.checks import CONTROL
    from osteon.mechanism.fit import bone_scan_day, xray_day

    run = model.simulate(CONTROL)
    assert 0 < bone_scan_day(run) < xray_day(run) < CONTROL.days


def test_assumptions_carry_a_reason_and_are_shown(seeded_cli) -> None:
    notes = model_notes()
    assert len(notes["assumptions"]) >= 4
    assert all(a["text"] and a["reason"] for a in notes["assumptions"])
    result = seeded_cli("mechanism", "graph")
    assert result.exit_code == 0, result.output
    assert "model assumptions" in result.stdout and "why:" in result.stdout
    assert "fitted: tau__heterotopic_ossification" in result.stdout
