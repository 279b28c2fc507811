"""The serving faces: the web app (pages, JSON API, CDS Hooks) and the MCP server."""

from __future__ import annotations

from typing import Annotated

import typer

from osteon.cli.base import app, err, open_kb


@app.command()
def serve(
    host: Annotated[str, typer.Option(help="Address to listen on.")] = "127.0.0.1",
    port: Annotated[int, typer.Option(help="Port to listen on.")] = 8000,
    base_url: Annotated[str | None, typer.Option(
        "--base-url", help="Public URL when behind a proxy (JWT audiences are checked "
                           "against it).")] = None,
    no_cds_auth: Annotated[bool, typer.Option(
        "--no-cds-auth", help="Accept CDS Hooks calls without a signed JWT (local demos "
                              "only).")] = False,
    workers: Annotated[int, typer.Option(
        min=1, max=64, help="Server processes (one per core serves the most calls).")] = 1,
) -> None:
    """Serve the web app: pages, the JSON API (/docs) and the CDS Hooks service."""
    import os

    import uvicorn

    from osteon.web.app import create_app
    from osteon.web.cds.auth import AuthSettings, load_settings

    auth = AuthSettings(enabled=False) if no_cds_auth else load_settings()
    with open_kb() as kb:  # build the store (and read the seeds) before listening
        kb.update_knowledge()
        path = kb.path
    if not auth.enabled:
        err.print("[yellow]warning:[/] CDS Hooks authentication is OFF: any caller is "
                  "answered. Use this for local demos only.")
    elif not auth.issuers:
        err.print("[yellow]note:[/] no trusted EHR issuers configured (OSTEON_CDS_ISSUERS): "
                  "every CDS Hooks call will be refused with 401.")
    err.print(f"osteon serving on http://{host}:{port}  (pages at /, API docs at /docs, "
              "CDS Hooks at /cds-services; Ctrl-C stops)")
    if workers == 1:
        uvicorn.run(create_app(path, auth=auth, base_url=base_url), host=host, port=port,
                    log_level="warning")
        return
    # Each worker process builds its own app from the environment.
    os.environ.update({"OSTEON_STORE": str(path), "OSTEON_BASE_URL": base_url or "",
                       "OSTEON_CDS_AUTH": "on" if auth.enabled else "off"})
    uvicorn.run("osteon.web.app:create_app", factory=True, host=host, port=port,
                workers=workers, log_level="warning")


@app.command("mcp")
def mcp_command(
    http: Annotated[int | None, typer.Option(
        "--http", min=1, max=65535, metavar="PORT",
        help="Serve the streamable HTTP transport on this port instead of stdio.")] = None,
    host: Annotated[str, typer.Option(help="Address for --http to listen on.")] = "127.0.0.1",
) -> None:
    """Serve osteon to AI assistants over the Model Context Protocol (stdio by default)."""
    from osteon.mcp_server import serve as serve_mcp  # the SDK loads only for this command

    with open_kb() as kb:  # build the store (and read the seeds) before the first call
        kb.update_knowledge()
        path = kb.path
    if http is not None:
        err.print(f"osteon MCP server on http://{host}:{http}/mcp  (Ctrl-C stops)")
    serve_mcp(path, http_port=http, host=host)
