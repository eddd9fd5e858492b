"""The clinician summary, read back from the PDF and the note a user gets."""

from __future__ import annotations

import re
import unicodedata

import pytest
from hypothesis import HealthCheck, given, settings

from livercalc_desktop.domain.case import Case, WorkupEntry
from livercalc_desktop.domain.errors import LeafletError
from livercalc_desktop.domain.schema import FieldType
from livercalc_desktop.engine.evaluate import assess
from livercalc_desktop.knowledge.pathway import Pathway
from livercalc_desktop.leaflet.letterhead import ClinicDetails
from livercalc_desktop.summary.export import build_summary_pdf, default_summary_name, summary_text
from livercalc_desktop.summary.note import WIDTH
from tests.leaflet_helpers import case_from, flat, font_names, leaflet, pdf_reader, pdf_text
from tests.test_leaflet import SAFE_TEXT

HOSPITAL_NUMBER = "HN-4471-0932"
CLINIC = ClinicDetails(name="Fetal Medicine Unit", address="1 Example Road\nNorthtown NT1 1AA", phone="0100 000 000")


def rich_case(pathway: Pathway) -> Case:
    """A non-isolated case with identifiers, a note and recorded workup results."""
    case = case_from(
        pathway,
        patient={"name": "Anna Kowalska", "hospital_number": HOSPITAL_NUMBER},
        exam={"clinician": "Dr R. Okafor", "pregnancy": "singleton"},
        lesion={"count": "2-3", "largest_mm": [4.0, 3.0], "lobe": "right", "shadowing": "present"},
        findings={"structural": ["heart"], "soft_markers": ["echogenic-bowel"], "fgr": True, "mca_psv_mom": 1.2},
        screening={"cfdna": "low-risk"},
        notes={"for_patient": "We will phone you with the amniocentesis result."},
    )
    case = case.with_workup("amniocentesis-cma", WorkupEntry("declined", "Declined after counselling", "2026-03-10"))
    return case.with_workup("maternal-infection-serology", WorkupEntry("pending", "CMV IgG/IgM sent", "2026-03-10"))


def folded(text: str) -> str:
    return " ".join(unicodedata.normalize("NFKC", text).split())


def test_every_recorded_finding_and_every_gap_is_in_the_pdf(pathway):
    case = rich_case(pathway)
    text = flat(build_summary_pdf(case, pathway, clinic=CLINIC))
    schema = pathway.schema
    checked = 0
    for spec in schema.fields:
        if spec.group in ("patient", "notes") or spec.path.startswith(("exam.gestational", "exam.date")):
            continue
        value = case.get(spec.path)
        label = folded(spec.label)
        if value is None:
            if spec.path.startswith("exam.") and spec.path != "exam.detailed_survey":
                continue  # the identity block names these with its own labels
            assert f"{label} not recorded" in text, spec.path
            assert f"{label} Normal" not in text
        elif spec.type is FieldType.CHOICE:
            assert f"{label} {folded(spec.choice_label(str(value)))}" in text, spec.path
        elif spec.type is FieldType.CHOICES:
            assert isinstance(value, tuple)
            assert all(folded(spec.choice_label(v)) in text for v in value), spec.path
        checked += 1
    assert checked > 20
    assert "Largest spot size 4, 3 mm" in text
    assert "MCA peak systolic velocity 1.2 MoM" in text
    assert "Hospital number" in text and HOSPITAL_NUMBER in text
    assert "Anna Kowalska" in text and "Dr R. Okafor" in text


def test_every_checklist_entry_rationale_and_reference_is_in_the_pdf(pathway):
    case = rich_case(pathway)
    assessment = assess(case, pathway)
    text = flat(build_summary_pdf(case, pathway, clinic=CLINIC))
    position = 0
    for entry in assessment.checklist:
        status = "not recorded" if entry.status == "not-recorded" else pathway.schema.status_label(entry.status)
        found = re.compile(re.escape(folded(entry.label)) + r".{0,60}?" + re.escape(status)).search(text, position)
        assert found, (entry.id, status)
        position = found.end()
    assert "Declined after counselling 10 Mar 2026" in text
    assert "CMV IgG/IgM sent" in text
    assert assessment.rationale
    for reason in assessment.rationale:
        assert folded(reason.text) in text
        for ref in reason.references:
            assert folded(pathway.kb.references[ref].full) in text
    assert f"{assessment.category_label} ({assessment.category})" in text


def test_hospital_number_is_on_the_summary_and_never_on_the_leaflet(pathway):
    case = rich_case(pathway)
    summary = build_summary_pdf(case, pathway, clinic=CLINIC)
    leaflet_pdf = leaflet(pathway, case)
    assert HOSPITAL_NUMBER in pdf_text(summary)
    assert HOSPITAL_NUMBER not in pdf_text(leaflet_pdf)
    assert HOSPITAL_NUMBER.encode() not in leaflet_pdf  # nor in metadata or any stream
    assert HOSPITAL_NUMBER in summary_text(case, pathway)


def _content_lines(note: str) -> list[str]:
    """The note's lines with citations removed, reduced to letters and digits."""
    without_citations = re.sub(r"\s*\[[^\]]*\]", "", note)
    body = without_citations.split("\nREFERENCES\n")[0]  # the PDF lists full citations instead
    lines = [re.sub(r"\W|_", "", line).lower() for line in body.splitlines()]
    return [line for line in lines if line]


def test_the_note_and_the_pdf_agree_line_for_line(pathway):
    case = rich_case(pathway)
    pdf_stream = re.sub(r"\W|_", "", pdf_text(build_summary_pdf(case, pathway, clinic=CLINIC))).lower()
    note = summary_text(case, pathway, clinic=CLINIC)
    lines = _content_lines(note)
    assert len(lines) > 60
    position = 0
    for line in lines:
        found = pdf_stream.find(line, position)
        assert found >= 0, f"note line not in the PDF (in this order): {line}"
        position = found + len(line)


def test_both_list_the_same_references_in_the_same_order(pathway):
    case = rich_case(pathway)
    assessment = assess(case, pathway)
    cited = list(dict.fromkeys(ref for reason in assessment.rationale for ref in reason.references))
    note = summary_text(case, pathway)
    listed = note.split("\nREFERENCES\n")[1].split("\n\n")[0]
    refs = pathway.kb.references
    assert " ".join(listed.split()) == " ".join(f"- {refs[r].short}" for r in cited)
    text = flat(build_summary_pdf(case, pathway))
    positions = [text.find(f"{n}. {folded(refs[r].full)}") for n, r in enumerate(cited, start=1)]
    assert -1 not in positions and positions == sorted(positions)


def test_note_fits_80_columns_and_has_an_ascii_form(pathway):
    long_detail = "Result " + "x" * 150 + " then words " * 20
    case = (
        rich_case(pathway)
        .with_value("patient.name", "Łukasz Żółć ≥ 王芳")
        .with_value("notes.for_patient", "Spot ≥ 5 mm — see you soon. " * 30)
    )
    case = case.with_workup("fetal-echo", WorkupEntry("normal", long_detail, "2026-03-11"))
    note = summary_text(case, pathway)
    assert max(len(line) for line in note.splitlines()) <= WIDTH
    assert "Łukasz Żółć ≥ 王芳" in note
    plain = summary_text(case, pathway, ascii_only=True)
    assert plain.isascii()
    assert max(len(line) for line in plain.splitlines()) <= WIDTH
    assert "Patient: Lukasz Zolc >= ??" in plain
    assert "Characters with no ASCII form are shown as ?" in plain


def test_unrecorded_findings_are_never_shown_as_normal(pathway):
    case = case_from(pathway, lesion={"count": "1", "compartment": "parenchymal"})
    case = case.with_value("lesion.venous_doppler", None)
    text = flat(build_summary_pdf(case, pathway))
    note = summary_text(case, pathway)
    assert "Venous Doppler not recorded" in text
    assert "  Venous Doppler: not recorded" in note
    assert "Venous Doppler: Normal" not in note


@pytest.mark.parametrize("name", ["王芳 さくら", "فاطمة الزهراء", 'Zoe <b>Smith</b> & "Co"'])
def test_any_script_and_any_markup_prints(pathway, name):
    case = rich_case(pathway).with_value("patient.name", name)
    pdf = build_summary_pdf(case, pathway, clinic=CLINIC)
    text = pdf_text(pdf)
    assert name in text
    assert "\u25a0" not in text and "\ufffd" not in text
    assert all(font_names(pdf).values())


@pytest.mark.parametrize("note", ["肝臓に小さな明るい点があります。" * 120, "x" * 1990, "word " * 400])
def test_a_long_note_prints_across_pages(pathway, note):
    case = rich_case(pathway).with_value("notes.for_patient", note).with_value("patient.name", "王芳")
    pdf = build_summary_pdf(case, pathway, clinic=CLINIC)
    text = "".join(pdf_text(pdf).split())
    footer = r"Fetallivercalcification:cliniciansummary·王芳·HN-4471-0932·2026-03-10Page\dof\d"
    assert len(re.findall(footer, text)) == len(pdf_reader(pdf).pages) > 1
    assert "".join(note.split()) in re.sub(footer, "", text)


def test_one_or_two_pages_on_both_papers(pathway):
    from livercalc_desktop.casefile import read_case_file
    from tests.conftest import EXAMPLES

    cases = [rich_case(pathway), *(read_case_file(p, pathway) for p in sorted(EXAMPLES.glob("*.json")))]
    for case in cases:
        for paper, width in (("a4", 595), ("letter", 612)):
            reader = pdf_reader(build_summary_pdf(case, pathway, paper=paper, clinic=CLINIC))
            assert 1 <= len(reader.pages) <= 2, (case.get("exam.date"), paper)
            assert round(float(reader.pages[0].mediabox.width)) == width


def test_letterhead_prints_and_unprintable_text_is_refused(pathway):
    case = rich_case(pathway)
    text = flat(build_summary_pdf(case, pathway, clinic=CLINIC))
    assert text.startswith("Fetal Medicine Unit 1 Example Road, Northtown NT1 1AA, Phone 0100 000 000")
    with pytest.raises(LeafletError, match=r"patient.hospital_number: holds characters the summary fonts cannot"):
        build_summary_pdf(case.with_value("patient.hospital_number", "HN-\U0001f600"), pathway)
    with pytest.raises(LeafletError, match="paper: must be one of a4, letter"):
        build_summary_pdf(case, pathway, paper="a3")


def test_default_file_name_holds_no_patient_data(pathway):
    assert default_summary_name(rich_case(pathway), "1a2b3c") == "liver-summary-2026-03-10-1a2b3c.pdf"


def test_an_urgent_case_says_so_first_in_both(pathway):
    from livercalc_desktop.casefile import read_case_file
    from tests.conftest import EXAMPLES

    case = read_case_file(EXAMPLES / "urgent-hydrops.json", pathway)
    assert assess(case, pathway).urgent
    note = summary_text(case, pathway)
    banner = note.splitlines()[2]
    assert banner.startswith("*** URGENT") and banner.endswith("***")
    text = flat(build_summary_pdf(case, pathway))
    assert text.index(banner.strip("* ")) < text.index("Patient and examination")
    timeline = " ".join(note.split("PLANNED TIMELINE")[1].split("\n\n")[0].split())
    assert "23+5, 7 May 2026: Fetal medicine review (booked)" in timeline  # the booked date of the review
    assert "Follow-up scan, then every 1-2 weeks" in timeline  # close follow-up when urgent
    assert "23+5, 7 May 2026 Fetal medicine review (booked)" in text
    calm = summary_text(rich_case(pathway), pathway)
    assert "***" not in calm and "Urgent: no" in calm


def test_pdf_metadata_names_no_patient(pathway):
    metadata = pdf_reader(build_summary_pdf(rich_case(pathway), pathway, clinic=CLINIC)).metadata
    assert metadata is not None
    values = " ".join(str(v) for v in metadata.values())
    assert "Fetal liver calcification: clinician summary" in values
    assert "Anna" not in values and HOSPITAL_NUMBER not in values


@settings(max_examples=20, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(name=SAFE_TEXT, number=SAFE_TEXT, clinician=SAFE_TEXT)
def test_typed_text_round_trips_through_the_pdf_and_the_note(pathway, name, number, clinician):
    case = rich_case(pathway).with_value("patient.name", name).with_value("patient.hospital_number", number)
    case = case.with_value("exam.clinician", clinician)
    text = "".join(pdf_text(build_summary_pdf(case, pathway)).split())
    note = "".join(summary_text(case, pathway).split())
    for typed in (name, number, clinician):
        assert "".join(typed.split()) in text
        assert "".join(typed.split()) in note
