"""How current the knowledge must be before a verb answers: one policy, applied in one place.

"Is the knowledge current? read first or not" used to be settled separately by the CLI, the
web app and its reader threads. Each face now passes one of these to `KnowledgeBase` and
`KnowledgeBase.current` applies it:

- `READ_FIRST` (the CLI, the library): read every unread document, merge, then answer;
- `MERGE_ONLY` (a server's request path): merge the claims others wrote, read nothing, and
  check at most every `every_s` seconds (a request never waits on spaCy);
- `AS_STORED` (a server's reader threads; anything that must not write): answer from the
  knowledge as it stands; whoever holds `MERGE_ONLY` keeps it current.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Freshness:
    """What is done to the knowledge before a verb answers from it."""

    read: bool = True
    """Read the documents not yet read with the current rules (loads the reading pipeline)."""
    merge: bool = True
    """Merge into the assertions the claims written since the last merge."""
    every_s: float = 0.0
    """Check at most this often (0: before every verb; a check with nothing new is cheap)."""


READ_FIRST = Freshness()
MERGE_ONLY = Freshness(read=False)
AS_STORED = Freshness(read=False, merge=False)
