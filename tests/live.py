"""Running the web app for real in tests: a private copy of a store, uvicorn on loopback."""

from __future__ import annotations

import socket
import threading
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import uvicorn

from osteon import KnowledgeBase


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def copy_store(kb: KnowledgeBase, folder: Path) -> Path:
    """A consistent copy of a live store (SQLite's online backup), knowledge up to date.

    Tests that upload documents run on a copy, so the shared seeded store stays as it is.
    """
    kb.update_knowledge()
    folder.mkdir(parents=True, exist_ok=True)
    return kb.store.copy_to(folder / "osteon.sqlite")


class Server:
    """uvicorn running the app in a thread, on a loopback port."""

    def __init__(self, app: Any, port: int) -> None:
        self.server = uvicorn.Server(uvicorn.Config(app, host="127.0.0.1", port=port,
                                                    log_level="warning", lifespan="on"))
        self.thread = threading.Thread(target=self.server.run, daemon=True)
        self.url = f"http://127.0.0.1:{port}"

    def __enter__(self) -> Server:
        self.thread.start()
        deadline = time.monotonic() + 60
        while not self.server.started:
            if time.monotonic() > deadline or not self.thread.is_alive():
                raise RuntimeError("uvicorn did not start")
            time.sleep(0.05)
        return self

    def __exit__(self, *exc: object) -> None:
        self.server.should_exit = True
        self.thread.join(timeout=10)


def answers_while_held(monkeypatch: Any, module: Any, name: str,
                       slow_call: Callable[[], int], meanwhile: Callable[[], None]) -> None:
    """Hold `module.name` inside a request started by `slow_call`, run `meanwhile` (other
    requests, which must all answer), then let the held one finish: it must answer 200.

    Ordering by events, never wall time: the held call provably had not finished while
    the others answered.
    """
    started, release = threading.Event(), threading.Event()
    real = getattr(module, name)

    def slow(*args: Any, **kwargs: Any) -> Any:
        started.set()
        release.wait(30)
        return real(*args, **kwargs)

    monkeypatch.setattr(module, name, slow)
    finished: list[int] = []
    held = threading.Thread(target=lambda: finished.append(slow_call()))
    held.start()
    try:
        assert started.wait(30), "the held call began its work"
        meanwhile()
        assert not finished, "the others answered while the held call was still working"
    finally:
        release.set()
        held.join(30)
    assert finished == [200]
