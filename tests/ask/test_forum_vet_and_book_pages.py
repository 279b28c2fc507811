"""Questions over the kinds of page set 128 brought (issue 14): a horse forum, a pet-care
page, a book's scanned chapter, a case report, each written here in our own words.

A forum's "7 yo warmblood" is an age and "the odds … were not great (50/50)" a chance; a
vet page's "your veterinarian diagnoses it via biopsy" says how it is confirmed, and "before
the dog reaches his second birthday" when it shows; where a growth "comes from" is a tissue,
not a town; an archaeologist who "can tell" is no topic the pages must name; and a fragment a
page break cut off ("… was a common feature of") gives way to its page's whole sentence.
"""

from __future__ import annotations

import pytest

from fixtures import store_of_pages
from osteon.ask.evaluate import readable_text

FORUM = ("Ossifying myopathy in my pony?\n\n"
         "My jumping pony (9 yo cob) has been short-striding behind for a month.\n"
         "The vet thinks it is scar tissue from an old kick in the paddock.\n"
         "My gelding had fibrotic myopathy too, and surgery on the gelding was done at the "
         "university clinic.\n"
         "With my gelding we tried surgery, although the odds of it working were not great "
         "(50/50), and the odd gait stayed.\n"
         "Keep him moving and ask for a second opinion.\n")

PETS = ("Calcium lumps in cats\n\n"
        "Calcinosis circumscripta is a hard calcium lump under the skin of cats.\n"
        "Calcinosis circumscripta shows as small lumps on the paws or in the mouth.\n"
        "Calcinosis circumscripta inside the body is diagnosed on X-ray.\n"
        "Your veterinarian diagnoses the disorder through a biopsy of the lump.\n"
        "In most cases, signs appear before the cat reaches its third birthday.\n")

CHAPTER = ("Injuries written in bone\n\n"
           "Healed fractures leave a callus that can be seen for life.\n"
           "Trepanation was a frequent practice of\n\n"
           "Figure 4.2 A healed skull with a round opening\n\n"
           "early farming communities in Europe. Trepanation may leave a round opening with "
           "smooth, remodelled edges in survivors, and sharp edges where the patient died.\n")

JOINT = ("Loose bodies in the knee\n\n"
         "Synovial chondromatosis is a rare benign condition of joints.\n"
         "In synovial chondromatosis, many cartilage nodules arise from the synovium and may "
         "break off to form loose bodies in the joint.\n")


@pytest.fixture(scope="module")
def kb(tmp_path_factory):  # type: ignore[no-untyped-def]
    with store_of_pages(tmp_path_factory.mktemp("pages"),
                        {"pony_forum.txt": FORUM, "cat_lumps.txt": PETS,
                         "bone_chapter.txt": CHAPTER, "joint.txt": JOINT}) as opened:
        yield opened


@pytest.mark.parametrize(("question", "expected"), [
    ("How old is the jumping pony on the forum, and what sort of horse is it?", "9 yo cob"),
    ("What chance of success did surgery have for the gelding?", "50/50"),
    ("How does a vet confirm calcinosis circumscripta?", "biopsy"),
    ("At what age do signs of calcinosis circumscripta show in cats?", "third birthday"),
    ("Where do the nodules of synovial chondromatosis come from?", "synovium"),
    ("How can archaeologists tell that someone survived trepanation?", "remodelled edges"),
])
def test_the_page_that_says_it_answers(kb, question: str, expected: str) -> None:  # type: ignore[no-untyped-def]
    answer = kb.ask(question)
    assert not answer.abstained, answer.notes
    assert expected in readable_text(answer), readable_text(answer)


def test_a_fragment_cut_off_by_a_page_break_does_not_lead(kb) -> None:  # type: ignore[no-untyped-def]
    answer = kb.ask("How can archaeologists tell that someone survived trepanation?")
    assert "remodelled edges" in answer.answer, answer.answer
    assert "frequent practice of" not in answer.answer, answer.answer
