"""One made-up patient assessed when a server starts, so its first calls wait for nothing.

An assessment loads much on first use, once per process: the FHIR R4 model classes of
each resource type, the display-word index, the code tables, and the reading pipeline
with its clinical cues (~1 s of CPU, most of it medspaCy). A server worker that left this
to its first calls answered them a second late, each worker again, and what was loaded
then stayed in the cycle collector's walk. `data/assess/warm.yaml` is a patient with one
resource of each type read and free text in each place it is read from; its assessment is
thrown away.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from osteon.datafiles import load_yaml

if TYPE_CHECKING:
    from osteon.knowledge.store import KnowledgeStore


def warm_assess(knowledge: KnowledgeStore) -> None:
    """Assess the warm-up patient once (its answer is not kept)."""
    from osteon.assess import assess_patient

    warm = load_yaml("assess", "warm.yaml")
    assess_patient(knowledge, warm["bundle"], str(warm["at"]))
