"""Paths and times the assess tests share (imported by name: tests/ is no package)."""

from __future__ import annotations

from pathlib import Path

PATIENTS = Path(__file__).parents[1] / "data" / "patients"
SYNTHEA = Path(__file__).parents[1] / "data" / "fhir"
THA_AT = "2025-03-11T06:00:00Z"
"""Day 1 after the right total hip arthroplasty of 2025-03-10 09:30 UTC (20.5 h later)."""
LATER_AT = "2025-03-04T12:00:00Z"
"""Six weeks after the spinal cord injury of 2025-01-21; a month after the tibial fracture."""
