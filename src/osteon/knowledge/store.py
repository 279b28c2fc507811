"""Assertions, their support and their conflicts, kept in the store beside the claims.

Reading's changes arrive through the triggers of schema.py. `update()`
then re-merges only the assertions those claims touch and re-checks only
their conflicts, so ingesting one document into a large corpus costs that
document, not the corpus. A full rebuild happens when the knowledge code or
data changed (`knowledge_version`), or when the tables disagree with the
claims (a store from before knowledge existed).
"""

from __future__ import annotations

import json
import sqlite3
import time
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from typing import Generic, TypeVar

from osteon.corpus.records import SentencePlace
from osteon.corpus.store import Store, chunked, sentence_chunks
from osteon.errors import StoreReadOnlyError
from osteon.knowledge import claim_store, sources
from osteon.knowledge.belief import documents_of
from osteon.knowledge.calibration import rule_precision
from osteon.knowledge.conflicts import ConflictFinder, figure_conflicts
from osteon.knowledge.find import AssertionQuery, where_of
from osteon.knowledge.hierarchy import Hierarchy
from osteon.knowledge.levels import belief_kind, document_levels
from osteon.knowledge.profile import key_of, sentence_of, stances_of
from osteon.knowledge.qualifiers import qualifier_value
from osteon.knowledge.records import (
    Assertion,
    AssertionKey,
    Conflict,
    PageConcepts,
    QualifierValue,
)
from osteon.knowledge.rules import belief_rules, conflict_rules, knowledge_version, phrasing
from osteon.knowledge.schema import (
    ASSERTION_COLUMNS,
    CLAIM_COLUMNS,
    CLAIM_SQL,
    GENERATION_META,
    LINK_PREDICATES,
    SCHEMA_META,
    SCHEMA_VERSION,
    TABLES,
    VERSION_META,
    ensure_schema,
    text_hash,
)
from osteon.reading.lexicon import Lexicon, load_lexicon
from osteon.reading.records import Claim, Evidence, Figure, Qualifiers, Scope

SITES_KEY = "sites"
"""Beside a claim's figures (assertion_claims.numbers): the body sites its claim names."""

REBUILD_AT_CHANGES = 5000
"""Claim changes above this (and above half the claims) rebuild instead of updating."""


@dataclass(frozen=True, slots=True)
class UpdateReport:
    """What one knowledge update did."""

    mode: str
    """"none", "incremental" or "full"."""
    claims_added: int = 0
    claims_removed: int = 0
    assertions_touched: int = 0
    seconds: float = 0.0


K = TypeVar("K")
V = TypeVar("V")

CLAIMS_AT_LIMIT = 100_000
"""Sentences whose claims (or pages whose concepts) a knowledge store remembers before it
starts afresh."""


class PerGeneration(Generic[K, V]):
    """Values derived from the tables, remembered for one generation of the knowledge.

    Dropped when an update makes a new generation (they would be stale), or when they
    grow past CLAIMS_AT_LIMIT (a store of many documents).
    """

    def __init__(self) -> None:
        self._generation = -1
        self._values: dict[K, V] = {}

    def of(self, generation: int) -> dict[K, V]:
        """The values remembered for this generation (empty after a change)."""
        if generation != self._generation or len(self._values) > CLAIMS_AT_LIMIT:
            self._generation, self._values = generation, {}
        return self._values


class KnowledgeStore:
    """Builds and reads the assertions of one store."""

    def __init__(self, store: Store, lexicon: Lexicon | None = None) -> None:
        if store.read_only:
            _check_readable(store)
        else:
            ensure_schema(store)
        self.store = store
        self.lexicon = lexicon or load_lexicon()
        self.rules = conflict_rules()
        self.beliefs = belief_rules()
        self.precision = rule_precision()
        self.phrasing = phrasing()
        self._hierarchy: tuple[int, Hierarchy] | None = None
        self._claims_at: PerGeneration[tuple[str, int], list[tuple[int, Claim]]] = (
            PerGeneration())
        self._pages: PerGeneration[str, PageConcepts] = PerGeneration()
        self._sampled: PerGeneration[tuple[int, int], tuple[Claim, ...]] = PerGeneration()
        self._with_claims: PerGeneration[tuple[object, ...], list] = PerGeneration()
        self._rows: dict[tuple[object, ...], Assertion] = {}
        """Assertions by the row they were made from: the same row makes the same one."""
        self._updating = False

    @property
    def updating(self) -> bool:
        """An update is changing the tables (under the generation it started from)."""
        return self._updating

    @property
    def _db(self) -> sqlite3.Connection:
        return self.store.connection

    @property
    def generation(self) -> int:
        """Grows with every update that changed something, whichever process made it.

        Caches of views derived from the assertions key on it, so they never serve
        knowledge older than the tables.
        """
        return int(self.store.get_meta(GENERATION_META) or 0)

    # -- building -------------------------------------------------------------

    def update(self, *, full: bool = False) -> UpdateReport:
        """Bring assertions and conflicts up to date with the claims, in one transaction."""
        started = time.perf_counter()
        self._updating, self._hierarchy = True, None  # links may move mid-update
        try:
            with self.store.transaction():
                if full or self._needs_rebuild():
                    report = self._rebuild()
                else:
                    report = self._incremental()
                if report.mode != "none":
                    self.store.set_meta(GENERATION_META, str(self.generation + 1))
        finally:
            self._updating = False
        return UpdateReport(report.mode, report.claims_added, report.claims_removed,
                            report.assertions_touched, round(time.perf_counter() - started, 4))

    def behind(self) -> bool:
        """Whether an update would change anything: claims not merged, or older knowledge."""
        return self._needs_rebuild() or self._db.execute(
            "SELECT 1 FROM knowledge_dirty LIMIT 1").fetchone() is not None

    def _needs_rebuild(self) -> bool:
        if self.store.get_meta(VERSION_META) != knowledge_version():
            return True
        merged = self._db.execute("SELECT count(*) FROM assertion_claims").fetchone()[0]
        claims = self._db.execute("SELECT count(*) FROM claims").fetchone()[0]
        added, removed = self._db.execute(
            "SELECT (SELECT count(*) FROM knowledge_dirty WHERE op = 'add'),"
            " (SELECT count(*) FROM knowledge_dirty WHERE op = 'del')").fetchone()
        if added + removed > max(REBUILD_AT_CHANGES, claims // 2):
            return True  # most claims changed (a re-read): one pass beats claim-by-claim
        return merged + added - removed != claims

    def _rebuild(self) -> UpdateReport:
        db = self._db
        for table in TABLES:
            db.execute(f"DELETE FROM {table}")  # noqa: S608 - fixed table names
        ids: dict[tuple, int] = {}
        keys: dict[int, AssertionKey] = {}
        rows = []
        for claim_id, assertion_key, doc_id, kind, hashed, numbers, scope, confidence in (
                self._claim_rows(CLAIM_SQL, ())):
            ident = assertion_key.as_tuple()
            if ident not in ids:
                ids[ident] = len(ids) + 1
                keys[ids[ident]] = assertion_key
            rows.append((claim_id, ids[ident], doc_id, kind, hashed, numbers, scope, confidence))
        db.executemany("INSERT INTO assertion_claims VALUES (?,?,?,?,?,?,?,?)", rows)
        by_assertion: dict[int, list[tuple[str, str, str]]] = defaultdict(list)
        for _, assertion_id, doc_id, kind, hashed, *_ in rows:
            by_assertion[assertion_id].append((doc_id, kind, hashed))
        index = sources.SourceIndex(db)
        for assertion_id, key in keys.items():
            self._insert_assertion(assertion_id, key)
            index.rebuild(assertion_id, documents_of(by_assertion[assertion_id], key.polarity,
                                                     self.beliefs))
        n_claims = len(rows)
        del rows, by_assertion
        self._refresh(list(keys))
        self._check_all_conflicts()
        self.store.set_meta(VERSION_META, knowledge_version())
        return UpdateReport("full", claims_added=n_claims, assertions_touched=len(keys))

    def _incremental(self) -> UpdateReport:
        db = self._db
        dirty = db.execute("SELECT claim_id, op FROM knowledge_dirty ORDER BY seq").fetchall()
        if not dirty:
            return UpdateReport("none")
        last_op = {claim_id: op for claim_id, op in dirty}
        removed = sorted({claim_id for claim_id, op in dirty if op == "del"})
        added = sorted(claim_id for claim_id, op in last_op.items() if op == "add")
        shrunk: set[int] = set()
        for chunk in chunked(removed):
            marks = ",".join("?" * len(chunk))
            shrunk.update(r[0] for r in db.execute(
                f"SELECT DISTINCT assertion_id FROM assertion_claims WHERE claim_id IN ({marks})",
                chunk))
            db.execute(f"DELETE FROM assertion_claims WHERE claim_id IN ({marks})", chunk)
        grown: dict[int, list[tuple[str, str, str]]] = defaultdict(list)
        polarity: dict[int, str] = {}
        for chunk in chunked(added):
            marks = ",".join("?" * len(chunk))
            sql = CLAIM_SQL + f" WHERE c.id IN ({marks})"
            for claim_id, key, doc_id, kind, hashed, numbers, scope, confidence in (
                    self._claim_rows(sql, chunk)):
                assertion_id = self._assertion_id(key)
                db.execute("INSERT OR REPLACE INTO assertion_claims VALUES (?,?,?,?,?,?,?,?)",
                           (claim_id, assertion_id, doc_id, kind, hashed, numbers, scope,
                            confidence))
                grown[assertion_id].append((doc_id, kind, hashed))
                polarity[assertion_id] = key.polarity
        db.execute("DELETE FROM knowledge_dirty")
        index = sources.SourceIndex(db)
        for assertion_id in sorted(shrunk):  # claims left: regroup from what remains
            rows = db.execute("SELECT doc_id, doc_kind, text_hash FROM assertion_claims"
                              " WHERE assertion_id = ?", (assertion_id,)).fetchall()
            pole = db.execute("SELECT polarity FROM assertions WHERE id = ?",
                              (assertion_id,)).fetchone()[0]
            index.rebuild(assertion_id, documents_of(rows, pole, self.beliefs))
        for assertion_id, rows in grown.items():
            if assertion_id not in shrunk:
                for doc in documents_of(rows, polarity[assertion_id], self.beliefs):
                    index.add(assertion_id, doc)
        touched = shrunk | set(grown)
        links_before = self._links()
        self._refresh(sorted(touched))
        if self._links() != links_before:  # the hierarchy moved: any pair may now relate
            self._check_all_conflicts()
        else:
            self._check_conflicts_of(sorted(touched))
        return UpdateReport("incremental", claims_added=len(added), claims_removed=len(removed),
                            assertions_touched=len(touched))

    def _links(self) -> set[tuple[str, str, str]]:
        """The is_a / synonym_of links the documents assert, which extend the hierarchy."""
        return set(self._db.execute(
            "SELECT subject, predicate, object FROM assertions WHERE predicate IN (?, ?)"
            " AND object_is_text = 0 AND polarity = 'asserted' AND n_claims > 0",
            LINK_PREDICATES))

    def _claim_rows(self, sql: str, params: Sequence[object]
                    ) -> Iterable[tuple[int, AssertionKey, str, str, str, str | None, str | None,
                                        float]]:
        """Per claim: id, assertion key, doc, kind, sentence hash, numbers, scope, confidence.

        The kind is what the document weighs as: its evidence level where belief.yaml
        weighs that level, else its kind (levels.belief_kind).
        """
        found = self._db.execute(sql, params).fetchall()
        levels = document_levels(self.store, {row[1] for row in found})
        weighs = self.beliefs.reliability
        for (claim_id, doc_id, kind, sentence, subject, predicate, obj, is_text, polarity,
             qualifiers, rule) in found:
            kind = belief_kind(kind, levels.get(doc_id), weighs)
            raw = json.loads(qualifiers) if qualifiers != "{}" else {}
            scope = raw.get(claim_store.SCOPE_KEY)
            quals = Qualifiers.from_dict(raw)
            claim = Claim(subject, predicate, obj, polarity, _NO_EVIDENCE,
                          object_is_text=bool(is_text), qualifiers=quals)
            numbers: dict[str, object] = {k: figure.as_dict() for k, figure in quals.figures()}
            if numbers and quals.sites:
                numbers[SITES_KEY] = list(quals.sites)
            yield (claim_id, key_of(claim), doc_id, kind, text_hash(sentence),
                   json.dumps(numbers, sort_keys=True) if numbers else None,
                   json.dumps(scope, sort_keys=True) if scope else None,
                   self.precision.confidence(rule, predicate))

    def _assertion_id(self, key: AssertionKey) -> int:
        row = self._db.execute(
            "SELECT id FROM assertions WHERE subject = ? AND predicate = ? AND object = ?"
            " AND context = ? AND polarity = ?", key.as_tuple()).fetchone()
        if row:
            return int(row[0])
        next_id = self._db.execute("SELECT coalesce(max(id), 0) + 1 FROM assertions").fetchone()[0]
        self._insert_assertion(next_id, key)
        return int(next_id)

    def _insert_assertion(self, assertion_id: int, key: AssertionKey) -> None:
        self._db.execute(
            "INSERT INTO assertions(id, subject, predicate, object, object_is_text, context,"
            " polarity, n_documents, n_sources, n_claims, belief, first_document, text)"
            " VALUES (?,?,?,?,?,?,?,0,0,0,0,'',?)",
            (assertion_id, key.subject, key.predicate, key.object, int(key.object_is_text),
             key.context, key.polarity, sentence_of(key, self.phrasing, self.lexicon)))
        self._db.executemany(
            "INSERT INTO stances VALUES (?,?,?,?,?)",
            [(assertion_id, s.family, s.sign, s.agent, s.target)
             for s in stances_of(key, self.rules, self.lexicon)])

    def _refresh(self, assertion_ids: list[int]) -> None:
        """Recount support and belief of these assertions; drop those left without claims."""
        db = self._db
        counts: dict[int, tuple[int, str, float]] = {}
        scopes: dict[int, Scope] = defaultdict(Scope)
        for chunk in chunked(assertion_ids):
            marks = ",".join("?" * len(chunk))
            counts.update((a, (n, first, confidence)) for a, n, first, confidence in db.execute(
                "SELECT assertion_id, count(*), min(doc_id), max(confidence) FROM assertion_claims"
                f" WHERE assertion_id IN ({marks}) GROUP BY assertion_id", chunk))
            for a, scope in db.execute(
                    "SELECT DISTINCT assertion_id, scope FROM assertion_claims"
                    f" WHERE assertion_id IN ({marks}) AND scope IS NOT NULL", chunk):
                scopes[a] = scopes[a].union(Scope.from_dict(json.loads(scope)))
        index = sources.SourceIndex(db)
        backing = index.support(assertion_ids)
        updates = [(backing[a].n_documents, backing[a].n_sources, n, backing[a].belief, first,
                    confidence, _scope_json(scopes.get(a)), a)
                   for a, (n, first, confidence) in counts.items()]
        db.executemany("UPDATE assertions SET n_documents = ?, n_sources = ?, n_claims = ?,"
                       " belief = ?, first_document = ?, confidence = ?, scope = ? WHERE id = ?",
                       updates)
        gone = sorted(set(assertion_ids) - set(counts))
        index.drop(gone)
        for chunk in chunked(gone):
            marks = ",".join("?" * len(chunk))
            db.execute(f"DELETE FROM assertions WHERE id IN ({marks})", chunk)
            db.execute(f"DELETE FROM stances WHERE assertion_id IN ({marks})", chunk)
            db.execute(f"DELETE FROM conflicts WHERE a IN ({marks}) OR b IN ({marks})",
                       chunk + chunk)

    # -- conflicts ------------------------------------------------------------

    def hierarchy(self) -> Hierarchy:
        """The lexicon's hierarchy plus the is_a / synonym links the documents assert.

        Kept per knowledge generation (links change only in an update, which drops it), so
        its closures are worked out once, not at every question.
        """
        generation = self.generation
        if self._updating or self._hierarchy is None or self._hierarchy[0] != generation:
            built = Hierarchy(self.lexicon, sorted(self._links()))
            if self._updating:
                return built
            self._hierarchy = (generation, built)
        return self._hierarchy[1]

    def finder(self) -> ConflictFinder:
        """A conflict finder over the current hierarchy."""
        return ConflictFinder(self.rules, self.hierarchy(), self.lexicon)

    def _check_all_conflicts(self) -> None:
        self._db.execute("DELETE FROM conflicts")
        everything = self.assertions()
        self._store_conflicts(self._find(everything, everything))

    def _check_conflicts_of(self, assertion_ids: list[int]) -> None:
        mine = self.assertions(assertion_ids)
        if not mine:
            return
        finder = self.finder()
        concepts: set[str] = set()
        for assertion in mine:
            for stance in assertion.stances:
                for concept in (stance.agent, stance.target):
                    if concept:
                        concepts |= (finder.hierarchy.related(concept)
                                     if concept in self.lexicon else {concept})
        candidates: set[int] = set()
        for chunk in chunked(sorted(concepts)):
            marks = ",".join("?" * len(chunk))
            candidates.update(r[0] for r in self._db.execute(
                f"SELECT DISTINCT assertion_id FROM stances WHERE target IN ({marks})"
                f" OR agent IN ({marks})", chunk + chunk))
        for chunk in chunked(assertion_ids):
            marks = ",".join("?" * len(chunk))
            self._db.execute(f"DELETE FROM conflicts WHERE a IN ({marks}) OR b IN ({marks})",
                             chunk + chunk)
        self._store_conflicts(self._find(mine, self.assertions(sorted(candidates)), finder))

    def _find(self, mine: list[Assertion], others: list[Assertion],
              finder: ConflictFinder | None = None) -> list[Conflict]:
        """Conflicts of each of `mine` with `others`, figures that differ included."""
        finder = finder or self.finder()
        found = finder.among(mine, others)
        own = {a.id: a for a in mine}
        values = self._number_values(sorted(own))
        if values:  # others' figures matter only where one of mine gives figures too
            predicates = {own[a].predicate for a in values}
            near = {a.id: a for a in others if a.id not in own and a.predicate in predicates}
            values.update(self._number_values(sorted(near)))
            own.update(near)
            found.extend(figure_conflicts(
                [(own[a], value) for a, listed in values.items() for value in listed],
                {a.id for a in mine}, self.rules.figures, self.lexicon))
        return found

    def _number_values(self, assertion_ids: list[int]) -> dict[int, list[QualifierValue]]:
        """Each distinct figure on these assertions, with how many documents give it.

        Grouped in SQL, so a figure repeated by ten thousand pages is one row.
        """
        out: dict[int, list[QualifierValue]] = defaultdict(list)
        for chunk in chunked(assertion_ids):
            marks = ",".join("?" * len(chunk))
            for assertion_id, numbers, scope, n_docs, first, last in self._db.execute(
                    "SELECT assertion_id, numbers, scope, count(DISTINCT doc_id), min(doc_id),"
                    f" max(doc_id) FROM assertion_claims WHERE assertion_id IN ({marks})"
                    " AND numbers IS NOT NULL GROUP BY assertion_id, numbers, scope", chunk):
                docs = (first,) if n_docs == 1 else (first, last)
                scoped = Scope.from_dict(json.loads(scope)) if scope else Scope()
                given = json.loads(numbers)
                sites = tuple(str(s) for s in given.pop(SITES_KEY, ()) or ())
                for kind, raw in given.items():
                    figure = Figure.from_dict(raw)
                    if figure is None:
                        continue
                    out[assertion_id].append(replace(qualifier_value(kind, figure), doc_ids=docs,
                                                     n_documents=n_docs, scope=scoped,
                                                     sites=sites))
        return out

    def _store_conflicts(self, conflicts: Iterable[Conflict]) -> None:
        self._db.executemany("INSERT OR IGNORE INTO conflicts VALUES (?,?,?,?,?)",
                             [(c.a, c.b, c.kind, c.family, c.explanation) for c in conflicts])

    # -- reading back ---------------------------------------------------------

    def find(self, query: AssertionQuery) -> list[Assertion]:
        """The assertions `query` asks for (knowledge.find), in id order."""
        if query.concepts and query.kinds:
            hierarchy = self.hierarchy()
            concepts: set[str] = set()
            for concept in query.concepts:
                concepts |= hierarchy.narrower(concept)
        else:
            concepts = set(query.concepts)
        if query.concepts and not concepts:
            return []
        where, params = where_of(query, concepts)
        found = self._assertions(query.ids, where=where, params=params)
        return [a for a in found if a.confirmed] if query.confirmed else found

    def assertions(self, ids: Sequence[int] | None = None) -> list[Assertion]:
        """Assertions by id (all when `ids` is None); `find` answers anything else."""
        return self._assertions(ids)

    def _assertions(self, ids: Sequence[int] | None = None, *, where: str = "",
                    params: Sequence[object] = ()) -> list[Assertion]:
        sql = f"SELECT {ASSERTION_COLUMNS} FROM assertions"
        if ids is None:
            rows = list(self._db.execute(sql + (f" WHERE {where}" if where else ""), params))
        else:
            rows = []
            for chunk in chunked(list(ids)):
                marks = ",".join("?" * len(chunk))
                clause = f" WHERE id IN ({marks})" + (f" AND {where}" if where else "")
                rows.extend(self._db.execute(sql + clause, [*chunk, *params]))
        return [self._assertion(row) for row in rows]

    def _assertion(self, row: Sequence) -> Assertion:
        key = tuple(row)  # made again only when the row changed (stances cost most)
        found = self._rows.get(key)
        if found is None:
            if len(self._rows) >= CLAIMS_AT_LIMIT:
                self._rows.clear()
            found = self._rows[key] = self._new_assertion(row)
        return found

    def _new_assertion(self, row: Sequence) -> Assertion:
        (assertion_id, subject, predicate, obj, is_text, context, polarity, n_documents,
         n_sources, n_claims, belief, text, first_document, confidence, scope) = row
        key = AssertionKey(subject, predicate, obj, context, polarity, bool(is_text))
        return Assertion(assertion_id, key, stances_of(key, self.rules, self.lexicon),
                         n_documents, n_sources, n_claims, belief, text, first_document,
                         confidence, self.precision.confirmed(confidence),
                         Scope.from_dict(json.loads(scope)) if scope else Scope())

    def sentences(self, keys: Iterable[tuple[str, int]]
                  ) -> dict[tuple[str, int], SentencePlace]:
        """The sentences claims cite, by (doc id, index): text, headings, document title.

        The evidence lookup for the stages that show claims, so they need not reach
        through knowledge into the corpus store.
        """
        return self.store.sentence_places(keys)

    def titles(self, doc_ids: Iterable[str]) -> dict[str, str]:
        """The titles of the documents claims come from (missing ids left out)."""
        return self.store.titles(doc_ids)

    def claims_of(self, assertion_id: int) -> list[Claim]:
        """Every claim merged into an assertion, in document order."""
        return self.claims_of_many([assertion_id]).get(assertion_id, [])

    def claims_of_many(self, assertion_ids: Sequence[int], *, sample: int | None = None
                       ) -> dict[int, list[Claim]]:
        """Claims per assertion, in document order.

        With `sample`, at most that many per assertion plus every claim that gives a
        distinct figure: enough to cite an assertion ten thousand pages repeat without
        loading them all.
        """
        if sample is None:
            out: dict[int, list[Claim]] = defaultdict(list)
            for chunk in chunked(list(assertion_ids)):
                marks = ",".join("?" * len(chunk))
                for row in self._db.execute(
                        f"SELECT ac.assertion_id, {CLAIM_COLUMNS}"
                        " FROM assertion_claims ac JOIN claims c ON c.id = ac.claim_id"
                        f" WHERE ac.assertion_id IN ({marks}) ORDER BY c.doc_id, c.sentence_idx",
                        chunk):
                    out[row[0]].append(claim_store.row_to_claim(row[1:]))
            return out
        sampled: dict[int, list[Claim]] = {}
        # remembered for this generation (an answer samples the claims of the same
        # assertions for its statements and again for their conflicts, question after
        # question); not while an update changes the tables under the same generation
        known = self._sampled.of(self.generation) if not self._updating else {}
        for assertion_id in assertion_ids:
            if (assertion_id, sample) in known:
                sampled[assertion_id] = list(known[(assertion_id, sample)])
                continue
            ids = [r[0] for r in self._db.execute(
                "SELECT min(claim_id) FROM assertion_claims WHERE assertion_id = ?"
                " AND numbers IS NOT NULL GROUP BY numbers LIMIT ?", (assertion_id, sample))]
            ids += [r[0] for r in self._db.execute(
                "SELECT claim_id FROM assertion_claims WHERE assertion_id = ?"
                " ORDER BY doc_id LIMIT ?", (assertion_id, sample))]
            marks = ",".join("?" * len(ids))
            rows = self._db.execute(
                f"SELECT {CLAIM_COLUMNS} FROM claims c WHERE c.id IN ({marks})"
                " ORDER BY c.doc_id, c.sentence_idx", ids) if ids else []
            sampled[assertion_id] = [claim_store.row_to_claim(row) for row in rows]
            known[(assertion_id, sample)] = tuple(sampled[assertion_id])
        return sampled

    def sentences_with_claims(self, concepts: Sequence[str], predicates: Sequence[str],
                              limit: int, *, qualifier: str | None = None
                              ) -> list[tuple[str, int]]:
        """Sentences that state assertions of these predicates about these concepts.

        (doc id, sentence index), strongest assertions first and a few sentences each,
        so that an assertion ten thousand pages repeat does not crowd out the rest;
        with `qualifier`, only claims that carry it (a timing, a dose).
        """
        # both lookups remembered for this generation: the concepts of a question about HO
        # (its family of kinds) and their strongest assertions come back question after
        # question (not while an update changes the tables under the same generation)
        known = self._with_claims.of(self.generation) if not self._updating else {}
        asked = ("ids", tuple(concepts), tuple(predicates), limit)
        ids = known.get(asked)
        if ids is None:
            cmarks = ",".join("?" * len(concepts))
            pmarks = ",".join("?" * len(predicates))
            ids = known[asked] = [row[0] for row in self._db.execute(
                f"SELECT id FROM assertions WHERE predicate IN ({pmarks})"
                f" AND (subject IN ({cmarks}) OR object IN ({cmarks}))"
                " ORDER BY belief DESC, id LIMIT ?", [*predicates, *concepts, *concepts, limit])]
        # a claim's figures are kept beside it (assertion_claims.numbers, in a partial
        # index): a timing or dose is found there without reading every claim of an
        # assertion ten thousand pages repeat
        source = ("assertion_claims ac INDEXED BY assertion_claims_numbers" if qualifier
                  else "assertion_claims ac")
        having = (" AND ac.numbers IS NOT NULL AND json_extract(ac.numbers, ?) IS NOT NULL"
                  if qualifier else "")
        found: dict[tuple[str, int], None] = {}
        for assertion_id in ids:
            sentences = known.get((assertion_id, qualifier))
            if sentences is None:
                sentences = known[(assertion_id, qualifier)] = self._db.execute(
                    f"SELECT c.doc_id, c.sentence_idx FROM {source}"
                    f" JOIN claims c ON c.id = ac.claim_id WHERE ac.assertion_id = ?{having}"
                    " LIMIT ?",
                    [assertion_id, *([f"$.{qualifier}"] if qualifier else []),
                     SENTENCES_PER_ASSERTION]).fetchall()
            found.update(dict.fromkeys(sentences))
            if len(found) >= limit:
                break
        return list(found)[:limit]

    def claims_at(self, keys: Iterable[tuple[str, int]]) -> list[tuple[int, Claim]]:
        """(assertion id, claim) for every merged claim read from these sentences.

        Remembered per sentence for this generation of the knowledge: the sentences that
        answer questions about HO come back question after question, and reading their
        claims (JSON qualifiers and all) was a good part of an answer's time.
        """
        known = self._claims_at.of(self.generation)
        wanted = list(dict.fromkeys(keys))
        missing = [k for k in wanted if k not in known]
        for key in missing:
            known[key] = []
        for doc_id, chunk, marks in sentence_chunks(missing):
            for row in self._db.execute(
                    f"SELECT ac.assertion_id, {CLAIM_COLUMNS}"
                    " FROM claims c JOIN assertion_claims ac ON ac.claim_id = c.id"
                    f" WHERE c.doc_id = ? AND c.sentence_idx IN ({marks})", [doc_id, *chunk]):
                known[(doc_id, row[2])].append((row[0], claim_store.row_to_claim(row[1:])))
        return [pair for key in wanted for pair in known[key]]

    def page_concepts(self, doc_ids: Iterable[str]) -> dict[str, PageConcepts]:
        """What each page is about (its concepts' sentence counts), per knowledge generation.

        A page about FOP need not name FOP in every sentence ("The average onset age is
        5."): what it mentions throughout lends its sentences their subject.
        """
        known = self._pages.of(self.generation)
        wanted = list(dict.fromkeys(doc_ids))
        missing = [d for d in wanted if d not in known]
        if missing:
            counts = claim_store.concept_sentences(self.store, missing)
            for doc_id in missing:
                known[doc_id] = PageConcepts(self.store.count_sentences(doc_id), counts[doc_id])
        return {d: known[d] for d in wanted}

    def conflicts(self, assertion_ids: Sequence[int] | None = None) -> list[Conflict]:
        """Stored conflicts, all or those touching some assertions."""
        sql = "SELECT a, b, kind, family, explanation FROM conflicts"
        if assertion_ids is None:
            return [Conflict(*r) for r in self._db.execute(sql + " ORDER BY a, b")]
        found: dict[tuple, Conflict] = {}
        for chunk in chunked(list(assertion_ids)):
            marks = ",".join("?" * len(chunk))
            for r in self._db.execute(sql + f" WHERE a IN ({marks}) OR b IN ({marks})",
                                      chunk + chunk):
                found[r[:4]] = Conflict(*r)
        return sorted(found.values(), key=lambda c: (c.a, c.b, c.kind))


def _check_readable(store: Store) -> None:
    """A read-only store must already hold this osteon's knowledge tables: none can be made."""
    if store.get_meta(SCHEMA_META) != SCHEMA_VERSION:
        raise StoreReadOnlyError(
            f"the store {store.path} is read-only here and holds no knowledge built by this "
            "osteon: open it once where it can be written (any command builds it)")


def _scope_json(scope: Scope | None) -> str | None:
    return json.dumps(scope.as_dict(), sort_keys=True) if scope else None


SENTENCES_PER_ASSERTION = 3
"""Sentences sentences_with_claims takes from one assertion before the next."""

_NO_EVIDENCE = Evidence("", 0, None, 0, 0, 0, 0, "")
"""Keys need no evidence: claims built only to compute a key carry this placeholder."""
