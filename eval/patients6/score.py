"""Score `osteon assess --json` on the patients6 EHR bundles: patients4's scorer on this folder.

The checks, the loose matching and the held_out rule are those of eval/patients4/score.py;
this file only points it at eval/patients6 (every patient is held_out).

Usage: .venv/bin/python eval/patients6/score.py [--split dev|held_out|all] [--verbose]
"""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent


def main() -> int:
    """Run patients4's scorer with --folder set to this folder."""
    spec = importlib.util.spec_from_file_location(
        "patients4_score", HERE.parent / "patients4" / "score.py")
    assert spec and spec.loader
    scorer = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(scorer)
    sys.argv[1:1] = ["--folder", str(HERE)]
    return int(scorer.main())


if __name__ == "__main__":
    raise SystemExit(main())
