"""An upload is read on the ingest thread: the pages and the CDS service go on answering."""

from __future__ import annotations

import threading
import time
from pathlib import Path

import httpx

from live import Server, copy_store, free_port
from osteon import KnowledgeBase
from osteon.web.app import create_app
from osteon.web.cds.auth import AuthSettings

SENTENCE = ("Indomethacin {n} mg prevents heterotopic ossification after total hip "
            "arthroplasty in patient group {n}.")


def test_pages_answer_while_an_upload_is_being_read(seeded_kb: KnowledgeBase,
                                                   tmp_path: Path) -> None:
    store = copy_store(seeded_kb, tmp_path / "store")
    port = free_port()
    document = "\n\n".join(SENTENCE.format(n=n) for n in range(3000)).encode()
    done = threading.Event()
    outcome: dict[str, object] = {}

    with Server(create_app(store, auth=AuthSettings(enabled=False)), port) as server:
        def upload() -> None:
            with httpx.Client(base_url=server.url, timeout=600) as client:
                outcome["response"] = client.post(
                    "/api/sources", files={"file": ("big-trial.txt", document)})
            outcome["finished"] = time.monotonic()
            done.set()

        thread = threading.Thread(target=upload)
        thread.start()
        answered_during = []
        with httpx.Client(base_url=server.url, timeout=60) as client:
            while not done.is_set():  # the reader alone takes seconds to build
                page = client.get("/ask", params={"q": "What causes HO?"})
                assert page.status_code == 200
                answered_during.append(time.monotonic())
        thread.join()
    response = outcome["response"]
    assert isinstance(response, httpx.Response) and response.status_code == 201
    # a page held up behind the upload would arrive with it; these arrive well before
    finished = outcome["finished"]
    assert isinstance(finished, float)
    assert any(at < finished - 0.5 for at in answered_during), \
        "no page was answered while the upload was being read"
