"""The right-hand side over many parameter sets at once, as a few whole-array steps.

A sweep integrates N parameter sets together: the state is a (states, N) array.
Printing one numpy expression per state (as the scalar path prints floats)
costs ~600 array operations per evaluation, each paying numpy's per-call
overhead; here the same equations, read from the same structure
(`equations.StateShape`), take about fifteen: every Hill term in one array,
every `1 - f` in another, each OR and each state's product of factors as one
gather of a padded (factors, rows, sets) block and a product over its first
axis (padding points at a row of ones; `multiply.reduceat` along rows is
several times slower).
Big array operations also let go of the GIL, so two scenario batches share two
cores (sweep.py).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

import numpy as np

from osteon.mechanism.equations import OdeSystem, hill_constants


def _param(values: Mapping[str, np.ndarray], name: str, sets: int) -> np.ndarray:
    return np.broadcast_to(np.asarray(values[name], dtype=float), (sets,))


def _padded(groups: list[list[int]], pad: int) -> np.ndarray:
    """(longest group, groups) row indices, short groups filled up with `pad`."""
    width = max((len(g) for g in groups), default=1)
    return np.array([[g[k] if k < len(g) else pad for g in groups] for k in range(width)],
                    dtype=np.intp).reshape(width, len(groups))


@dataclass
class VectorRhs:
    """`rhs(t, y)` on a flat (states * sets) vector, in solve_ivp's calling convention.

    Keeps one scratch buffer: one instance per integration, not shared by threads.
    """

    system: OdeSystem
    params: Mapping[str, np.ndarray]
    """Each named parameter: a (sets,) array or a scalar."""
    controls: Mapping[str, float]
    sets: int

    def __post_init__(self) -> None:
        system, p, c, n = self.system, self.params, self.controls, self.sets
        if system.shapes is None:
            raise ValueError("the system was built without state shapes")
        index = {s: i for i, s in enumerate(system.states)}
        hills = system.hills
        self._idx = np.array([index[h.state] for h in hills], dtype=np.intp)
        w, hn, ec50 = (np.array([_param(p, getattr(h, k), n) for h in hills])
                       for k in ("weight", "n", "ec50"))
        self._n = hn
        self._wb, self._kn = hill_constants(w, hn, ec50)
        # rows of the factor buffer: [ORs | F (hills) | G = 1 - F | constants]
        n_h = len(hills)
        ors: list[tuple[tuple[int, ...], np.ndarray]] = []
        consts: list[np.ndarray] = []
        per_state: list[list[tuple[str, int]]] = []
        for name in system.states:
            shape = system.shapes[name]
            rows: list[tuple[str, int]] = []
            if shape.input:
                consts.append(np.full(n, float(c.get(shape.source, 0.0)) if shape.source
                                      else 0.0))
                rows.append(("c", len(consts) - 1))
            else:
                if shape.basal is not None:
                    basal = _param(p, shape.basal, n)
                    if shape.acts:
                        ors.append((shape.acts, 1.0 - basal))
                        rows.append(("o", len(ors) - 1))
                    else:
                        consts.append(basal.copy())
                        rows.append(("c", len(consts) - 1))
                rows += [("f", i) for i in shape.reqs]
                if shape.hosts:
                    ors.append((shape.hosts, np.ones(n)))
                    rows.append(("o", len(ors) - 1))
                rows += [("g", i) for i in shape.inhib]
            per_state.append(rows)
        n_or = len(ors)
        consts.append(np.ones(n))  # the padding row
        base = {"o": 0, "f": n_or, "g": n_or + n_h, "c": n_or + 2 * n_h}
        self._buf = np.empty((n_or + 2 * n_h + len(consts), n))
        self._buf[base["c"]:] = np.array(consts)
        ones = len(self._buf) - 1
        self._f = slice(base["f"], base["f"] + n_h)
        self._g = slice(base["g"], base["g"] + n_h)
        self._n_or = n_or
        self._keep = np.array([k for _, k in ors]).reshape(n_or, n)
        self._or_gather = _padded([[base["g"] + i for i in members] for members, _ in ors],
                                  ones)
        self._gather = _padded([[base[kind] + i for kind, i in rows] for rows in per_state],
                               ones)
        shapes = [system.shapes[s] for s in system.states]
        self._ymax = np.array([_param(p, s.ymax, n) for s in shapes])
        self._rate = 1.0 / np.array([_param(p, s.tau, n) for s in shapes])
        self._acc = np.array([i for i, s in enumerate(shapes) if s.accumulating], dtype=np.intp)
        ox = [(i, c.get(s.ox, 0.0)) for i, s in enumerate(shapes) if s.ox and c.get(s.ox)]
        kd = [(i, c.get(s.kd, 0.0)) for i, s in enumerate(shapes) if s.kd and c.get(s.kd)]
        self._ox = (np.array([i for i, _ in ox], dtype=np.intp),
                    np.array([[v] for _, v in ox]).reshape(len(ox), 1))
        self._kd = (np.array([i for i, _ in kd], dtype=np.intp),
                    np.array([[1.0 - v] for _, v in kd]).reshape(len(kd), 1))

    def y0(self) -> np.ndarray:
        """Initial states, (states, sets)."""
        start = np.empty((len(self.system.states), self.sets))
        for i, s in enumerate(self.system.states):
            expr = self.system.initial[s]
            start[i] = 0.0 if expr == "0" else float(self.controls.get(expr, 0.0))
        return start

    def __call__(self, t: float, flat: np.ndarray) -> np.ndarray:
        y = flat.reshape(-1, self.sets)
        buf = self._buf
        x = y[self._idx]
        np.maximum(x, 0.0, out=x)
        np.power(x, self._n, out=x)
        f = buf[self._f]
        np.add(self._kn, x, out=f)
        np.multiply(self._wb, x, out=x)
        np.divide(x, f, out=f)
        np.subtract(1.0, f, out=buf[self._g])
        if self._n_or:
            miss = buf[self._or_gather].prod(axis=0)
            miss *= self._keep
            np.subtract(1.0, miss, out=buf[:self._n_or])
        target = buf[self._gather].prod(axis=0)
        rows, level = self._ox
        if len(rows):
            target[rows] += level * (1.0 - target[rows])
        rows, keep = self._kd
        if len(rows):
            target[rows] *= keep
        rate = target * self._ymax
        rate -= y
        acc = self._acc
        if len(acc):
            rate[acc] = target[acc] * (self._ymax[acc] - y[acc])
        rate *= self._rate
        return rate.ravel()
