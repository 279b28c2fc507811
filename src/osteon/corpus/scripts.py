"""Scripts written without spaces between words: Chinese and Japanese.

The full-text index (FTS5's unicode61) splits text into words at spaces and punctuation,
so a Chinese sentence would be one "word" that no question matches: "肘關節單純脫位后異位
骨化發生率為3%" held nothing a search for 異位骨化 finds. As CJK search engines do, each
run of such characters is indexed as its characters and its pairs of neighbours
(bigrams: 異位, 位骨, 骨化): a word of one character is found by it, a longer one by its
pairs, which tell "部位" (site) apart from every sentence that only holds 部 or 位. A
question's words are split the same way (ask/text_memo.py `tokens_of`).
"""

from __future__ import annotations

import re

CJK = "\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
"""Kana and CJK ideographs (a character class's ranges)."""
_CHARACTER = re.compile(f"[{CJK}]")
_RUN = re.compile(f"[{CJK}]+")
_WORD = re.compile(r"\w")


def unspaced(text: str) -> bool:
    """Does the text hold a character of a script written without spaces?"""
    return _CHARACTER.search(text) is not None


def run_words(run: str) -> list[str]:
    """The words a run of CJK characters is searched by: itself alone, else its pairs."""
    return [run] if len(run) == 1 else [run[i:i + 2] for i in range(len(run) - 1)]


def indexed_text(text: str) -> str:
    """The text as the full-text index reads it: each CJK run as characters and pairs."""
    if not unspaced(text):
        return text
    return _RUN.sub(lambda m: " " + " ".join(dict.fromkeys(
        (*m.group(), *run_words(m.group())))) + " ", text)


def fts_phrase(words: str) -> str:
    """A word or phrase quoted for an FTS5 query: no query syntax, CJK split as indexed.

    A phrase holding CJK is matched by all its parts in one sentence (its runs' words and
    the other words between them), the index holding no order among a run's pairs.
    """
    if not unspaced(words):
        return _quoted(words)
    parts: list[str] = []
    last = 0
    for m in _RUN.finditer(words):
        parts += [_quoted(words[last:m.start()])] if _WORD.search(words[last:m.start()]) else []
        parts += [_quoted(w) for w in run_words(m.group())]
        last = m.end()
    parts += [_quoted(words[last:])] if _WORD.search(words[last:]) else []
    return "(" + " AND ".join(dict.fromkeys(parts)) + ")"


def _quoted(words: str) -> str:
    return '"' + words.strip().replace('"', '""') + '"'
