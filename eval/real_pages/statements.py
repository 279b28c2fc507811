"""How many of the statements shown under osteon's answers are wrong, by hand labels.

An answer quotes source sentences and, under them, statements re-worded from the claims
it read ("X-ray is not useful to diagnose heterotopic ossification"). A statement is right
when a sentence it cites says it, with that polarity and hedge; the labels say so, by hand,
with a category for a wrong one (condition, garbled, role, reversed, overstated,
unsupported). Three steps:

    # 1. every statement shown under the answers of a split, with the sentences it cites,
    #    to label by hand (a file OUTSIDE the repository: it quotes third-party pages)
    python eval/real_pages/statements.py dump --questions eval/real_pages/questions14.yaml \
        --pages /work/devset/pages14 --split held_out14 --out /work/devset/stm/dump14.yaml
    # 2. labelled (fields `label`: right|wrong and `why`), keep only fingerprints in git
    python eval/real_pages/statements.py keep --labelled /work/devset/stm/labels14.yaml \
        --out eval/real_pages/statement_labels14.yaml
    # 3. score what a version of osteon shows against the kept labels
    python eval/real_pages/statements.py score --questions eval/real_pages/questions14.yaml \
        --pages /work/devset/pages14 --split held_out14 \
        --labels eval/real_pages/statement_labels14.yaml

A kept label is the fingerprint (knowledge.schema.text_hash) of the statement's text and
of the first sentence it cites, so the page text stays out of git. Statements the labels
do not know are counted apart ("unlabelled"): label them and keep again.
"""

from __future__ import annotations

import argparse
from collections import Counter
from pathlib import Path

import yaml

from osteon.ask import evaluate
from osteon.ask.answer import ask
from osteon.ask.records import Statement
from osteon.knowledge.schema import text_hash
from osteon.knowledge.views import last_heading


def shown_statements(questions: Path, pages: Path, split: str) -> list[dict]:
    """Every answered question of the split with the statements shown under its answer."""
    chosen = evaluate.select_split(evaluate.load_questions(questions), split)
    rows = []
    with evaluate.store_with_pages(pages) as knowledge:  # a temporary store, seeds + pages
        for q in chosen:
            answer = ask(knowledge, q.question)
            if answer.abstained:
                continue
            rows.append({"id": q.id, "question": q.question, "answer": answer.answer,
                         "statements": [_row(s) for s in answer.statements]})
    return rows


def _row(statement: Statement) -> dict:
    """A statement as a labeller judges it, with the heading a reader sees above each cite.

    The heading ("… › Radiation Therapy") is left out of the fingerprint.
    """
    return {"text": statement.text, "polarity": statement.polarity,
            "cites": [c.sentence_text for c in statement.citations][:3],
            "headings": [last_heading(c.section) or "" for c in statement.citations][:3]}


def key_of(text: str, cites: list[str]) -> str:
    """A statement's fingerprint: its text and the first sentence it cites."""
    return f"{text_hash(text)}:{text_hash(cites[0] if cites else '')}"


def dump(args: argparse.Namespace) -> None:
    rows = shown_statements(args.questions, args.pages, args.split)
    seen: dict[str, dict] = {}
    for row in rows:
        for s in row["statements"]:
            seen.setdefault(key_of(s["text"], s["cites"]),
                            {**s, "question": row["question"], "label": None, "why": None})
    args.out.write_text(yaml.safe_dump(list(seen.values()), sort_keys=False,
                                       allow_unicode=True, width=110))
    print(f"{len(rows)} answers, {len(seen)} distinct statements -> {args.out}")


def keep(args: argparse.Namespace) -> None:
    entries = yaml.safe_load(args.labelled.read_text()) or []
    old = (yaml.safe_load(args.out.read_text()) or {}).get("labels", {}) if (
        args.out.exists()) else {}
    labels = dict(old)
    for e in entries:
        label = str(e.get("label") or "").strip().lower()  # "RIGHT" as a labeller wrote it
        if label == "right":
            labels[key_of(e["text"], e["cites"])] = "right"
        elif label == "wrong":
            kind = (e.get("why") or "").split(":")[0].strip().lower()
            labels[key_of(e["text"], e["cites"])] = f"wrong: {kind}"
        elif label:
            raise SystemExit(f"{args.labelled}: label {e.get('label')!r} of {e['text']!r} is "
                             "neither right nor wrong")
    body = {"about": "Hand labels of statements shown under osteon's answers "
                     "(eval/real_pages/statements.py): fingerprint of the statement text and "
                     "of its first cited sentence -> right, or wrong: category.",
            "labels": dict(sorted(labels.items()))}
    args.out.write_text(yaml.safe_dump(body, sort_keys=False, width=110))
    print(f"{len(labels)} labels -> {args.out}")


def score(args: argparse.Namespace) -> None:
    labels = yaml.safe_load(args.labels.read_text())["labels"]
    rows = shown_statements(args.questions, args.pages, args.split)
    counts: Counter[str] = Counter()
    why: Counter[str] = Counter()
    bad_answers = 0
    for row in rows:
        wrong_here = False
        for s in row["statements"]:
            label = labels.get(key_of(s["text"], s["cites"]), "unlabelled")
            kind = label.split(":")[0]
            counts[kind] += 1
            if kind == "wrong":
                why[label.split(": ", 1)[-1]] += 1
                wrong_here = True
            if args.show_wrong and kind in ("wrong", "unlabelled"):
                print(f"{row['id']} [{label.split(': ', 1)[-1]}] {s['text']}\n"
                      f"    cites: {(s['cites'] or [''])[0][:200]}")
        bad_answers += wrong_here
    judged = counts["right"] + counts["wrong"]
    share = counts["wrong"] / judged if judged else 0.0
    print(f"{len(rows)} answers, {sum(counts.values())} statements: right {counts['right']}, "
          f"wrong {counts['wrong']} ({share:.1%} of those labelled), unlabelled "
          f"{counts['unlabelled']}; answers with a wrong statement {bad_answers}; "
          f"wrong by kind {dict(why)}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    steps = parser.add_subparsers(dest="step", required=True)
    for name in ("dump", "score"):
        step = steps.add_parser(name)
        step.add_argument("--questions", type=Path, required=True)
        step.add_argument("--pages", type=Path, required=True)
        step.add_argument("--split", required=True)
        if name == "dump":
            step.add_argument("--out", type=Path, required=True)
        else:
            step.add_argument("--labels", type=Path, required=True)
            step.add_argument("--show-wrong", action="store_true",
                              help="print each wrong (and each unlabelled) statement with the "
                                   "sentence it cites")
    step = steps.add_parser("keep")
    step.add_argument("--labelled", type=Path, required=True)
    step.add_argument("--out", type=Path, required=True)
    args = parser.parse_args()
    {"dump": dump, "keep": keep, "score": score}[args.step](args)


if __name__ == "__main__":
    main()
