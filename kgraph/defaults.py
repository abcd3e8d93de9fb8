"""Defaults that the CLI shows in its help, in a module light enough to import at start-up
(the modules that use them, such as :mod:`kgraph.view`, load networkx)."""
from __future__ import annotations

#: ``kgraph view``: hops around NAME, and the most nodes drawn
VIEW_DEPTH = 1
VIEW_MAX_NODES = 2000
#: the page ``kgraph view`` writes into the build's folder unless given --html
VIEW_PAGE = "view.html"

#: hubs: nodes that ``kgraph query neighbors`` and ``kgraph view`` do not go through beyond the
#: first hop unless asked (``--through-hubs``): a party, the government, a ministry, the parliament,
#: and any other node (not a meeting) with more than HUB_DEGREE distinct neighbours. Through them,
#: everyone who shares a party or a government is two hops away, which says nothing about whom one met.
HUB_CLASSES = ("PoliticalParty", "Government", "Ministry", "Parliament")
HUB_DEGREE = 50
