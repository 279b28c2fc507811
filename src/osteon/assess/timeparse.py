"""Dates and times as patients' records write them, made timezone-aware.

FHIR allows "2025", "2025-03", "2025-03-10" and full date-times; a deadline
computed from a day without a time is approximate, so the parser says which
it got. Times without a zone are read as UTC (and the caller warns).

Python's calendar ends at 9999-12-31: a moment near either end cannot be moved
to UTC or have a 48-hour window added without an OverflowError. So a moment
is read only when it lies inside the years the rules file allows
(`earliest_year`–`latest_year`), and `shift` moves a moment by a duration or
says it cannot (None) — never a traceback.
"""

from __future__ import annotations

import re
from datetime import UTC, date, datetime, timedelta

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
        try:
            return datetime(year, month, day, tzinfo=UTC), True, False
        except ValueError as exc:  # year 0, month 13, 30 February
            raise ValueError(f"{text!r} is not a valid date ({exc})") from None
    try:
        parsed = datetime.fromisoformat(text.replace("Z", "+00:00"))
    except ValueError:
        raise ValueError(f"{text!r} is not a date or date-time (use ISO 8601, e.g. "
                         "2025-03-10T09:30:00Z)") from None
    return _aware(parsed)


def _aware(moment: datetime) -> tuple[datetime, bool, bool]:
    if moment.tzinfo is None:
        return moment.replace(tzinfo=UTC), False, True
    try:
        return moment.astimezone(UTC), False, False
    except OverflowError:  # 9999-12-31T23:00-05:00 is past the end of the calendar in UTC
        raise ValueError(f"{moment.isoformat()!r} is outside the calendar once moved "
                         "to UTC") from None


def check_years(moment: datetime, earliest: int, latest: int, what: str) -> None:
    """ValueError unless `moment` lies in the years earliest..latest (inclusive)."""
    if not earliest <= moment.year <= latest:
        raise ValueError(f"{what} {moment:%Y-%m-%d} is outside the years {earliest}–{latest} "
                         "osteon computes dates for")


def shift(moment: datetime, delta: timedelta) -> datetime | None:
    """`moment + delta`, or None when that falls outside the calendar."""
    try:
        return moment + delta
    except OverflowError:
        return None


def parse_at(value: str | datetime | None, earliest: int = 1, latest: int = 9999
             ) -> datetime:
    """The assessment time: `--at` or now; a bare date means its start (UTC).

    ValueError when unreadable or outside the years earliest..latest.
    """
    if value is None:
        moment: datetime | None = datetime.now(UTC)
    else:
        moment, _, _ = parse_when(value)
    assert moment is not None
    check_years(moment, earliest, latest, "the assessment time")
    return moment


def local_day(value: str | date | datetime | None) -> date | None:
    """The calendar day a date or time is written in, in its own zone (None if unreadable).

    A note written 2027-08-04T07:00+09:00 is of 4 August where it was written, though in
    UTC it is still 3 August: days counted in it ("POD2") count from its own day.
    """
    if value is None or isinstance(value, datetime):
        return value.date() if value is not None else None
    if isinstance(value, date):
        return value
    try:
        return datetime.fromisoformat(value.strip().replace("Z", "+00:00")).date()
    except ValueError:
        try:
            when, _, _ = parse_when(value)  # a year or year-month only
        except ValueError:
            return None
        return when.date() if when is not None else None
