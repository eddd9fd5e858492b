"""Hostile and mistaken input on the command line: always exit 2 with the field named, never hang,
never an internal error, never a patient's name or hospital number in a message (issue 9)."""

from __future__ import annotations

import json
import os
import stat
from pathlib import Path

import pytest

from livercalc_desktop.cli import SUBCOMMANDS
from tests.conftest import EXAMPLES, base_case_data
from tests.conftest import run_app as run

NAME, HOSPITAL_NUMBER = "ZZCANARY Zelda", "ZZCANARY-998877"
VERSION = f'"version": {base_case_data()["version"]}'  # as the current format writes it
CANARY = "ZZCANARY"


def canary_case(**sections: object) -> dict[str, object]:
    """A case whose private fields hold the canary, with the given sections merged in."""
    data = base_case_data(**sections)
    patient = data.get("patient")
    extra = patient if isinstance(patient, dict) else {}
    data["patient"] = {"name": NAME, "hospital_number": HOSPITAL_NUMBER, **extra}
    return data


def write_json_text(tmp_path: Path, text: str, name: str = "case.json") -> Path:
    path = tmp_path / name
    path.write_text(text, "utf-8")
    return path


def write_case(tmp_path: Path, data: object, name: str = "case.json") -> Path:
    return write_json_text(tmp_path, json.dumps(data, ensure_ascii=False), name)


def assert_user_error(result, *expected: str) -> None:
    output = result.stdout + result.stderr
    assert result.returncode == 2, output
    assert "internal error" not in output and "Traceback" not in output
    for text in expected:
        assert text in result.stderr, result.stderr
    assert CANARY not in output


# --- 1. text that cannot be saved is refused where it enters --------------------------------


def test_a_lone_surrogate_in_a_text_field_is_refused_at_load_with_the_field_named(tmp_path):
    text = json.dumps(canary_case(notes={"for_patient": "SURROGATE"})).replace("SURROGATE", "note \\ud800 end")
    path = write_json_text(tmp_path, text)
    for command in ("validate", "assess"):
        assert_user_error(run(command, str(path)), "notes.for_patient: holds a character that is not valid text")


def test_a_lone_surrogate_in_a_name_key_or_result_note_is_refused_too(tmp_path):
    data = canary_case(workup={"fetal-echo": {"status": "normal", "detail": "DETAIL"}})
    text = json.dumps(data).replace(NAME, "ZZCANARY \\udc80").replace("DETAIL", "x\\udfff")
    text = text.replace('"lesion": {', '"lesion": {"k\\ud83d": 1, ')
    result = run("validate", str(write_json_text(tmp_path, text)))
    assert_user_error(
        result,
        "patient.name: holds a character that is not valid text (U+DC80)",
        "workup.fetal-echo.detail: holds a character",
        "this key holds a character that is not valid text (U+D83D)",
    )


def test_clinic_options_must_be_valid_text(tmp_path):
    out = tmp_path / "leaflet.pdf"
    # Bytes that are not UTF-8 reach Python as lone surrogates (surrogateescape).
    result = run("export", str(EXAMPLES / "liver-mass.json"), "-o", str(out), "--contact", "Ward \udcff")
    assert_user_error(result, "--contact: holds a character that is not valid text")
    assert not out.exists()


# --- 2. every valid case prints; clinic options are bounded -----------------------------------


@pytest.mark.parametrize("run_of", ["肝", "W", "x-", "مرحبا"], ids=["cjk", "wide-latin", "hyphens", "arabic"])
def test_a_note_at_its_longest_without_spaces_prints_across_pages(tmp_path, run_of):
    note = (run_of * 2000)[:2000]
    data = canary_case(patient={"preferred_name": (run_of * 200)[:200]}, notes={"for_patient": note})
    out = tmp_path / "leaflet.pdf"
    result = run("export", str(write_case(tmp_path, data)), "-o", str(out), "--clinic", "C" * 200)
    assert result.returncode == 0, result.stderr
    assert out.read_bytes().startswith(b"%PDF")


@pytest.mark.parametrize("option", ["--clinic", "--contact"])
def test_clinic_options_are_bounded_with_the_option_and_limit_named(tmp_path, option):
    out = tmp_path / "leaflet.pdf"
    result = run("export", str(EXAMPLES / "liver-mass.json"), "-o", str(out), option, "a" * 100_000)
    assert_user_error(result, f"{option}: must be at most 200 characters, got 100000 characters")
    assert not out.exists()


# --- 3. export never replaces what it must not ----------------------------------------------


def test_export_refuses_to_overwrite_its_own_case_file(tmp_path):
    case = write_case(tmp_path, canary_case())
    before = case.read_bytes()
    for target in ("case.json", "./case.json", str(case)):
        result = run("export", str(case), "-o", str(tmp_path / target))
        assert_user_error(result, "it is the case file itself; choose another name")
        assert case.read_bytes() == before


def _special_targets(tmp_path: Path) -> dict[str, Path]:
    victim = tmp_path / "precious.txt"
    victim.write_text("keep me", "utf-8")
    link = tmp_path / "link.pdf"
    link.symlink_to(victim)
    fifo = tmp_path / "pipe.pdf"
    os.mkfifo(fifo)
    read_only = tmp_path / "read-only.pdf"
    read_only.write_text("old leaflet", "utf-8")
    read_only.chmod(0o444)
    folder = tmp_path / "folder.pdf"
    folder.mkdir()
    return {"symbolic link": link, "not a regular file": fifo, "read-only": read_only, "folder": folder}


def test_export_refuses_links_pipes_devices_folders_and_read_only_files(tmp_path):
    (tmp_path / "in").mkdir()
    case = str(write_case(tmp_path / "in", canary_case()))
    targets = {**_special_targets(tmp_path), "not a regular file (device)": Path("/dev/null")}
    for reason, target in targets.items():
        result = run("export", case, "-o", str(target))
        assert_user_error(result, f"{reason.split(' (')[0]}")
    assert (tmp_path / "precious.txt").read_text("utf-8") == "keep me"
    assert (tmp_path / "link.pdf").is_symlink()
    assert stat.S_ISFIFO((tmp_path / "pipe.pdf").lstat().st_mode)
    assert (tmp_path / "read-only.pdf").read_text("utf-8") == "old leaflet"
    assert Path("/dev/null").is_char_device()
    assert not list(tmp_path.glob(".livercalc-*"))


def test_a_new_leaflet_is_owner_only_whatever_the_umask(tmp_path):
    out = tmp_path / "leaflet.pdf"
    old = os.umask(0o022)
    try:
        result = run("export", str(EXAMPLES / "liver-mass.json"), "-o", str(out))
    finally:
        os.umask(old)
    assert result.returncode == 0, result.stderr
    assert stat.S_IMODE(out.stat().st_mode) == 0o600


def test_replacing_a_leaflet_keeps_the_permissions_its_owner_chose(tmp_path):
    out = tmp_path / "leaflet.pdf"
    out.write_bytes(b"old")
    out.chmod(0o640)
    result = run("export", str(EXAMPLES / "liver-mass.json"), "-o", str(out))
    assert result.returncode == 0, result.stderr
    assert out.read_bytes().startswith(b"%PDF") and stat.S_IMODE(out.stat().st_mode) == 0o640


def test_a_killed_exports_stale_temp_file_is_removed_by_the_next_export(tmp_path):
    hour_ago = os.path.getmtime(EXAMPLES / "liver-mass.json") - 3600
    stale, fresh = tmp_path / ".livercalc-abc_1234.tmp", tmp_path / ".livercalc-fresh123.tmp"
    not_ours = [tmp_path / ".livercalc-notes.txt", tmp_path / "other.tmp", tmp_path / ".livercalc-toolongname.tmp"]
    for path in (stale, fresh, *not_ours):
        path.write_bytes(b"%PDF whole leaflet")
    for path in (stale, *not_ours):
        os.utime(path, (hour_ago, hour_ago))
    result = run("export", str(EXAMPLES / "liver-mass.json"), "-o", str(tmp_path / "leaflet.pdf"))
    assert result.returncode == 0, result.stderr
    assert not stale.exists()
    assert fresh.exists() and all(path.exists() for path in not_ours)


# --- 4. reading is bounded; hostile JSON is a user error ------------------------------------


def test_validate_refuses_a_pipe_at_once_instead_of_waiting_for_a_writer(tmp_path):
    fifo = tmp_path / "case.json"
    os.mkfifo(fifo)
    assert_user_error(run("validate", str(fifo)), "is not a regular file")


def test_validate_refuses_a_device_instead_of_reading_it_forever():
    assert_user_error(run("validate", "/dev/zero"), "/dev/zero: is not a regular file")


def test_a_case_file_larger_than_1_mib_is_refused_with_the_limit_named(tmp_path):
    text = json.dumps(canary_case(notes={"for_patient": "fine"}))
    path = write_json_text(tmp_path, text[:-1] + " " * (1024 * 1024) + "}")
    assert_user_error(run("validate", str(path)), "is larger than 1 MiB")


@pytest.mark.parametrize(
    ("replace", "by", "message"),
    [
        ('"notes": {}', '"notes": ' + "[" * 100_000 + "]" * 100_000, "its JSON is nested too deeply"),
        ('"weeks": 20', '"weeks": ' + "9" * 5000, "exam.gestational_age.weeks: must be a whole number 10–42, got a"),
        ('"weeks": 20', '"weeks": ' + "9" * 4000, "exam.gestational_age.weeks: must be a whole number 10–42, got a"),
        ('"largest_mm": [2.0]', '"largest_mm": [' + "1" * 400 + "]", "lesion.largest_mm[0]: must be a number"),
        ('"language": "en"', '"language": "en' + "-abcdefgh" * 40 + '"', "patient.language: must be a language tag"),
        (VERSION, '"version": true', "version: must be a whole number 1–"),
        (VERSION, '"version": 1.0', "version: must be a whole number 1–"),
    ],
    ids=["deep-nesting", "5000-digits", "4000-digits", "400-digit-size", "362-char-language", "version-true", "1.0"],
)
def test_hostile_json_is_a_user_error_with_the_field_named(tmp_path, replace, by, message):
    text = json.dumps(canary_case(notes={}, patient={"language": "en"}, lesion={"largest_mm": [2.0]}))
    assert replace in text
    path = write_json_text(tmp_path, text.replace(replace, by, 1))
    for command in ("validate", "export"):
        extra = ("-o", str(tmp_path / "leaflet.pdf")) if command == "export" else ()
        assert_user_error(run(command, str(path), *extra), message)
    assert not (tmp_path / "leaflet.pdf").exists()


def test_an_over_long_output_name_is_a_user_error(tmp_path):
    target = tmp_path / ("n" * 300 + ".pdf")
    result = run("export", str(EXAMPLES / "liver-mass.json"), "-o", str(target))
    assert_user_error(result, "cannot write", "file name too long")
    assert len(result.stderr) < 400


def test_a_numeric_or_listed_hospital_number_is_never_echoed(tmp_path):
    for value in (99887766, 99887766.5, [99887766], True):
        data = canary_case()
        data["patient"]["hospital_number"] = value  # type: ignore[index]
        result = run("validate", str(write_case(tmp_path, data)))
        assert_user_error(result, "patient.hospital_number: must be text, got ")
        assert "9.98878e+07" not in result.stderr and "99887766" not in result.stderr


def test_a_huge_unknown_key_is_cut_not_echoed_in_full(tmp_path):
    data = canary_case()
    data["k" * 1_000_000] = 1
    data["exam"]["q" * 500] = 2  # type: ignore[index]
    result = run("validate", str(write_case(tmp_path, data)))
    assert_user_error(result, "k" * 39 + "…: unknown field", "exam." + "q" * 39 + "…: unknown field")
    assert len(result.stderr) < 1000


# --- 5. a mistyped subcommand is a usage error, not a crashed window --------------------------


@pytest.mark.parametrize("argv", [("asess",), ("valdate",), ("--self-test", "no-such-case.json")])
def test_a_word_that_is_neither_subcommand_nor_file_is_a_usage_error_without_a_display(argv):
    result = run(*argv)  # run_app's environment has no DISPLAY: falling to the GUI would abort (134)
    assert_user_error(result, f"is neither a subcommand ({', '.join(SUBCOMMANDS)}) nor an existing file", "usage:")


# --- 6. the canary: no patient name or hospital number in any message ------------------------


def test_no_message_for_any_bad_input_holds_the_patients_name_or_hospital_number(tmp_path):
    """Every kind of bad input above, with the canary in the case's private fields."""
    (tmp_path / "in").mkdir()
    good = str(write_case(tmp_path / "in", canary_case(), name="canary.json"))
    bad_cases = {
        "surrogate": json.dumps(canary_case(exam={"clinician": "X"})).replace('"X"', '"\\ud800"'),
        "deep": json.dumps(canary_case(notes={})).replace('"notes": {}', '"notes": ' + "[" * 5000 + "]" * 5000),
        "digits": json.dumps(canary_case()).replace('"weeks": 20', '"weeks": ' + "9" * 5000),
        "version": json.dumps(canary_case()).replace(VERSION, '"version": true'),
        "unknown key": json.dumps({**canary_case(), "k" * 100_000: NAME}),
        "private wrong types": json.dumps(canary_case(patient={"name": [NAME], "hospital_number": 99887766})),
        "too long": json.dumps(canary_case(patient={"name": NAME * 20, "hospital_number": HOSPITAL_NUMBER * 5})),
        "unprintable": json.dumps(canary_case(patient={"preferred_name": f"{NAME} \U0001f600"}), ensure_ascii=False),
    }
    files = [str(write_json_text(tmp_path, text, f"{kind}.json")) for kind, text in bad_cases.items()]
    runs: list[tuple[str, ...]] = [("validate", f) for f in files if not f.endswith("unprintable.json")]  # valid
    runs += [("export", file, "-o", str(tmp_path / "x.pdf")) for file in files]
    runs += [("export", good, "-o", str(target)) for target in [*_special_targets(tmp_path).values(), good]]
    runs += [
        ("export", good, "-o", str(tmp_path / ("n" * 300 + ".pdf"))),
        ("export", good, "-o", str(tmp_path / "x.pdf"), "--clinic", "a" * 100_000),
        ("export", good, "-o", str(tmp_path / "x.pdf"), "--contact", "\udcff"),
        ("validate", "/dev/zero"),
        ("assess", good, "--jsn"),
    ]
    for argv in runs:
        result = run(*argv)
        assert result.returncode == 2, (argv[0], result.stderr)
        assert CANARY not in result.stdout + result.stderr, argv[0]
        assert "99887766" not in result.stderr and "9.98878e+07" not in result.stderr


def test_a_mistyped_subcommand_before_a_case_file_is_named_with_the_closest_subcommand(tmp_path):
    case = write_case(tmp_path, canary_case())
    result = run("expor", str(case))
    assert_user_error(result, '"expor" is neither a subcommand', 'did you mean "export"?')
    assert "unrecognized arguments" not in result.stderr


def test_a_case_file_without_a_display_exits_2_naming_the_subcommands_that_work(tmp_path):
    case = write_case(tmp_path, canary_case())
    result = run(str(case))  # no DISPLAY, WAYLAND_DISPLAY or QT_QPA_PLATFORM
    assert_user_error(result, "no display", "validate", "export")


@pytest.mark.parametrize("command", ["export", "summary"])
def test_an_output_name_ending_in_a_slash_is_refused_as_a_folder(tmp_path, command):
    case = write_case(tmp_path, canary_case())
    result = run(command, str(case), "-o", str(tmp_path / "newdir") + "/")
    assert_user_error(result, "names a folder")
    assert not (tmp_path / "newdir").exists()
