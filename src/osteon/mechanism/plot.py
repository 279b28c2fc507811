"""Time courses at a glance: FAPs, osteoblasts, bone and the cytokines, scenario beside scenario.

One figure, one panel per quantity, one line per scenario (same colour and dash
in every panel; the untreated run dashed grey beside a treated one), so the
effect of an intervention reads across panels at once. The figure is a
matplotlib `Figure` of its own on the Agg canvas — no pyplot state — so the CLI
writes it to a file and the web app renders it to bytes from a worker thread.
"""

from __future__ import annotations

import io
import threading
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from osteon.mechanism.records import Trajectory

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


def panels_of(runs: Runs) -> list[tuple[str, str]]:
    """The (node, title) panels every run has."""
    return [(node, title) for node, title in PANELS if all(has(run, node) for _, run in runs)]


def has(run: Trajectory, node: str) -> bool:
    return node in run.states or f"{node}__injured" in run.states


def pixel_size(runs: Runs) -> tuple[int, int]:
    """The image's width and height in pixels (for an <img> that reserves its space)."""
    rows = max(1, -(-len(panels_of(runs)) // COLUMNS))
    return round(PANEL_SIZE[0] * COLUMNS * DPI), round(PANEL_SIZE[1] * rows * DPI)


def _draw(runs: Runs) -> Any:
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
    for ax, (node, title) in zip(axes.flat, panels, strict=False):
        for (label, run), style, colour in zip(runs, styles, colours, strict=True):
            ax.plot(run.t, run.series(node), style, label=label, linewidth=2, color=colour)
        ax.set_title(title)
        ax.set_ylim(bottom=0)
        ax.grid(alpha=0.3)
    for ax in list(axes.flat)[len(panels):]:
        ax.axis("off")
    for ax in axes[-1]:
        ax.set_xlabel("days")
    if panels:
        axes.flat[0].legend(fontsize="small")
    figure.suptitle(TITLE)
    figure.tight_layout()
    return figure


def png(runs: Runs) -> bytes:
    """The panels for these (label, trajectory) runs as PNG bytes."""
    buffer = io.BytesIO()
    with _lock:
        _draw(runs).savefig(buffer, format="png", dpi=DPI)
    return buffer.getvalue()


def plot(runs: Runs, path: str | Path) -> Path:
    """Write the panels for these (label, trajectory) runs to `path` (PNG)."""
    target = Path(path)
    target.write_bytes(png(runs))
    return target
