"""The fast forms of the equations agree with each other and with their definitions.

The scalar right-hand side with the numbers folded in (specialise.py), its
analytic Jacobian, the array form over parameter sets (vector.py) and the sweep's
Runge-Kutta (rk.py) each replace something slower; these tests hold them to it.
"""

from __future__ import annotations

import itertools

import numpy as np
import pytest
from scipy.integrate import odeint, solve_ivp

from osteon.mechanism import Model, Scenario
from osteon.mechanism.equations import independent_blocks
from osteon.mechanism.rk import rk23
from osteon.mechanism.specialise import Specialised, compile_specialised
from osteon.mechanism.sweep import sample_parameters
from osteon.mechanism.vector import VectorRhs

BOTH = ("spinal_cord", "muscle")
SCENARIOS = [Scenario(injuries=BOTH),
             Scenario(injuries=BOTH, interventions=("ruxolitinib",), stimuli=("lps",)),
             Scenario(injuries=("muscle",), inhibit={"OSMR": 0.8},
                      overexpress={"tumor_necrosis_factor": 0.5})]


def _values(model: Model, scenario: Scenario, params: np.ndarray | None = None
            ) -> dict[str, float]:
    names = model.system.params
    p = model.system.params if params is None else dict(zip(names, params, strict=True))
    return {**p, **dict(zip(model.system.controls, model.controls(scenario), strict=True))}


def _rhs(compiled: Specialised):
    return compiled.bind(itertools.count(1).__next__, 10**9, lambda n: None)


@pytest.fixture(scope="module")
def param_sets(model: Model) -> np.ndarray:
    """Three drawn sets: n, ymax, basal and tau away from their defaults."""
    return sample_parameters(model, n=3, seed=3, spread=0.2)[1]


@pytest.mark.parametrize("i", range(len(SCENARIOS)))
def test_jacobian_matches_finite_differences(model: Model, param_sets: np.ndarray,
                                             i: int) -> None:
    rng = np.random.default_rng(i)
    for params in (None, param_sets[:, 0]):
        compiled = compile_specialised(model.system, _values(model, SCENARIOS[i], params))
        rhs = _rhs(compiled)
        y = rng.uniform(0.05, 1.0, len(model.system.states))
        eps = 1e-6
        numeric = np.array([(np.array(rhs(y + eps * e, 0.0)) - np.array(rhs(y - eps * e, 0.0)))
                            / (2 * eps) for e in np.eye(len(y))]).T
        assert np.allclose(compiled.jac(y, 0.0), numeric, rtol=1e-5, atol=1e-6)


@pytest.mark.parametrize("i", range(len(SCENARIOS)))
def test_array_form_equals_the_scalar_form(model: Model, param_sets: np.ndarray,
                                           i: int) -> None:
    scenario = SCENARIOS[i]
    sets = param_sets.shape[1]
    controls = dict(zip(model.system.controls, model.controls(scenario), strict=True))
    vector = VectorRhs(model.system, dict(zip(model.system.params, param_sets, strict=True)),
                       controls, sets)
    y = np.random.default_rng(i).uniform(-0.01, 1.2, (len(model.system.states), sets))
    together = vector(0.0, y.ravel()).reshape(y.shape)
    for k in range(sets):
        one = _rhs(compile_specialised(model.system, _values(model, scenario, param_sets[:, k])))
        assert np.allclose(together[:, k], one(y[:, k].copy(), 0.0), rtol=1e-12, atol=1e-12)
    assert np.array_equal(vector.y0()[:, 0], compile_specialised(
        model.system, _values(model, scenario)).y0)


def test_rk23_is_scipys_rk23() -> None:
    rates = np.array([-10.0, -1.0, -0.1])

    def f(t: float, y: np.ndarray) -> np.ndarray:
        return rates * y + np.sin(t)

    t_eval = np.linspace(0.0, 5.0, 11)
    ours = rk23(f, np.ones(3), t_eval, rtol=1e-4, atol=1e-7)
    scipy = solve_ivp(f, (0.0, 5.0), np.ones(3), method="RK23", t_eval=t_eval, rtol=1e-4,
                      atol=1e-7)
    assert np.allclose(ours, scipy.y, rtol=1e-10, atol=1e-12)


def test_each_muscle_is_solved_with_the_systemic_states(model: Model) -> None:
    blocks = independent_blocks(model.system)
    assert len(blocks) == 2
    systemic = set(blocks[0]) & set(blocks[1])
    assert "corticosterone" in systemic and not any("__" in s for s in systemic)
    assert set(blocks[0]) | set(blocks[1]) == set(model.system.states)
    split = model.simulate(Scenario(injuries=BOTH))
    whole = [compile_specialised(model.system, _values(model, Scenario(injuries=BOTH)))]
    y = odeint(_rhs(whole[0]), whole[0].y0, split.t, Dfun=whole[0].jac, rtol=1e-10, atol=1e-12)
    assert np.allclose(split.y, y.T, rtol=1e-4, atol=1e-6)
