"""Time courses at a glance: FAPs, osteoblasts, bone and the cytokines, scenario beside scenario.

One figure, one panel per quantity, one line per scenario (same colour in every
panel), so the effect of an intervention reads across panels at once.
matplotlib runs headless (Agg); nothing is shown, a PNG is written.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from osteon.mechanism.records import Trajectory

PANELS = (("fibro_adipogenic_progenitor", "Fibro-adipogenic progenitors"),
          ("osteoblast", "Osteoblasts"), ("heterotopic_ossification", "Heterotopic bone"),
          ("oncostatin_m", "Oncostatin M"), ("interleukin_1_beta", "IL-1β"),
          ("corticosterone", "Corticosterone"))


def plot(runs: Sequence[tuple[str, Trajectory]], path: str | Path) -> Path:
    """Write the panels for these (label, trajectory) runs to `path` (PNG)."""
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    panels = [(node, title) for node, title in PANELS
              if all(_has(run, node) for _, run in runs)]
    columns = 3
    rows = (len(panels) + columns - 1) // columns
    figure, axes = plt.subplots(rows, columns, figsize=(4 * columns, 3 * rows),
                                squeeze=False, sharex=True)
    for ax, (node, title) in zip(axes.flat, panels, strict=False):
        for label, run in runs:
            ax.plot(run.t, run.series(node), label=label, linewidth=2)
        ax.set_title(title)
        ax.set_ylim(bottom=0)
        ax.grid(alpha=0.3)
    for ax in list(axes.flat)[len(panels):]:
        ax.axis("off")
    for ax in axes[-1]:
        ax.set_xlabel("days")
    axes.flat[0].legend(fontsize="small")
    figure.suptitle("Injured muscle (model of neurogenic HO; mouse-model evidence)")
    figure.tight_layout()
    target = Path(path)
    figure.savefig(target, dpi=110)
    plt.close(figure)
    return target


def _has(run: Trajectory, node: str) -> bool:
    return node in run.states or f"{node}__injured" in run.states
