"""Split a block of text into sentences, returning exact character spans.

Rule-based on purpose: sentence splitting runs once at ingest over every
document, so it must be fast and predictable, and the spans it returns are
the provenance every later claim points at. Abbreviations are data
(`data/corpus/rules/sentences.yaml`).
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from osteon.corpus.scripts import CJK

# Sentence-final punctuation, any closing quotes or brackets, the reference numbers
# articles glue to a word's full stop ("…criteria used.1,2,3 Moreover", "…(SCI).1, 2, 3
# Despite", "…muscle.[4] It", a drug database's "…with bone.[A244920] The"),
# then whitespace and something that can open a sentence. (A number after a full
# stop counts only when a letter or bracket precedes the stop: "3.5 Patients" is
# no boundary.)
_REFERENCES = r"(?:\d+(?:(?:, ?|[–-])\d+)*|\[[A-Z]{0,2}\d+(?:(?:, ?|[–-])[A-Z]{0,2}\d+)*\])"
# A full stop glued to the next sentence's capitalised word is a boundary too, after a
# word ("in the body.It occurs in various areas,including …", "for symptomatic HO.Surgical"):
# text copied from CJK-typeset pages loses the space after ASCII punctuation, and a whole
# abstract had been one "sentence" that matched every question.
_BOUNDARY = re.compile(rf"(?:(?:[.!?…]+[\"”’)\]]*|(?<=[^\W\d_]|[)\]])\.{_REFERENCES})"
                       r"(?=\s+[\"“‘(\[]*[A-Z0-9])|(?<=[^\W\d_]{2})[.!?](?=[A-Z][a-z]|[A-Z]{2,}\b)"
                       rf"|[。！？]+[」』）]*(?:\[\d+(?:[,，–-]\d+)*\])?(?=\S)|(?<=[{CJK}\]）)])[.．!?](?=[{CJK}「『（]))")
"""... and in Chinese and Japanese, where no space follows a sentence, its full stop
("…嚴重并發癥。肘關節…") or an ASCII stop between two ideographs ("…違いである.原因は…"):
a whole Chinese review had been one "sentence"."""
_INLINE_BULLET = re.compile(r"\s+[•▪◦‣]\s+|(?<=[.:;!?])\s+-\s+(?=[\"“(]*[^\W\d_])")
"""A bullet inside a line ("… or neoplasms. • Heterotopic ossification may be …"): pages
that run a list of highlights into one paragraph; each item is a sentence of its own (a
whole list read as one sentence tied a fellow of one item to the head of another). A
hyphen after a sentence's or a lead-in's end is such a bullet ("Principais passos do
protocolo: - Avaliação do cálcio … presentes. - Se sintomas sugestivos surgirem: …"); one
between words is a dash ("bone - which …")."""
_INITIAL = re.compile(r"^\(?[A-Z]\.$")
_WEB = re.compile(r"www\.|://|@", re.IGNORECASE)
_CITATION_GOES_ON = re.compile(r"(?:\s+[A-Z][a-z]{0,24}\.?){0,5}"
                               r"\s+(?:19|20)\d\d(?:\s+[A-Z][a-z]{2}\b|\s*[;:]\s*\d|\s*,\s*\d+\s*\(\d+\))")
"""A year with a month or a volume after a full stop: the stop ends a journal's abbreviated
name ("Int J Oral Maxillofac Surg. 2024 Mar;53(3)", "Int. J. Mol. Sci. 2022, 23(13), 6983",
"Methods Mol Biol. 2019:1891:247-255",
whose every word is cut short), not a sentence ..."""
_JOURNAL_WORD = re.compile(r"[a-z]?[A-Z][a-z]{0,24}\.")
"""... when the stop ends a capitalised word ("Surg.", "Int.", "ePlasty."), not a year or a
figure."""
_HAS_WORD = re.compile(r"\w")


def sentence_spans(
    text: str, start: int, end: int, abbreviations: frozenset[str]
) -> Iterator[tuple[int, int]]:
    """Yield (start, end) of each sentence in `text[start:end]`, trimmed of whitespace."""
    piece_start = start
    for bullet in _INLINE_BULLET.finditer(text, start, end):
        yield from _sentences_of(text, piece_start, bullet.start(), abbreviations)
        piece_start = bullet.end()
    yield from _sentences_of(text, piece_start, end, abbreviations)


def _sentences_of(text: str, start: int, end: int, abbreviations: frozenset[str]
                  ) -> Iterator[tuple[int, int]]:
    sentence_start = start
    for match in _BOUNDARY.finditer(text, start, end):
        punct_end = match.start() + len(match.group().rstrip("\"”’)]"))
        if text[punct_end - 1] == "." and _is_abbreviation(text, sentence_start, punct_end,
                                                           abbreviations):
            continue
        if _CITATION_GOES_ON.match(text, match.end()) and _JOURNAL_WORD.fullmatch(
                _token_before(text, sentence_start, punct_end)):
            continue  # "Hip Int. 2023 May;33(3):420-425.": a journal's abbreviated name
        if match.end() < end and not text[match.end()].isspace() and _WEB.search(
                _token_before(text, sentence_start, punct_end)):
            continue  # a glued stop inside an address ("www.Example.org"), no boundary
        yield from _trimmed(text, sentence_start, match.end())
        sentence_start = match.end()
    yield from _trimmed(text, sentence_start, end)


def _token_before(text: str, floor: int, dot_end: int) -> str:
    """The run of non-space characters that ends at `dot_end`."""
    word_start = dot_end
    while word_start > floor and not text[word_start - 1].isspace():
        word_start -= 1
    return text[word_start:dot_end]


def _is_abbreviation(text: str, floor: int, dot_end: int, abbreviations: frozenset[str]) -> bool:
    """Tell whether the word ending at `dot_end` is an abbreviation or an initial."""
    token = _token_before(text, floor, dot_end)
    bare = token.lstrip("([\"“‘").lower()
    return bare in abbreviations or bool(_INITIAL.match(token))


def _trimmed(text: str, start: int, end: int) -> Iterator[tuple[int, int]]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if end > start and _HAS_WORD.search(text, start, end):
        yield start, end


def fold_whitespace(text: str) -> str:
    """Collapse runs of whitespace (line breaks included) to single spaces."""
    return " ".join(text.split())
