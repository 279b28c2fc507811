"""English (and Japanese) questions about pages written in Chinese and Japanese (issue 14).

Sets 137 and 138 held a Chinese review and two Japanese references. Their text writes no
space between words, and the full-text index (unicode61) took each run between two commas
for one word: no question found them. A Chinese page was one "sentence" (its full stop "。"
was no boundary), a Japanese one ran its sentences together at an ASCII stop between two
ideographs, and a short line such as "鑑別診断" was no heading (it has no capital). Each
run is now indexed by its characters and their pairs; a question naming the language
points at its pages, whose words the lexicon cannot read, so no English word of the
question is held against them. The pages here are our own, in the same shapes.
"""

from __future__ import annotations

import pytest

from fixtures import laid_out, store_of_pages
from osteon.ask.evaluate import readable_text
from osteon.corpus.sentences import sentence_spans

CHINESE_REVIEW = (
    "肘关节创伤后异位骨化的研究进展\n\n"
    "作者: 王明, 李华.\n"
    "异位骨化是指软组织中形成成熟的骨组织。单纯肘关节脱位后异位骨化的发生率为4%,合并骨折时"
    "可达18%。合并颅脑损伤时发生率更高,其形成过程类似骨折愈合。\n")

JAPANESE_ENTRY = (
    "異所性骨化の治療\n\n"
    "【頻度】\n"
    "外傷や手術の後に約25%に発生するとされる.好発部位は股関節,膝,肘である.\n"
    "鑑別診断\n"
    "感染,血栓,腫瘍などがある.\n"
    "薬物療法としてインドメタシン内服の有用性が報告されている.\n")

ENGLISH_PAGE = (
    "Heterotopic ossification after hip replacement\n\n"
    "Heterotopic ossification follows 30% of total hip arthroplasties.\n"
    "Radiation therapy after surgery can prevent it.\n")


@pytest.fixture(scope="module")
def kb(tmp_path_factory):  # type: ignore[no-untyped-def]
    with store_of_pages(tmp_path_factory.mktemp("pages"), {
            "zhouguanjie_yiwei_guhua_review_chinese.txt": CHINESE_REVIEW,
            "ishosei_kotsuka_japanese_entry.txt": JAPANESE_ENTRY,
            "ho_after_hip_replacement.txt": ENGLISH_PAGE}) as opened:
        yield opened


def _sentences(text: str) -> list[str]:
    return [text[a:b] for a, b in sentence_spans(text, 0, len(text), frozenset())]


def test_a_chinese_full_stop_ends_a_sentence() -> None:
    assert _sentences("异位骨化是常见并发症。发生率为4%[1],合并骨折时更高。其后") == [
        "异位骨化是常见并发症。", "发生率为4%[1],合并骨折时更高。", "其后"]


def test_an_ascii_stop_between_ideographs_ends_a_japanese_sentence() -> None:
    assert _sentences("原因は不明である.好発部位は股関節である. It is 3.5 mm.") == [
        "原因は不明である.", "好発部位は股関節である.", "It is 3.5 mm."]


def test_a_short_japanese_line_is_a_heading(tmp_path, empty_store) -> None:  # type: ignore[no-untyped-def]
    sentences, headings = laid_out(tmp_path, empty_store, JAPANESE_ENTRY)
    assert "鑑別診断" in headings and "【頻度】" in headings
    assert "感染,血栓,腫瘍などがある." in sentences


@pytest.mark.parametrize(("question", "expected"), [
    # the figure in the Chinese sentence, found by the Chinese words for the question's
    ("In the Chinese review, how often does HO follow a simple elbow dislocation?", "4%"),
    # a Japanese word the lexicon cannot read ("インドメタシン") names the drug asked for
    ("Which oral drugs does the Japanese page say were reported useful?", "インドメタシン"),
    ("Where does HO occur most often, per the Japanese page?", "股関節"),
    # the word a question does not say in English ("resemble") is the page's own
    ("According to the Chinese review, which healing process does HO formation resemble?",
     "骨折愈合"),
    # a question written in Japanese
    ("異所性骨化の好発部位はどこですか?", "股関節"),
])
def test_the_sentence_that_answers_is_quoted(kb, question: str, expected: str  # type: ignore[no-untyped-def]
                                             ) -> None:
    answer = kb.ask(question)
    assert not answer.abstained, answer.notes
    assert expected in readable_text(answer), readable_text(answer)


def test_an_english_question_about_an_english_page_keeps_its_answer(kb) -> None:  # type: ignore[no-untyped-def]
    answer = kb.ask("How often does HO follow a total hip arthroplasty?")
    assert "30%" in readable_text(answer), readable_text(answer)


def test_a_japanese_drug_name_no_page_holds_is_declined(kb) -> None:  # type: ignore[no-untyped-def]
    """A katakana word is a word of its own: no page saying "エチドロン酸", none answers."""
    answer = kb.ask("異所性骨化にエチドロネートは何mg使いますか?")
    assert answer.abstained, readable_text(answer)
