"""Load network files with NetworkX and igraph and print what each library read, as JSON.

usage: load.py FILE...   (.gexf, .graphml, .cyjs, or X-edges.csv with X-nodes.csv beside it)
Prints {"FILE": {"networkx": [nodes, edges], "igraph": [nodes, edges]}}; a library that cannot read a
format is absent from that file's entry. Multigraph readers are used throughout, so parallel edges
are counted, not merged. Run by NetworkIT.
"""
import csv
import json
import sys

import igraph
import networkx as nx
import networkx.readwrite.gexf as nx_gexf

# NetworkX 2.8 (Debian 12) knows GEXF up to 1.2draft; 1.3 changed the namespace, and the elements
# this exporter writes are the same in both, so the reader is told the 1.3 namespace.
nx_gexf.GEXF.versions.setdefault("1.3", dict(nx_gexf.GEXF.versions["1.2draft"],
                                             NS_GEXF="http://gexf.net/1.3", NS_VIZ="http://gexf.net/1.3/viz",
                                             VERSION="1.3"))


def counts(g):
    return [g.number_of_nodes(), g.number_of_edges()]


def load(path):
    out = {}
    if path.endswith(".gexf"):
        # NetworkX builds a multigraph as soon as it meets a second edge between two nodes.
        out["networkx"] = counts(nx.read_gexf(path, version="1.3"))
    elif path.endswith(".graphml"):
        out["networkx"] = counts(nx.read_graphml(path, force_multigraph=True))
        g = igraph.Graph.Read_GraphML(path)
        out["igraph"] = [g.vcount(), g.ecount()]
    elif path.endswith(".cyjs"):
        with open(path, encoding="utf-8") as f:
            out["networkx"] = counts(nx.cytoscape_graph(json.load(f)))
    elif path.endswith("-edges.csv"):
        with open(path[: -len("-edges.csv")] + "-nodes.csv", encoding="utf-8") as f:
            nodes = [r["Id"] for r in csv.DictReader(f)]
        with open(path, encoding="utf-8") as f:
            edges = list(csv.DictReader(f))
        directed = all(e["Type"] == "Directed" for e in edges)
        g = nx.MultiDiGraph() if directed else nx.MultiGraph()
        g.add_nodes_from(nodes)
        g.add_edges_from((e["Source"], e["Target"], e["Id"]) for e in edges)
        out["networkx"] = counts(g)
        ig = igraph.Graph(directed=directed)
        ig.add_vertices(nodes)
        ig.add_edges([(e["Source"], e["Target"]) for e in edges])
        out["igraph"] = [ig.vcount(), ig.ecount()]
    return out


if __name__ == "__main__":
    print(json.dumps({p: load(p) for p in sys.argv[1:]}))
