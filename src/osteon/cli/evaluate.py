"""The evaluation face: osteon scored against gold data (reading, conflicts, rules, ask, model)."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer
from rich.markup import escape
from rich.table import Table

from osteon.cli.base import JsonOption, app, emit_json, fail, open_kb, out
from osteon.cli.mechanism import model_graph

eval_app = typer.Typer(help="Score osteon against gold data.", no_args_is_help=True)
app.add_typer(eval_app, name="eval")


@eval_app.command("reading")
def eval_reading(
    gold: Annotated[Path, typer.Option("--gold", help="Gold claims (YAML, seed_facts format).")],
    show: Annotated[int, typer.Option(help="How many missed and spurious claims to list.")
                    ] = 400,
    as_json: JsonOption = False,
) -> None:
    """Precision, recall and F1 of reading, overall, per predicate and per document."""
    from osteon.reading.evaluate import load_gold

    gold_claims = load_gold(gold)
    with open_kb() as kb:
        result = kb.evaluate_reading(gold_claims)
    if as_json:
        emit_json({
            "overall": result.overall.as_dict(),
            "by_predicate": {k: v.as_dict() for k, v in result.by_predicate.items()},
            "by_document": {k: v.as_dict() for k, v in result.by_document.items()},
            "missed": [g.model_dump() for g in result.missed],
            "spurious": result.spurious,
        })
        return
    for title, rows in (("by predicate", result.by_predicate), ("by document", result.by_document)):
        table = Table(title=title, title_justify="left")
        for column in ("", "gold", "predicted", "matched", "precision", "recall", "F1"):
            table.add_column(column, justify="left" if not column else "right")
        for key, score in rows.items():
            table.add_row(key, str(score.gold), str(score.predicted), str(score.matched_gold),
                          f"{score.precision:.2f}", f"{score.recall:.2f}", f"{score.f1:.2f}")
        out.print(table)
    o = result.overall
    out.print(f"[bold]overall[/]: precision {o.precision:.3f}  recall {o.recall:.3f}  "
              f"F1 {o.f1:.3f}  ({o.matched_gold}/{o.gold} gold matched, "
              f"{o.matched_predicted}/{o.predicted} predictions right)")
    out.print(f"\n[bold]missed[/] ({len(result.missed)})")
    for g in result.missed[:show]:
        out.print(f"  {g.id} {g.doc[:3]} {g.subject} —{g.predicate}/{g.polarity}→ {g.object}"
                  f"  [dim]{escape(g.quote[:90])}[/]")
    out.print(f"\n[bold]spurious[/] ({len(result.spurious)})")
    for c in result.spurious[:show]:
        out.print(f"  {c.evidence.doc_id[:3]}#{c.evidence.sentence_idx} {c.subject} "
                  f"—{c.predicate}/{c.polarity}→ {c.object}  [dim]{c.rule}: "
                  f"{escape(c.evidence.quote[:80])}[/]")


@eval_app.command("conflicts")
def eval_conflicts(
    gold: Annotated[Path, typer.Option("--gold", help="Gold file with a conflicts list.")],
    as_json: JsonOption = False,
) -> None:
    """How many of a gold file's conflicts osteon reports, and which it misses."""
    with open_kb() as kb:
        result = kb.evaluate_conflicts(gold)
    if as_json:
        emit_json(result.as_dict())
        return
    out.print(f"[bold]conflicts[/]: {len(result.found)}/{result.gold} gold conflicts found "
              f"(recall {result.recall:.2f}); {result.reported} reported in all")
    for title, items in (("missed", result.missed), ("not read (a side's claim was not read)",
                                                       result.not_read)):
        out.print(f"\n[bold]{title}[/] ({len(items)})")
        for c in items:
            out.print(f"  {' × '.join(c.facts)}  [dim]{escape(c.explanation)}[/]")


@eval_app.command("rules")
def eval_rules(
    pages: Annotated[list[Path], typer.Option(
        "--pages", help="Folder of real pages (not in git); repeat it, one per --labels.")],
    labels: Annotated[list[Path], typer.Option(
        "--labels", help="Label file (YAML), kept in git; one per --pages, in the same order.")],
    todo: Annotated[int, typer.Option(
        "--todo", help="Add this many unlabelled claims to the label file and print them.")] = 0,
    write: Annotated[Path | None, typer.Option(
        "--write", help="Write the measured precision table here (rule_precision.yaml).")] = None,
    questions: Annotated[Path | None, typer.Option(
        "--questions", help="Question file whose --split names the pages to measure.")] = None,
    split: Annotated[str, typer.Option(
        "--split", help="Only the pages of this split: named by the questions of --questions, "
                        "else by the label files' `splits`.")] = "all",
    as_json: JsonOption = False,
) -> None:
    """Per-rule precision of reading on real pages, from hand labels (use a store of its own)."""
    from osteon.ask.evaluate import load_questions, select_split
    from osteon.knowledge import rule_eval
    from osteon.knowledge.calibration import rule_precision

    if len(pages) != len(labels):
        fail(f"give one --labels per --pages ({len(pages)} folders, {len(labels)} label files)")
    if todo and len(pages) > 1:
        fail("--todo adds to one label file: give one --pages and one --labels")
    for folder in pages:
        if not folder.is_dir():
            fail(f"{folder}: not a folder")
    label_files = [rule_eval.load_labels(path) for path in labels]
    names: set[str] | None = None
    if split != "all":
        if write is not None:
            fail("--write measures every page: leave out --split")
        if questions is not None:
            names = {q.page for q in select_split(load_questions(questions), split) if q.page}
        else:
            named = [f.split_pages(split) for f in label_files]
            if all(pages_of is None for pages_of in named):
                fail(f"no label file names split {split!r}: give --questions, the file that "
                     "names each split's pages")
            names = set().union(*(pages_of for pages_of in named if pages_of))
    folders = [folder.resolve() for folder in pages]
    with open_kb() as kb:
        read = kb.page_claims(folders)
    label_file = rule_eval.LabelFile(labels=[item for f in label_files for item in f.labels])
    if names is not None:
        read, label_file = rule_eval.only_pages(read, label_file, names)
    result = rule_eval.measure(read, label_file)
    if todo:
        added = rule_eval.pending(read, label_files[0])[:todo]
        label_files[0].labels.extend(item.label for item in added)
        rule_eval.save_labels(labels[0], label_files[0])
        for item in added:
            c = item.claim
            out.print(f"[bold]{escape(item.doc)}#{c.evidence.sentence_idx}[/] {escape(c.subject)} "
                      f"—{c.predicate}/{c.polarity}→ {escape(c.object)}  [dim]{c.rule}[/]\n"
                      f"    {escape(item.sentence_text)}")
    if write is not None:
        from datetime import date

        table = result.table(rule_precision(), measured=(
            f"{date.today().isoformat()}: {result.pooled.labelled} hand-labelled claims read"
            f" from {result.documents} real pages (folders"
            f" {', '.join(folder.name for folder in pages)}, text not in git; labels"
            f" {', '.join(path.as_posix() for path in labels)}); a claim is right only if its"
            f" sentence says exactly that, with that polarity; {result.unlabelled} claims read"
            f" but not labelled"))
        rule_eval.write_table(write, table)
    if as_json:
        emit_json(result.as_dict())
        return
    table_view = Table(title="precision by rule", title_justify="left")
    for column in ("rule", "labelled", "correct", "precision"):
        table_view.add_column(column, justify="left" if column == "rule" else "right")
    for rule, score in sorted(result.rules.items(), key=lambda kv: (-kv[1].labelled, kv[0])):
        table_view.add_row(rule, str(score.labelled), str(score.correct), f"{score.rate:.2f}")
    out.print(table_view)
    p = result.pooled
    out.print(f"[bold]pooled[/]: {p.correct}/{p.labelled} right ({p.rate:.2f}) on "
              f"{result.documents} pages; {result.unlabelled} claims not labelled; "
              f"{result.gone} labels no longer read")


@eval_app.command("ask")
def eval_ask(
    questions: Annotated[Path, typer.Option("--questions", help="Question file (YAML).")],
    exclude_doc: Annotated[list[str] | None, typer.Option(
        "--exclude-doc", help="Leave this document out of the corpus (repeatable).")] = None,
    pages: Annotated[Path | None, typer.Option(
        "--pages", help="Folder of pages to add to the bundled corpus, in a temporary "
                        "store (yours is untouched).")] = None,
    split: Annotated[str, typer.Option(
        "--split", help="Questions of this split only (dev, held_out, … as the file names "
                        "them) or all.")] = "all",
    as_json: JsonOption = False,
) -> None:
    """Ask a question file and score the answers, beside plain BM25 top-3 sentences."""
    from osteon.ask.evaluate import evaluate_with_pages, load_questions, select_split

    asked = select_split(load_questions(questions), split)
    if pages is not None:
        if exclude_doc:
            fail("--exclude-doc and --pages do not go together")
        result = evaluate_with_pages(asked, pages)
    else:
        with open_kb() as kb:
            result = kb.evaluate_questions(asked, exclude=exclude_doc or [])
    if as_json:
        emit_json(result.as_dict())
        return
    for r in result.results:
        mark = "[green]pass[/]" if r.passed else "[red]FAIL[/]"
        base = "pass" if r.baseline_passed else "fail"
        page = f" [dim]({r.page})[/]" if r.page else ""
        out.print(f"{mark} {r.id} {escape(r.question)}{page} [dim](BM25 top-3: {base})[/]")
        out.print(f"     [dim]{escape(r.answer[:160])}[/]")
        for group in r.missing:
            out.print(f"     missing any of: {escape(', '.join(group))}")
        if r.osteon and r.osteon.wrong_page:
            out.print(f"     [yellow]wrong page[/]: cites {escape(', '.join(r.osteon.cited))}")
        if r.osteon and r.osteon.forbidden:
            out.print(f"     [red]forbidden[/]: {escape(', '.join(r.osteon.forbidden))}")
        for problem in r.bad_citations:
            out.print(f"     [red]bad citation[/]: {escape(problem)}")
    n = len(result.results)
    table = Table("", "osteon", "BM25 top-3", title=f"{n} questions ({split})")
    mine, bm25 = result.summary("osteon"), result.summary("bm25")
    table.add_row("answered", f"{mine.answered}/{mine.answerable} ({mine.answered_pct:.0f} %)",
                  f"{bm25.answered}/{bm25.answerable} ({bm25.answered_pct:.0f} %)")
    for label, name in (("wrong page", "wrong_page"), ("abstained (answer expected)", "abstained"),
                        ("forbidden words in short answer", "forbidden_hits")):
        table.add_row(label, str(getattr(mine, name)), str(getattr(bm25, name)))
    table.add_row("abstained correctly", f"{mine.abstained_correctly}/{mine.should_abstain}",
                  f"{bm25.abstained_correctly}/{bm25.should_abstain}")
    table.add_row("passed", f"{result.passed}/{n}", f"{result.baseline_passed}/{n}")
    out.print(table)
    out.print(f"[bold]osteon {result.passed}/{n} · plain BM25 top-3 sentences "
              f"{result.baseline_passed}/{n} · bad citations {result.bad_citations}[/]")


@eval_app.command("mechanism")
def eval_mechanism(
    checks: Annotated[Path | None, typer.Option(
        "--checks", help="Checks file (YAML); default: the checks shipped with osteon, "
                         "the mouse experiments of seed 004.")] = None,
    sweep: Annotated[bool, typer.Option(
        "--sweep", help="Also draw parameter sets (Latin hypercube, ±spread around the "
                        "defaults) and report in what fraction each check's direction holds.")
    ] = False,
    sets: Annotated[int | None, typer.Option(
        "--sets", min=1, max=100_000, help="Parameter sets for --sweep (default 1,000).")] = None,
    spread: Annotated[float | None, typer.Option(
        "--spread", min=0.0, max=0.95, help="Relative spread for --sweep (default 0.5).")] = None,
    as_json: JsonOption = False,
) -> None:
    """Run each check's scenario; print the expected and the simulated direction."""
    from osteon.mechanism import Model
    from osteon.mechanism.checks import as_dicts, evaluate_checks, load_checks, shipped_checks
    from osteon.mechanism.data import parameters
    from osteon.mechanism.sweep import sweep as run_sweep

    with open_kb() as kb:
        graph = model_graph(kb)
    model = Model(graph)
    rows = load_checks(checks) if checks is not None else shipped_checks()
    results = evaluate_checks(model, rows)
    n = sets or parameters().sweep.sets
    width = parameters().sweep.spread if spread is None else spread
    robust = run_sweep(model, rows, n, spread=width) if sweep else {}
    if as_json:
        emit_json({"passed": sum(r.passed for r in results), "checks": len(results),
                   "results": as_dicts(results),
                   **({"sweep": {"sets": n, "spread": width, "fraction_holding": robust}}
                      if sweep else {})})
        return
    for r in results:
        mark = "[green]pass[/]" if r.passed else "[red]FAIL[/]"
        held = f"  [dim](holds in {robust[r.id]:.1%} of {n} sets)[/]" if r.id in robust else ""
        out.print(f"{mark} {r.id}  expected: {escape(r.expect)}{held}")
        out.print(f"        simulated: {escape(r.simulated)}")
    out.print(f"[bold]{sum(r.passed for r in results)}/{len(results)} checks reproduced[/]")
    if sweep:
        low = min(robust.values(), default=1.0)
        out.print(f"[bold]sweep: {n} parameter sets at ±{width:.0%}; every check's direction "
                  f"holds in ≥ {low:.1%} of them[/]")
