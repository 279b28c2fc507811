"""The web face: the JSON API, the pages, and the CDS Hooks service, on FastAPI."""
