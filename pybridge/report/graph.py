"""The dependency graph of the claims, drawn by Graphviz as inline SVG.

One node per registered claim, filled by its status in this run, with a thick solid border
when the claim is fully backed (it and everything it uses proved or certified) and a dashed
border otherwise; one edge ``A -> B`` for every ``B`` in ``A.uses``; claims grouped by domain.
Every node links to ``#claim-<id>``, its entry in ``report.html``.

The DOT source is built with the ``graphviz`` Python package; the layout is Graphviz ``dot``
(Debian package ``graphviz``), run through the one subprocess boundary
(:func:`pybridge.runtime.runner.run_tool`: timeout :data:`DOT_TIMEOUT`, memory limit, own process group,
death with prunegap), with the command line the package's ``pipe`` uses (``dot -Kdot -Tsvg``).
Without ``dot``, or when it fails or times out, the report says so and lists the dependencies
as text: the drawing is missing, never faked.
"""

from __future__ import annotations

import re
import sys
from dataclasses import dataclass

from pybridge.errors import ToolNotFoundError, ToolTimeoutError
from pybridge.runtime.runner import run_tool
from pybridge.validation import check_mapping, check_text

__all__ = ["STATUS_COLOURS", "GraphDrawing", "dependency_dot", "draw_dependency_graph", "anchor", "DOT_TIMEOUT"]

#: seconds ``dot`` may take to lay out the graph (about 0.1 s for 70 claims)
DOT_TIMEOUT = 60.0

#: status -> (fill colour, text colour); colour-blind-safe ramp from proved (dark) to violated (red)
STATUS_COLOURS = {
    "proved in Coq": ("#1a9850", "#ffffff"),
    "claim certified": ("#91cf60", "#000000"),
    "value certified": ("#b8e186", "#000000"),
    "checked exactly on instances": ("#d9ef8b", "#000000"),
    "checked by Monte Carlo": ("#fee08b", "#000000"),
    "stated only": ("#e0e0e0", "#000000"),
    "not run": ("#ffffff", "#000000"),
    "check failed": ("#f46d43", "#000000"),
    "violated": ("#d73027", "#ffffff"),
}


def anchor(claim_id: str) -> str:
    """The HTML id of a claim's entry (``claim-<id>``)."""
    return f"claim-{check_text('claim_id', claim_id, max_len=1000)}"


@dataclass(frozen=True)
class GraphDrawing:
    """The drawn graph: ``svg`` (an ``<svg>`` element) or ``None`` with the ``problem`` that prevented it."""

    dot: str
    svg: str | None
    problem: str | None


def _tooltip(text: str) -> str:
    return re.sub(r"\s+", " ", text.replace("\\", "/").replace('"', "'"))[:300]


def dependency_dot(claims, statuses, backing, domain_of=None) -> str:
    """Graphviz source of the dependency graph.

    Parameters
    ----------
    claims : Mapping[str, Claim]
        The registry (node per claim, edges from ``uses``).
    statuses : Mapping[str, str]
        ``{claim id: status}`` of this run.
    backing : Mapping[str, Backing]
        From :func:`pybridge.claims.derive_backing`.
    domain_of : Mapping[str, str], optional
        ``{claim id: domain}``; claims are clustered by domain when given.

    Returns
    -------
    str
        DOT source (``digraph blueprint``).
    """
    from pybridge.claims import Backing, Claim

    check_mapping("claims", claims, values=Claim)
    check_mapping("statuses", statuses, values=str, what="status string")
    check_mapping("backing", backing, values=Backing)
    if domain_of is not None:
        check_mapping("domain_of", domain_of, values=str, what="domain name")
    import graphviz

    g = graphviz.Digraph("blueprint", graph_attr={"rankdir": "LR", "nodesep": "0.12", "ranksep": "0.5",
                                                  "fontname": "Helvetica", "fontsize": "11", "bgcolor": "white",
                                                  "newrank": "true"},
                         node_attr={"shape": "box", "style": "rounded,filled", "fontname": "Helvetica",
                                    "fontsize": "10", "height": "0.3", "margin": "0.08,0.03"},
                         edge_attr={"color": "#555555", "arrowsize": "0.6"})
    groups: dict[str, list[str]] = {}
    for cid in claims:
        groups.setdefault((domain_of or {}).get(cid, ""), []).append(cid)
    for domain, ids in groups.items():
        target = g
        sub = None
        if domain:
            sub = graphviz.Digraph(f"cluster_{domain}", graph_attr={
                "label": domain, "style": "rounded,dashed", "color": "#999999", "fontcolor": "#555555"})
            target = sub
        for cid in ids:
            status = statuses.get(cid, "not run")
            fill, ink = STATUS_COLOURS.get(status, ("#ffffff", "#000000"))
            b = backing[cid]
            target.node(cid, label=cid, id=f"node-{cid}", URL=f"#{anchor(cid)}", target="_self",
                        tooltip=_tooltip(f"{cid}: {status}; {b.sentence()}"),
                        fillcolor=fill, fontcolor=ink,
                        color="#000000" if b.fully_backed else "#444444",
                        penwidth="2.2" if b.fully_backed else "1.0",
                        style="rounded,filled" if b.fully_backed else "rounded,filled,dashed")
        if sub is not None:
            g.subgraph(sub)
    for cid, claim in claims.items():
        for dep in claim.uses:
            g.edge(cid, dep, id=f"edge-{cid}--{dep}")
    return g.source


def draw_dependency_graph(claims, statuses, backing, domain_of=None) -> GraphDrawing:
    """Lay out :func:`dependency_dot` with Graphviz ``dot`` into an inline ``<svg>`` element.

    Returns
    -------
    GraphDrawing
        ``svg`` is ``None`` when ``dot`` is not installed, fails or times out; ``problem`` then says
        why in one line.
    """
    dot = dependency_dot(claims, statuses, backing, domain_of)
    try:
        run = run_tool(["dot", "-Kdot", "-Tsvg"], input=dot, encoding="utf-8", timeout=DOT_TIMEOUT, check=False)
    except ToolNotFoundError:
        return GraphDrawing(dot, None, "Graphviz `dot` is not installed (Debian package graphviz): "
                                       "the graph is not drawn; its edges are listed below")
    except ToolTimeoutError:
        return GraphDrawing(dot, None, f"Graphviz `dot` timed out after {DOT_TIMEOUT:g} s: the graph is not drawn")
    if run.stderr:  # dot's messages, shown as the graphviz package's pipe shows them
        sys.stderr.write(run.stderr)
    if run.returncode != 0:
        return GraphDrawing(dot, None, f"Graphviz `dot` failed (exit {run.returncode}): "
                                       "the graph is not drawn")
    svg = run.stdout
    start = svg.find("<svg")
    return GraphDrawing(dot, svg[start:] if start >= 0 else svg, None)
