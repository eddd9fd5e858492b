"""The cost of safe files: bounded case reading against a bare ``json.loads``, a checked atomic
write in a crowded folder (10,000 files, scanned for stale temps) against an empty one, and a
leaflet whose 2,000-character note is Japanese (CJK line breaking, split across pages) against
one whose note is English words."""

from __future__ import annotations

import json
import tempfile
from pathlib import Path

from benchmarks.common import EXAMPLES, median_seconds
from livercalc_desktop.atomic import write_atomically
from livercalc_desktop.casefile import read_case_file
from livercalc_desktop.domain.errors import CaseFileError
from livercalc_desktop.knowledge.pathway import bundled_pathway_folder, load_pathway
from livercalc_desktop.leaflet.export import build_leaflet_pdf


def main() -> None:
    pathway = load_pathway(bundled_pathway_folder())
    example = EXAMPLES / "non-isolated.json"
    bare = median_seconds(lambda: pathway.parser.parse(json.loads(example.read_bytes())), 200)
    checked = median_seconds(lambda: read_case_file(example, pathway), 200)
    print(f"read a case: {checked * 1e6:.0f} µs bounded vs {bare * 1e6:.0f} µs bare; ratio {checked / bare:.2f}x")

    data = example.read_bytes()
    with tempfile.TemporaryDirectory() as empty, tempfile.TemporaryDirectory() as crowded:
        for index in range(10_000):
            (Path(crowded) / f"scan-{index}.pdf").touch()
        quiet = median_seconds(lambda: write_atomically(Path(empty) / "c.json", data, CaseFileError), 50)
        busy = median_seconds(lambda: write_atomically(Path(crowded) / "c.json", data, CaseFileError), 50)
    print(f"atomic write: {busy * 1000:.1f} ms in 10,000 files vs {quiet * 1000:.1f} ms alone", end="; ")
    print(f"ratio {busy / quiet:.2f}x")

    case = read_case_file(EXAMPLES / "isolated-pending.json", pathway)
    english = case.with_value("notes.for_patient", ("Your scan went well and we will call you. " * 50)[:2000])
    japanese = case.with_value("notes.for_patient", ("肝臓に小さな明るい点が見つかりました。" * 120)[:2000])
    build_leaflet_pdf(japanese, pathway)  # load the CJK font once
    words = median_seconds(lambda: build_leaflet_pdf(english, pathway), 10)
    cjk = median_seconds(lambda: build_leaflet_pdf(japanese, pathway), 10)
    print(f"leaflet, 2,000-char note: {cjk * 1000:.0f} ms Japanese vs {words * 1000:.0f} ms English", end="; ")
    print(f"ratio {cjk / words:.2f}x")


if __name__ == "__main__":
    main()
