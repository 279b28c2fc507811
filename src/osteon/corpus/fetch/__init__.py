"""Literature intake from NCBI: PubMed abstracts and PubMed Central open-access full text.

Small modules, one job each: `limiter` (NCBI's request rate), `eutils` (the
E-utilities client: history server, batches, retries), `records` (efetch XML
into documents, one bad record never sinking a batch), `state` (what was
fetched, when, and how far a run got, in the store) and `intake` (the run:
search, skip what is stored, fetch the rest, ingest it).
"""
