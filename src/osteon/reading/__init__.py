"""Reading: concepts, assertion status, relations and numbers from stored sentences.

- `lexicon` (with `terms` for normalisation and plurals, `lexicon_schema` for the data
  file format) names the domain's concepts;
- `pipeline` (medspaCy: target matcher and ConText) finds their mentions and the cues
  that negate or hedge them;
- `quantities` (with `quantity_rules`, `quantity_patterns`, `quantity_anchors`) reads
  numbers, ranges, doses and time windows;
- `relation_rules` (the rule file), `relations` (the extractor), `arguments` (subjects
  and objects around a trigger), `virtual_mentions` (elided heads, anaphors),
  `claim_assembly` (polarity, evidence, qualifiers) and `trigger_filter` turn trigger
  patterns into claims with evidence spans; `sections` says what a heading is about;
- `reader` reads whole documents into typed `ReadResult`s (it writes no table: the
  claim tables are knowledge's, `knowledge.claim_store`); `evaluate` scores the
  claims against a gold file.
"""
