"""Generate a large corpus of seed-like text for osteon's benchmarks.

Benchmarks must run on thousands of documents, but the package ships only
five seed pages. This module takes those seeds apart (titles, question and
topic headings, wiki headings, paragraphs, sentences, list items, page
chrome) and reassembles them into new documents with a deterministic RNG, so
that every benchmark sees the same corpus for the same seed and size.

Each generated document is unique byte for byte (its number is in the title
and numbers and a few words vary), because osteon skips a file whose content
hash it already holds and a benchmark of duplicates would measure nothing.
The mix of formats follows the seeds: plain-text web pages with question or
topic headings, a share of `== wiki ==` pages, bullet and numbered lists,
paragraphs separated by one or two newlines, and some page chrome.

Use `generate_corpus(folder, n_docs, seed)` from other benchmarks, or the CLI:
`python bench/corpus_gen.py FOLDER --docs 10000`.
"""

from __future__ import annotations

import argparse
import random
import re
import sys
import time
from dataclasses import dataclass, field
from functools import cache
from importlib import resources
from pathlib import Path

FILES_PER_FOLDER = 1000
"""At most this many files per subfolder: keeps directory listings cheap."""

_WIKI_LINE = re.compile(r"^\s*(=+)\s*(.+?)\s*\1\s*$")
_LIST_LINE = re.compile(r"^\s*(?:[-*+•·▪◦‣–—]|\(?\d{1,3}[.)])\s+(.+)$")
_SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=[\"“(]?[A-Z0-9])")
_NUMBER = re.compile(r"\b\d{1,4}\b")
# Seed lines that are page furniture, not content: kept out of the sentence
# pool (glued into a paragraph they would take real sentences down with them).
_SEED_CHROME = re.compile(r"begin typing your search|press esc|cookie|^\W*share this",
                          re.IGNORECASE)

# Lines the seeds carry as page furniture; osteon's chrome rules drop them,
# so generated pages exercise that path too.
_CHROME = (
    "  • Share this :",
    "Make an appointment! Go there",
    "Begin typing your search term above and press enter to search. Press ESC to cancel.",
    "Back to top",
    "Add a comment",
    "Rate this article",
    "Subscribe to our newsletter",
    "We use cookies to improve your experience. Accept all cookies",
    "Related articles",
)

# Small word swaps that keep sentences grammatical but change their bytes.
_SWAPS = {
    "patients": ("patients", "individuals", "people"),
    "surgery": ("surgery", "an operation", "surgical treatment"),
    "commonly": ("commonly", "often", "frequently"),
    "abnormal": ("abnormal", "ectopic", "unusual"),
    "pain": ("pain", "discomfort", "pain"),
    "may": ("may", "can", "might"),
    "severe": ("severe", "serious", "marked"),
}
_SWAP_RE = re.compile(r"\b(" + "|".join(_SWAPS) + r")\b")

_TOPIC_TEMPLATES = (
    "Overview",
    "Causes",
    "Symptoms",
    "Diagnosis",
    "Treatment",
    "Prevention",
    "Prognosis",
    "Risk factors",
    "Complications",
    "Research",
    "When to see a doctor",
)


@dataclass(slots=True)
class SeedPool:
    """Pieces cut from the seeds, grouped by the role they played there."""

    titles: list[str] = field(default_factory=list)
    questions: list[str] = field(default_factory=list)
    topics: list[str] = field(default_factory=list)
    paragraphs: list[list[str]] = field(default_factory=list)
    sentences: list[str] = field(default_factory=list)
    list_items: list[str] = field(default_factory=list)


def seed_texts() -> list[str]:
    """Read the shipped seed pages the packaged way, so it works from any install."""
    folder = resources.files("osteon") / "data" / "corpus"
    names = sorted(p.name for p in folder.iterdir() if p.name.endswith(".txt"))
    return [(folder / name).read_text(encoding="utf-8") for name in names]


@cache
def seed_pool() -> SeedPool:
    """Cut the seeds into titles, headings, paragraphs, sentences and list items."""
    pool = SeedPool()
    for text in seed_texts():
        lines = [ln.rstrip() for ln in text.splitlines()]
        first = next((ln.strip() for ln in lines if ln.strip()), "")
        if first:
            pool.titles.append(first.strip("= "))
        for raw in lines:
            line = raw.strip()
            if not line or line.startswith("|") or _SEED_CHROME.search(line):
                continue
            words = len(line.split())
            wiki = _WIKI_LINE.match(line)
            listed = _LIST_LINE.match(raw)
            if wiki:
                pool.topics.append(wiki.group(2))
            elif listed:
                pool.list_items.append(listed.group(1).strip())
            elif line.endswith("?") and words <= 20:
                pool.questions.append(line)
            elif words <= 8 and line[-1] not in ".!:;,":
                pool.topics.append(line)
            elif words >= 12:
                sentences = [s.strip() for s in _SENTENCE_END.split(line) if s.strip()]
                pool.paragraphs.append(sentences)
                pool.sentences.extend(s for s in sentences if len(s.split()) >= 5)
    pool.topics.extend(_TOPIC_TEMPLATES)
    # Short seed lines that are chrome or bylines ("Rate author", "Jane Doe, MD")
    # are not headings; keep the content-like ones.
    chrome_words = ("share", "make", "add", "back", "rate")
    pool.topics = sorted({t for t in pool.topics
                          if "," not in t and not t.lower().startswith(chrome_words)})
    pool.questions = sorted(set(pool.questions))
    pool.titles.extend(pool.questions)
    return pool


class _DocumentWriter:
    """Builds one document's text from the pool with its own RNG."""

    def __init__(self, pool: SeedPool, rng: random.Random, number: int) -> None:
        self.pool = pool
        self.rng = rng
        self.number = number
        self.used: set[str] = set()

    def vary(self, sentence: str) -> str:
        """Change some numbers and words so the sentence differs from its seed."""
        rng = self.rng
        if rng.random() < 0.4:
            sentence = _NUMBER.sub(lambda m: str(max(1, int(m.group()) + rng.randint(-3, 9))),
                                   sentence)
        if rng.random() < 0.5:
            sentence = _SWAP_RE.sub(lambda m: rng.choice(_SWAPS[m.group()]), sentence)
        return sentence

    def paragraph(self) -> str:
        """Two to six sentences: mostly a run from one seed paragraph, sometimes mixed."""
        rng = self.rng
        n = rng.randint(2, 5)
        if rng.random() < 0.6:
            source = rng.choice(self.pool.paragraphs)
            start = rng.randrange(len(source))
            chosen = source[start:start + n]
            while len(chosen) < n:
                chosen.append(rng.choice(self.pool.sentences))
        else:
            chosen = [rng.choice(self.pool.sentences) for _ in range(n)]
        return " ".join(self.vary(s) for s in chosen)

    def bullet_list(self) -> list[str]:
        """A bullet or numbered list of seed list items, in one of the seeds' styles."""
        rng = self.rng
        fresh = [i for i in self.pool.list_items if i not in self.used] or self.pool.list_items
        items = rng.sample(fresh, k=min(len(fresh), rng.randint(3, 6)))
        self.used.update(items)
        style = rng.choice(("bullet", "bullet", "numbered", "dash"))
        out = []
        for i, item in enumerate(items, start=1):
            marker = {"bullet": "  •", "numbered": f"  {i}.", "dash": "-"}[style]
            out.append(f"{marker} {self.vary(item)}")
        if style == "numbered":
            # The clinic seed separates numbered items with blank lines.
            return [line for item in out for line in (item, "")][:-1]
        return out

    def heading(self, style: str, level: int = 2) -> str:
        """A section heading in the document's style: wiki, question or topic.

        Headings (and list items) do not repeat within a document: osteon
        rightly reads a short line recurring three times as a running header.
        """
        rng = self.rng
        if style == "faq" or (style == "article" and rng.random() < 0.3):
            choices = self.pool.questions
        else:
            choices = self.pool.topics
        fresh = [h for h in choices if h not in self.used] or choices
        text = rng.choice(fresh)
        self.used.add(text)
        if style == "wiki":
            return f"{'=' * level} {text} {'=' * level}"
        return text

    def render(self) -> tuple[str, str]:
        """The document text and its style (which decides the file's markup)."""
        rng = self.rng
        style = rng.choices(("article", "faq", "wiki"), weights=(55, 25, 20))[0]
        base = rng.choice(self.pool.titles)
        title = f"{base.rstrip('?')} (note {self.number}){'?' if base.endswith('?') else ''}"
        parts: list[str] = [f"= {title} =" if style == "wiki" else title, ""]
        if style != "wiki" and rng.random() < 0.25:
            # Scraped pages repeat their title and a cut-off breadcrumb of it.
            parts += [title, "", f"| {title[:20]}"]
        gap = "\n" if rng.random() < 0.15 else "\n\n"
        body: list[str] = [self.paragraph()]
        for _ in range(rng.randint(2, 6)):
            level = 3 if style == "wiki" and rng.random() < 0.2 else 2
            body.append(self.heading(style, level))
            for _ in range(rng.randint(1, 3)):
                body.append(self.paragraph())
            if rng.random() < 0.35:
                body.append("\n".join(self.bullet_list()))
        if rng.random() < 0.3:
            body.append("\n".join(rng.sample(_CHROME, k=rng.randint(1, 3))))
        # Headings always stand alone (blank lines around them), as in the seeds;
        # other blocks follow the page's own spacing.
        text = "\n".join(parts) + "\n" + body[0]
        for previous, block in zip(body, body[1:], strict=False):
            heading = _is_heading(previous) or _is_heading(block)
            text += ("\n\n" if heading else gap) + block
        return text + "\n", style


def _is_heading(block: str) -> bool:
    """Tell the heading blocks `render` made from paragraphs and lists."""
    return "\n" not in block and (block.startswith("=") or block.endswith("?")
                                  or len(block.split()) <= 8)


def document_text(n: int, seed: int = 0) -> str:
    """The text of document number `n` of the corpus for `seed`; same inputs, same text."""
    rng = random.Random(f"{seed}:{n}")
    return _DocumentWriter(seed_pool(), rng, n).render()[0]


def document_path(folder: Path, n: int) -> Path:
    """Where document `n` lives: subfolders of at most `FILES_PER_FOLDER` files."""
    return folder / f"part_{n // FILES_PER_FOLDER:04d}" / f"doc_{n:07d}.txt"


def generate_corpus(folder: Path, n_docs: int, seed: int = 0) -> int:
    """Write `n_docs` seed-like documents under `folder` and return their total bytes.

    Document `n` depends only on (`seed`, `n`), so the first thousand documents
    of a 10,000-document corpus are the 1,000-document corpus: benchmarks at
    different sizes differ in size only.
    """
    folder = Path(folder)
    total = 0
    made: set[Path] = set()
    for n in range(n_docs):
        path = document_path(folder, n)
        if path.parent not in made:
            path.parent.mkdir(parents=True, exist_ok=True)
            made.add(path.parent)
        data = document_text(n, seed).encode("utf-8")
        path.write_bytes(data)
        total += len(data)
    return total


def main(argv: list[str] | None = None) -> int:
    """CLI: write a corpus and say how big it is and how long it took."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("folder", type=Path, help="where to write the documents")
    parser.add_argument("--docs", type=int, default=1000, help="how many documents")
    parser.add_argument("--seed", type=int, default=0, help="RNG seed (same seed, same corpus)")
    args = parser.parse_args(argv)
    t0 = time.perf_counter()
    total = generate_corpus(args.folder, args.docs, args.seed)
    dt = time.perf_counter() - t0
    print(f"{args.docs} documents, {total / 1e6:.1f} MB in {args.folder} ({dt:.1f} s)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
