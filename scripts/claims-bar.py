#!/usr/bin/env python3
"""Cross-check of the claims engine with the shared scorer (when ../shared is present):
`annotate --claims` on the bundled seeds, scored by shared/eval/score_claims.py, must meet
the bars that tests/integration/claims.rs sets for the seeds with the project's own port."""
import json, os, subprocess, sys

root = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
evaldir = sys.argv[1] if len(sys.argv) > 1 else os.path.join(root, "..", "shared", "eval")
seeds = sorted(os.path.join(root, "seeds", f) for f in os.listdir(os.path.join(root, "seeds")) if f.endswith(".txt"))
out = subprocess.run(["cargo", "run", "--release", "--offline", "--quiet", "--bin", "annotate", "--", "--claims", *seeds],
                     cwd=root, check=True, capture_output=True, text=True).stdout
pred = os.path.join(root, "target", "annotate-claims-seeds.jsonl")
open(pred, "w").write(out)
res = json.loads(subprocess.run([sys.executable, os.path.join(evaldir, "score_claims.py"), os.path.join(evaldir, "claims", "gold"), pred, "--json"],
                                check=True, capture_output=True, text=True).stdout)["scores"]
for k, v in res.items():
    print(f"{k:15s} " + " ".join(f"{a}={b}" for a, b in v.items()))
if res["figures"]["f1"] < 0.93 or res["control_events"]["f1"] < 0.97:
    print("claims bar not met (shared scorer)", file=sys.stderr)
    sys.exit(1)
print("claims bar met (shared scorer)")
