"""Leaflet export: in-process time, a batch of 100, and the CLI against a bare reportlab build."""

from __future__ import annotations

import tempfile
from pathlib import Path

from benchmarks.common import EXAMPLES, PY, ROOT, median_seconds, process_seconds
from livercalc_desktop.casefile import read_case_file
from livercalc_desktop.knowledge.pathway import bundled_pathway_folder, load_pathway
from livercalc_desktop.leaflet.export import build_leaflet_pdf

# A like document: same fonts embedded, a three-page story with a table, no LiverCalc code.
BARE_REPORTLAB = f"""
import io
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.platypus import Paragraph, SimpleDocTemplate, Table
fonts = "{ROOT / "resources" / "fonts"}"
for name, file in [("B", "NotoSans-Regular.ttf"), ("BB", "NotoSans-Bold.ttf"), ("C", "DroidSansFallbackFull.ttf")]:
    pdfmetrics.registerFont(TTFont(name, f"{{fonts}}/{{file}}"))
style = ParagraphStyle("b", fontName="B", fontSize=11.5, leading=16)
story = [Paragraph("A bright spot in your baby's liver " * 8, style) for _ in range(30)]
story.append(Table([[Paragraph("Test", style), Paragraph("Where it stands", style)]] * 16))
story.append(Paragraph('<font name="C">王芳</font>', style))
out = io.BytesIO()
SimpleDocTemplate(out, pagesize=A4).build(story)
open("{{out}}", "wb").write(out.getvalue())
"""


def main() -> None:
    pathway = load_pathway(bundled_pathway_folder())
    cases = [read_case_file(p, pathway) for p in sorted(EXAMPLES.glob("*.json"))]
    build_leaflet_pdf(cases[0], pathway)  # fonts registered once per process
    one = median_seconds(lambda: build_leaflet_pdf(cases[3], pathway), 10)
    batch = median_seconds(lambda: [build_leaflet_pdf(cases[i % len(cases)], pathway) for i in range(100)], 1)
    print(f"in-process export: {one * 1000:.0f} ms per leaflet; batch of 100: {batch:.1f} s ({batch * 10:.0f} ms each)")
    with tempfile.TemporaryDirectory() as folder:
        bare_script = Path(folder) / "bare.py"
        bare_script.write_text(BARE_REPORTLAB.replace("{out}", str(Path(folder) / "bare.pdf")))
        bare = process_seconds([PY, str(bare_script)])
        cli = process_seconds(
            [
                PY,
                "-m",
                "livercalc_desktop",
                "export",
                str(EXAMPLES / "liver-mass.json"),
                "-o",
                str(Path(folder) / "x.pdf"),
            ]
        )
    print(
        f"process: bare reportlab build {bare * 1000:.0f} ms; CLI export {cli * 1000:.0f} ms; ratio {cli / bare:.2f}x"
    )


if __name__ == "__main__":
    main()
