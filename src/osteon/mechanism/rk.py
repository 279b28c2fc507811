"""Bogacki–Shampine 3(2) with scipy's step control, for one big stacked system.

The sweep integrates (states * sets) values at once. scipy's `solve_ivp(method=
"RK23")` combines its stages with a BLAS matrix-vector product, which OpenBLAS
runs on its own threads: beside the sweep's two threads on two cores they
oversubscribe the machine and the run gets slower, not faster. This is the
same method, step-size rule (error norm, safety factor, growth limits) and
dense output as scipy's RK23, with the stages combined by plain elementwise
numpy, which keeps to the calling thread.
"""

from __future__ import annotations

from collections.abc import Callable

import numpy as np

from osteon.mechanism.records import MechanismError

Rhs = Callable[[float, np.ndarray], np.ndarray]

SAFETY, MIN_FACTOR, MAX_FACTOR = 0.9, 0.2, 10.0
_E = (5 / 72, -1 / 12, -1 / 9, 1 / 8)
"""Error weights: third- minus second-order solution, per stage."""
_P = np.array([[1, -4 / 3, 5 / 9], [0, 1, -2 / 3], [0, 4 / 3, -8 / 9], [0, -1, 1]])
"""Dense output: y(t_old + x h) = y_old + h * sum_j (K^T P)[:, j] x^(j+1)."""


def _rms(x: np.ndarray) -> float:
    return float(np.sqrt(np.mean(np.square(x))))


def _first_step(f: Rhs, t0: float, y0: np.ndarray, f0: np.ndarray, rtol: float,
                atol: float) -> float:
    """The starting step as scipy picks it (Hairer, Norsett & Wanner), error order 2."""
    scale = atol + np.abs(y0) * rtol
    d0, d1 = _rms(y0 / scale), _rms(f0 / scale)
    h0 = 1e-6 if d0 < 1e-5 or d1 < 1e-5 else 0.01 * d0 / d1
    f1 = f(t0 + h0, y0 + h0 * f0)
    d2 = _rms((f1 - f0) / scale) / h0
    h1 = (max(1e-6, h0 * 1e-3) if d1 <= 1e-15 and d2 <= 1e-15
          else (0.01 / max(d1, d2)) ** (1 / 3))
    return min(100 * h0, h1)


def rk23(f: Rhs, y0: np.ndarray, t_eval: np.ndarray, rtol: float, atol: float,
         max_steps: int = 100_000) -> np.ndarray:
    """The solution at `t_eval` (increasing, from t_eval[0]) as (len(y0), len(t_eval))."""
    t, y = float(t_eval[0]), np.array(y0, dtype=float)
    end = float(t_eval[-1])
    out = np.empty((len(y), len(t_eval)))
    out[:, 0] = y
    k1 = f(t, y)
    h = _first_step(f, t, y, k1, rtol, atol)
    nxt, steps, rejected = 1, 0, False
    while nxt < len(t_eval):
        steps += 1
        if steps > max_steps or h < 1e-12 * max(1.0, abs(t)):
            raise MechanismError(f"the sweep's solver gave up at day {t:.3g} after {steps} steps")
        last = h >= end - t
        if last:
            h = end - t
        k2 = f(t + h / 2, y + (h / 2) * k1)
        k3 = f(t + 3 * h / 4, y + (3 * h / 4) * k2)
        y_new = y + h * (2 / 9 * k1 + 1 / 3 * k2 + 4 / 9 * k3)
        k4 = f(t + h, y_new)
        err = h * (_E[0] * k1 + _E[1] * k2 + _E[2] * k3 + _E[3] * k4)
        err /= atol + rtol * np.maximum(np.abs(y), np.abs(y_new))
        norm = _rms(err)
        if norm >= 1.0:
            h *= max(MIN_FACTOR, SAFETY * norm ** (-1 / 3))
            rejected = True
            continue
        t_new = end if last else t + h
        if t_eval[nxt] <= t_new:
            q = [sum(_P[i, j] * k for i, k in enumerate((k1, k2, k3, k4)) if _P[i, j])
                 for j in range(3)]
        while nxt < len(t_eval) and t_eval[nxt] <= t_new:
            x = (t_eval[nxt] - t) / h
            out[:, nxt] = y + h * (q[0] * x + q[1] * x ** 2 + q[2] * x ** 3)
            nxt += 1
        factor = MAX_FACTOR if norm == 0 else min(MAX_FACTOR, SAFETY * norm ** (-1 / 3))
        h *= min(1.0, factor) if rejected else factor
        t, y, k1, rejected = t_new, y_new, k4, False
    return out
