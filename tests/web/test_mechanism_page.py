"""The Mechanism page: the graph with its evidence, the simulator, its plot and its errors."""

from __future__ import annotations

import html
import re
from urllib.parse import quote

import pytest
from fastapi.testclient import TestClient

from osteon import KnowledgeBase
from osteon.mechanism.records import MechanismGraph

PNG = b"\x89PNG\r\n\x1a\n"
BOTH = "injury=spinal_cord&injury=muscle"


def graph_of(kb: KnowledgeBase) -> MechanismGraph:
    """The graph the app builds (its store is a copy of this one; its own is on its thread)."""
    from osteon.mechanism.graph import graph_from_knowledge

    kb.update_knowledge()
    return graph_from_knowledge(kb.knowledge_store)


def rows(page: str) -> dict[str, str]:
    """The edge table's rows by anchor id."""
    return {m.group(1): m.group(0)
            for m in re.finditer(r'<tr id="(edge-\d+)".*?</tr>', page, re.DOTALL)}


def bone(page: str, run: str) -> float:
    """Bone in the injured muscle of the summary row `run` ("untreated" or "treated")."""
    found = re.search(rf'<tr class="{run}">.*?data-value="([^"]+)"', page, re.DOTALL)
    assert found, f"no {run} row in the summary"
    return float(found.group(1))


def test_page_draws_the_graph_and_lists_every_edge_with_its_evidence(
        client: TestClient, seeded_kb: KnowledgeBase) -> None:
    response = client.get("/mechanism")
    assert response.status_code == 200
    page = response.text
    assert len(response.content) < 300_000
    graph = graph_of(seeded_kb)
    table = rows(page)
    dynamic = graph.dynamic_edges()
    assert dynamic
    for edge in dynamic:
        anchor = f"edge-{graph.edges.index(edge)}"
        assert f'href="#{anchor}"' in page, f"{edge.key} is not drawn as a link"
        row = table[anchor]
        if edge.citations:
            for c in edge.citations:
                assert f'href="/sources/{quote(c.doc_id, safe="")}#sentence-{c.sentence_idx}"' \
                    in row, f"{edge.key}: no link to {c.doc_id} sentence {c.sentence_idx}"
                assert html.escape(c.quote) in row
        else:
            assert edge.assumption
            assert f"Modelling assumption: {html.escape(edge.assumption)}" in row
    # nodes are named in words, not concept ids, in the drawing and the table
    assert "fibro-adipogenic" in page and ">fibro_adipogenic_progenitor<" not in page
    assert 'class="edge inhibits' in page and 'class="edge activates' in page
    assert 'stroke-dasharray' in page  # the assumptions are dashed


def test_page_follows_the_content_policy_and_needs_no_result_to_load(client: TestClient
                                                                     ) -> None:
    page = client.get("/mechanism").text
    assert ' style="' not in page and "<style" not in page
    assert re.findall(r"<script[^>]*>", page) == ['<script src="/static/mechanism.js" defer>']
    assert 'class="sim-empty"' in page and "/mechanism/plot.png" not in page
    for injury in ("spinal_cord", "muscle"):  # both injuries checked by default
        assert f'name="injury" value="{injury}" checked' in page
    script = client.get("/static/mechanism.js")
    assert script.status_code == 200 and "run.json" in script.text


def test_a_scenario_gives_a_summary_and_a_plot(client: TestClient) -> None:
    response = client.get(f"/mechanism?{BOTH}&drug=mifepristone&days=28")
    assert response.status_code == 200
    page = response.text
    assert 'class="sim-summary"' in page
    assert bone(page, "treated") < bone(page, "untreated")
    src = re.search(r'<img src="(/mechanism/plot\.png\?[^"]+)"', page)
    assert src, "no plot"
    plot = client.get(html.unescape(src.group(1)))
    assert plot.status_code == 200
    assert plot.headers["content-type"] == "image/png"
    assert plot.content.startswith(PNG)
    again = client.get(html.unescape(src.group(1)))  # from the cache: the same bytes
    assert again.content == plot.content


def test_untreated_scenario_has_no_baseline_row(client: TestClient) -> None:
    page = client.get(f"/mechanism?{BOTH}&days=14").text
    assert '<tr class="untreated">' not in page
    assert bone(page, "treated") > 0.05  # both injuries: bone in the injured muscle


@pytest.mark.parametrize("knockout", ["OSMR", "oncostatin_m_receptor"])
def test_a_knockout_gives_less_bone_than_untreated(client: TestClient, knockout: str) -> None:
    page = client.get(f"/mechanism?{BOTH}&knockout={knockout}&days=28").text
    assert bone(page, "treated") < bone(page, "untreated")
    data = client.get(f"/mechanism/run.json?{BOTH}&knockout={knockout}&days=28").json()
    assert data["summary"]["bone_injured"] < data["untreated"]["bone_injured"]
    assert data["plot"].startswith("/mechanism/plot.png?")
    assert "knockout=oncostatin_m_receptor" in data["plot"]
    assert 'class="sim-summary"' in data["html"]


def test_partial_inhibition_and_a_stimulus(client: TestClient) -> None:
    data = client.get(f"/mechanism/run.json?{BOTH}&inhibit=IL1R1&fraction=0.9&days=28").json()
    assert data["summary"]["bone_injured"] < data["untreated"]["bone_injured"]
    more = client.get(f"/mechanism/run.json?{BOTH}&stimulus=lps&days=28").json()
    assert more["summary"]["bone_injured"] > more["untreated"]["bone_injured"]


@pytest.mark.parametrize(("query", "message"), [
    ("knockout=OSMX", "unknown model node"),
    ("inhibit=OSMR&fraction=1.5", "between 0 and 1"),
    ("inhibit=OSMR&fraction=lots", "must be a number"),
    ("days=0", "more than 0"),
    ("days=-3", "more than 0"),
    ("days=100000", "at most 3650 days"),  # the mechanism's limit, as on the CLI
    ("days=abc", "must be a number"),
    ("drug=aspirin", "unknown intervention"),
    ("injury=arm", "unknown injury"),
])
def test_bad_input_answers_400_with_the_message(client: TestClient, query: str,
                                                message: str) -> None:
    page = client.get(f"/mechanism?injury=muscle&{query}")
    assert page.status_code == 400
    assert message in html.unescape(page.text)
    assert 'class="sim-error"' in page.text and 'class="mech-edges"' in page.text
    plot = client.get(f"/mechanism/plot.png?injury=muscle&{query}")
    assert plot.status_code == 400
    assert plot.headers["content-type"].startswith("text/plain")
    assert message in plot.text
    data = client.get(f"/mechanism/run.json?injury=muscle&{query}")
    assert data.status_code == 400 and message in data.json()["error"]


def test_a_node_name_with_markup_is_shown_as_text(client: TestClient) -> None:
    attack = "<script>alert(1)</script>"
    response = client.get("/mechanism", params={"injury": "muscle", "knockout": attack,
                                                "days": "28"})
    assert response.status_code == 400
    assert attack not in response.text
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in response.text
    data = client.get("/mechanism/run.json", params={"knockout": attack})
    assert attack not in data.json()["html"]
    days = client.get("/mechanism", params={"days": '"><img src=x onerror=alert(1)>'})
    assert days.status_code == 400 and "<img src=x" not in days.text


def test_the_simulator_can_draw_how_sure_the_model_is(client: TestClient) -> None:
    page = client.get("/mechanism").text
    assert 'name="band" value="1"' in page and "percentile" in page  # offered, off by default
    query = f"{BOTH}&drug=ruxolitinib&days=28&band=1"
    response = client.get(f"/mechanism?{query}")
    assert response.status_code == 200
    ends = re.findall(r'class="band-end" data-run="([^"]+)" data-low="([^"]+)" '
                      r'data-high="([^"]+)"', response.text)
    assert [run for run, _, _ in ends] == ["untreated", "ruxolitinib"]
    for run, low, high in ends:  # each run's bone at the end lies inside its own band
        assert float(low) <= bone(response.text, "untreated" if run == "untreated"
                                  else "treated") <= float(high)
    src = re.search(r'<img src="(/mechanism/plot\.png\?[^"]+)"', response.text)
    assert src and "band=1" in src.group(1)
    banded = client.get(html.unescape(src.group(1)))
    plain = client.get(f"/mechanism/plot.png?{BOTH}&drug=ruxolitinib&days=28")
    assert banded.content.startswith(PNG) and banded.content != plain.content
    data = client.get(f"/mechanism/run.json?{query}").json()
    assert [b["run"] for b in data["band"]["bone_injured"]] == ["untreated", "ruxolitinib"]
    assert "band-end" in data["html"]
    without = client.get(f"/mechanism/run.json?{BOTH}&drug=ruxolitinib&days=28").json()
    assert "band" not in without


def test_the_page_lists_the_models_predictions_with_their_sources(
        client: TestClient, seeded_kb: KnowledgeBase) -> None:
    page = client.get("/mechanism").text
    assert 'class="mech-predictions"' in page
    found = dict(re.findall(r'<tr id="predict-([a-z0-9_]+-[a-z]+)" class="([^"]+)"', page))
    graph = graph_of(seeded_kb)
    assert {key.rsplit("-", 1)[0] for key in found} == set(graph.nodes)  # every node
    assert found["glucocorticoid_receptor-knockout"] == "tested"
    row = re.search(r'<tr id="predict-glucocorticoid_receptor-knockout".*?</tr>', page,
                    re.DOTALL)
    assert row and "m06" in row.group(0) and 'href="/sources/' in row.group(0)
    assert '<td class="agrees">yes</td>' in row.group(0)
    assert any("suggested" in kind for kind in found.values())  # experiments it suggests
    assert "untested" in found.values() or any(k.startswith("untested") for k in
                                               found.values())
