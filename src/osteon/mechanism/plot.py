"""Time courses at a glance: FAPs, osteoblasts, bone and the cytokines, scenario beside scenario.

One figure, one panel per quantity, one line per scenario (same colour and dash
in every panel; the untreated run dashed grey beside a treated one), so the
effect of an intervention reads across panels at once; a run may carry its
uncertainty band (uncertainty.py), shaded in its colour. The Sobol' indices
(sensitivity.py) are drawn as paired bars. Each figure is a
matplotlib `Figure` of its own on the Agg canvas — no pyplot state — so the CLI
writes it to a file and the web app renders it to bytes from a worker thread.
"""

from __future__ import annotations

import io
import threading
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from osteon.mechanism.records import Trajectory

if TYPE_CHECKING:
    from osteon.mechanism.sensitivity import Sensitivity
    from osteon.mechanism.uncertainty import Band

PANELS = (("fibro_adipogenic_progenitor", "Fibro-adipogenic progenitors"),
          ("osteoblast", "Osteoblasts"), ("heterotopic_ossification", "Heterotopic bone"),
          ("oncostatin_m", "Oncostatin M"), ("interleukin_1_beta", "IL-1β"),
          ("corticosterone", "Corticosterone"))
COLUMNS = 3
PANEL_SIZE = (11.0 / COLUMNS, 2.8)
"""Inches per panel."""
DPI = 90
TITLE = "Injured muscle (model of neurogenic HO; mouse-model evidence)"
_lock = threading.Lock()
"""matplotlib's font and text caches are shared: one figure is drawn at a time."""

Runs = Sequence[tuple[str, Trajectory]]
Bands = Sequence["Band | None"]
"""One uncertainty band per run (None: that run without one), shaded in the run's colour."""


def panels_of(runs: Runs) -> list[tuple[str, str]]:
    """The (node, title) panels every run has."""
    return [(node, title) for node, title in PANELS if all(has(run, node) for _, run in runs)]


def has(run: Trajectory, node: str) -> bool:
    return node in run.states or f"{node}__injured" in run.states


def pixel_size(runs: Runs) -> tuple[int, int]:
    """The image's width and height in pixels (for an <img> that reserves its space)."""
    rows = max(1, -(-len(panels_of(runs)) // COLUMNS))
    return round(PANEL_SIZE[0] * COLUMNS * DPI), round(PANEL_SIZE[1] * rows * DPI)


def _draw(runs: Runs, bands: Bands | None = None) -> Any:
    from matplotlib.backends.backend_agg import FigureCanvasAgg
    from matplotlib.figure import Figure

    panels = panels_of(runs)
    rows = max(1, -(-len(panels) // COLUMNS))
    figure = Figure(figsize=(PANEL_SIZE[0] * COLUMNS, PANEL_SIZE[1] * rows), dpi=DPI)
    FigureCanvasAgg(figure)
    axes = figure.subplots(rows, COLUMNS, squeeze=False, sharex=True)
    treated_pair = len(runs) == 2 and runs[0][0] == "untreated"
    styles = ["--", "-"] if treated_pair else ["-"] * len(runs)
    colours = ["#5f6672", "#1f5fbf"] if treated_pair else [None] * len(runs)
    shaded = list(bands) if bands is not None else [None] * len(runs)
    for ax, (node, title) in zip(axes.flat, panels, strict=False):
        for (label, run), style, colour, band in zip(runs, styles, colours, shaded, strict=True):
            line, = ax.plot(run.t, run.series(node), style, label=label, linewidth=2,
                            color=colour)
            if band is not None:
                low, high = band.series(node)
                ax.fill_between(band.t, low, high, color=line.get_color(), alpha=0.18,
                                linewidth=0)
        ax.set_title(title)
        ax.set_ylim(bottom=0)
        ax.grid(alpha=0.3)
    for ax in list(axes.flat)[len(panels):]:
        ax.axis("off")
    for ax in axes[-1]:
        ax.set_xlabel("days")
    if panels:
        axes.flat[0].legend(fontsize="small")
    described = next((b for b in shaded if b is not None), None)
    figure.suptitle(TITLE if described is None
                    else f"{TITLE}\nshaded: {described.label()}")
    figure.tight_layout()
    return figure


def png(runs: Runs, bands: Bands | None = None) -> bytes:
    """The panels for these (label, trajectory) runs as PNG bytes, with their bands if given."""
    buffer = io.BytesIO()
    with _lock:
        _draw(runs, bands).savefig(buffer, format="png", dpi=DPI)
    return buffer.getvalue()


def plot(runs: Runs, path: str | Path, bands: Bands | None = None) -> Path:
    """Write the panels for these (label, trajectory) runs to `path` (PNG)."""
    target = Path(path)
    target.write_bytes(png(runs, bands))
    return target


def _draw_sensitivity(result: Sensitivity, shown: int) -> Any:
    from matplotlib.backends.backend_agg import FigureCanvasAgg
    from matplotlib.figure import Figure

    top = list(result.indices[:shown])[::-1]  # largest at the top
    figure = Figure(figsize=(9.0, 0.32 * len(top) + 1.6), dpi=DPI)
    FigureCanvasAgg(figure)
    ax = figure.subplots()
    rows = range(len(top))
    def spread(values: list[tuple[float, tuple[float, float]]]) -> list[list[float]]:
        """Error bars from the 95 % bootstrap intervals (matplotlib wants distances)."""
        return [[max(0.0, v - lo) for v, (lo, _) in values],
                [max(0.0, hi - v) for v, (_, hi) in values]]

    ax.barh([r + 0.2 for r in rows], [i.total for i in top], height=0.4, color="#1f5fbf",
            xerr=spread([(i.total, i.total_ci) for i in top]), ecolor="#3b3f46",
            label="total (with interactions)")
    ax.barh([r - 0.2 for r in rows], [i.first for i in top], height=0.4, color="#9bb7e6",
            xerr=spread([(i.first, i.first_ci) for i in top]), ecolor="#3b3f46",
            label="first order (alone); bars: 95 % bootstrap interval")
    ax.set_yticks(list(rows), [i.name for i in top], fontsize="small")
    ax.axvline(0, color="#5f6672", linewidth=0.8)
    ax.set_xlabel("Sobol' index (share of the variance of bone)")
    ax.set_title(f"Sensitivity of {result.readout}\n"
                 f"±{result.spread:.0%} around the defaults, {result.runs:,} runs", fontsize=10)
    ax.legend(fontsize="small", loc="lower right")
    ax.grid(axis="x", alpha=0.3)
    figure.tight_layout()
    return figure


def sensitivity_png(result: Sensitivity, shown: int) -> bytes:
    """Sobol' first-order and total indices of the `shown` most influential parameters (PNG)."""
    buffer = io.BytesIO()
    with _lock:
        _draw_sensitivity(result, shown).savefig(buffer, format="png", dpi=DPI)
    return buffer.getvalue()
