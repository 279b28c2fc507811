"""Export the model as SBML Level 3 (libsbml), interventions included as parameters.

Model parameters are constant
parameters, states become non-constant parameters driven by rate rules, and the control
parameters (inj_*, stim_*, kd_*, ox_*) are constant parameters a tool can set,
so the exported file runs every scenario the Python model runs.
"""

from __future__ import annotations

import libsbml

from osteon.mechanism.equations import SBML, build_system
from osteon.mechanism.records import MechanismError, MechanismGraph


def _check(code: int, what: str) -> None:
    if code != libsbml.LIBSBML_OPERATION_SUCCESS:
        raise MechanismError(f"SBML export failed at {what}: "
                             f"{libsbml.OperationReturnValue_toString(code)}")


def to_sbml(graph: MechanismGraph, controls: dict[str, float] | None = None,
            params: dict[str, float] | None = None) -> str:
    """SBML L3V2 text of the model; `controls` sets intervention parameter values.

    The model parameters (w__, n__, ec50__, tau__, ymax__, basal__) are constant
    SBML parameters at their defaults, or at `params` where given, so a tool can
    sweep the exported model the way `osteon.mechanism.sweep` sweeps this one.
    """
    system = build_system(graph, SBML)
    doc = libsbml.SBMLDocument(3, 2)
    model = doc.createModel()
    model.setId("osteon_neurogenic_ho")
    model.setName("osteon: neurogenic heterotopic ossification (logic-based ODE, days)")
    model.setTimeUnits("dimensionless")
    for name in system.controls:
        p = model.createParameter()
        _check(p.setId(name), name)
        p.setConstant(True)
        p.setValue(float((controls or {}).get(name, 0.0)))
    for name, default in system.params.items():
        p = model.createParameter()
        _check(p.setId(name), name)
        p.setConstant(True)
        p.setValue(float((params or {}).get(name, default)))
    for name in system.states:
        p = model.createParameter()
        _check(p.setId(name), name)
        p.setConstant(False)
        p.setValue(0.0)
        if system.initial[name] != "0":
            ia = model.createInitialAssignment()
            ia.setSymbol(name)
            _check(ia.setMath(libsbml.parseL3Formula(system.initial[name])), f"{name} initial")
        rule = model.createRateRule()
        rule.setVariable(name)
        math = libsbml.parseL3Formula(system.rates[name])
        if math is None:
            raise MechanismError(f"SBML export: cannot parse the rate of {name}")
        _check(rule.setMath(math), f"{name} rate")
    return libsbml.writeSBMLToString(doc)


def validation_errors(text: str) -> list[str]:
    """The errors (not warnings) libsbml finds in an SBML text, consistency checks included."""
    doc = libsbml.readSBMLFromString(text)
    doc.checkConsistency()
    return [doc.getError(i).getMessage() for i in range(doc.getNumErrors())
            if doc.getError(i).getSeverity() >= libsbml.LIBSBML_SEV_ERROR]
