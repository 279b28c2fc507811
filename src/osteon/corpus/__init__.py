"""Corpus: documents in, cleaned sections and sentences with exact offsets out.

Loaders per format (`formats`), cleaning of page chrome (`chrome`), layout of
lines into blocks (`layout`), sentence splitting (`sentences`), the SQLite
store (`store`) and the ingest orchestration (`ingest`).
"""
