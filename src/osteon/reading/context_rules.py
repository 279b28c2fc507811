"""One ConText cue as the rule files write it.

Shared by the reading pipeline and the notes reader of assess, in a module light
enough to import without loading spaCy.
"""

from __future__ import annotations

from osteon.datafiles import Strict


class ContextRuleEntry(Strict):
    """One ConText cue as written in `data/reading/context.yaml` (or assess's notes.yaml)."""

    literal: str
    category: str
    direction: str = "BIDIRECTIONAL"
    pattern: str | list[dict[str, object]] | None = None
    max_scope: int | None = None
    terminated_by: list[str] = []
    """Categories whose cues end this cue's scope (besides TERMINATE cues): a passive verdict
    reaching back over several words ("HO of the hips was ruled out") stops at a clause mark
    ("swelling, DVT was ruled out" rules out the DVT only)."""
