"""Defaults that the CLI shows in its help, in a module light enough to import at start-up
(the modules that use them, such as :mod:`kgraph.view`, load networkx)."""
from __future__ import annotations

#: ``kgraph view``: hops around NAME, and the most nodes drawn
VIEW_DEPTH = 1
VIEW_MAX_NODES = 2000
