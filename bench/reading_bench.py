"""Benchmark osteon's reading: sentences per second on one core, against bare medspaCy.

Target: at least 2,000 sentences/s on one core, and at least half the rate of a
bare `medspacy.load()` pipeline on the same sentences. Peak memory is reported.

What is measured, each in a fresh child process pinned to one CPU (so peak RSS,
`ru_maxrss`, belongs to that measurement alone and no warm cache flatters it):

1. ingest: the generated corpus (`corpus_gen.py`) goes into a fresh store.
   Timed, but not as reading.
2. end to end: `read_store(store)` over the whole store (or the first
   `--read-docs` documents by id): the medspaCy pipeline, relation extraction,
   quantities and the SQLite writes. Sentences are those stored
   (`SELECT count(*) FROM sentences`); building the reader is timed apart.
3. on one sample, the same sentences for every row: random whole documents
   (seeded) until they hold `--sample-sentences` sentences, so that osteon's
   reader can read them as documents while the pipelines get their sentences:
   - osteon `read_store` on those documents (a copy of the freshly ingested
     store), with each stage timed (pipeline, relations, quantities, SQLite);
   - osteon's pipeline alone, `default_pipeline().analyse_many(sentences)`,
     and the same spaCy pipeline cut after each component;
   - bare `medspacy.load()` as shipped (PyRuSH sentence splitter, target
     matcher with no rules, ConText), `nlp.pipe(sentences)`;
   - bare `medspacy.load()` with osteon's lexicon added as target rules.
   Each of these first runs on the sample's first 100 sentences (or one other
   document) untimed, so one-off lazy set-up is not billed to the rate.

PyRuSH logs every sentence at DEBUG through loguru; the bare children disable
loguru, which only makes bare medspaCy faster (a conservative ratio). Results
are printed, never asserted: this is a measurement, not a test.

    .venv/bin/python bench/reading_bench.py                      # 10,000 documents
    .venv/bin/python bench/reading_bench.py --docs 300 --sample-sentences 1000 --json
    .venv/bin/python bench/reading_bench.py --docs 2000 --profile  # cProfile to stderr
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import random
import sqlite3
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

from measure import peak_rss_mb, pin_to_one_cpu, rss_now_mb

TARGET_SENTENCES_PER_S = 2000.0
TARGET_RATIO = 0.5
TARGET = "target: ≥ 2,000 sentences/s on one core and ≥ 0.5 × bare medspaCy"
MAX_BYTES = 50 * 1024 * 1024
WARMUP_SENTENCES = 100
PROFILE_LINES = 35

HERE = Path(__file__).resolve().parent


# --------------------------------------------------------------------------- child side








class _Clock:
    """Wall and CPU time of one timed block."""

    def __enter__(self) -> _Clock:
        self.cpu0, self.t0 = time.process_time(), time.perf_counter()
        return self

    def __exit__(self, *exc: object) -> None:
        self.wall = time.perf_counter() - self.t0
        self.cpu = time.process_time() - self.cpu0


def _memory(baseline: float | None) -> dict[str, Any]:
    peak = peak_rss_mb()
    return {"rss_after_load_mb": baseline, "peak_rss_mb": peak, "end_rss_mb": rss_now_mb()}


def _profiled(fn: Callable[[], Any]) -> tuple[Any, str]:
    """Run `fn` under cProfile; return its result and the top functions, as text."""
    import cProfile
    import io
    import pstats

    profiler = cProfile.Profile()
    result = profiler.runcall(fn)
    out = io.StringIO()
    stats = pstats.Stats(profiler, stream=out)
    out.write("--- by own time ---\n")
    stats.sort_stats("tottime").print_stats(PROFILE_LINES)
    out.write("--- by cumulative time ---\n")
    stats.sort_stats("cumulative").print_stats(PROFILE_LINES)
    return result, out.getvalue()


def child_ingest(args: dict[str, Any]) -> dict[str, Any]:
    """Ingest the corpus into a fresh store (timed, but it is not reading)."""
    cpu = pin_to_one_cpu()
    from osteon.corpus.ingest import ingest_paths
    from osteon.corpus.store import Store

    store = Store.open(args["store"])
    with _Clock() as clock:
        report = ingest_paths(store, [Path(args["corpus"])], max_bytes=MAX_BYTES)
    counts = report.counts()
    sentences = store.count_sentences()
    store.close()
    return {"cpu": cpu, "counts": counts, "docs": counts.get("added", 0),
            "failed": counts.get("failed", 0), "sentences": sentences,
            "wall_s": clock.wall, "cpu_s": clock.cpu, "peak_rss_mb": peak_rss_mb()}


def _instrument(store: Any, reader: Any, stages: dict[str, float]) -> None:
    """Time each stage of reading by wrapping it (in this child only; src is untouched)."""
    import osteon.knowledge.claim_store as claim_store
    import osteon.reading.reader as reader_module

    def timed(name: str, fn: Callable[..., Any]) -> Callable[..., Any]:
        def wrapper(*a: Any, **k: Any) -> Any:
            t0 = time.perf_counter()
            try:
                return fn(*a, **k)
            finally:
                stages[name] = stages.get(name, 0.0) + time.perf_counter() - t0
        return wrapper

    many = reader.pipeline.analyse_many

    def analyse_many(texts: Any, *a: Any, **k: Any) -> Iterator[Any]:
        t0 = time.perf_counter()
        done = list(many(texts, *a, **k))
        stages["pipeline"] = stages.get("pipeline", 0.0) + time.perf_counter() - t0
        return iter(done)

    reader.pipeline.analyse_many = analyse_many
    reader.pipeline.analyse = timed("pipeline", reader.pipeline.analyse)  # headings
    reader.extractor.extract = timed("relations", reader.extractor.extract)
    reader.read = timed("read", reader.read)
    reader_module.extract_quantities = timed("quantities", reader_module.extract_quantities)
    claim_store.replace_claims = timed("sqlite write", claim_store.replace_claims)
    store.get = timed("sqlite load", store.get)


def child_read(args: dict[str, Any]) -> dict[str, Any]:
    """Read a store end to end with `read_store` and measure it."""
    cpu = pin_to_one_cpu()
    from osteon.corpus.store import Store
    from osteon.knowledge.read_pass import read_store
    from osteon.reading.reader import DocumentReader
    from osteon.reading.version import reader_version

    store = Store.open(args["store"])
    doc_ids: list[str] | None = args.get("doc_ids")
    if doc_ids is None:
        sentences = store.count_sentences()
        docs = len(store.ids())
    else:
        sentences = sum(store.count_sentences(d) for d in doc_ids)
        docs = len(doc_ids)
    with _Clock() as load:
        reader = DocumentReader()
        reader_version()
    if args.get("warmup_doc"):
        reader.read(store.get(args["warmup_doc"]))  # not stored: read() writes nothing
    stages: dict[str, float] = {}
    if args.get("instrument"):
        _instrument(store, reader, stages)
    baseline = rss_now_mb()
    profile_text = None
    with _Clock() as clock:
        if args.get("profile"):
            report, profile_text = _profiled(
                lambda: read_store(store, doc_ids=doc_ids, reader=reader))
        else:
            report = read_store(store, doc_ids=doc_ids, reader=reader)
    if profile_text:
        print(profile_text, file=sys.stderr)
    stored_claims = store.connection.execute("SELECT count(*) FROM claims").fetchone()[0]
    store.close()
    return {"cpu": cpu, "docs": docs, "docs_read": len(report.documents),
            "sentences": sentences, "skipped": report.skipped_sentences,
            "claims": report.claims, "mentions": report.mentions, "stored_claims": stored_claims,
            "load_s": load.wall, "wall_s": clock.wall, "cpu_s": clock.cpu,
            "stages": stages, "profiled": bool(args.get("profile")), **_memory(baseline)}


def _drain(docs: Iterator[Any]) -> None:
    """Consume a stream of Docs without keeping them (as analyse_many does)."""
    for _ in docs:
        pass


def _sample(args: dict[str, Any]) -> list[str]:
    return json.loads(Path(args["sample"]).read_text())["sentences"]


def child_pipeline(args: dict[str, Any]) -> dict[str, Any]:
    """Osteon's pipeline alone on the sample, then cut after each spaCy component."""
    cpu = pin_to_one_cpu()
    from osteon.reading.pipeline import clean_text, default_pipeline

    sentences = _sample(args)
    with _Clock() as load:
        pipeline = default_pipeline()
    list(pipeline.analyse_many(sentences[:WARMUP_SENTENCES]))
    baseline = rss_now_mb()
    profile_text = None
    with _Clock() as clock:
        if args.get("profile"):
            _, profile_text = _profiled(lambda: list(pipeline.analyse_many(sentences)))
        else:
            list(pipeline.analyse_many(sentences))
    if profile_text:
        print(profile_text, file=sys.stderr)
    memory = _memory(baseline)
    # Cumulative cuts: the tokenizer alone, then each component added in order.
    nlp = pipeline.nlp
    cleaned = [clean_text(s) for s in sentences]
    cuts: list[dict[str, Any]] = []
    names = list(nlp.pipe_names)
    for i, name in enumerate(["tokenizer", *names]):
        with nlp.select_pipes(disable=names[i:]):
            _drain(nlp.pipe(cleaned[:WARMUP_SENTENCES], batch_size=256))
            with _Clock() as cut:
                _drain(nlp.pipe(cleaned, batch_size=256))
        cuts.append({"upto": name, "wall_s": cut.wall})
    return {"cpu": cpu, "sentences": len(sentences), "load_s": load.wall,
            "wall_s": clock.wall, "cpu_s": clock.cpu, "cuts": cuts,
            "profiled": bool(args.get("profile")), **memory}


def child_bare(args: dict[str, Any]) -> dict[str, Any]:
    """Bare `medspacy.load()` on the sample, optionally with osteon's lexicon as target rules."""
    cpu = pin_to_one_cpu()
    from loguru import logger

    logger.disable("")  # PyRuSH logs each sentence at DEBUG: silencing it only helps bare
    import medspacy

    sentences = _sample(args)
    rules = 0
    with _Clock() as load:
        nlp = medspacy.load()
        if args.get("lexicon"):
            rules = _add_lexicon_rules(nlp)
    list(nlp.pipe(sentences[:WARMUP_SENTENCES]))
    baseline = rss_now_mb()
    entities = splits = 0
    with _Clock() as clock:
        for doc in nlp.pipe(sentences):  # counted as they come: keeping Docs costs GC time
            entities += len(doc.ents)
            splits += sum(1 for _ in doc.sents)
    return {"cpu": cpu, "sentences": len(sentences), "pipes": list(nlp.pipe_names),
            "target_rules": rules, "entities": entities, "pyrush_sentences": splits,
            "load_s": load.wall, "wall_s": clock.wall, "cpu_s": clock.cpu, **_memory(baseline)}


def _add_lexicon_rules(nlp: Any) -> int:
    """Osteon's lexicon as medspaCy target rules, built as `pipeline._build_nlp` builds them."""
    from osteon.reading.lexicon import load_lexicon
    from osteon.reading.pipeline import lexicon_target_rules

    rules = lexicon_target_rules(nlp, load_lexicon())
    nlp.get_pipe("medspacy_target_matcher").add(rules)
    return len(rules)


CHILDREN: dict[str, Callable[[dict[str, Any]], dict[str, Any]]] = {
    "ingest": child_ingest, "read": child_read, "pipeline": child_pipeline, "bare": child_bare,
}


# --------------------------------------------------------------------------- parent side


def _run_child(kind: str, args: dict[str, Any], env: dict[str, str],
               show_stderr: bool = False) -> dict[str, Any]:
    """Run one measurement in a fresh interpreter; its last stdout line is the JSON result."""
    fd, name = tempfile.mkstemp(prefix=f"{kind}-", suffix=".json",
                                dir=env.get("OSTEON_BENCH_TMP"))
    with os.fdopen(fd, "w") as handle:  # a file, not argv: a long id list outgrows argv
        json.dump(args, handle)
    command = [sys.executable, str(Path(__file__).resolve()), "--child", kind, name]
    done = subprocess.run(command, env=env, capture_output=True, text=True, check=False)
    if show_stderr and done.stderr:
        print(done.stderr, file=sys.stderr)
    if done.returncode != 0:
        return {"error": (done.stderr or done.stdout).strip()[-2000:]}
    result: dict[str, Any] = json.loads(done.stdout.strip().splitlines()[-1])
    wall = result.get("wall_s") or 1e-9
    if "sentences" in result:
        result["sentences_per_s"] = result["sentences"] / wall
    if "claims" in result:
        result["claims_per_s"] = result["claims"] / wall
    if "docs" in result:
        result["docs_per_s"] = result["docs"] / wall
    return result


def choose_sample(store_file: Path, n_sentences: int, seed: int, out: Path) -> dict[str, Any]:
    """Random whole documents (seeded) until they hold `n_sentences`; write their sentences."""
    db = sqlite3.connect(f"file:{store_file}?mode=ro", uri=True)
    try:
        rows = db.execute("SELECT id, n_sentences FROM documents ORDER BY id").fetchall()
        order = list(rows)
        random.Random(seed).shuffle(order)
        picked: list[str] = []
        total = 0
        for doc_id, n in order:
            if total >= n_sentences:
                break
            if n:
                picked.append(doc_id)
                total += n
        picked.sort()
        sentences = [text for doc_id in picked for (text,) in db.execute(
            "SELECT text FROM sentences WHERE doc_id = ? ORDER BY idx", (doc_id,))]
        chosen = set(picked)
        spare = next((doc_id for doc_id, n in order if doc_id not in chosen and n), None)
    finally:
        db.close()
    out.write_text(json.dumps({"doc_ids": picked, "sentences": sentences}))
    return {"doc_ids": picked, "docs": len(picked), "sentences": len(sentences),
            "chars": sum(len(s) for s in sentences), "warmup_doc": spare}


def copy_store(source: Path, target: Path) -> None:
    """Copy a store with SQLite's backup API (safe whatever the WAL holds)."""
    src = sqlite3.connect(source)
    dst = sqlite3.connect(target)
    try:
        src.backup(dst)
    finally:
        dst.close()
        src.close()


def first_ids(store_file: Path, n: int) -> list[str]:
    """The first `n` document ids in id order: a deterministic subset to read."""
    db = sqlite3.connect(f"file:{store_file}?mode=ro", uri=True)
    try:
        return [r[0] for r in db.execute("SELECT id FROM documents ORDER BY id LIMIT ?", (n,))]
    finally:
        db.close()


def run(args: argparse.Namespace, workdir: Path) -> dict[str, Any]:
    """Every measurement, in order; returns all figures."""
    sys.path.insert(0, str(HERE))
    from corpus_gen import generate_corpus

    env = {**os.environ, "OSTEON_HOME": str(workdir / "home"), "OSTEON_BENCH_TMP": str(workdir)}
    results: dict[str, Any] = {"load_avg_start": _load_avg()}
    corpus = workdir / "corpus"
    store = workdir / "store.sqlite"
    _say(f"generating {args.docs} documents ...")
    t0 = time.perf_counter()
    corpus_bytes = generate_corpus(corpus, args.docs, args.seed)
    results["corpus"] = {"docs": args.docs, "bytes": corpus_bytes,
                         "generate_s": time.perf_counter() - t0, "seed": args.seed}
    _say(f"  {corpus_bytes / 1e6:.1f} MB; ingesting in a fresh process ...")
    ingest = _run_child("ingest", {"corpus": str(corpus), "store": str(store)}, env)
    results["ingest"] = ingest
    if "error" in ingest:
        return results
    _say(f"  {ingest['docs']} documents, {ingest['sentences']} sentences in"
         f" {ingest['wall_s']:.1f} s")

    sample = choose_sample(store, args.sample_sentences, args.seed, workdir / "sample.json")
    results["sample"] = {k: v for k, v in sample.items() if k != "doc_ids"}
    sample_store = workdir / "sample.sqlite"
    copy_store(store, sample_store)  # unread: the end-to-end read below writes claims
    profile_store = workdir / "profile.sqlite"
    if args.profile:
        copy_store(store, profile_store)

    read_ids = None if args.read_docs is None or args.read_docs >= ingest["docs"] else (
        first_ids(store, args.read_docs))
    what = "all" if read_ids is None else f"the first {len(read_ids)} (by id) of"
    _say(f"end to end: read_store over {what} {ingest['docs']} documents ...")
    full = _run_child("read", {"store": str(store), "doc_ids": read_ids}, env)
    full["scope"] = "all" if read_ids is None else "first"
    results["end_to_end"] = full
    if "error" not in full:
        _say(f"  {full['sentences']} sentences in {full['wall_s']:.1f} s"
             f" ({full['sentences_per_s']:.0f}/s)")

    sample_file = str(workdir / "sample.json")
    _say(f"sample: {sample['docs']} documents, {sample['sentences']} sentences;"
         " osteon read_store (stages timed) ...")
    results["sample_read"] = _run_child(
        "read", {"store": str(sample_store), "doc_ids": sample["doc_ids"], "instrument": True,
                 "warmup_doc": sample["warmup_doc"]}, env)
    _say("  osteon pipeline alone ...")
    results["sample_pipeline"] = _run_child("pipeline", {"sample": sample_file}, env)
    _say("  bare medspacy.load() ...")
    results["sample_bare"] = _run_child("bare", {"sample": sample_file}, env)
    if args.lexicon_variant:
        _say("  bare medspacy.load() + osteon lexicon rules ...")
        results["sample_bare_lexicon"] = _run_child(
            "bare", {"sample": sample_file, "lexicon": True}, env)
    if args.profile:
        _say("  profiling osteon read_store on the sample (cProfile, to stderr) ...")
        print("=== cProfile: osteon read_store on the sample ===", file=sys.stderr)
        results["profile_read"] = _run_child(
            "read", {"store": str(profile_store), "doc_ids": sample["doc_ids"],
                     "profile": True, "warmup_doc": sample["warmup_doc"]}, env,
            show_stderr=True)
        print("=== cProfile: osteon pipeline alone on the sample ===", file=sys.stderr)
        results["profile_pipeline"] = _run_child(
            "pipeline", {"sample": sample_file, "profile": True}, env, show_stderr=True)
    results["load_avg_end"] = _load_avg()
    return results


def _load_avg() -> float | None:
    try:
        return os.getloadavg()[0]
    except (AttributeError, OSError):
        return None


def verdict(results: dict[str, Any]) -> dict[str, Any]:
    """Whether the figures meet the target; reported, never enforced."""
    full = results.get("end_to_end", {})
    read = results.get("sample_read", {})
    bare = results.get("sample_bare", {})
    rate = full.get("sentences_per_s")
    ratio = None
    if read.get("sentences_per_s") and bare.get("sentences_per_s"):
        ratio = read["sentences_per_s"] / bare["sentences_per_s"]
    pipe = results.get("sample_pipeline", {}).get("sentences_per_s")
    return {
        "end_to_end_sentences_per_s": rate,
        "throughput_met": rate is not None and rate >= TARGET_SENTENCES_PER_S,
        "sample_read_vs_bare": ratio,
        "sample_pipeline_vs_bare": (pipe / bare["sentences_per_s"]
                                    if pipe and bare.get("sentences_per_s") else None),
        "ratio_met": ratio is not None and ratio >= TARGET_RATIO,
        "peak_rss_mb": max((r.get("peak_rss_mb", 0.0) for k, r in results.items()
                            if isinstance(r, dict) and k not in ("ingest", "corpus", "sample")
                            and not k.startswith("profile")), default=None),
    }


def _f(value: float | None, fmt: str = "{:.0f}") -> str:
    return "-" if value is None else fmt.format(value)


def print_table(results: dict[str, Any], summary: dict[str, Any]) -> None:
    """Print the figures as plain tables."""
    print(f"osteon reading benchmark  (Python {platform.python_version()}, "
          f"{platform.machine()}, {os.cpu_count()} CPUs visible; every measurement in a fresh"
          " process pinned to one CPU)")
    print(TARGET)
    print()
    corpus, ingest = results["corpus"], results["ingest"]
    print(f"corpus: {corpus['docs']} generated documents, {corpus['bytes'] / 1e6:.1f} MB"
          f" (seed {corpus['seed']}, {corpus['generate_s']:.1f} s)")
    if "error" in ingest:
        print(f"ingest failed:\n{ingest['error']}")
        return
    print(f"ingest (not reading): {ingest['docs']} documents, {ingest['sentences']} sentences"
          f" in {ingest['wall_s']:.1f} s, {ingest['failed']} failed,"
          f" peak RSS {ingest['peak_rss_mb']:.0f} MB")
    print()
    full = results["end_to_end"]
    if "error" in full:
        print(f"end-to-end read failed:\n{full['error']}\n")
    else:
        scope = ("every document" if full["scope"] == "all"
                 else f"the first {full['docs']} documents by id (a deterministic subset)")
        print(f"end to end: read_store over {scope} of the {ingest['docs']}-document store")
        rows = [
            ("documents read", f"{full['docs_read']}"),
            ("sentences (stored)", f"{full['sentences']}"),
            ("sentences skipped (too long)", f"{full['skipped']}"),
            ("claims / mentions", f"{full['claims']} / {full['mentions']}"),
            ("reader load (s, not in the rate)", f"{full['load_s']:.2f}"),
            ("read wall / CPU (s)", f"{full['wall_s']:.1f} / {full['cpu_s']:.1f}"),
            ("sentences/s", f"{full['sentences_per_s']:.0f}"),
            ("claims/s", f"{full['claims_per_s']:.0f}"),
            ("documents/s", f"{full['docs_per_s']:.1f}"),
            ("RSS after load / peak (MB)",
             f"{_f(full['rss_after_load_mb'])} / {full['peak_rss_mb']:.0f}"),
        ]
        width = max(len(label) for label, _ in rows)
        for label, value in rows:
            print(f"  {label.ljust(width)}  {value}")
        print()
    sample = results["sample"]
    print(f"same sample for every row: {sample['docs']} random whole documents,"
          f" {sample['sentences']} sentences, {sample['chars'] / sample['sentences']:.0f}"
          " characters each on average")
    bare_rate = results.get("sample_bare", {}).get("sentences_per_s")
    header = ("measurement", "sent/s", "vs bare", "wall s", "cpu s", "load s", "peak MB")
    table = [header]
    for key, label in (("sample_read", "osteon read_store (end to end)"),
                       ("sample_pipeline", "osteon pipeline alone (analyse_many)"),
                       ("sample_bare", "bare medspacy.load() (nlp.pipe)"),
                       ("sample_bare_lexicon", "bare medspacy.load() + osteon lexicon")):
        r = results.get(key)
        if r is None:
            continue
        if "error" in r:
            table.append((label, "failed", "", "", "", "", ""))
            continue
        ratio = r["sentences_per_s"] / bare_rate if bare_rate else None
        table.append((label, f"{r['sentences_per_s']:.0f}", _f(ratio, "{:.2f}x"),
                      f"{r['wall_s']:.2f}", f"{r['cpu_s']:.2f}", f"{r['load_s']:.2f}",
                      f"{r['peak_rss_mb']:.0f}"))
    widths = [max(len(row[i]) for row in table) for i in range(len(header))]
    for row in table:
        print("  " + row[0].ljust(widths[0]) + "  "
              + "  ".join(c.rjust(w) for c, w in zip(row[1:], widths[1:], strict=True)))
    for key in ("sample_read", "sample_pipeline", "sample_bare", "sample_bare_lexicon"):
        if "error" in results.get(key, {}):
            print(f"{key} failed:\n{results[key]['error']}")
    bare = results.get("sample_bare", {})
    if "pipes" in bare:
        print(f"  (bare pipes: {', '.join(bare['pipes'])}; PyRuSH re-split the sample into"
              f" {bare['pyrush_sentences']} sentences; loguru silenced in the bare runs)")
    lex = results.get("sample_bare_lexicon", {})
    if "target_rules" in lex:
        print(f"  (+ lexicon: {lex['target_rules']} target rules, {lex['entities']} entities"
              " found in the sample)")
    print()
    _print_stages(results.get("sample_read", {}))
    _print_cuts(results.get("sample_pipeline", {}))
    starts, ends = results.get("load_avg_start"), results.get("load_avg_end")
    if starts is not None and ends is not None:
        print(f"load average (1 min) at start / end: {starts:.2f} / {ends:.2f}"
              f" on {os.cpu_count()} CPUs (other work on the machine slows the pinned core)")
    if "profile_read" in results:
        print("note: --profile ran extra, separate cProfile children (stderr); the figures above"
              " are unprofiled")
    rate = summary["end_to_end_sentences_per_s"]
    met = "met" if summary["throughput_met"] else "NOT met"
    print(f"throughput: end to end {_f(rate)} sentences/s on one core"
          f" (target ≥ {TARGET_SENTENCES_PER_S:,.0f}) -> {met}")
    ratio_met = "met" if summary["ratio_met"] else "NOT met"
    print(f"ratio: osteon read_store / bare medspaCy on the same sentences ="
          f" {_f(summary['sample_read_vs_bare'], '{:.2f}')}"
          f" (target ≥ {TARGET_RATIO}) -> {ratio_met};"
          f" pipeline alone / bare = {_f(summary['sample_pipeline_vs_bare'], '{:.2f}')}")
    print(f"peak memory: {_f(summary['peak_rss_mb'])} MB RSS, the largest of the reading"
          " and medspaCy children")


def _print_stages(read: dict[str, Any]) -> None:
    stages = read.get("stages")
    if not stages:
        return
    total = read["wall_s"]
    per_sentence = 1e6 / max(read["sentences"], 1)
    inside_read = stages.get("read", 0.0)
    named = [("medspaCy pipeline (analyse / analyse_many)", stages.get("pipeline", 0.0)),
             ("relation extraction (RelationExtractor.extract)", stages.get("relations", 0.0)),
             ("quantities (extract_quantities)", stages.get("quantities", 0.0)),
             ("SQLite write (replace_claims)", stages.get("sqlite write", 0.0)),
             ("SQLite load (store.get)", stages.get("sqlite load", 0.0))]
    glue = inside_read - sum(v for k, v in stages.items()
                             if k in ("pipeline", "relations", "quantities"))
    named.append(("reader glue (settings, model-context regex, headings)", glue))
    rest = total - inside_read - stages.get("sqlite write", 0.0) - stages.get("sqlite load", 0.0)
    named.append(("read_store rest (schema, version, loop)", rest))
    print(f"where osteon's reading time goes (sample, {total:.2f} s wall, each stage timed):")
    width = max(len(label) for label, _ in named)
    for label, seconds in named:
        print(f"  {label.ljust(width)}  {seconds:6.2f} s  {100 * seconds / total:5.1f} %"
              f"  {seconds * per_sentence:7.0f} µs/sentence")
    print()


def _print_cuts(pipe: dict[str, Any]) -> None:
    cuts = pipe.get("cuts")
    if not cuts:
        return
    n = pipe["sentences"]
    print("osteon's spaCy pipeline cut after each component (nlp.pipe, cumulative):")
    previous = 0.0
    for cut in cuts:
        rate = n / cut["wall_s"] if cut["wall_s"] else 0.0
        added = (cut["wall_s"] - previous) * 1e6 / n
        print(f"  up to {cut['upto']:<24}  {rate:8.0f} sentences/s  (+{added:4.0f} µs/sentence)")
        previous = cut["wall_s"]
    extra = (pipe["wall_s"] - previous) * 1e6 / n
    print(f"  {'analyse_many (+ _analysis)':<30}  {pipe['sentences_per_s']:8.0f} sentences/s"
          f"  (+{extra:4.0f} µs/sentence: Mentions, Cues)")
    print()


def _say(message: str) -> None:
    """Progress goes to stderr, so stdout stays the table or the JSON alone."""
    print(message, file=sys.stderr, flush=True)


def _positive(text: str) -> int:
    value = int(text)
    if value <= 0:
        raise argparse.ArgumentTypeError(f"must be a positive integer, got {text!r}")
    return value


def main(argv: list[str] | None = None) -> int:
    """Run the benchmark (or, with --child, one measurement) and print the figures."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--docs", type=_positive, default=10000,
                        help="documents in the generated corpus (default 10000)")
    parser.add_argument("--read-docs", type=_positive, default=None,
                        help="read only the first N documents (by id) end to end"
                             " (default: all of them)")
    parser.add_argument("--sample-sentences", type=_positive, default=5000,
                        help="sentences in the sample every pipeline runs on (default 5000)")
    parser.add_argument("--seed", type=int, default=0, help="corpus and sample RNG seed")
    parser.add_argument("--no-lexicon-variant", dest="lexicon_variant", action="store_false",
                        help="skip bare medspaCy with osteon's lexicon added")
    parser.add_argument("--json", action="store_true", help="print one JSON object, not tables")
    parser.add_argument("--profile", action="store_true",
                        help="also cProfile osteon's reading and pipeline on the sample"
                             " (extra children; top functions to stderr)")
    parser.add_argument("--child", nargs=2, metavar=("KIND", "ARGS_FILE"),
                        help=argparse.SUPPRESS)
    args = parser.parse_args(argv)

    if args.child:
        child_args = json.loads(Path(args.child[1]).read_text())
        print(json.dumps(CHILDREN[args.child[0]](child_args)))
        return 0

    with tempfile.TemporaryDirectory(prefix="osteon-reading-bench-") as tmp:
        results = run(args, Path(tmp))
    summary = verdict(results) if "error" not in results.get("ingest", {}) else {}
    if args.json:
        print(json.dumps({"target": TARGET, "python": platform.python_version(),
                          "cpus_visible": os.cpu_count(), "summary": summary,
                          "results": results}, indent=2))
    else:
        print_table(results, summary)
    return 0


if __name__ == "__main__":
    sys.exit(main())
