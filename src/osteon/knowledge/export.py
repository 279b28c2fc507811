"""The knowledge graph for other tools: JSON-LD (RDF), GraphML (networks), CSV (spreadsheets).

Each assertion is exported with its belief, context, scope, whether it is
confirmed (knowledge.calibration) and evidence, so a statement never leaves
osteon without its sources or its standing. JSON-LD carries its own
@context (nothing is fetched); asserted statements between two concepts are
also given as plain triples (`nsaid prevents heterotopic_ossification`) so
RDF tools can query them directly.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Sequence
from typing import ClassVar
from xml.etree import ElementTree as ET

from osteon.knowledge.records import Conflict, Fact
from osteon.knowledge.views import citation, scope_text
from osteon.reading.lexicon import Lexicon
from osteon.reading.records import Scope

VOCAB = "https://osteon.invalid/vocab#"
CONCEPT = "https://osteon.invalid/concept/"
ASSERTION = "https://osteon.invalid/assertion/"
DOCUMENT = "https://osteon.invalid/document/"


class Exporter:
    """The base of every export format: its name, file suffix, media type and writer.

    A new format is a subclass with `write` and one line in EXPORTERS.
    """

    name: ClassVar[str]
    suffix: ClassVar[str]
    media_type: ClassVar[str]

    def write(self, facts: Sequence[Fact], conflicts: Sequence[Conflict],
              lexicon: Lexicon) -> str:
        raise NotImplementedError


class JsonLd(Exporter):
    """JSON-LD (RDF) with its own @context."""

    name, suffix, media_type = "jsonld", ".jsonld", "application/ld+json"

    def write(self, facts: Sequence[Fact], conflicts: Sequence[Conflict],
              lexicon: Lexicon) -> str:
        return to_jsonld(facts, conflicts, lexicon)


class GraphMl(Exporter):
    """GraphML, for network tools (Cytoscape, Gephi, networkx)."""

    name, suffix, media_type = "graphml", ".graphml", "application/graphml+xml"

    def write(self, facts: Sequence[Fact], conflicts: Sequence[Conflict],
              lexicon: Lexicon) -> str:
        return to_graphml(facts, conflicts, lexicon)


class Csv(Exporter):
    """One row per assertion, for spreadsheets."""

    name, suffix, media_type = "csv", ".csv", "text/csv"

    def write(self, facts: Sequence[Fact], conflicts: Sequence[Conflict],
              lexicon: Lexicon) -> str:
        return to_csv(facts, conflicts, lexicon)


EXPORTERS: dict[str, Exporter] = {e.name: e for e in (JsonLd(), GraphMl(), Csv())}
"""Every export format by name."""
FORMATS: tuple[str, ...] = tuple(EXPORTERS)


def export(facts: Sequence[Fact], conflicts: Sequence[Conflict], lexicon: Lexicon,
           fmt: str) -> str:
    """The facts and conflicts in one of FORMATS, as text."""
    exporter = EXPORTERS.get(fmt)
    if exporter is None:
        raise ValueError(f"unknown export format {fmt!r}; choose from {', '.join(FORMATS)}")
    return exporter.write(facts, conflicts, lexicon)


def _concepts(facts: Sequence[Fact]) -> list[str]:
    seen: dict[str, None] = {}
    for fact in facts:
        seen[fact.assertion.subject] = None
        if not fact.assertion.key.object_is_text:
            seen[fact.assertion.object] = None
    return list(seen)


def _conflicts_by_assertion(conflicts: Sequence[Conflict]) -> dict[int, list[Conflict]]:
    out: dict[int, list[Conflict]] = {}
    for c in conflicts:
        out.setdefault(c.a, []).append(c)
        if c.b != c.a:
            out.setdefault(c.b, []).append(c)
    return out


def to_jsonld(facts: Sequence[Fact], conflicts: Sequence[Conflict], lexicon: Lexicon) -> str:
    context = {
        "@vocab": VOCAB, "concept": CONCEPT, "assertion": ASSERTION, "document": DOCUMENT,
        "name": "http://www.w3.org/2000/01/rdf-schema#label",
        "subject": {"@type": "@id"}, "object": {"@type": "@id"},
        "document_id": {"@type": "@id"}, "between": {"@type": "@id"},
        "belief": {"@type": "http://www.w3.org/2001/XMLSchema#double"},
    }
    graph: list[dict[str, object]] = []
    direct: dict[str, dict[str, list[dict[str, str]]]] = {}
    for fact in facts:
        a = fact.assertion
        if a.polarity == "asserted" and not a.key.object_is_text and not a.context:
            direct.setdefault(a.subject, {}).setdefault(a.predicate, []).append(
                {"@id": f"concept:{a.object}"})
    for concept_id in _concepts(facts):
        node: dict[str, object] = {"@id": f"concept:{concept_id}", "@type": "Concept"}
        if concept_id in lexicon:
            entry = lexicon.get(concept_id)
            node.update({"name": entry.name, "concept_type": entry.type})
            node.update({f"code_{c.system.lower().replace('-', '_')}": c.code
                         for c in entry.codes})
        node.update(direct.get(concept_id, {}))
        graph.append(node)
    for fact in facts:
        a = fact.assertion
        node = {"@id": f"assertion:{a.id}", "@type": "Assertion", "statement": a.text,
                "subject": f"concept:{a.subject}", "predicate": a.predicate,
                "polarity": a.polarity, "context": a.context or "clinical",
                "belief": a.belief, "documents": a.n_documents,
                "independent_sources": a.n_sources, "confidence": a.confidence,
                "confirmed": a.confirmed, **_scope_fields(a.scope),
                "evidence": [{"@type": "Evidence",
                              **{k if k != "doc" else "document_id":
                                 (f"document:{v}" if k == "doc" else v)
                                 for k, v in citation(c, fact.document_titles).items()
                                 if v is not None}}
                             for c in fact.claims]}
        if a.key.object_is_text:
            node["object_text"] = a.object
        else:
            node["object"] = f"concept:{a.object}"
        graph.append(node)
    for i, c in enumerate(conflicts):
        graph.append({"@id": f"assertion:conflict-{i + 1}", "@type": "Conflict",
                      "kind": c.kind, "family": c.family, "explanation": c.explanation,
                      "between": sorted({f"assertion:{c.a}", f"assertion:{c.b}"})})
    return json.dumps({"@context": context, "@graph": graph}, ensure_ascii=False, indent=1)


_EDGE_KEYS = (("predicate", "string"), ("polarity", "string"), ("context", "string"),
              ("belief", "double"), ("documents", "int"), ("statement", "string"),
              ("assertion", "int"), ("evidence", "string"), ("conflicts", "string"),
              ("confirmed", "boolean"), ("scope", "string"))
_NODE_KEYS = (("name", "string"), ("type", "string"))


def to_graphml(facts: Sequence[Fact], conflicts: Sequence[Conflict], lexicon: Lexicon) -> str:
    ns = "http://graphml.graphdrawing.org/xmlns"
    ET.register_namespace("", ns)
    root = ET.Element(f"{{{ns}}}graphml")
    for where, keys in (("node", _NODE_KEYS), ("edge", _EDGE_KEYS)):
        for name, kind in keys:
            ET.SubElement(root, f"{{{ns}}}key", {"id": f"{where}_{name}", "for": where,
                                                "attr.name": name, "attr.type": kind})
    graph = ET.SubElement(root, f"{{{ns}}}graph", {"id": "osteon", "edgedefault": "directed"})

    def data(parent: ET.Element, key: str, value: object) -> None:
        ET.SubElement(parent, f"{{{ns}}}data", {"key": key}).text = str(value)

    nodes: dict[str, None] = dict.fromkeys(_concepts(facts))
    for fact in facts:
        if fact.assertion.key.object_is_text:
            nodes["text:" + fact.assertion.object] = None
    for node_id in nodes:
        node = ET.SubElement(graph, f"{{{ns}}}node", {"id": node_id})
        if node_id in lexicon:
            data(node, "node_name", lexicon.get(node_id).name)
            data(node, "node_type", lexicon.get(node_id).type)
        else:
            data(node, "node_name", node_id.removeprefix("text:"))
            data(node, "node_type", "text")
    by_assertion = _conflicts_by_assertion(conflicts)
    for fact in facts:
        a = fact.assertion
        target = ("text:" + a.object) if a.key.object_is_text else a.object
        edge = ET.SubElement(graph, f"{{{ns}}}edge",
                             {"id": f"a{a.id}", "source": a.subject, "target": target})
        for name, value in (("predicate", a.predicate), ("polarity", a.polarity),
                            ("context", a.context or "clinical"), ("belief", a.belief),
                            ("documents", a.n_documents), ("statement", a.text),
                            ("assertion", a.id), ("evidence", _evidence_text(fact)),
                            ("conflicts", "; ".join(c.explanation
                                                    for c in by_assertion.get(a.id, []))),
                            ("confirmed", str(a.confirmed).lower()),
                            ("scope", scope_text(a.scope))):
            data(edge, f"edge_{name}", value)
    ET.indent(root)
    return ET.tostring(root, encoding="unicode", xml_declaration=True) + "\n"


_CSV_COLUMNS = ("assertion", "statement", "subject", "subject_name", "predicate", "object",
                "object_name", "polarity", "context", "belief", "documents",
                "independent_sources", "claims", "conflicts_with", "evidence", "confirmed",
                "confidence", "scope")


def to_csv(facts: Sequence[Fact], conflicts: Sequence[Conflict], lexicon: Lexicon) -> str:
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow(_CSV_COLUMNS)
    by_assertion = _conflicts_by_assertion(conflicts)

    def name(concept: str) -> str:
        return lexicon.get(concept).name if concept in lexicon else concept

    for fact in facts:
        a = fact.assertion
        others = sorted({c.b if c.a == a.id else c.a for c in by_assertion.get(a.id, [])})
        writer.writerow((a.id, a.text, a.subject, name(a.subject), a.predicate, a.object,
                         name(a.object), a.polarity, a.context or "clinical", a.belief,
                         a.n_documents, a.n_sources, a.n_claims,
                         " ".join(str(o) for o in others), _evidence_text(fact),
                         a.confirmed, a.confidence, scope_text(a.scope)))
    return buffer.getvalue()


def _scope_fields(scope: Scope) -> dict[str, list[str]]:
    """The scope's stated fields as JSON-LD properties (scope_family, scope_population, ...)."""
    return {f"scope_{name}": values for name, values in scope.as_dict().items()}


def _evidence_text(fact: Fact) -> str:
    return " | ".join(f"{c.evidence.doc_id}#{c.evidence.sentence_idx} “{c.evidence.quote}”"
                      for c in fact.claims)
