"""What a reader sees on the printed page: margins, boxes, the header, page breaks (leaflet-look review).

Every demo case is printed in every shipped language on A4 and US Letter and read back from
the PDF: text positions (pypdf), never the renderer's own numbers.
"""

from __future__ import annotations

import functools
import json
import unicodedata
from typing import Any

import pytest
from reportlab.lib.units import mm

from livercalc_desktop.casefile import parse_case_text
from livercalc_desktop.knowledge.pathway import Pathway, bundled_pathway_folder, load_pathway
from livercalc_desktop.leaflet.content import LeafletContent
from livercalc_desktop.leaflet.letterhead import ClinicDetails
from livercalc_desktop.leaflet.pages import MARGIN
from tests.conftest import EXAMPLES
from tests.conftest import run_app as run
from tests.leaflet_helpers import TODAY, leaflet, pdf_reader, runs_on_page
from tests.test_summary_cli import png
from tests.test_translations import DEMOS, SHIPPED, content_for, demo

LANGUAGES = ("en", *SHIPPED)
PAPERS = ("a4", "letter")
ARABIC_NOTE = (
    "نظرنا اليوم بعناية إلى كبد طفلك. البقعة اللامعة صغيرة ولم نر أي شيء آخر يقلقنا. "
    "معظم الأطفال الذين لديهم بقعة كهذه يولدون بصحة جيدة ولا يحتاجون إلى علاج. "
    "يرجى حجز الفحص القادم في الاستقبال قبل أن تعودي إلى البيت. "
) * 9  # about 1,900 characters (2,000 at most): a note that runs on to a second page
LONG_CLINIC = "Department of Fetal Medicine and Prenatal Diagnosis, Saint Bartholomew's Hospital " * 2


@functools.cache
def _pathway() -> Pathway:
    return load_pathway(bundled_pathway_folder())


@functools.cache
def _printed(name: str, language: str, paper: str) -> tuple[bytes, LeafletContent]:
    """One demo leaflet, built once for every test here that reads it."""
    pathway = _pathway()
    case = demo(pathway, name, language)
    return leaflet(pathway, case, paper=paper), content_for(pathway, case, language)


def _pages(pdf: bytes) -> list[list[tuple[float, float, str]]]:
    return [runs_on_page(pdf, page) for page in range(len(pdf_reader(pdf).pages))]


def _squeezed(text: str) -> str:
    return "".join(unicodedata.normalize("NFKC", text).split())


MATRIX = [(name, language, paper) for name in DEMOS for language in LANGUAGES for paper in PAPERS]


@pytest.mark.parametrize(("name", "language", "paper"), MATRIX)
def test_no_text_starts_left_of_the_margin(name, language, paper):
    """The Spanish timeline's "después del parto" started 21 points into the left margin."""
    pdf, _ = _printed(name, language, paper)
    outside = [
        (page + 1, round(x), text) for page, runs in enumerate(_pages(pdf)) for x, _, text in runs if x < MARGIN - 0.5
    ]
    assert outside == []


@pytest.mark.parametrize(("name", "language", "paper"), MATRIX)
def test_each_reference_is_printed_whole_on_one_page(name, language, paper):
    """A reference split 2 + 1 (English) or 1 + 1 (Arabic) left one line alone on a page."""
    pdf, content = _printed(name, language, paper)
    pages = [_squeezed(page.extract_text()) for page in pdf_reader(pdf).pages]
    for reference in content.references:
        head, tail = _squeezed(reference)[:24], _squeezed(reference).rstrip(".")[-12:]
        assert any(head in page and tail in page for page in pages), reference


@pytest.mark.parametrize(("name", "language", "paper"), MATRIX)
def test_the_disclaimer_never_stands_alone_on_the_last_page(name, language, paper):
    """The disclaimer alone on page 5 of an English leaflet, or page 6 of a Spanish one, looked misprinted."""
    pdf, content = _printed(name, language, paper)
    last = _squeezed(pdf_reader(pdf).pages[-1].extract_text())
    assert _squeezed(content.disclaimer)[:20] in last
    assert _squeezed(content.references[-1])[:24] in last  # the last reference comes with it


@pytest.mark.parametrize(
    ("name", "language", "paper"),
    [
        ("peritoneal-isolated", "en", "a4"),
        ("isolated-pending", "es", "a4"),
        # The tighter setting fitted the closing lines on page 4, but the zero-size mark after
        # them then started a blank page 5 of its own, so the tighter setting saved no page.
        ("isolated-reassuring", "en", "letter"),
    ],
)
def test_a_page_that_would_hold_only_the_disclaimer_is_saved(name, language, paper):
    pdf, _ = _printed(name, language, paper)
    height = float(pdf_reader(pdf).pages[0].mediabox.height)
    body = [y for _, y, _ in runs_on_page(pdf, len(pdf_reader(pdf).pages) - 1) if MARGIN < y < height - MARGIN]
    assert len(pdf_reader(pdf).pages) <= 5
    assert min(body) < height * 0.7, "the last page holds more than a few lines"


@pytest.mark.parametrize("name", ["isolated-pending", "peritoneal-isolated"])
def test_a_long_arabic_note_prints_inside_its_box_across_pages(pathway, name):
    """Split at the table's full width, the note ran 20 points out of its box; for one demo the export crashed."""
    data = json.loads((EXAMPLES / f"{name}.json").read_text(encoding="utf-8"))
    data["patient"]["language"] = "ar"
    data["notes"] = {"for_patient": ARABIC_NOTE}
    case = parse_case_text(json.dumps(data), pathway, f"{name}.json", TODAY)
    pdf = leaflet(pathway, case)
    note_words = {word.strip(".") for word in ARABIC_NOTE.split()}
    note_lines = [
        (page, x)
        for page, runs in enumerate(_pages(pdf))
        for x, _, text in runs
        if len(text.split()) > 1 and {word.strip(".") for word in text.split()} <= note_words
    ]
    assert len({page for page, _ in note_lines}) == 2  # the note runs on to the next page
    assert min(x for _, x in note_lines) >= MARGIN + 10 - 0.5  # inside the box's padding, as every line of it


def test_a_long_clinic_name_is_cut_to_its_half_of_an_arabic_header(pathway):
    """Right to left, a 200-character clinic name ran over the title and off the page."""
    case = demo(pathway, "isolated-pending", "ar")
    pdf = leaflet(pathway, case, clinic=ClinicDetails(LONG_CLINIC[:200], "x"))
    page = pdf_reader(pdf).pages[0]
    width, height = float(page.mediabox.width), float(page.mediabox.height)
    header = [(x, text) for x, y, text in runs_on_page(pdf, 0) if y > height - MARGIN]
    clinic = "".join(text for x, text in header if x < width / 2)
    assert clinic.strip().endswith("...")  # NFKC of "…"
    assert len(clinic.strip()) < 80
    assert all(x < width / 2 - 6 or x > width / 2 for x, _ in header)
    title = content_for(pathway, case, "ar").title
    assert any(text.strip() in (title, title[::-1]) for x, text in header if x > width / 2)


@pytest.mark.parametrize(("name", "language", "paper"), MATRIX)
def test_every_page_but_the_last_is_well_filled(name, language, paper):
    """Nothing pushes a section on early: the closing lines once left page 5 of 6 holding only two references."""
    pdf, _ = _printed(name, language, paper)
    pages = pdf_reader(pdf).pages
    height = float(pages[0].mediabox.height)
    frame_top, frame_bottom = height - MARGIN - 8 * mm, MARGIN + 4 * mm
    for page in range(len(pages) - 1):
        lowest = min(y for _, y, _ in runs_on_page(pdf, page) if MARGIN < y < height - MARGIN)
        filled = (frame_top - lowest) / (frame_top - frame_bottom)
        assert filled > 0.4, f"page {page + 1} is {filled:.0%} full"


def _table_rows(pdf: bytes, page: int) -> int:
    """How many rows of the tests table a page holds, its header among them: the rules drawn under them.

    The table is the only thing drawn with horizontal lines inside the text frame (boxes are
    filled rectangles, the timeline's line is vertical), one rule under each row.
    """
    height = float(pdf_reader(pdf).pages[page].mediabox.height)
    rules: set[float] = set()
    start: tuple[float, float] | None = None

    def visit(operator: bytes, operands: list[Any], cm: list[float], tm: list[float]) -> None:
        nonlocal start
        if operator not in (b"m", b"l"):
            return
        x, y = (float(value) for value in operands)
        point = (x * cm[0] + y * cm[2] + cm[4], x * cm[1] + y * cm[3] + cm[5])
        level = start is not None and abs(point[1] - start[1]) < 0.01
        if operator == b"l" and level and MARGIN + 1 < point[1] < height - MARGIN - 1:  # not the header's or footer's
            rules.add(round(point[1], 1))
        start = point

    pdf_reader(pdf).pages[page].extract_text(visitor_operand_before=visit)
    return len(rules)


def _assert_no_row_alone(pdf: bytes) -> None:
    rows = [_table_rows(pdf, page) for page in range(len(pdf_reader(pdf).pages))]
    for page, count in enumerate(rows):
        if count:
            assert count >= 2, f"page {page + 1}: the header row alone ({rows})"
        if count and page and rows[page - 1]:
            assert count - 1 >= 2, f"page {page + 1}: one row alone under the repeated header ({rows})"


@pytest.mark.parametrize(("name", "language", "paper"), MATRIX)
def test_no_tests_table_row_stands_alone_under_its_repeated_header(name, language, paper):
    """The last row went alone to a new page (Spanish isolated-pending on Letter, Arabic abnormal-result on A4)."""
    pdf, content = _printed(name, language, paper)
    assert sum(_table_rows(pdf, page) for page in range(len(pdf_reader(pdf).pages))) >= len(content.tests) + 1
    _assert_no_row_alone(pdf)


@pytest.mark.parametrize(("name", "paper"), [("isolated-pending", "a4"), ("isolated-reassuring", "letter")])
def test_no_row_stands_alone_in_the_english_copy_of_a_leaflet_with_a_long_note(pathway, name, paper):
    """The English copy's table, pushed on by a long Arabic note, left its last row alone too."""
    data = json.loads((EXAMPLES / f"{name}.json").read_text(encoding="utf-8"))
    data["patient"]["language"] = "ar"
    data["notes"] = {"for_patient": ARABIC_NOTE}
    case = parse_case_text(json.dumps(data), pathway, f"{name}.json", TODAY)
    _assert_no_row_alone(leaflet(pathway, case, paper=paper, english_copy=True))


@pytest.mark.parametrize(
    ("name", "language", "paper"),
    [("screen-positive", "zh-Hans", "letter"), ("screen-positive", "ar", "letter"), ("liver-mass", "ar", "a4")],
)
def test_no_part_of_a_leaflet_with_an_english_copy_ends_on_a_nearly_blank_page(pathway, name, language, paper):
    """Both parts were set tighter when one ended nearly blank: the translated part saved its page,
    but the English part's last page, which had been a third full, was left holding 13 % of a page."""
    case = demo(pathway, name, language)
    pdf = leaflet(pathway, case, paper=paper, english_copy=True)
    pages = pdf_reader(pdf).pages
    height = float(pages[0].mediabox.height)
    frame_top, frame_bottom = height - MARGIN - 8 * mm, MARGIN + 4 * mm
    english_title = content_for(pathway, case, "en").title
    headers = [" ".join(t for _, y, t in runs_on_page(pdf, page) if y > height - MARGIN) for page in range(len(pages))]
    english_from = next(page for page, header in enumerate(headers) if english_title in header)
    for last in (english_from - 1, len(pages) - 1):  # the last page of each part
        lowest = min(y for _, y, _ in runs_on_page(pdf, last) if MARGIN < y < height - MARGIN)
        filled = (frame_top - lowest) / (frame_top - frame_bottom)
        assert filled > 0.2, f"page {last + 1} of {len(pages)} is {filled:.0%} full"


def _image_left_edges(pdf: bytes, page: int) -> list[float]:
    """The left edge of every image drawn on a page (the x of its placement matrix)."""
    edges: list[float] = []

    def visit(operator: bytes, operands: list[object], cm: list[float], tm: list[float]) -> None:
        if operator == b"Do":
            edges.append(cm[4])

    pdf_reader(pdf).pages[page].extract_text(visitor_operand_before=visit)
    return edges


@pytest.mark.parametrize("language", ["en", "ar"])
def test_the_logo_sits_above_the_clinic_name_on_either_side(tmp_path, language):
    """In Arabic the clinic's name moves to the left, but its logo stayed at the right, over the title."""
    case = tmp_path / "case.json"
    data = json.loads((EXAMPLES / "isolated-pending.json").read_text(encoding="utf-8"))
    data["patient"]["language"] = language
    case.write_text(json.dumps(data), "utf-8")
    logo, out = tmp_path / "logo.png", tmp_path / "out.pdf"
    logo.write_bytes(png(120, 40))
    assert run("export", str(case), "-o", str(out), "--logo", str(logo), "--clinic", "Demo Unit").returncode == 0
    pdf = out.read_bytes()
    width = float(pdf_reader(pdf).pages[0].mediabox.width)
    [edge] = _image_left_edges(pdf, 0)
    assert (edge < width / 2) == (language == "ar")
    if language == "ar":
        assert abs(edge - MARGIN) < 0.5


@pytest.mark.parametrize("paper", PAPERS)
def test_english_references_start_at_the_left_margin_of_an_arabic_leaflet(paper):
    """Set right to left, the English references were right-aligned with ragged left edges."""
    pdf, content = _printed("isolated-pending", "ar", paper)
    starts = {f"{i}. {reference.split()[0]}": reference for i, reference in enumerate(content.references, 1)}
    found = [
        (x, text) for runs in _pages(pdf) for x, _, text in runs if any(text.startswith(start) for start in starts)
    ]
    assert len(found) == len(starts)
    english, _ = _printed("isolated-pending", "en", paper)
    left = next(x for runs in _pages(english) for x, _, text in runs if text.startswith("1. Simchen"))
    assert all(abs(x - left) < 0.5 for x, _ in found), found  # where an English leaflet's references start


@pytest.mark.parametrize("language", SHIPPED)
def test_the_translated_part_prints_the_same_with_an_english_copy(pathway, language):
    """With an English copy, the Arabic timeline's words came out left-aligned and in the wrong order."""
    alone, _ = _printed("isolated-pending", language, "a4")
    with_copy = leaflet(pathway, demo(pathway, "isolated-pending", language), english_copy=True)
    pages = len(pdf_reader(alone).pages)
    assert len(pdf_reader(with_copy).pages) > pages
    for page in range(pages):  # all but the footer, whose page count differs
        above_footer = [[run for run in runs_on_page(pdf, page) if run[1] > MARGIN] for pdf in (alone, with_copy)]
        assert above_footer[1] == above_footer[0], f"page {page + 1}"


@pytest.mark.parametrize("language", ("en", "es"))
@pytest.mark.parametrize("name", DEMOS)
def test_a_wrapped_title_never_ends_on_one_word(pathway, language, name):
    """The Spanish title broke as "Una mancha brillante en el hígado de su / bebé"."""
    case = demo(pathway, name, language)
    title = content_for(pathway, case, language).title
    pdf = leaflet(pathway, case)
    height = float(pdf_reader(pdf).pages[0].mediabox.height)
    lines = [t.strip() for _, y, t in runs_on_page(pdf, 0) if y < height - MARGIN and t.strip() and t.strip() in title]
    assert lines and " ".join(lines) == title, lines
    assert len(lines[-1].split()) >= 2, lines


def test_an_arabic_word_longer_than_a_line_is_broken_inside_the_margins(pathway):
    """A note typed without spaces (or a long link) ran off the left of an Arabic page as one line."""
    data = json.loads((EXAMPLES / "isolated-pending.json").read_text(encoding="utf-8"))
    data["patient"]["language"] = "ar"
    data["notes"] = {"for_patient": "ب" * 400}
    case = parse_case_text(json.dumps(data), pathway, "isolated-pending.json", TODAY)
    pdf = leaflet(pathway, case)
    note = [(x, text) for runs in _pages(pdf) for x, _, text in runs if set(text.strip()) == {"ب"}]
    assert sum(len(text.strip()) for _, text in note) == 400  # every letter printed
    assert len(note) > 1 and min(x for x, _ in note) >= MARGIN + 10 - 0.5  # in lines inside the box
