"""What a hostile tester found after issues 9 and 12 were called done, each pinned by a test.

- The register read case and outcome files with its own JSON parser, so JSON nested too
  deeply or a 5,000-digit number was an internal error there (exit 1; a folder import
  stopped at the first such file), while ``validate`` called it a user error.
- ``translations import`` read a pipe forever and ``/dev/zero`` until memory ran out;
  ``--lang ../x`` reached a file path; ``translations export -o leaflet.en.toml`` replaced
  the English texts themselves with the .po file.
- Terminal control characters typed into a case (or in a file name) reached the terminal:
  ``summary --text`` of a name holding ESC sequences cleared the screen, and a right-to-left
  override in an output name disguised it in the "wrote ..." line.
"""

from __future__ import annotations

import io
import json
import os
import struct
import subprocess
import sys
import time
import unicodedata
import zlib
from pathlib import Path

import pytest

from livercalc_desktop.knowledge.pathway import Pathway, bundled_pathway_folder
from livercalc_desktop.register_command import run_register
from tests.conftest import ROOT, base_case_data
from tests.conftest import run_app as run

ESCAPES = "\x1b]0;title\x07\x1b[2J\x9b"
RLO = "\u202e"
DEEP = "[" * 100_000 + "]" * 100_000
HUGE_NUMBER = "9" * 5000


def _case_file(tmp_path: Path, name: str = "case.json", **sections: object) -> Path:
    path = tmp_path / name
    path.write_text(json.dumps(base_case_data(**sections), ensure_ascii=False), "utf-8")
    return path


def _hostile_files(tmp_path: Path) -> dict[str, Path]:
    deep = tmp_path / "deep.json"
    deep.write_text(DEEP, "utf-8")
    huge = tmp_path / "huge.json"
    huge.write_text(json.dumps(base_case_data()).replace('"weeks": 20', f'"weeks": {HUGE_NUMBER}'), "utf-8")
    return {"nested too deeply": deep, "a number too large to use": huge}


# --- the register reads JSON as strictly as validate does ------------------------------------


def _register(tmp_path: Path, pathway: Pathway, *args: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    url = f"sqlite:///{tmp_path / 'register.db'}"
    code = run_register(["--database", url, *args], out, err, pathway=pathway)
    return code, out.getvalue(), err.getvalue()


def test_register_add_and_outcome_call_hostile_json_a_user_error(tmp_path, pathway):
    for expected, path in _hostile_files(tmp_path).items():
        code, _, err = _register(tmp_path, pathway, "add", str(path))
        assert code == 2 and expected in err, err
    code, out, _ = _register(tmp_path, pathway, "add", str(_case_file(tmp_path)))
    assert code == 0, out
    for expected, path in _hostile_files(tmp_path).items():
        if "deep" in path.name:  # the outcome schema has no gestational age: only depth applies
            code, _, err = _register(tmp_path, pathway, "outcome", "1", str(path))
            assert code == 2 and expected in err, err


def test_a_folder_import_skips_hostile_json_with_the_reason_and_imports_the_rest(tmp_path, pathway):
    folder = tmp_path / "cases"
    folder.mkdir()
    _hostile_files(folder)
    _case_file(folder, "good.json")
    code, out, _ = _register(tmp_path, pathway, "import", str(folder))
    assert code == 0, out
    assert "added 1 case(s); skipped 2 file(s)" in out
    assert "deep.json is not a case file: its JSON is nested too deeply" in out
    assert "huge.json" in out and "a number too large to use" in out


# --- translations: bounded reads, language tags, the texts never overwritten -----------------


def test_translations_import_refuses_a_pipe_or_device_at_once(tmp_path):
    fifo = tmp_path / "es.po"
    os.mkfifo(fifo)
    started = time.monotonic()
    for source in (fifo, Path("/dev/zero")):
        result = run("translations", "import", str(source), "--lang", "es")
        assert result.returncode == 2, result.stderr
        assert "is not a regular file" in result.stderr and "give a .po file" in result.stderr
    assert time.monotonic() - started < 30  # both were refused, not waited on


@pytest.mark.parametrize("tag", ["../evil", "es/../../x", "x" * 400, "es\x1b[2J"])
def test_a_language_that_is_not_a_language_tag_never_reaches_a_path(tmp_path, tag):
    folder = _pathway_copy(tmp_path)
    before = sorted(p.name for p in folder.iterdir())
    po = tmp_path / "es.po"
    assert run("translations", "--folder", str(folder), "export", "--lang", "es", "-o", str(po)).returncode == 0
    for argv in (
        ("import", str(po), "--lang", tag),
        ("export", "--lang", tag, "-o", str(tmp_path / "out.po")),
        ("review", "--lang", tag, "--reviewer", "R", "--date", "2026-01-01"),
    ):
        result = run("translations", "--folder", str(folder), *argv)
        assert result.returncode == 2, result.stderr
        assert "--lang: must be a language tag" in result.stderr
        assert "\x1b" not in result.stderr
    assert not (tmp_path / "out.po").exists()
    assert sorted(p.name for p in folder.iterdir()) == before


def _pathway_copy(tmp_path: Path) -> Path:
    folder = tmp_path / "pathway"
    folder.mkdir()
    for item in bundled_pathway_folder().iterdir():
        (folder / item.name).write_bytes(item.read_bytes())
    return folder


def test_translations_export_never_writes_over_or_beside_the_texts(tmp_path):
    folder = _pathway_copy(tmp_path)
    before = {p.name: p.read_bytes() for p in folder.iterdir()}
    elsewhere = tmp_path / "linked.po"
    os.link(folder / "leaflet.es.toml", elsewhere)  # the same file under another name
    for target in (folder / "leaflet.en.toml", folder / "leaflet.es.toml", folder / "new.po", elsewhere):
        result = run("translations", "--folder", str(folder), "export", "--lang", "es", "-o", str(target))
        assert result.returncode == 2, result.stdout
        assert "pathway folder" in result.stderr
    assert {p.name: p.read_bytes() for p in folder.iterdir()} == before
    fine = run("translations", "--folder", str(folder), "export", "--lang", "es", "-o", str(tmp_path / "es.po"))
    assert fine.returncode == 0, fine.stderr


# --- what is shown never drives the terminal ----------------------------------------------------


@pytest.mark.parametrize("ascii_only", [False, True])
def test_the_note_for_the_record_never_carries_terminal_controls(tmp_path, ascii_only):
    case = _case_file(
        tmp_path,
        patient={"name": f"Ann{ESCAPES} Lee{RLO}eve", "hospital_number": f"H{ESCAPES}1"},
        notes={"for_patient": f"See you soon{ESCAPES}"},
    )
    result = run("summary", str(case), "--text", *(["--ascii"] if ascii_only else []))
    assert result.returncode == 0, result.stderr
    shown = result.stdout
    assert "Ann" in shown and "Lee" in shown
    for char in "\x1b\x07\x9b" + RLO:
        assert char not in shown, repr(char)


def test_a_disguised_output_name_is_shown_with_its_override_neutralised(tmp_path):
    case = _case_file(tmp_path)
    target = tmp_path / f"leaflet{RLO}fdp.exe"
    result = run("export", str(case), "-o", str(target))
    assert result.returncode == 0, result.stderr
    assert target.exists()
    assert RLO not in result.stdout and "leaflet\ufffdfdp.exe" in result.stdout
    escaped = tmp_path / "a\x1b[2Jb"
    escaped.mkdir()
    refused = run("export", str(case), "-o", str(escaped))
    assert refused.returncode == 2 and "\x1b" not in refused.stderr and "it is a folder" in refused.stderr


def test_a_refused_script_is_named_with_every_script_that_does_print(tmp_path):
    """Korean prints since issue 12 (NanumGothic); the refusal must not send a Korean name elsewhere."""
    case = _case_file(tmp_path, patient={"preferred_name": "प्रिया"})
    result = run("export", str(case), "-o", str(tmp_path / "out.pdf"))
    assert result.returncode == 2 and "patient.preferred_name" in result.stderr
    assert "Chinese, Japanese and Korean" in result.stderr
    korean = _case_file(tmp_path, "korean.json", patient={"preferred_name": "김민지"})
    assert run("export", str(korean), "-o", str(tmp_path / "ko.pdf")).returncode == 0


def test_assess_shows_typed_result_notes_without_their_controls(tmp_path):
    detail = f"normal{ESCAPES}{RLO}end"
    workup = {"maternal-infection-serology": {"status": "normal", "detail": detail}}
    result = run("assess", str(_case_file(tmp_path, workup=workup)))
    assert result.returncode == 0, result.stderr
    assert "normal" in result.stdout and "end" in result.stdout
    for char in "\x1b\x07\x9b" + RLO:
        assert char not in result.stdout, repr(char)


# --- a logo is measured before it is decoded ----------------------------------------------------


def _png_declaring(width: int, height: int) -> bytes:
    """A valid, tiny PNG of ``width`` x ``height`` white pixels (it compresses to a few hundred KB)."""

    def chunk(kind: bytes, body: bytes) -> bytes:
        return struct.pack(">I", len(body)) + kind + body + struct.pack(">I", zlib.crc32(kind + body))

    packer = zlib.compressobj(9)
    row = b"\x00" + b"\xff" * (3 * width)
    idat = b"".join(packer.compress(row) for _ in range(height)) + packer.flush()
    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", idat) + chunk(b"IEND", b"")


@pytest.mark.skipif(not Path("/proc/self/status").exists(), reason="measures peak memory through /proc")
def test_an_oversized_logo_is_refused_from_its_header_not_after_decoding_it(tmp_path):
    """12000x12000 pixels in 400 KB used to be decoded first: 1.4 GB of memory before the refusal."""
    logo = tmp_path / "logo.png"
    logo.write_bytes(_png_declaring(12_000, 12_000))
    assert logo.stat().st_size < 1024 * 1024  # within the file-size limit: only the pixel check stops it
    # Peak memory of the child's own image (VmHWM): ru_maxrss would carry the parent's size across exec.
    probe = (
        "import re, sys\n"
        "from pathlib import Path\n"
        "from livercalc_desktop.domain.errors import LeafletError\n"
        "from livercalc_desktop.leaflet.letterhead import load_logo\n"
        "try:\n"
        "    load_logo(Path(sys.argv[1]))\n"
        "except LeafletError as exc:\n"
        "    print(exc.message)\n"
        "status = open('/proc/self/status').read()\n"
        "print(int(re.search(r'VmHWM:\\s+(\\d+) kB', status).group(1)) // 1024)\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", probe, str(logo)],
        capture_output=True,
        text=True,
        env={"PATH": "/usr/bin:/bin", "PYTHONPATH": str(ROOT)},
        timeout=120,
        check=False,
    )
    message, peak_mib = result.stdout.splitlines()
    assert "the logo is 12000×12000 pixels" in message, result.stderr
    assert int(peak_mib) < 300, f"{peak_mib} MiB to refuse a logo"


# --- the register's own file is never replaced, and a file that is no register is said so -------


def test_the_audit_page_is_never_written_over_the_register_it_counts(tmp_path, pathway):
    assert _register(tmp_path, pathway, "add", str(_case_file(tmp_path)))[0] == 0
    database = tmp_path / "register.db"
    before = database.read_bytes()
    for target in (database, tmp_path / "." / "register.db"):
        code, _, err = _register(tmp_path, pathway, "audit", "--pdf", str(target))
        assert code == 2 and "it is the register's own database" in err, err
    assert database.read_bytes() == before
    code, out, _ = _register(tmp_path, pathway, "list")
    assert code == 0 and "1 case(s)" in out
    # The window saves the audit page through the same call, with the same table.
    from livercalc_desktop.register.audit import audit_table
    from livercalc_desktop.register.audit_pdf import write_audit_pdf
    from livercalc_desktop.register.errors import RegisterInputError
    from livercalc_desktop.register.store import Register

    with Register.open(pathway, f"sqlite:///{database}") as register:
        with pytest.raises(RegisterInputError, match="register's own database"):
            write_audit_pdf(audit_table(register), database)
        write_audit_pdf(audit_table(register), tmp_path / "audit.pdf")
    assert (tmp_path / "audit.pdf").read_bytes().startswith(b"%PDF")


def test_a_register_file_that_is_not_a_database_is_said_so_and_left_alone(tmp_path, pathway):
    other = tmp_path / "leaflet.pdf"
    other.write_bytes(b"%PDF-1.4\n" + b"x" * 5000)
    other.chmod(0o644)
    before = other.read_bytes()
    out, err = io.StringIO(), io.StringIO()
    code = run_register(["--database", f"sqlite:///{other}", "list"], out, err, pathway=pathway)
    assert code == 1, err.getvalue()
    assert "is not a LiverCalc register, or it is damaged; it was not changed" in err.getvalue()
    assert other.read_bytes() == before
    assert other.stat().st_mode & 0o777 == 0o644  # "not changed" holds for its permissions too


def test_a_key_given_twice_is_refused_not_read_one_way(tmp_path, pathway):
    """A first "lesion" with a solid mass and a second without one read as isolated, low level."""
    text = json.dumps(base_case_data())
    mass = '"lesion": {"count": "1", "compartment": "parenchymal", "liver_mass": "solid"}, '
    path = tmp_path / "twice.json"
    path.write_text(text.replace('"lesion":', mass + '"lesion":', 1), "utf-8")
    for command in ("validate", "assess", "export"):
        argv = (command, str(path), *(["-o", str(tmp_path / "out.pdf")] if command == "export" else []))
        result = run(*argv)
        assert result.returncode == 2, result.stdout
        assert 'the key "lesion" appears twice in one object' in result.stderr
    assert not (tmp_path / "out.pdf").exists()
    code, _, err = _register(tmp_path, pathway, "add", str(path))
    assert code == 2 and "appears twice" in err


def _po_with(tmp_path: Path, folder: Path, old: str, new: str) -> Path:
    po = tmp_path / "agency.po"
    assert run("translations", "--folder", str(folder), "export", "--lang", "es", "-o", str(po)).returncode == 0
    text = po.read_text("utf-8")
    assert old in text
    po.write_text(text.replace(old, new, 1), "utf-8")
    return po


def test_a_translation_holding_control_characters_is_refused_with_the_entry_named(tmp_path):
    """A DEL in a msgstr was written raw into leaflet.es.toml, which TOML forbids: Spanish was lost."""
    folder = _pathway_copy(tmp_path)
    before = (folder / "leaflet.es.toml").read_bytes()
    po = _po_with(tmp_path, folder, 'msgstr "Información sobre su ecografía"', 'msgstr "Infor\x7f\x1b[2Jmación"')
    result = run("translations", "--folder", str(folder), "import", str(po))
    assert result.returncode == 2, result.stdout
    assert "hold invisible control characters" in result.stderr and "meta.subtitle" in result.stderr
    assert (folder / "leaflet.es.toml").read_bytes() == before


def test_a_translator_name_with_a_del_still_leaves_a_readable_texts_file(tmp_path):
    folder = _pathway_copy(tmp_path)
    po = _po_with(tmp_path, folder, '"Last-Translator: ', '"Last-Translator: Agency\x7f ')
    assert run("translations", "--folder", str(folder), "import", str(po)).returncode == 0
    status = run("translations", "--folder", str(folder), "status")
    assert status.returncode == 0, status.stderr
    assert "es " in status.stdout
    case = _case_file(tmp_path, patient={"language": "es"})
    assert run("export", str(case), "-o", str(tmp_path / "es.pdf")).returncode == 0  # the bundled texts still print


def test_a_folder_the_register_export_creates_is_owner_only_whatever_the_umask(tmp_path, pathway):
    assert _register(tmp_path, pathway, "add", str(_case_file(tmp_path)))[0] == 0
    previous = os.umask(0)
    try:
        code, out, _ = _register(
            tmp_path, pathway, "export", "--format", "csv", "--identified", "-o", str(tmp_path / "new")
        )
    finally:
        os.umask(previous)
    assert code == 0, out
    assert (tmp_path / "new").stat().st_mode & 0o777 == 0o700
    assert all(f.stat().st_mode & 0o777 == 0o600 for f in (tmp_path / "new").iterdir())


def test_the_register_never_echoes_controls_from_file_names_reasons_or_stored_json(tmp_path, pathway):
    case = _case_file(tmp_path, patient={"name": f"Ann{RLO}eve\u009b2J"})
    assert _register(tmp_path, pathway, "add", str(case))[0] == 0
    assert _register(tmp_path, pathway, "withdraw", "1", "--reason", f"typed{ESCAPES}")[0] == 0
    code, shown, _ = _register(tmp_path, pathway, "show", "1")
    assert code == 0 and "Ann" in shown and "typed" in shown
    missing = tmp_path / f"gone{ESCAPES}.json"
    code, _, err = _register(tmp_path, pathway, "add", str(missing))
    assert code == 2 and "gone" in err
    folder = tmp_path / "cases"
    folder.mkdir()
    (folder / f"bad{RLO}.json").write_text("[", "utf-8")
    code, imported, _ = _register(tmp_path, pathway, "import", str(folder))
    assert code == 0 and "skipped" in imported
    for char in "\x1b\x07\x9b" + RLO:
        assert char not in shown + err + imported, repr(char)


@pytest.mark.parametrize("command", ["export", "summary"])
def test_the_logo_is_never_replaced_by_the_document_made_with_it(tmp_path, command):
    logo = tmp_path / "logo.png"
    logo.write_bytes(_png_declaring(64, 64))
    before = logo.read_bytes()
    case = _case_file(tmp_path)
    for target in (logo, tmp_path / "." / "logo.png"):
        result = run(command, str(case), "--logo", str(logo), "-o", str(target))
        assert result.returncode == 2, result.stdout
        assert "it is the logo (--logo)" in result.stderr
    assert logo.read_bytes() == before
    assert run(command, str(case), "--logo", str(logo), "-o", str(tmp_path / "out.pdf")).returncode == 0


@pytest.mark.parametrize("language", ["en", "ar"])
def test_controls_and_overrides_in_typed_text_print_as_nothing_not_as_boxes(tmp_path, language):
    """U+202E in a name printed as a box on the leaflet, a BEL as a gap; now neither prints at all."""
    from pypdf import PdfReader

    case = _case_file(
        tmp_path,
        patient={"language": language, "preferred_name": f"Lan{RLO}evil", "name": "Ann\x07\x1b[2J\rLee"},
        notes={"for_patient": "Call\u202d us\u2066 soon\x9b"},
    )
    for command in ("export", "summary"):
        out = tmp_path / f"{command}.pdf"
        result = run(command, str(case), "-o", str(out))
        assert result.returncode == 0, result.stderr
        text = "".join(page.extract_text() for page in PdfReader(out).pages)
        for char in "\x07\x1b\r\x9b\u202d\u2066" + RLO:
            assert char not in text, (command, repr(char))
    leaflet_text = "".join(page.extract_text() for page in PdfReader(tmp_path / "export.pdf").pages)
    assert "Lanevil" in leaflet_text


def _columns(line: str) -> int:
    return sum(2 if unicodedata.east_asian_width(c) in "WF" else 0 if unicodedata.combining(c) else 1 for c in line)


@pytest.mark.parametrize("ascii_only", [False, True])
def test_the_note_fits_80_columns_with_chinese_and_korean_text_and_loses_none(tmp_path, ascii_only):
    """textwrap counted characters: a Chinese name and note made 160-column lines in the record."""
    name, note = "王" * 100, "请明天上午来复查 김민지 call us on 0100 " + "肝" * 300
    case = _case_file(tmp_path, patient={"name": name}, notes={"for_patient": note})
    result = run("summary", str(case), "--text", *(["--ascii"] if ascii_only else []))
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    assert max(_columns(line) for line in lines) <= 80
    if not ascii_only:
        squeezed = "".join("".join(lines).split())
        assert "".join(name.split()) in squeezed and "".join(note.split()) in squeezed


def test_a_register_named_as_a_pipe_or_folder_is_refused_and_left_as_it_was(tmp_path, pathway):
    """The register file was made owner-only before anything else: as root, /dev/zero became 0600."""
    pipe = tmp_path / "register.pipe"
    os.mkfifo(pipe, 0o644)
    os.chmod(pipe, 0o644)
    folder = tmp_path / "folder"
    folder.mkdir(mode=0o755)
    os.chmod(folder, 0o755)
    for target, mode in ((pipe, 0o644), (folder, 0o755)):
        out, err = io.StringIO(), io.StringIO()
        code = run_register(["--database", f"sqlite:///{target}", "list"], out, err, pathway=pathway)
        assert code == 2, err.getvalue()
        assert "is not a regular file" in err.getvalue()
        assert target.stat().st_mode & 0o777 == mode
