"""The graph as one self-contained HTML page (pyvis node/edge model, vis-network
inlined from the pyvis package, no request leaves the page).

Every string from documents is escaped before it reaches the page, and a
Content-Security-Policy forbids anything but the inline script and style.
"""
from __future__ import annotations

import html
import json
from pathlib import Path
from typing import Any

import networkx as nx
import pyvis

from .graph import KnowledgeGraph
from .io import atomic_write_text

CLASS_STYLE: dict[str, tuple[str, str]] = {  # class -> (colour, shape)
    "Minister": ("#d62728", "star"), "Person": ("#ff7f0e", "dot"), "Municipality": ("#1f77b4", "square"),
    "Region": ("#17becf", "square"), "County": ("#9edae5", "triangle"), "CountyAdministrativeBoard": ("#2ca02c", "square"),
    "Ministry": ("#8c564b", "diamond"), "Government": ("#5b3a29", "diamond"), "Parliament": ("#5b3a29", "diamond"),
    "GovernmentAgency": ("#bcbd22", "diamond"), "Association": ("#9467bd", "hexagon"), "PoliticalParty": ("#e377c2", "triangleDown"),
    "Company": ("#7f7f7f", "hexagon"), "Organization": ("#c7c7c7", "hexagon"), "Place": ("#98df8a", "triangle"),
    "Meeting": ("#ffbb78", "ellipse"), "Topic": ("#aec7e8", "box"), "Document": ("#dddddd", "text"),
}
DEFAULT_MAX_NODES = 2000


def _vis_js() -> str:
    base = Path(pyvis.__file__).parent
    for cand in sorted(base.glob("**/vis-network.min.js"), reverse=True):
        return cand.read_text(encoding="utf-8")
    raise FileNotFoundError("vis-network.min.js not found in the pyvis package")


def _main_class(d: dict[str, Any]) -> str:
    cls = d.get("cls", [])
    for c in ("Minister", "Person"):
        if c in cls:
            return c
    return cls[0] if cls else "Organization"


def select_nodes(kg: KnowledgeGraph, center: str | None = None, depth: int = 1, types: tuple[str, ...] = (),
                 max_nodes: int = DEFAULT_MAX_NODES) -> tuple[list[str], int]:
    """The nodes to draw (no documents or posts), most connected first; returns (nodes, left out)."""
    g = kg.g
    nodes = [n for n, d in g.nodes(data=True) if d.get("kind") in ("entity", "meeting", "topic")]
    if center:
        und = nx.Graph(g.to_undirected(as_view=True))
        reach = nx.single_source_shortest_path_length(und, center, cutoff=depth * 2)
        nodes = [n for n in nodes if n in reach]
    if types:
        nodes = [n for n in nodes if set(types) & set(g.nodes[n].get("cls", []))]
    deg = {n: g.degree(n) for n in nodes}
    nodes.sort(key=lambda n: (-deg[n], n))
    left = max(0, len(nodes) - max_nodes)
    return sorted(nodes[:max_nodes]), left


def _facts(kg: KnowledgeGraph, n: str, limit: int = 8) -> list[str]:
    out = []
    for s, o, p, d in list(kg.g.out_edges(n, keys=True, data=True)) + list(kg.g.in_edges(n, keys=True, data=True)):
        if p == "mentionedIn":
            continue
        ev = (d.get("evidence") or [{}])[0]
        out.append(f"{kg.label(s)} {p} {kg.label(o)} — {ev.get('sentence', '')}")
        if len(out) >= limit:
            break
    for p, vals in kg.node(n).get("literals", {}).items():
        for v in vals:
            out.append(f"{p}: {v}")
    return out


def render_html(kg: KnowledgeGraph, center: str | None = None, depth: int = 1, types: tuple[str, ...] = (),
                max_nodes: int = DEFAULT_MAX_NODES, title: str = "kgraph") -> str:
    nodes, left = select_nodes(kg, center, depth, types, max_nodes)
    keep = set(nodes)
    sub = kg.g.subgraph(keep)
    pos = nx.spring_layout(nx.Graph(sub), seed=7, iterations=60) if len(nodes) > 1 else {n: (0.0, 0.0) for n in nodes}
    scale = 120 * max(4.0, len(nodes) ** 0.5)
    vnodes = []
    for n in nodes:
        d = kg.node(n)
        cls = _main_class(d)
        colour, shape = CLASS_STYLE.get(cls, ("#c7c7c7", "dot"))
        docs = [kg.node(x).get("file_name", x) for x in d.get("docs", []) if x in kg.g]
        tip = "\n".join([f"{d.get('label', n)} ({cls})", *(_facts(kg, n)), "Källor: " + ", ".join(docs)])
        x, y = pos[n]
        vnodes.append({"id": n, "label": d.get("label", n), "title": tip, "group": cls, "color": colour,
                       "shape": shape, "value": 1 + kg.g.degree(n), "x": float(x) * scale, "y": float(y) * scale})
    vedges = []
    for s, o, p, d in sub.edges(keys=True, data=True):
        ev = (d.get("evidence") or [{}])[0]
        vedges.append({"from": s, "to": o, "label": p, "title": ev.get("sentence", ""), "arrows": "to"})
    data = json.dumps({"nodes": vnodes, "edges": vedges, "left": left,
                       "legend": sorted({_main_class(kg.node(n)) for n in nodes})}, ensure_ascii=False)
    data = data.replace("</", "<\\/")
    return PAGE.format(title=html.escape(title), js=_vis_js().replace("</script", "<\\/script"), data=data,
                       styles=json.dumps({k: v[0] for k, v in CLASS_STYLE.items()}))


def write_html(kg: KnowledgeGraph, path: Path, **kw: Any) -> None:
    atomic_write_text(path, render_html(kg, **kw))


PAGE = """<!DOCTYPE html>
<html lang="sv"><head><meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; script-src 'unsafe-inline'; style-src 'unsafe-inline'; img-src data:">
<title>{title}</title>
<style>
body{{margin:0;font-family:system-ui,sans-serif}} #bar{{padding:6px;background:#f4f4f4;border-bottom:1px solid #ccc}}
#net{{width:100%;height:calc(100vh - 90px)}} #legend span{{display:inline-block;margin-right:10px}}
#legend i{{display:inline-block;width:10px;height:10px;margin-right:3px}} #info{{font-size:12px;color:#555}}
</style></head><body>
<div id="bar"><input id="search" placeholder="Sök namn…"> <span id="legend"></span> <div id="info"></div></div>
<div id="net"></div>
<script>{js}</script>
<script>
const DATA = {data};
const COLORS = {styles};
const nodes = new vis.DataSet(DATA.nodes);
const edges = new vis.DataSet(DATA.edges);
const net = new vis.Network(document.getElementById('net'), {{nodes, edges}},
  {{physics: false, interaction: {{hover: true}}, nodes: {{scaling: {{min: 8, max: 40}}, font: {{size: 14}}}},
    edges: {{font: {{size: 9}}, color: {{color: '#bbb'}}}}}});
const legend = document.getElementById('legend');
for (const c of DATA.legend) {{
  const s = document.createElement('span'); const i = document.createElement('i');
  i.style.background = COLORS[c] || '#ccc'; s.appendChild(i); s.appendChild(document.createTextNode(c));
  legend.appendChild(s);
}}
document.getElementById('info').textContent = DATA.nodes.length + ' noder' +
  (DATA.left ? ' (' + DATA.left + ' mindre centrala utelämnade)' : '');
document.getElementById('search').addEventListener('input', (e) => {{
  const q = e.target.value.toLowerCase();
  nodes.update(DATA.nodes.map(n => ({{id: n.id, hidden: q !== '' && !n.label.toLowerCase().includes(q)}})));
}});
window.kgraphNetwork = net;
</script></body></html>
"""
