"""Knowledge: claims merged across sources into assertions with belief and conflicts.

What the answering stages (ask, assess, mechanism) can rely on:

- `records.Assertion` / `records.Fact`: one statement with its claims; `belief`
  (independent corroboration), `confidence` and `confirmed` (the measured precision
  of the reading rules behind it: `confirmed` is False for "read, not confirmed",
  which is shown as such and never stated as a fact), and `scope`.
- `reading.records.Scope` (re-exported by `knowledge.scope`): whom a claim or
  assertion is about — `family` ("genetic"/"acquired"), `population` (index-event
  concept ids), `species` ("mouse"); every claim has `Claim.scope`.
  `scope.scope_fits(scope, wanted, hierarchy)` and `scope.claims_in_scope(...)`
  keep to what fits a question; `scope.MOUSE_MODEL` is the mouse-model context.
- `calibration.claim_confidence(claim)`, `calibration.claim_confirmed(claim)`,
  `calibration.NOT_CONFIRMED` (the words to show).
- Conflicts of kind `conflict_rules().figures.kind` ("figures differ"): sources
  giving figures for one measured thing that do not overlap.
"""
