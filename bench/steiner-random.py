#!/usr/bin/env python3
"""Seeded SteinLib-D-like instances (random connected graph, integer costs 1..10, random terminals) for the held-back
Steiner check: their optima are unknown, so old and new solvers are compared at the same budget.
usage: bench/steiner-random.py OUTDIR   (writes r01.stp .. r06.stp; the same files every time)"""
import os, random, sys

SPECS = [  # name, nodes, edges, terminals, seed
    ("r01", 1000, 25000, 167, 101), ("r02", 1000, 25000, 250, 102), ("r03", 1000, 25000, 100, 103),
    ("r04", 1000, 25000, 333, 104), ("r05", 1000, 5000, 167, 105), ("r06", 1000, 25000, 200, 106),
]

def instance(n, m, t, seed):
    rng = random.Random(seed)
    order = list(range(n))
    rng.shuffle(order)
    edges = set()
    for i in range(1, n):
        u, v = order[i], order[rng.randrange(i)]
        edges.add((min(u, v), max(u, v)))
    while len(edges) < m:
        u, v = rng.randrange(n), rng.randrange(n)
        if u != v:
            edges.add((min(u, v), max(u, v)))
    listed = sorted(edges)
    rng.shuffle(listed)
    costs = [rng.randint(1, 10) for _ in listed]
    terminals = sorted(rng.sample(range(n), t))
    return listed, costs, terminals

def main(out):
    os.makedirs(out, exist_ok=True)
    for name, n, m, t, seed in SPECS:
        edges, costs, terminals = instance(n, m, t, seed)
        with open(os.path.join(out, name + ".stp"), "w") as f:
            f.write("33D32945 STP File, STP Format Version 1.0\n\nSECTION Comment\n")
            f.write(f'Name "{name}"\nRemark "random, seed {seed}"\nEND\n\nSECTION Graph\n')
            f.write(f"Nodes {n}\nEdges {m}\n")
            for (u, v), c in zip(edges, costs):
                f.write(f"E {u + 1} {v + 1} {c}\n")
            f.write(f"END\n\nSECTION Terminals\nTerminals {t}\n")
            for x in terminals:
                f.write(f"T {x + 1}\n")
            f.write("END\n\nEOF\n")

if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else "/tmp/steiner-random")
