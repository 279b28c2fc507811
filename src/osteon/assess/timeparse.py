"""Dates and times as patients' records write them, made timezone-aware.

FHIR allows "2025", "2025-03", "2025-03-10" and full date-times; a deadline
computed from a day without a time is approximate, so the parser says which
it got. Times without a zone are read as UTC (and the caller warns).
"""

from __future__ import annotations

import re
from datetime import UTC, date, datetime

_PARTIAL = re.compile(r"(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?\Z")


def parse_when(value: str | date | datetime | None) -> tuple[datetime | None, bool, bool]:
    """(moment in UTC, date_only, zone_missing); ValueError naming the text when unreadable."""
    if value is None:
        return None, False, False
    if isinstance(value, datetime):
        return _aware(value)
    if isinstance(value, date):
        return datetime(value.year, value.month, value.day, tzinfo=UTC), True, False
    text = value.strip()
    partial = _PARTIAL.match(text)
    if partial:
        year, month, day = (int(g) if g else 1 for g in partial.groups())
        return datetime(year, month, day, tzinfo=UTC), True, False
    try:
        parsed = datetime.fromisoformat(text.replace("Z", "+00:00"))
    except ValueError:
        raise ValueError(f"{text!r} is not a date or date-time (use ISO 8601, e.g. "
                         "2025-03-10T09:30:00Z)") from None
    return _aware(parsed)


def _aware(moment: datetime) -> tuple[datetime, bool, bool]:
    if moment.tzinfo is None:
        return moment.replace(tzinfo=UTC), False, True
    return moment.astimezone(UTC), False, False


def parse_at(value: str | datetime | None) -> datetime:
    """The assessment time: `--at` or now; a bare date means its start (UTC)."""
    if value is None:
        return datetime.now(UTC)
    moment, _, _ = parse_when(value)
    assert moment is not None
    return moment
