"""Engine evaluations per second, and whole-process `assess` against `python -c pass`."""

from __future__ import annotations

import time

from benchmarks.common import EXAMPLES, PY, median_seconds, process_seconds
from livercalc_desktop.casefile import read_case_file
from livercalc_desktop.engine.evaluate import assess
from livercalc_desktop.knowledge.pathway import bundled_pathway_folder, load_pathway


def main() -> None:
    pathway = load_pathway(bundled_pathway_folder())
    cases = [read_case_file(p, pathway) for p in sorted(EXAMPLES.glob("*.json"))]
    rounds = 2000
    start = time.perf_counter()
    for _ in range(rounds):
        for case in cases:
            assess(case, pathway)
    elapsed = time.perf_counter() - start
    per_second = rounds * len(cases) / elapsed
    print(f"engine: {per_second:,.0f} evaluations/s ({1e6 / per_second:.0f} µs each) over {len(cases)} demo cases")
    load = median_seconds(lambda: load_pathway(bundled_pathway_folder()), 20)
    print(f"knowledge base load: {load * 1000:.1f} ms")
    baseline = process_seconds([PY, "-c", "pass"])
    cli = process_seconds([PY, "-m", "livercalc_desktop", "assess", str(EXAMPLES / "non-isolated.json"), "--json"])
    print(
        f"process: python -c pass {baseline * 1000:.0f} ms; assess --json {cli * 1000:.0f} ms; "
        f"ratio {cli / baseline:.1f}x"
    )


if __name__ == "__main__":
    main()
