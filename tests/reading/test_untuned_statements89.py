"""Reading pattern behind a wrong statement on set 89 (issue 14), written here in other words.

"HO of the airway occurs in older men, as opposed to papillomas due to a virus infection" had
become "infection raises the risk of HO": what is due to the infection is what the contrast
sets against HO, not HO.
"""

from __future__ import annotations

import pytest

from fixtures import read_claims


def _causes(tmp_path, store, text: str) -> set[str]:  # type: ignore[no-untyped-def]
    return {c.subject for c in read_claims(store, tmp_path, text + "\n", name="page.txt")
            if c.predicate == "risk_factor_for"}


@pytest.mark.parametrize("sentence", [
    "Heterotopic ossification of the airway is seen in older men, as opposed to laryngeal "
    "papillomas due to viral infection, which are seen in children.",
    "Heterotopic ossification here affects adults, unlike the nodules caused by infection.",
    "Heterotopic ossification grows slowly, in contrast to the abscess caused by infection.",
])
def test_a_cause_of_the_condition_set_in_contrast_is_no_cause_of_ho(
        tmp_path, empty_store, sentence: str) -> None:  # type: ignore[no-untyped-def]
    assert "infection" not in _causes(tmp_path, empty_store, sentence)


def test_a_cause_said_of_ho_itself_is_still_read(tmp_path, empty_store) -> None:  # type: ignore[no-untyped-def]
    causes = _causes(tmp_path, empty_store,
                     "Heterotopic ossification of the airway is caused by infection.")
    assert "infection" in causes, causes
