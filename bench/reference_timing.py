#!/usr/bin/env python3
"""Times the numpy reference (shared/eval/reference_topn.py) on all of ml-latest-small, for the
speed comparisons in docs/performance.md. Prints one JSON object.

  OPENBLAS_NUM_THREADS=1 python3 bench/reference_timing.py als
  python3 bench/reference_timing.py ease          # np.linalg.inv path, OpenBLAS threads as configured
  python3 bench/reference_timing.py cholesky32    # float32 Cholesky factor + inverse (LAPACK spotrf/spotri)
"""
import importlib.util
import json
import os
import sys
import time

import numpy as np

shared = os.environ.get("MARQUEE_SHARED_DIR") or os.path.join(os.path.dirname(__file__), "..", "..", "shared")
spec = importlib.util.spec_from_file_location("reference_topn", os.path.join(shared, "eval", "reference_topn.py"))
ref = importlib.util.module_from_spec(spec)
spec.loader.exec_module(ref)

users, items, ratings = ref.load("ml-latest-small", os.path.join(shared, "datasets"))
full = ref.Split(users, items, ratings, np.zeros(len(users), dtype=bool))  # everything is training data
what = sys.argv[1]
start = time.perf_counter()
if what == "als":
    ref.fit_als(full, alpha=4.0, reg=100.0)
elif what == "ease":
    ref.ease_B(full.X, 500.0)
elif what == "cholesky32":
    from scipy.linalg import lapack
    G = (full.X.T @ full.X).toarray().astype(np.float32)
    G[np.diag_indices_from(G)] += 500.0
    c, info = lapack.spotrf(G, lower=1)
    inv, info2 = lapack.spotri(c, lower=1)
    assert info == 0 and info2 == 0
else:
    raise SystemExit("usage: reference_timing.py als|ease|cholesky32")
seconds = time.perf_counter() - start
print(json.dumps({"what": what, "seconds": round(seconds, 3), "users": full.n_users, "items": full.n_items,
                  "openblas_threads": os.environ.get("OPENBLAS_NUM_THREADS", "default")}))
