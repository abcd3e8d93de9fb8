"""The steps of the extract pipeline, one module each (see :mod:`kgraph.extract.pipeline`)."""
