"""The patient leaflet, read back from real PDFs for every category."""

from __future__ import annotations

from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from livercalc_desktop.casefile import read_case_file
from livercalc_desktop.engine.evaluate import assess
from livercalc_desktop.leaflet.content import build_content
from livercalc_desktop.leaflet.export import default_leaflet_name
from livercalc_desktop.leaflet.fonts import register_fonts
from livercalc_desktop.leaflet.letterhead import ClinicDetails
from livercalc_desktop.leaflet.texts import load_leaflet_texts
from livercalc_desktop.resources import resources_root
from tests.conftest import EXAMPLES, run_app
from tests.leaflet_helpers import case_from, flat, font_names, leaflet, pdf_reader, pdf_text

CATEGORIES = sorted(p.stem for p in EXAMPLES.glob("*.json"))


@pytest.fixture(scope="module")
def pdfs(pathway) -> dict[str, bytes]:
    return {name: leaflet(pathway, read_case_file(EXAMPLES / f"{name}.json", pathway)) for name in CATEGORIES}


@pytest.mark.parametrize("category", CATEGORIES)
def test_every_leaflet_has_its_sections_and_footer(pdfs, category):
    pdf = pdfs[category]
    text = pdf_text(pdf)
    pages = len(pdf_reader(pdf).pages)
    assert 2 <= pages <= 5
    for heading in (
        "What the scan showed",
        "What this usually means",
        "Tests and checks",
        "What happens next",
        "When to call your team",
        "Reading about this online",
        "How you may feel",
        "Questions you may want to ask",
        "Who to contact",
        "Where this information comes from",
    ):
        assert heading in text
    assert f"Page {pages} of {pages}" in text
    assert "content 1.1.0, draft, awaiting clinical review" in text
    assert "reviewed" not in text.replace("awaiting clinical review", "")
    assert "does not replace advice from your own doctors" in text


@pytest.mark.parametrize("category", CATEGORIES)
def test_every_font_is_embedded_and_no_builtin_font_is_used(pdfs, category):
    fonts = font_names(pdfs[category])
    assert fonts and all(fonts.values()), fonts
    assert not [name for name in fonts if "Helvetica" in name or "Times" in name]


def test_hospital_number_is_never_printed(pdfs):
    assert "DEMO-0001" not in pdf_text(pdfs["isolated-pending"])


def test_personal_facts_and_test_status_are_printed(pdfs):
    text = flat(pdfs["isolated-pending"])
    assert "For Anna" in text
    assert "You had a scan on 10 March 2026, when you were 20 weeks and 3 days pregnant." in text
    assert "one bright spot" in text and "5.5 mm" in text and "right side of the liver" in text
    assert "Blood tests for infections" in text and "Waiting for the result" in text
    assert "Offered: you can decide" in text
    assert "We will call you with the blood test results within a week." in text


def test_declined_is_shown_as_declined(pdfs):
    assert "You chose not to have it" in flat(pdfs["isolated-reassuring"])


def test_metadata_has_title_language_creator_and_no_name(pdfs):
    reader = pdf_reader(pdfs["isolated-pending"])
    meta: Any = reader.metadata
    root: Any = reader.trailer["/Root"]
    assert meta.title == "A bright spot in your baby's liver"
    assert "LiverCalc Desktop" in meta.creator and "knowledge base 1.1.0" in meta.creator
    assert "texts 1.1.0" in meta.creator
    assert root["/Lang"] == "en"
    assert "Anna" not in str(dict(meta)) and "Kowalska" not in str(dict(meta))


def test_letter_and_a4_paper(pathway):
    case = read_case_file(EXAMPLES / "isolated-pending.json", pathway)
    a4 = pdf_reader(leaflet(pathway, case, paper="a4")).pages[0].mediabox
    letter = pdf_reader(leaflet(pathway, case, paper="letter")).pages[0].mediabox
    assert (round(a4.width), round(a4.height)) == (595, 842)
    assert (round(letter.width), round(letter.height)) == (612, 792)


def test_default_file_name_uses_the_exam_date_not_the_name(pathway):
    case = read_case_file(EXAMPLES / "isolated-pending.json", pathway)
    assert default_leaflet_name(case, "1a2b3c") == "liver-leaflet-2026-03-10-1a2b3c.pdf"


NAMES = {
    "polish": "Łukasz Żółć-Wąsik",
    "vietnamese": "Nguyễn Thị Ánh Tuyết",
    "greek": "Ἀλέξανδρος Παπαδόπουλος",
    "cyrillic": "Жанна Щукина",
    "chinese": "王芳",
    "japanese": "さくら 山田",
    "arabic": "فاطمة الزهراء",
    "hebrew": "דנה לוי",
    "korean": "김민지",
    "markup": "Zoe <b>Smith</b> & \"Co\" 'O'",
}


@pytest.mark.parametrize("script", sorted(NAMES))
def test_names_in_every_script_print_with_no_missing_glyph(pathway, script):
    name = NAMES[script]
    fonts = register_fonts(resources_root() / "fonts")
    assert fonts.missing(name) == set()
    pdf = leaflet(pathway, case_from(pathway, patient={"preferred_name": name}))
    text = pdf_text(pdf)
    assert f"For {name}" in text
    assert "\u25a0" not in text and "\ufffd" not in text
    assert all(font_names(pdf).values())


def test_right_to_left_name_is_drawn_in_visual_order(pathway):
    from livercalc_desktop.leaflet.fonts import visual_order

    assert visual_order("דנה לוי") == "יול הנד"
    assert visual_order("Anna") == "Anna"


SAFE_TEXT = (
    st.lists(
        st.sampled_from([*"abcXYZ<>&\"';/ =Łńễ王文Жд", "<b>", "</b>", "&amp;", "<br/>", "<font>"]),
        min_size=1,
        max_size=12,
    )
    .map("".join)
    .map(str.strip)
    .filter(bool)
)


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(name=SAFE_TEXT, note=SAFE_TEXT)
def test_user_text_round_trips_through_the_pdf(pathway, name, note):
    pdf = leaflet(pathway, case_from(pathway, patient={"preferred_name": name}, notes={"for_patient": note}))
    text = "".join(pdf_text(pdf).split())
    assert "For" + "".join(name.split()) in text
    assert "".join(note.split()) in text


def test_cli_export_writes_the_file_and_unwritable_path_leaves_nothing(tmp_path):
    out, case = tmp_path / "leaflet.pdf", str(EXAMPLES / "liver-mass.json")
    ok = run_app("export", case, "-o", str(out), "--paper", "letter", "--clinic", "Unit & Co")
    assert ok.returncode == 0, ok.stderr
    assert out.read_bytes().startswith(b"%PDF") and "Unit & Co" in pdf_text(out.read_bytes())
    missing_dir = tmp_path / "no-such-folder" / "x.pdf"
    bad = run_app("export", case, "-o", str(missing_dir))
    assert bad.returncode == 2
    assert "cannot write" in bad.stderr and "Traceback" not in bad.stderr
    assert not missing_dir.parent.exists()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["leaflet.pdf"]


@pytest.mark.parametrize(
    ("weeks", "days", "words"),
    [(20, 3, "20 weeks and 3 days pregnant"), (24, 1, "24 weeks and 1 day pregnant"), (22, 0, "22 weeks pregnant")],
)
def test_gestational_age_reads_naturally(pathway, weeks, days, words):
    case = case_from(pathway, exam={"gestational_age": {"weeks": weeks, "days": days}})
    content = build_content(case, assess(case, pathway), pathway, load_leaflet_texts(pathway), ClinicDetails())
    assert words in content.seen[0]


def test_a_name_no_bundled_font_can_print_is_refused_with_the_field_named(pathway):
    from livercalc_desktop.domain.errors import LeafletError
    from livercalc_desktop.leaflet.export import build_leaflet_pdf

    case = case_from(pathway, patient={"preferred_name": "प्रिया"})  # Devanagari needs shaping we do not have
    with pytest.raises(LeafletError, match=r"patient.preferred_name: holds characters the leaflet fonts cannot print"):
        build_leaflet_pdf(case, pathway)


def test_a_paper_size_no_leaflet_is_laid_out_for_is_refused(pathway):
    """The summary's refusal was tested; the leaflet's, the same check, was not."""
    from livercalc_desktop.domain.errors import LeafletError
    from livercalc_desktop.leaflet.export import build_leaflet_pdf

    with pytest.raises(LeafletError, match="paper: must be one of a4, letter, got 'a3'"):
        build_leaflet_pdf(case_from(pathway), pathway, paper="a3")
