"""Real-browser tests: the app served by uvicorn on loopback, driven by Debian's chromium.

One server (on a copy of the seeded store, so uploads never touch the shared
`seeded_kb`) and one browser per session; each test gets a fresh context.
Each test keeps full-page screenshots of what it saw under
`artifacts/screenshots/<test-name>-<n>.png`.
"""

from __future__ import annotations

import os
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from browsing import SCREENSHOTS, Tab

from live import Server, copy_store, free_port
from osteon import KnowledgeBase
from osteon.web.app import create_app
from osteon.web.cds.auth import AuthSettings

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking"]


@pytest.fixture(scope="session")
def live_url(seeded_kb: KnowledgeBase, tmp_path_factory: pytest.TempPathFactory
             ) -> Iterator[str]:
    """The app over a private copy of the seeded store (uploads land in the copy)."""
    store = copy_store(seeded_kb, tmp_path_factory.mktemp("browser-store"))
    port = free_port()
    app = create_app(store, auth=AuthSettings(enabled=False),
                     base_url=f"http://127.0.0.1:{port}")
    with Server(app, port) as server:
        yield server.url


@pytest.fixture(scope="session")
def browser() -> Iterator[Any]:
    """Debian's chromium, headless, driven by Playwright (never Playwright's own download)."""
    if not CHROMIUM.exists():
        if os.environ.get("OSTEON_SKIP_BROWSER") == "1":
            pytest.skip(f"{CHROMIUM} is missing and OSTEON_SKIP_BROWSER=1")
        pytest.fail(f"{CHROMIUM} is missing: run `make test`, which installs Debian's chromium "
                    "(or set OSTEON_SKIP_BROWSER=1 to skip the browser tests)", pytrace=False)
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        chromium = p.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS,
                                     headless=True)
        try:
            yield chromium
        finally:
            chromium.close()


def _test_name(request: pytest.FixtureRequest) -> str:
    return re.sub(r"[^A-Za-z0-9_.-]+", "_", request.node.name).strip("_")


def _open(browser: Any, live_url: str, request: pytest.FixtureRequest, **options: Any
          ) -> Iterator[Tab]:
    context = browser.new_context(**options)
    page = context.new_page()
    page.set_default_timeout(20_000)
    tab = Tab(page, live_url, _test_name(request))
    for old in SCREENSHOTS.glob(f"{tab.name}-*.png"):  # this test's shots from an earlier run
        old.unlink()

    def on_dialog(dialog: Any) -> None:
        tab.dialogs.append(f"{dialog.type}: {dialog.message}")
        dialog.dismiss()

    page.on("dialog", on_dialog)
    page.on("request", lambda r: tab.requests.append(r.url))
    page.on("response", lambda r: tab.responses.append(r))
    page.on("console", lambda m: tab.console.append(f"{m.type}: {m.text}"))
    try:
        yield tab
    finally:
        context.close()


@pytest.fixture
def tab(browser: Any, live_url: str, request: pytest.FixtureRequest) -> Iterator[Tab]:
    """A fresh context and page, JavaScript on."""
    yield from _open(browser, live_url, request)


@pytest.fixture
def nojs_tab(browser: Any, live_url: str, request: pytest.FixtureRequest) -> Iterator[Tab]:
    """A fresh context and page with JavaScript disabled."""
    yield from _open(browser, live_url, request, java_script_enabled=False)


@pytest.fixture
def phone_tab(browser: Any, live_url: str, request: pytest.FixtureRequest) -> Iterator[Tab]:
    """A fresh context sized like a phone (390×844)."""
    yield from _open(browser, live_url, request, viewport={"width": 390, "height": 844},
                     is_mobile=True, has_touch=True, device_scale_factor=1)
