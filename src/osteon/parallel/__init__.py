"""Reading on many cores and many machines, with one writer.

medspaCy does not support spaCy's multiprocessing (`nlp.pipe(n_process=...)`), so
each worker process builds its own `DocumentReader` once and reads whole documents;
the parent loads documents from the store, hands them out in chunks, takes the
results back in the order it handed them out and is the store's only writer. The
claims and their row order are therefore those of a single-process read.

- `local`: a pool of worker processes on this machine (`osteon read --jobs N`);
- `cluster`: the same chunks as tasks on Dask distributed (`osteon read --cluster`),
  the `cluster` extra;
- `driver`: what both share: which documents, the chunks in order, the writes.

Reading rules are untouched: this package only decides where `DocumentReader.read`
runs, so it lies outside `osteon.reading` and editing it never makes claims stale.
"""

from osteon.parallel.driver import read_parallel

__all__ = ["read_parallel"]
