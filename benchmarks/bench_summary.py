"""Clinician summary export against the leaflet's, in the same run: in-process, the note, and the CLI."""

from __future__ import annotations

import tempfile
from pathlib import Path

from benchmarks.common import EXAMPLES, PY, median_seconds, process_seconds
from livercalc_desktop.casefile import read_case_file
from livercalc_desktop.knowledge.pathway import bundled_pathway_folder, load_pathway
from livercalc_desktop.leaflet.export import build_leaflet_pdf
from livercalc_desktop.summary.export import build_summary_pdf, summary_text


def main() -> None:
    pathway = load_pathway(bundled_pathway_folder())
    cases = [read_case_file(p, pathway) for p in sorted(EXAMPLES.glob("*.json"))]
    build_leaflet_pdf(cases[0], pathway)  # fonts registered once per process, for both
    build_summary_pdf(cases[0], pathway)
    leaflet = median_seconds(lambda: [build_leaflet_pdf(c, pathway) for c in cases], 5) / len(cases)
    summary = median_seconds(lambda: [build_summary_pdf(c, pathway) for c in cases], 5) / len(cases)
    note = median_seconds(lambda: [summary_text(c, pathway) for c in cases], 5) / len(cases)
    print(
        f"in-process, mean of {len(cases)} example cases: leaflet {leaflet * 1000:.1f} ms, "
        f"summary {summary * 1000:.1f} ms (ratio {summary / leaflet:.2f}x), note {note * 1000:.1f} ms "
        f"({note / leaflet:.2f}x the leaflet)"
    )
    with tempfile.TemporaryDirectory() as folder:
        case = str(EXAMPLES / "non-isolated.json")
        out = str(Path(folder) / "x.pdf")
        cli_leaflet = process_seconds([PY, "-m", "livercalc_desktop", "export", case, "-o", out])
        cli_summary = process_seconds([PY, "-m", "livercalc_desktop", "summary", case, "-o", out])
        cli_text = process_seconds([PY, "-m", "livercalc_desktop", "summary", case, "--text"])
    print(
        f"process: CLI export {cli_leaflet * 1000:.0f} ms; CLI summary {cli_summary * 1000:.0f} ms "
        f"(ratio {cli_summary / cli_leaflet:.2f}x); summary --text {cli_text * 1000:.0f} ms "
        f"({cli_text / cli_leaflet:.2f}x)"
    )


if __name__ == "__main__":
    main()
