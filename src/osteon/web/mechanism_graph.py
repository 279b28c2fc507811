"""The mechanism graph laid out for SVG, each edge with its evidence (the Mechanism page).

The graph is drawn top to bottom in layers (inputs at the top, bone at the
bottom): cycles are broken by reversing the edges a depth-first walk finds
going back, every node goes to the layer after its deepest cause, long edges
pass through invisible way-points, and a few barycentre sweeps order each
layer to keep crossings down. All of it is computed once per graph and drawn
by the template as inline SVG (presentation attributes only, no script).
"""

from __future__ import annotations

import textwrap
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from osteon.mechanism.records import Edge, MechanismGraph
from osteon.reading.lexicon import load_lexicon

BOX_W, BOX_H = 156.0, 46.0
"""Node boxes, in SVG user units."""
GAP_X, GAP_Y = 22.0, 58.0
DUMMY_W = 14.0
MARGIN = 12.0
LINE_CHARS = 22
SHOWN_CITATIONS = 3
"""Sentences shown per edge (the page stays small on a corpus of thousands of documents)."""
BONE = "heterotopic_ossification"
COLOURS = {"activates": "#1b7a36", "inhibits": "#b3261e", "host": "#5f6672"}


def node_label(node: str, lexicon: Any | None = None) -> str:
    """The readable name of a concept id: the lexicon's name, else the id in words."""
    if lexicon is not None and node in lexicon:
        return str(lexicon.get(node).name)
    return node.replace("_", " ")


def node_label_short(node: str, lexicon: Any | None = None) -> str:
    """The name with its best-known abbreviation: "oncostatin M receptor (OSMR)"."""
    name = node_label(node, lexicon)
    if lexicon is not None and node in lexicon:
        abbreviations = lexicon.get(node).abbreviations
        if abbreviations:
            return f"{name} ({abbreviations[0]})"
    return name


def lexicon_or_none() -> Any | None:
    """The lexicon, for concept names (loaded once and shared with reading)."""
    return load_lexicon()


# ---------------------------------------------------------------- the graph


@dataclass(frozen=True, slots=True)
class Evidence:
    """One sentence behind an edge, ready to print."""

    quote: str
    statement: str
    href: str
    source: str
    sentence: int


@dataclass(frozen=True, slots=True)
class EdgeRow:
    """One edge as the page shows it: in the drawing, in the table, or both."""

    anchor: str
    source: str
    target: str
    source_label: str
    target_label: str
    role: str
    relation: str
    predicates: str
    evidence: tuple[Evidence, ...]
    assumption: str | None
    note: str | None
    dynamic: bool
    title: str
    """The edge's tooltip and accessible name: who says so."""
    path: str = ""
    """SVG path data; empty for edges kept only as evidence."""
    more: int = 0
    """Sentences behind the edge beyond those shown."""

    @property
    def classes(self) -> str:
        return " ".join(["edge", self.role] + (["assumption"] if self.assumption else ["cited"]))

    @property
    def colour(self) -> str:
        return COLOURS.get(self.role, COLOURS["activates"])

    @property
    def marker(self) -> str:
        return f"url(#mech-{self.role if self.role in COLOURS else 'activates'})"


@dataclass(frozen=True, slots=True)
class NodeBox:
    id: str
    label: str
    lines: tuple[str, ...]
    x: float
    y: float
    kind: str
    """"input" (nothing drives it), "output" (the bone) or "inner"."""

    @property
    def cx(self) -> float:
        return self.x + BOX_W / 2

    def line_y(self, i: int) -> float:
        first = self.y + BOX_H / 2 - (len(self.lines) - 1) * 7.5 + 4
        return first + 15 * i


@dataclass(frozen=True, slots=True)
class GraphView:
    """Everything the template draws, computed once per graph."""

    width: float
    height: float
    nodes: tuple[NodeBox, ...]
    edges: tuple[EdgeRow, ...]
    """Dynamic edges first (drawn), then the evidence-only ones."""
    options: tuple[tuple[str, str], ...]
    """(node id, readable name) of every model node, by name: the knockout choices."""

    @property
    def drawn(self) -> list[EdgeRow]:
        return [e for e in self.edges if e.dynamic]

    @property
    def evidence_only(self) -> list[EdgeRow]:
        return [e for e in self.edges if not e.dynamic]

    @property
    def assumptions(self) -> int:
        return sum(1 for e in self.drawn if e.assumption)


def _relation(edge: Edge) -> str:
    if edge.role == "host":
        return "carries (a receptor on this cell)"
    return "inhibits" if edge.sign < 0 or edge.role == "inhibits" else "activates"


def _wrap(text: str) -> tuple[str, ...]:
    lines = textwrap.wrap(text, LINE_CHARS, break_on_hyphens=True) or [text]
    if len(lines) > 3:
        lines = [*lines[:2], " ".join(lines[2:])]
    return tuple(lines)


def _break_cycles(nodes: Sequence[str], edges: Sequence[tuple[str, str]]
                  ) -> set[tuple[str, str]]:
    """Edges a depth-first walk (from the inputs first) finds going back up the walk."""
    out: dict[str, list[str]] = {n: [] for n in nodes}
    indegree = dict.fromkeys(nodes, 0)
    for s, t in edges:
        out[s].append(t)
        indegree[t] += 1
    order = [n for n in nodes if indegree[n] == 0] + [n for n in nodes if indegree[n] > 0]
    state: dict[str, int] = {}
    back: set[tuple[str, str]] = set()
    for root in order:
        if root in state:
            continue
        stack = [(root, iter(out[root]))]
        state[root] = 1
        while stack:
            node, children = stack[-1]
            child = next(children, None)
            if child is None:
                state[node] = 2
                stack.pop()
            elif state.get(child) == 1:
                back.add((node, child))
            elif child not in state:
                state[child] = 1
                stack.append((child, iter(out[child])))
    return back


def _crossings(upper: list[str], lower: list[str], links: set[tuple[str, str]]) -> int:
    pos_u = {n: i for i, n in enumerate(upper)}
    pos_l = {n: i for i, n in enumerate(lower)}
    pairs = sorted((pos_u[a], pos_l[b]) for a, b in links if a in pos_u and b in pos_l)
    return sum(1 for i, (a1, b1) in enumerate(pairs) for a2, b2 in pairs[i + 1:]
               if a2 > a1 and b2 < b1)


Point = tuple[float, float]


def layout(nodes: Sequence[str], edges: Sequence[tuple[str, str]]
           ) -> tuple[dict[str, Point], dict[tuple[str, str], list[Point]], float, float]:
    """Layered positions: node → (x, y) of its box's corner; edge → its way-point centres.

    Way-points run in the drawing's direction (downward); the caller reverses
    those of the edges that were turned round to break a cycle.
    """
    pairs = [(s, t) for s, t in dict.fromkeys(edges) if s != t]
    back = _break_cycles(nodes, pairs)
    dag = [(t, s) if (s, t) in back else (s, t) for s, t in pairs]
    dag = list(dict.fromkeys(dag))
    preds: dict[str, list[str]] = {n: [] for n in nodes}
    for s, t in dag:
        preds[t].append(s)
    layer: dict[str, int] = {}

    def depth(n: str, seen: frozenset[str] = frozenset()) -> int:
        if n not in layer:
            layer[n] = 1 + max((depth(p, seen | {n}) for p in preds[n] if p not in seen),
                               default=-1)
        return layer[n]

    for n in nodes:
        depth(n)
    # sinks that feed nothing sit right under their deepest cause, not at the very bottom
    # (longest-path layering already does that); pull sources down next to what they drive
    succ: dict[str, list[str]] = {n: [] for n in nodes}
    for s, t in dag:
        succ[s].append(t)
    for n in nodes:
        if not preds[n] and succ[n]:
            layer[n] = max(layer[n], min(layer[t] for t in succ[n]) - 1)

    layers: list[list[str]] = [[] for _ in range(max(layer.values(), default=0) + 1)]
    for n in nodes:
        layers[layer[n]].append(n)
    chains: dict[tuple[str, str], list[str]] = {}
    links: set[tuple[str, str]] = set()
    for s, t in dag:
        chain = [s]
        for k in range(layer[s] + 1, layer[t]):
            dummy = f"\x00{s}\x00{t}\x00{k}"
            layers[k].append(dummy)
            chain.append(dummy)
        chain.append(t)
        chains[(s, t)] = chain
        links.update(zip(chain, chain[1:], strict=False))
    up: dict[str, list[str]] = {}
    down: dict[str, list[str]] = {}
    for a, b in links:
        down.setdefault(a, []).append(b)
        up.setdefault(b, []).append(a)

    def total(ls: list[list[str]]) -> int:
        return sum(_crossings(ls[i], ls[i + 1], links) for i in range(len(ls) - 1))

    best = [list(layer_) for layer_ in layers]
    best_score = total(best)
    for sweep in range(16):
        downward = sweep % 2 == 0
        rng = range(1, len(layers)) if downward else range(len(layers) - 2, -1, -1)
        for i in rng:
            ref = layers[i - 1] if downward else layers[i + 1]
            pos = {n: j for j, n in enumerate(ref)}
            nbrs = up if downward else down
            current = {n: j for j, n in enumerate(layers[i])}

            def key(n: str, pos: dict[str, int] = pos, nbrs: dict[str, list[str]] = nbrs,
                    current: dict[str, int] = current) -> float:
                ps = [pos[m] for m in nbrs.get(n, []) if m in pos]
                return sum(ps) / len(ps) if ps else float(current[n])

            layers[i].sort(key=key)
        score = total(layers)
        if score < best_score:
            best, best_score = [list(layer_) for layer_ in layers], score
    layers = best

    def width(n: str) -> float:
        return DUMMY_W if n.startswith("\x00") else BOX_W

    # x: start packed and centred, then pull each item toward its neighbours' mean
    xs: dict[str, float] = {}
    widest = max((sum(width(n) + GAP_X for n in ls) - GAP_X for ls in layers), default=BOX_W)
    for ls in layers:
        span = sum(width(n) + GAP_X for n in ls) - GAP_X
        x = (widest - span) / 2
        for n in ls:
            xs[n] = x + width(n) / 2  # centres
            x += width(n) + GAP_X
    for _ in range(24):
        for ls in layers:
            wanted = []
            for n in ls:
                ns = up.get(n, []) + down.get(n, [])
                wanted.append(sum(xs[m] for m in ns) / len(ns) if ns else xs[n])
            placed = _pack(wanted, [width(n) for n in ls])
            for n, x in zip(ls, placed, strict=True):
                xs[n] = x
    left = min((xs[n] - width(n) / 2 for n in xs), default=0.0)
    right = max((xs[n] + width(n) / 2 for n in xs), default=BOX_W)
    shift = MARGIN - left
    centres: dict[str, tuple[float, float]] = {}
    for i, ls in enumerate(layers):
        for n in ls:
            centres[n] = (xs[n] + shift, MARGIN + i * (BOX_H + GAP_Y) + BOX_H / 2)
    corners = {n: (centres[n][0] - BOX_W / 2, centres[n][1] - BOX_H / 2) for n in nodes}
    ways: dict[tuple[str, str], list[tuple[float, float]]] = {}
    for (s, t), chain in chains.items():
        points = [centres[c] for c in chain]
        if (t, s) in back:
            ways[(t, s)] = points[::-1]
        if (s, t) in pairs and (s, t) not in back:
            ways[(s, t)] = points
    w = right - left + 2 * MARGIN
    h = 2 * MARGIN + len(layers) * (BOX_H + GAP_Y) - GAP_Y
    return corners, ways, w, h


def _pack(wanted: list[float], widths: list[float]) -> list[float]:
    """Centres as near `wanted` as the order and the gaps allow (a left and a right pass)."""
    n = len(wanted)
    if n == 0:
        return []
    right = list(wanted)
    for i in range(1, n):
        least = right[i - 1] + (widths[i - 1] + widths[i]) / 2 + GAP_X
        right[i] = max(right[i], least)
    left = list(wanted)
    for i in range(n - 2, -1, -1):
        most = left[i + 1] - (widths[i + 1] + widths[i]) / 2 - GAP_X
        left[i] = min(left[i], most)
    mixed = [(a + b) / 2 for a, b in zip(left, right, strict=True)]
    for i in range(1, n):  # the average of two feasible packings is feasible; keep it so
        mixed[i] = max(mixed[i], mixed[i - 1] + (widths[i - 1] + widths[i]) / 2 + GAP_X)
    return mixed


def _path(points: list[tuple[float, float]], start: tuple[float, float],
          end: tuple[float, float]) -> str:
    """A smooth path from `start` through the way-points' interior to `end`."""
    pts = [start, *points[1:-1], end]
    d = [f"M{pts[0][0]:.1f},{pts[0][1]:.1f}"]
    for (x0, y0), (x1, y1) in zip(pts, pts[1:], strict=False):
        my = (y0 + y1) / 2
        d.append(f"C{x0:.1f},{my:.1f} {x1:.1f},{my:.1f} {x1:.1f},{y1:.1f}")
    return " ".join(d)


def _ports(count: int, centre: float) -> list[float]:
    spread = min(BOX_W - 24, 16.0 * (count - 1))
    if count <= 1:
        return [centre]
    return [centre - spread / 2 + spread * i / (count - 1) for i in range(count)]


def graph_view(graph: MechanismGraph, titles: Mapping[str, str]) -> GraphView:
    """The graph laid out and every edge with its evidence, for the page."""
    lexicon = lexicon_or_none()
    nodes = list(graph.nodes)
    dynamic = graph.dynamic_edges()
    pairs = [(e.source, e.target) for e in dynamic]
    corners, ways, width, height = layout(nodes, pairs)
    targets = {t for _, t in pairs}
    boxes = tuple(NodeBox(n, node_label_short(n, lexicon), _wrap(node_label_short(n, lexicon)),
                          corners[n][0], corners[n][1],
                          "output" if n == BONE else "input" if n not in targets else "inner")
                  for n in nodes)

    # spread the ends of the edges that meet one side of a box, ordered by where they come from
    ends: dict[tuple[str, str], list[tuple[float, tuple[str, str]]]] = {}
    for pair in pairs:
        pts = ways.get(pair)
        if not pts:
            continue
        s, t = pair
        downward = pts[-1][1] > pts[0][1]
        ends.setdefault((s, "bottom" if downward else "top"), []).append((pts[1][0], pair))
        ends.setdefault((t, "top" if downward else "bottom"), []).append((pts[-2][0], pair))
    port: dict[tuple[str, tuple[str, str]], tuple[float, float]] = {}
    for (n, side), items in ends.items():
        items.sort()
        xs = _ports(len(items), corners[n][0] + BOX_W / 2)
        y = corners[n][1] + (BOX_H if side == "bottom" else 0)
        for x, (_, pair) in zip(xs, items, strict=True):
            port[(n, pair)] = (x, y)

    order = {id(e): i for i, e in enumerate(graph.edges)}
    rows: list[EdgeRow] = []
    for edge in [*dynamic, *(e for e in graph.edges if e not in dynamic)]:
        pair = (edge.source, edge.target)
        is_drawn = edge.dynamic and pair in ways and edge in dynamic
        path = ""
        if is_drawn:
            pts = ways[pair]
            path = _path(pts, port[(edge.source, pair)], port[(edge.target, pair)])
        rows.append(_edge_row(edge, order[id(edge)], lexicon, titles, path, is_drawn))
    options = tuple(sorted(((n, node_label_short(n, lexicon)) for n in nodes),
                           key=lambda o: o[1].lower()))
    return GraphView(width, height, boxes, tuple(rows), options)


def _edge_row(edge: Edge, index: int, lexicon: Any | None, titles: Mapping[str, str],
              path: str, drawn: bool) -> EdgeRow:
    src, tgt = node_label(edge.source, lexicon), node_label(edge.target, lexicon)
    relation = _relation(edge)
    evidence = tuple(Evidence(c.quote, c.statement,
                              f"/sources/{_quote(c.doc_id)}#sentence-{c.sentence_idx}",
                              titles.get(c.doc_id) or c.doc_id, c.sentence_idx)
                     for c in edge.citations[:SHOWN_CITATIONS])
    more = len(edge.citations) - len(evidence)
    if evidence:
        why = "; ".join(f"“{e.quote}” ({e.source}, sentence {e.sentence})" for e in evidence)
    else:
        why = f"modelling assumption: {edge.assumption or 'no sentence states it'}"
    title = f"{src} {'→' if edge.sign > 0 else '⊣'} {tgt} ({relation}). {why}"
    return EdgeRow(f"edge-{index}", edge.source, edge.target, src, tgt,
                   edge.role if edge.role in COLOURS else ("inhibits" if edge.sign < 0
                                                           else "activates"),
                   relation, ", ".join(p.replace("_", " ") for p in edge.predicates),
                   evidence, None if evidence else (edge.assumption or "no sentence states it"),
                   edge.note.replace("_", " ") if edge.note else None, drawn, title, path, more)


def _quote(value: str) -> str:
    from urllib.parse import quote

    return quote(value, safe="")


