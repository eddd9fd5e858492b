"""The window's labels from the pathway's data: translated by path, stale when the English changes, round trip."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from livercalc_desktop.knowledge.pathway import Pathway, bundled_pathway_folder, load_pathway
from livercalc_desktop.knowledge.text_translations import read_translation
from livercalc_desktop.knowledge.window_labels import load_window_labels, window_report, window_sources
from tests.conftest import run_app


@pytest.fixture
def pathway_copy(tmp_path: Path) -> Pathway:
    folder = tmp_path / "pathway"
    shutil.copytree(bundled_pathway_folder(), folder)
    return load_pathway(folder)


def test_every_label_the_window_shows_has_a_current_spanish_draft(pathway):
    sources = window_sources(pathway)
    # Form, panel and outcome form: groups, fields, choices, statuses, categories, flags, checklist items.
    assert {"groups.lesion", "workup_statuses.pending", "categories.liver-mass", "flags.urgent"} <= set(sources)
    assert {"checklist.af-pcr", "outcome.fields.pregnancy.outcome.choices.live-birth"} <= set(sources)
    translation = read_translation(pathway.folder / "window.es.toml")
    report = window_report(pathway, translation)
    assert (report.missing, report.stale, report.unknown) == ((), (), ())
    assert translation.status == "draft" and translation.reviewer == ""


def test_a_changed_english_choice_is_shown_in_english_not_its_old_translation(pathway_copy):
    schema = pathway_copy.folder / "knowledge-base.toml"
    schema.write_text(schema.read_text("utf-8").replace('label = "Growth scan"', 'label = "Growth and Doppler scan"'))
    labels = load_window_labels(pathway_copy.folder, "es")
    assert labels.item("growth-scan", "Growth and Doppler scan") == "Growth and Doppler scan"
    assert labels.item("fetal-echo", "Fetal echocardiography") == "Ecocardiografía fetal"
    status = run_app("translations", "--folder", str(pathway_copy.folder), "status")
    assert "es: checklist.growth-scan (shown in English until translated again)" in status.stdout


def test_window_labels_go_through_po_and_come_back_unchanged_then_reviewed(tmp_path, pathway_copy):
    folder = str(pathway_copy.folder)
    before = (pathway_copy.folder / "window.es.toml").read_bytes()
    po = tmp_path / "window-es.po"
    assert (
        run_app("translations", "--folder", folder, "export", "--window", "--lang", "es", "-o", str(po)).returncode == 0
    )
    assert 'msgctxt "categories.liver-mass"' in po.read_text("utf-8")
    result = run_app("translations", "--folder", folder, "import", "--window", str(po))
    assert result.returncode == 0, result.stderr
    assert "0 texts changed; 0 missing, 0 stale" in result.stdout
    assert (pathway_copy.folder / "window.es.toml").read_bytes() == before
    assert (pathway_copy.folder / "leaflet.es.toml").read_bytes() == (
        bundled_pathway_folder() / "leaflet.es.toml"
    ).read_bytes()  # --window leaves the leaflet texts alone
    review = ["review", "--window", "--lang", "es", "--reviewer", "Dra. Ejemplo", "--date", "2026-11-23"]
    assert run_app("translations", "--folder", folder, *review).returncode == 0
    reviewed = read_translation(pathway_copy.folder / "window.es.toml")
    assert (reviewed.status, reviewed.reviewer) == ("reviewed", "Dra. Ejemplo")
    assert read_translation(pathway_copy.folder / "leaflet.es.toml").status == "draft"
