"""Every data file is validated at load, and a mistake names the file, the line and the entry."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from osteon.assess.rules import AssessRules, TimingRules
from osteon.corpus.rules import ChromeRules
from osteon.datafiles import LOADER, data_path, load_file
from osteon.errors import DataFileError
from osteon.mechanism.data import Assumptions, Interventions, Parameters


def copy(tmp_path: Path, *parts: str, old: str, new: str) -> Path:
    """A copy of a packaged data file with the first `old` replaced by `new`."""
    text = data_path(*parts).read_text(encoding="utf-8")
    assert old in text
    path = tmp_path / parts[-1]
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    return path


def line_with(path: Path, needle: str) -> int:
    return next(i for i, line in enumerate(path.read_text().splitlines(), 1) if needle in line)


def test_a_typo_in_a_drug_is_reported_at_load_with_the_file_and_line(tmp_path):
    path = copy(tmp_path, "mechanism", "interventions.yaml",
                old="fraction: 0.9", new="fracton: 0.9")
    with pytest.raises(DataFileError) as caught:
        load_file(Interventions, path)
    message = str(caught.value)
    assert message.startswith(f"{path} line {line_with(path, 'fracton')}: ")
    assert "drugs.mifepristone" in message
    assert "unknown field 'fracton' (did you mean 'fraction'?)" in message


def test_a_value_out_of_range_names_the_entry_and_its_line(tmp_path):
    path = copy(tmp_path, "mechanism", "parameters.yaml", old="ec50: 0.3", new="ec50: 3")
    with pytest.raises(DataFileError) as caught:
        load_file(Parameters, path)
    assert caught.value.line == line_with(path, "ec50: 3")
    assert caught.value.entry == "defaults.edge.ec50"


def test_a_missing_field_names_the_entry_that_lacks_it(tmp_path):
    path = copy(tmp_path, "mechanism", "assumptions.yaml", old='into: interleukin_1_beta, ',
                new="")
    with pytest.raises(DataFileError) as caught:
        load_file(Assumptions, path)
    assert caught.value.reason == "missing field 'into'"
    assert caught.value.line == line_with(path, "interleukin_1: {")


def test_an_error_inside_a_rule_names_the_rule_by_its_id(tmp_path):
    path = copy(tmp_path, "assess", "rules.yaml", old="  - id: risk-factor\n",
                new="  - id: risk-factor\n    sectoin: risk_factors\n")
    with pytest.raises(DataFileError) as caught:
        load_file(AssessRules, path)
    assert "rule 'risk-factor'" in str(caught.value)
    assert caught.value.line == line_with(path, "sectoin")
    assert "did you mean 'section'" in caught.value.reason


def test_a_yaml_syntax_error_names_its_line(tmp_path):
    path = copy(tmp_path, "corpus", "rules", "chrome.yaml", old="patterns:", new="patterns: [")
    with pytest.raises(DataFileError) as caught:
        load_file(ChromeRules, path)
    assert caught.value.entry == "syntax" and caught.value.line is not None


def test_every_packaged_mechanism_file_loads():
    from osteon.mechanism.data import assumptions, interventions, parameters

    assert "mifepristone" in interventions().drugs
    assert parameters().node("osteoblast").requires
    assert assumptions().inputs["muscle_injury"].kind == "pulse"


def test_a_cds_service_with_an_unknown_section_or_hook_is_refused_at_load(tmp_path):
    from osteon.web.cds.service import HOOKS
    from osteon.web.cds.services import CdsServices, check_services

    path = copy(tmp_path, "web", "cds.yaml", old="sections: [prophylaxis, risk_factors",
                new="sections: [prophylaxsis, risk_factors")
    with pytest.raises(DataFileError) as caught:
        check_services(load_file(CdsServices, path), HOOKS, str(path))
    assert caught.value.line == line_with(path, "prophylaxsis")
    assert "service 'osteon-ho-order-sign'" in str(caught.value)
    assert "unknown section 'prophylaxsis'" in caught.value.reason

    path = copy(tmp_path, "web", "cds.yaml", old="hook: order-sign", new="hook: order-select")
    with pytest.raises(DataFileError) as caught:
        check_services(load_file(CdsServices, path), HOOKS, str(path))
    assert caught.value.line == line_with(path, "order-select")
    assert "no function answers hook 'order-select'" in caught.value.reason


def test_a_new_cds_service_is_a_data_entry(tmp_path):
    from osteon.web.cds.service import HOOKS
    from osteon.web.cds.services import CdsServices, check_services

    path = copy(tmp_path, "web", "cds.yaml", old="services:\n", new=(
        "services:\n  - {id: osteon-ho-cautions, hook: patient-view, title: HO cautions,\n"
        "     description: Cautions only., sections: [cautions]}\n"))
    config = check_services(load_file(CdsServices, path), HOOKS, str(path))
    added = config.services[0]
    assert config.description(added).prefetch == config.prefetch
    assert added.sections == ("cautions",)


def test_an_assessment_rule_naming_an_unknown_section_is_refused(tmp_path):
    path = copy(tmp_path, "assess", "rules.yaml", old="    section: prophylaxis\n",
                new="    section: prophylaxsis\n")
    with pytest.raises(DataFileError) as caught:
        load_file(AssessRules, path)
    assert caught.value.line == line_with(path, "prophylaxsis")
    assert "unknown section 'prophylaxsis'" in caught.value.reason


def test_every_section_reads_from_one_file():
    from osteon.assess.records import SECTIONS, Assessment
    from osteon.assess.render import TITLES
    from osteon.assess.sections import sections

    assert SECTIONS == tuple(sections())
    assert all(hasattr(Assessment, name) for name in SECTIONS)
    assert TITLES["risk_factors"] == sections()["risk_factors"].title
    assert TITLES.keys() == set(SECTIONS)


def test_the_assessment_computes_with_every_duration_the_reader_knows():
    from osteon.assess.rules import timing_rules
    from osteon.reading.quantity_rules import quantity_rules

    durations = {u.unit for u in quantity_rules().units if u.kind == "duration"}
    assert "decade" in durations
    assert durations <= set(timing_rules().hours)


def test_a_phrasing_with_two_forms_names_its_predicate_and_line(tmp_path):
    from osteon.knowledge.rules import _Phrasing

    path = copy(tmp_path, "knowledge", "predicates.yaml", old='prognosis: ["{s}: {o}", ',
                new='prognosis: [')
    with pytest.raises(DataFileError) as caught:
        load_file(_Phrasing, path)
    assert caught.value.entry == "prognosis"
    assert caught.value.line == line_with(path, "prognosis:")


def test_the_packaged_loader_reports_a_drug_typo_with_its_line(tmp_path, monkeypatch):
    import osteon.datafiles as datafiles
    from osteon.mechanism import data

    folder = tmp_path / "data"
    (folder / "mechanism").mkdir(parents=True)
    path = copy(folder / "mechanism", "mechanism", "interventions.yaml",
                old="fraction: 0.9", new="fracton: 0.9")
    monkeypatch.setattr(datafiles, "data_path", lambda *parts: folder.joinpath(*parts))
    with pytest.raises(DataFileError) as caught:
        data.interventions.__wrapped__()
    assert str(caught.value).startswith(
        f"data/mechanism/interventions.yaml line {line_with(path, 'fracton')}: ")
    assert "did you mean 'fraction'" in str(caught.value)


def test_a_lexicon_parent_that_names_no_concept_gives_the_entrys_line(tmp_path):
    import yaml

    from osteon.reading.lexicon import build_lexicon

    path = copy(tmp_path, "lexicon", "conditions.yaml", old="parents: [heterotopic_ossification]",
                new="parents: [heterotopic_ossificaton]")
    folder = data_path("lexicon")
    files = {f"data/lexicon/{n.name}": yaml.safe_load(n.read_text(encoding="utf-8"))
             for n in folder.iterdir() if n.name.endswith(".yaml") and n.name != path.name}
    files[str(path)] = yaml.safe_load(path.read_text(encoding="utf-8"))
    with pytest.raises(DataFileError) as caught:
        build_lexicon(files)
    assert "parent 'heterotopic_ossificaton' is not a concept id" in str(caught.value)
    text = path.read_text().splitlines()
    entry_line = max(i for i, line in enumerate(text, 1)
                     if i <= line_with(path, "ossificaton") and line.startswith("- "))
    assert caught.value.line == entry_line


def test_a_conflict_rule_naming_an_unknown_predicate_gives_its_line(tmp_path):
    from osteon.knowledge.rules import ConflictRules, _check_names

    path = copy(tmp_path, "knowledge", "conflicts.yaml", old="positive: [treats, prevents]",
                new="positive: [treats, prevent]")
    with pytest.raises(DataFileError) as caught:
        _check_names(load_file(ConflictRules, path), str(path))
    assert "'prevent' is not in the vocabulary" in str(caught.value)
    assert caught.value.line == line_with(path, "[treats, prevent]")


def test_a_timing_relation_the_reader_never_records_is_refused_with_its_line(tmp_path):
    from osteon.knowledge.rules import ConflictRules

    path = copy(tmp_path, "assess", "timing.yaml", old="  within: deadline",
                new="  whithin: deadline")
    with pytest.raises(DataFileError) as caught:
        load_file(TimingRules, path)
    assert "the reader records no relation 'whithin'" in caught.value.reason
    assert caught.value.line == line_with(path, "whithin")

    path = copy(tmp_path, "knowledge", "conflicts.yaml", old="lag: {after: later",
                new="lag: {afterwards: later")
    with pytest.raises(DataFileError, match="no relation 'afterwards'"):
        load_file(ConflictRules, path)


def test_a_code_for_a_concept_the_lexicon_lacks_names_its_line(tmp_path, monkeypatch):
    import osteon.datafiles as datafiles
    from osteon.assess.codes import CodeTable, CodeTables, check_against
    from osteon.reading.lexicon import load_lexicon

    folder = tmp_path / "data"
    (folder / "assess" / "codes").mkdir(parents=True)
    path = copy(folder / "assess" / "codes", "assess", "codes", "cpt.yaml",
                old='concept: total_hip_arthroplasty, display: "conversion',
                new='concept: total_hip_arthroplastie, display: "conversion')
    monkeypatch.setattr(datafiles, "data_path", lambda *parts: folder.joinpath(*parts))
    tables = CodeTables({"cpt.yaml": load_file(CodeTable, path)})
    with pytest.raises(DataFileError) as caught:
        check_against(tables, load_lexicon())
    assert "unknown concept 'total_hip_arthroplastie'" in str(caught.value)
    assert caught.value.line == line_with(path, "total_hip_arthroplastie")


def _repeated_keys(node: yaml.Node, path: str = "") -> list[str]:
    """Keys a mapping of the document gives twice (YAML keeps the last, silently)."""
    if isinstance(node, yaml.SequenceNode):
        return [key for i, item in enumerate(node.value)
                for key in _repeated_keys(item, f"{path}[{i}]")]
    if not isinstance(node, yaml.MappingNode):
        return []
    seen: set[str] = set()
    repeated = []
    for key, value in node.value:
        if key.value in seen:
            repeated.append(f"{path}/{key.value} (line {key.start_mark.line + 1})")
        seen.add(key.value)
        repeated += _repeated_keys(value, f"{path}/{key.value}")
    return repeated


def test_no_packaged_data_file_gives_a_key_twice():
    # a rule given a second `cues:` loses the first one's words without a word said
    root = Path(str(data_path()))
    found = {str(f.relative_to(root)): _repeated_keys(
        yaml.compose(f.read_text(encoding="utf-8"), Loader=LOADER))
        for f in sorted(root.rglob("*.yaml"))}
    assert len(found) > 20
    assert not {name: keys for name, keys in found.items() if keys}
