"""The intake's errors, apart from the client so the CLI can name them without importing httpx."""

from __future__ import annotations

from osteon.errors import OsteonError


class EutilsError(OsteonError):
    """The service refused a request, or did not answer after every retry; one line."""


class NoHits(OsteonError):
    """The search found nothing: one line saying so."""
