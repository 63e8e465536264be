#!/usr/bin/env python3
"""Cross-check of the entity engine with the shared scorer (when ../shared is present):
annotates the bundled seeds with the project's `annotate` tool, scores them with
shared/eval/score.py, and fails under the bar of the entity issue (F1 >= 0.92 per type,
>= 0.95 overall, district precision and recall 1.0)."""
import json, os, subprocess, sys

root = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
evaldir = sys.argv[1] if len(sys.argv) > 1 else os.path.join(root, "..", "shared", "eval")
seeds = sorted(os.path.join(root, "seeds", f) for f in os.listdir(os.path.join(root, "seeds")) if f.endswith(".txt"))
out = subprocess.run(["cargo", "run", "--release", "--offline", "--quiet", "--bin", "annotate", "--", *seeds],
                     cwd=root, check=True, capture_output=True, text=True).stdout
pred = os.path.join(root, "target", "annotate-seeds.jsonl")
open(pred, "w").write(out)
res = json.loads(subprocess.run([sys.executable, os.path.join(evaldir, "score.py"), os.path.join(evaldir, "gold"), pred, "--json"],
                                check=True, capture_output=True, text=True).stdout)["scores"]
for k, v in res.items():
    print(f"{k:10s} " + " ".join(f"{a}={b:.3f}" for a, b in v.items()))
bad = [t for t in ("person", "org", "place", "date") if res[t]["f1"] < 0.92]
if bad or res["all"]["f1"] < 0.95 or res["districts"]["p"] < 1.0 or res["districts"]["r"] < 1.0:
    print("entity bar not met:", bad or res["all"] or res["districts"], file=sys.stderr)
    sys.exit(1)
print("entity bar met (shared scorer)")
