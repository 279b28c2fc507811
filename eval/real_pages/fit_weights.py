"""Fit ask's ranking weights (src/osteon/data/ask/ranking.yaml `weights`) on real page sets.

Each answerable question of a set is asked of a store of the bundled seeds plus that set's
page folder; every candidate sentence keeps its features (lexical, concepts, answer, …). The
sentence to rank first is one of the right page that holds the most of the question's
expected words. A softmax ranking loss over each question's candidates (a light pull
towards the current weights) gives the weights that put such sentences first; the figures
printed are how many questions have one in the quoted ten, with the current and the
fitted weights, on the sets fitted on and on those only measured (`--measure`).

    python eval/real_pages/fit_weights.py \
        --fit eval/real_pages/questions.yaml=/work/devset/pages ... \
        --measure eval/real_pages/questions12.yaml=/work/devset/pages12

Page texts are third-party and stay outside the repository (README.md of this folder says
how to rebuild a folder). A store is built per folder in a temporary directory (minutes).
Weights are printed, not written: a person rounds them, measures the answers end to end
(`osteon eval ask`) and edits ranking.yaml.
"""

from __future__ import annotations

import argparse
import tempfile
from dataclasses import dataclass
from pathlib import Path

import numpy as np
from scipy.optimize import minimize

from osteon import KnowledgeBase
from osteon.ask import evaluate
from osteon.ask.evidence import rank_evidence
from osteon.ask.ranking_rules import ranking_rules
from osteon.ask.understand import GENERAL, question_rules, understand

QUOTED = 10
"""Sentences an answer quotes: a question counts when one to rank first is among them."""


@dataclass
class Candidates:
    """One question's candidate sentences: features (rows) and which are to rank first."""

    features: np.ndarray
    first: np.ndarray


def candidates_of(questions: Path, pages: Path | None, work: Path) -> list[Candidates]:
    """Every answerable question's candidates over the seeds plus the page folder."""
    kb = KnowledgeBase.open(Path(tempfile.mkdtemp(dir=work)) / "osteon.sqlite")
    if pages is not None:
        kb.ingest([pages])
    knowledge = kb.knowledge
    rules = question_rules()
    everything = ranking_rules().model_copy(update={"min_score": float("-inf")})
    names = list(ranking_rules().weights.model_dump())
    page_docs = evaluate.page_documents(knowledge.store)
    out = []
    for gold in evaluate.load_questions(questions):
        if gold.abstain:
            continue
        question = understand(gold.question, knowledge.lexicon, rules)
        qtypes = [t for t in (rules.type_named(n) for n in question.intents) if t] or [GENERAL]
        ranked = rank_evidence(knowledge, question, qtypes, rules=everything)
        doc = page_docs.get(gold.page) if gold.page else None
        held = [len(gold.expect) - len(evaluate._missing(gold.expect, r.place.text.lower()))
                if doc is None or r.place.doc_id == doc else 0 for r in ranked]
        if not held or max(held) == 0:
            continue  # no candidate to rank first: the weights cannot help this question
        out.append(Candidates(
            np.array([[r.features.get(n, 0.0) for n in names] for r in ranked]),
            np.array([h == max(held) for h in held])))
    kb.close()
    return out


def in_quoted(sets: list[Candidates], weights: np.ndarray) -> int:
    """Questions with a sentence to rank first among the quoted ones."""
    hits = 0
    for c in sets:
        order = np.argsort(-(c.features @ weights), kind="stable")
        hits += bool(c.first[order][:QUOTED].any())
    return hits


def loss(weights: np.ndarray, sets: list[Candidates], current: np.ndarray,
         pull: float) -> float:
    """Softmax cross-entropy of the sentences to rank first, plus a pull to `current`."""
    total = 0.0
    for c in sets:
        scores = c.features @ weights
        top = scores.max()
        total -= (np.log(np.exp(scores[c.first] - top).sum())
                  - np.log(np.exp(scores - top).sum()))
    return total + pull * float(((weights - current) ** 2).sum())


def _pairs(values: list[str]) -> list[tuple[Path, Path | None]]:
    out = []
    for value in values:
        questions, _, pages = value.partition("=")
        out.append((Path(questions), Path(pages) if pages else None))
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--fit", nargs="+", required=True,
                        help="QUESTIONS.yaml=PAGES_FOLDER (no folder: the seeds alone)")
    parser.add_argument("--measure", nargs="*", default=[],
                        help="sets only measured, never fitted on")
    parser.add_argument("--pull", type=float, default=0.1,
                        help="weight of the pull towards the current weights")
    args = parser.parse_args()
    names = list(ranking_rules().weights.model_dump())
    current = np.array(list(ranking_rules().weights.model_dump().values()))
    with tempfile.TemporaryDirectory() as tmp:
        fit = [c for q, p in _pairs(args.fit) for c in candidates_of(q, p, Path(tmp))]
        measured = [c for q, p in _pairs(args.measure) for c in candidates_of(q, p, Path(tmp))]
    fitted = minimize(loss, current, args=(fit, current, args.pull), method="L-BFGS-B").x
    fitted *= current[names.index("lexical")] / fitted[names.index("lexical")]  # same scale
    print("weight      current  fitted")
    for name, now, new in zip(names, current, fitted, strict=True):
        print(f"{name:10s} {now:8.2f} {new:7.2f}")
    for label, sets in (("fitted on", fit), ("measured", measured)):
        if sets:
            print(f"{label}: {len(sets)} questions; one to rank first in the quoted {QUOTED}: "
                  f"{in_quoted(sets, current)} now, {in_quoted(sets, fitted)} fitted")


if __name__ == "__main__":
    main()
