"""Reading: concepts, assertion status, relations and numbers from stored sentences.

The lexicon (`lexicon`) names the domain's concepts; the pipeline (`pipeline`,
on medspaCy) finds their mentions and ConText status; `quantities` reads
numbers, ranges, doses and time windows; `relations` turns trigger patterns
into claims with evidence spans.
"""
