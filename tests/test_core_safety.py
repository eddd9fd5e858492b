"""Core guarantees behind issue 9, through the public core API: every valid case prints,
text that cannot be saved is refused with its field named, and files are written safely."""

from __future__ import annotations

import os
import stat
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from livercalc_desktop.atomic import write_atomically
from livercalc_desktop.casefile import write_case_file
from livercalc_desktop.domain.errors import CaseFileError, LeafletError
from livercalc_desktop.domain.validation import text_problem
from livercalc_desktop.leaflet.content import ClinicDetails
from livercalc_desktop.leaflet.export import build_leaflet_pdf
from livercalc_desktop.leaflet.pages import MARGIN
from tests.leaflet_helpers import case_from, leaflet, pdf_reader, pdf_text

# Runs of one script with no space to break at: the worst case for line breaking.
NO_SPACE_RUNS = st.sampled_from(["肝", "臓。", "W", "m", "x-", "Ω", "мм", "שלום", "مرحبا", "9"])


@settings(max_examples=8, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(run_of=NO_SPACE_RUNS, note_length=st.integers(1500, 2000), name_length=st.integers(100, 200))
def test_every_typed_field_at_its_longest_prints_and_the_note_is_all_there(pathway, run_of, note_length, name_length):
    note = (run_of * note_length)[:note_length]
    name = (run_of * name_length)[:name_length]
    case = case_from(
        pathway,
        patient={"name": name, "preferred_name": name},
        exam={"clinic": name},
        notes={"for_patient": note},
    )
    pdf = build_leaflet_pdf(case, pathway, clinic=ClinicDetails(name, name))
    assert len(pdf_reader(pdf).pages) >= 2


def _note_lines(pdf: bytes, note: str) -> str:
    """The PDF's lines made only of the note's characters, joined: the note as printed."""
    chars = set(note)
    lines = ("".join(line.split()) for line in pdf_text(pdf).splitlines())
    return "".join(line for line in lines if line and set(line) <= chars)


@pytest.mark.parametrize(
    "note",
    [("肝臓に小さな明るい点が見つかりました。これは多くの場合、心配のないものです。" * 60)[:2000], "W" * 2000],
    ids=["japanese", "one-long-word"],
)
def test_a_note_taller_than_a_page_continues_on_the_next_page_in_full(pathway, note):
    pdf = leaflet(pathway, case_from(pathway, notes={"for_patient": note}))
    pages = [page.extract_text() for page in pdf_reader(pdf).pages]
    assert len([text for text in pages if note[:6] in "".join(text.split())]) >= 2, "the note spans two pages"
    assert _note_lines(pdf, note) == note


def _header_baselines(pdf: bytes) -> set[float]:
    """Baselines of all text drawn above the header rule of page 1."""
    page = pdf_reader(pdf).pages[0]
    top = float(page.mediabox.top)
    baselines: set[float] = set()

    def visit(text: str, cm: list[float], tm: list[float], font: object, size: float) -> None:
        y = tm[5] * cm[3] + cm[5] if cm[3] else tm[5]
        if text.strip() and y > top - MARGIN:
            baselines.add(round(y, 1))

    page.extract_text(visitor_text=visit)
    return baselines


def test_a_long_clinic_name_stays_on_one_header_line_inside_the_page(pathway):
    pdf = leaflet(pathway, case_from(pathway), clinic=ClinicDetails("Clinic " + "W" * 193, "x"))
    page_top = float(pdf_reader(pdf).pages[0].mediabox.top)
    baselines = _header_baselines(pdf)
    assert len(baselines) == 1, f"header text on {len(baselines)} lines: {sorted(baselines)}"
    assert max(baselines) < page_top - 10
    assert "…" in pdf_reader(pdf).pages[0].extract_text()


@pytest.mark.parametrize("field", ["name", "contact"])
def test_clinic_details_over_the_limit_are_refused_by_the_core_too(pathway, field):
    with pytest.raises(LeafletError, match=f"clinic {field}: must be at most 200 characters, got 201"):
        clinic = ClinicDetails(name="a" * 201) if field == "name" else ClinicDetails(contact="a" * 201)
        build_leaflet_pdf(case_from(pathway), pathway, clinic=clinic)


def test_text_problem_is_the_one_rule_for_typed_text():
    assert text_problem("Zoë 王芳 محمد \n\t") is None
    assert text_problem("bad \ud800 text") == "holds a character that is not valid text (U+D800); retype it"


def test_saving_text_that_slipped_past_the_checks_is_a_clear_error_not_a_crash(pathway, tmp_path):
    target = tmp_path / "case.json"
    target.write_text("previous", "utf-8")
    case = case_from(pathway).with_value("exam.clinician", "Dr \udcff")
    with pytest.raises(CaseFileError, match=r"exam.clinician: holds a character that is not valid text"):
        write_case_file(target, case, pathway)
    assert target.read_text("utf-8") == "previous"


def test_a_new_case_file_is_owner_only_and_the_folder_is_flushed(pathway, tmp_path, monkeypatch):
    flushed: list[int] = []
    real_fsync = os.fsync

    def recording_fsync(fd: int) -> None:
        flushed.append(os.fstat(fd).st_mode)
        real_fsync(fd)

    monkeypatch.setattr(os, "fsync", recording_fsync)
    old = os.umask(0o002)
    try:
        write_case_file(tmp_path / "case.json", case_from(pathway), pathway)
    finally:
        os.umask(old)
    assert stat.S_IMODE((tmp_path / "case.json").stat().st_mode) == 0o600
    assert [stat.S_ISREG(m) for m in flushed] == [True, False], "the file, then its folder"
    assert stat.S_ISDIR(flushed[-1])


def test_an_atomic_write_through_a_symbolic_link_is_refused(tmp_path):
    real = tmp_path / "real.json"
    real.write_text("real", "utf-8")
    (tmp_path / "link.json").symlink_to(real)
    with pytest.raises(CaseFileError, match="symbolic link"):
        write_atomically(tmp_path / "link.json", b"new", CaseFileError)
    assert real.read_text("utf-8") == "real" and Path(tmp_path / "link.json").is_symlink()
