"""Benchmark osteon's knowledge stage: merging a large corpus, and adding one document to it.

Targets: an incremental add of one document to the 10,000-document corpus in
at most 1 s. The full merge of all claims is measured and reported.

1. The generated corpus (`corpus_gen.py`, `--docs` documents) is ingested and
   read once; the read store is kept in `.bench/` (keyed by corpus size, seed
   and reader version), so later runs skip the minutes reading takes.
2. full merge: `KnowledgeStore.update(full=True)` over every claim — assertions,
   support and belief, stances and every conflict — timed, with peak RSS.
3. incremental add: a warm `KnowledgeBase` (its reader already built, as in the
   web app) ingests one new document at a time: a generated page and a page that
   contradicts the corpus. Timed end to end (ingest + read + merge) and the
   merge alone; each add must touch only that document's claims, and after
   the adds a full rebuild must give the same assertions and conflicts.

Results are printed, never asserted: this is a measurement, not a test.

    .venv/bin/python bench/knowledge_bench.py                 # 10,000 documents
    .venv/bin/python bench/knowledge_bench.py --docs 300 --json
"""

from __future__ import annotations

import argparse
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

from corpus_gen import generate_corpus
from measure import emit, peak_rss_mb
from osteon import KnowledgeBase
from osteon.knowledge.store import KnowledgeStore
from osteon.reading.version import reader_version

TARGET_ADD_S = 1.0
CACHE = Path(__file__).resolve().parents[1] / ".bench"
CONTRADICTING_PAGE = """A dissenting clinic page

Radiation therapy does not prevent heterotopic ossification.
NSAIDs are not effective for heterotopic ossification.
Heterotopic ossification may resolve on its own.
"""


def _say(message: str) -> None:
    print(message, file=sys.stderr, flush=True)


def read_store(n_docs: int, seed: int) -> Path:
    """A store holding the generated corpus, read; built once per corpus and reader."""
    CACHE.mkdir(exist_ok=True)
    cached = CACHE / f"knowledge-{n_docs}-{seed}-{reader_version()}.sqlite"
    if cached.exists():
        _say(f"using the read store in {cached}")
        return cached
    with tempfile.TemporaryDirectory() as tmp:
        corpus = Path(tmp) / "corpus"
        _say(f"generating {n_docs:,} documents …")
        generate_corpus(corpus, n_docs, seed)
        building = cached.with_suffix(".building")
        for leftover in CACHE.glob(building.name + "*"):
            leftover.unlink()
        with KnowledgeBase.open(building, default_corpus=False) as kb:
            started = time.perf_counter()
            _say("ingesting …")
            kb.ingest([corpus], read=False)
            _say(f"ingested in {time.perf_counter() - started:.0f} s; reading (minutes) …")
            started = time.perf_counter()
            kb.read(on_document=_every(1000))
            _say(f"read in {time.perf_counter() - started:.0f} s")
            kb.store.connection.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        building.rename(cached)
    return cached


def _every(n: int) -> Any:
    count = {"done": 0}

    def tick(_doc_id: str, _claims: int) -> None:
        count["done"] += 1
        if count["done"] % n == 0:
            _say(f"  read {count['done']:,} documents")

    return tick


def measure(n_docs: int, seed: int, adds: int) -> dict[str, Any]:
    source = read_store(n_docs, seed)
    with tempfile.TemporaryDirectory() as tmp:
        store_file = Path(tmp) / "osteon.sqlite"
        shutil.copy(source, store_file)
        results: dict[str, Any] = {"docs": n_docs, "seed": seed}
        with KnowledgeBase.open(store_file, default_corpus=False) as kb:
            db = kb.store.connection
            results["claims"] = db.execute("SELECT count(*) FROM claims").fetchone()[0]
            results["sentences"] = db.execute("SELECT count(*) FROM sentences").fetchone()[0]
            _say(f"full merge of {results['claims']:,} claims …")
            knowledge = KnowledgeStore(kb.store)
            started = time.perf_counter()
            knowledge.update(full=True)
            results["full_merge_s"] = round(time.perf_counter() - started, 2)
            results["assertions"] = db.execute("SELECT count(*) FROM assertions").fetchone()[0]
            results["conflicts"] = db.execute("SELECT count(*) FROM conflicts").fetchone()[0]
            results["peak_rss_mb_after_merge"] = round(peak_rss_mb(), 1)
            results["adds"] = _adds(kb, Path(tmp), seed, adds)
            incremental = _snapshot(kb)
            kb.knowledge.update(full=True)
            results["incremental_equals_full_rebuild"] = _snapshot(kb) == incremental
    totals = [a["total_s"] for a in results["adds"]]
    results["add_median_s"] = round(statistics.median(totals), 3)
    results["add_max_s"] = round(max(totals), 3)
    results["target_add_s"] = TARGET_ADD_S
    results["meets_target"] = results["add_max_s"] <= TARGET_ADD_S
    results["peak_rss_mb"] = round(peak_rss_mb(), 1)
    return results


def _adds(kb: KnowledgeBase, tmp: Path, seed: int, adds: int) -> list[dict[str, Any]]:
    new = tmp / "new"
    generate_corpus(new, adds + 1, seed + 1000)
    pages = sorted(p for p in new.rglob("*") if p.is_file())
    contradiction = tmp / "dissent.txt"
    contradiction.write_text(CONTRADICTING_PAGE, encoding="utf-8")
    _say("warming the reader with one untimed document …")
    kb.ingest([pages[0]])
    out = []
    conflicts_before = len(kb.knowledge.conflicts())
    for page in [*pages[1:], contradiction]:
        started = time.perf_counter()
        report = kb.ingest([page], kind="clinic_page" if page == contradiction else None)
        total = time.perf_counter() - started
        update = kb.update_knowledge()
        conflicts_now = len(kb.knowledge.conflicts())
        out.append({"document": page.name, "total_s": round(total, 3),
                    "changed": len(report.changed_ids), "pending_after": update.mode,
                    "new_conflicts": conflicts_now - conflicts_before})
        conflicts_before = conflicts_now
        _say(f"  added {page.name}: {total:.3f} s")
    return out


def _snapshot(kb: KnowledgeBase) -> tuple[int, int, float]:
    db = kb.store.connection
    return (db.execute("SELECT count(*) FROM assertions").fetchone()[0],
            db.execute("SELECT count(*) FROM conflicts").fetchone()[0],
            round(db.execute("SELECT coalesce(sum(belief), 0) FROM assertions").fetchone()[0], 3))


def print_table(r: dict[str, Any]) -> None:
    print(f"knowledge bench: {r['docs']:,} documents, {r['sentences']:,} sentences, "
          f"{r['claims']:,} claims")
    print(f"  full merge        {r['full_merge_s']:>8.2f} s   → {r['assertions']:,} assertions, "
          f"{r['conflicts']:,} conflicts  (peak RSS {r['peak_rss_mb_after_merge']} MB)")
    for add in r["adds"]:
        print(f"  add {add['document']:<28} {add['total_s']:>6.3f} s  "
              f"(+{add['new_conflicts']} conflicts)")
    verdict = "meets" if r["meets_target"] else "MISSES"
    print(f"  incremental add   median {r['add_median_s']:.3f} s, max {r['add_max_s']:.3f} s "
          f"— {verdict} the target of ≤ {r['target_add_s']:.0f} s")
    print(f"  incremental result equals a full rebuild: {r['incremental_equals_full_rebuild']}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--docs", type=int, default=10000, help="corpus size")
    parser.add_argument("--seed", type=int, default=0, help="corpus RNG seed")
    parser.add_argument("--adds", type=int, default=4, help="generated pages to add one by one")
    parser.add_argument("--json", action="store_true", help="print one JSON object")
    args = parser.parse_args(argv)
    return emit(measure(args.docs, args.seed, args.adds), args.json, print_table)


if __name__ == "__main__":
    raise SystemExit(main())
