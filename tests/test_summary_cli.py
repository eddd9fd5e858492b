"""``livercalc-desktop summary``, run as a user runs it: a fresh interpreter, real exit codes."""

from __future__ import annotations

import io
import json
import os
import struct
import zlib
from pathlib import Path
from typing import Any

import pytest

from tests.conftest import EXAMPLES, base_case_data
from tests.conftest import run_app as run
from tests.leaflet_helpers import flat, pdf_reader


def png(width: int, height: int) -> bytes:
    """A real, minimal RGB PNG (no image library needed to make one)."""

    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)

    rows = b"".join(b"\x00" + bytes([30, 95, 116]) * width for _ in range(height))
    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", zlib.compress(rows)) + chunk(b"IEND", b"")


def write_case(tmp_path: Path, data: object) -> Path:
    path = tmp_path / "case.json"
    path.write_text(json.dumps(data, ensure_ascii=False), "utf-8")
    return path


def images_on_first_page(pdf: bytes) -> int:
    resources: Any = pdf_reader(pdf).pages[0]["/Resources"].get_object()
    xobjects = resources.get("/XObject", {})
    return sum(1 for ref in xobjects.values() if ref.get_object()["/Subtype"] == "/Image")


def test_summary_writes_a_pdf_with_the_letterhead(tmp_path):
    logo = tmp_path / "logo.png"
    logo.write_bytes(png(120, 40))
    out = tmp_path / "summary.pdf"
    args = ["summary", str(EXAMPLES / "non-isolated.json"), "-o", str(out), "--paper", "letter"]
    result = run(*args, "--clinic", "Demo Unit", "--contact", "Phone 0100 000 000", "--logo", str(logo))
    assert result.returncode == 0, result.stderr
    assert result.stdout == f"wrote {out}\n"
    pdf = out.read_bytes()
    text = flat(pdf)
    assert text.startswith("Demo Unit Phone 0100 000 000 Fetal liver calcification: clinician summary")
    assert "Not isolated (non-isolated)" in text
    assert round(float(pdf_reader(pdf).pages[0].mediabox.width)) == 612
    assert images_on_first_page(pdf) == 1
    assert not list(tmp_path.glob(".livercalc-*"))


def test_the_leaflet_takes_the_logo_too(tmp_path):
    logo = tmp_path / "logo.png"
    logo.write_bytes(png(90, 30))
    out = tmp_path / "leaflet.pdf"
    result = run("export", str(EXAMPLES / "isolated-pending.json"), "-o", str(out), "--logo", str(logo))
    assert result.returncode == 0, result.stderr
    assert images_on_first_page(out.read_bytes()) == 1


def test_summary_text_goes_to_stdout(tmp_path):
    result = run("summary", str(EXAMPLES / "non-isolated.json"), "--text", "--ascii")
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("FETAL LIVER CALCIFICATION: CLINICIAN SUMMARY\n")
    assert "Category: Not isolated (non-isolated)" in result.stdout
    assert result.stdout.isascii()
    assert max(len(line) for line in result.stdout.splitlines()) <= 80
    assert not list(tmp_path.iterdir())


@pytest.mark.parametrize(
    ("extra", "message"),
    [
        (["--paper", "a3"], "invalid choice: 'a3'"),
        ([], "one of the arguments -o/--output --text is required"),
        (["--text", "-o", "x.pdf"], "not allowed with argument"),
        (["-o", "x.pdf", "--ascii"], "--ascii: applies to the note (--text), not to the PDF"),
    ],
)
def test_bad_usage_exits_2(extra, message):
    result = run("summary", str(EXAMPLES / "non-isolated.json"), *extra)
    assert result.returncode == 2
    assert message in result.stderr and "Traceback" not in result.stderr


def test_bad_case_gives_the_same_errors_as_export(tmp_path):
    data = base_case_data(exam={"gestational_age": {"weeks": 50, "days": 0}})
    path = write_case(tmp_path, data)
    summary = run("summary", str(path), "-o", str(tmp_path / "s.pdf"))
    export = run("export", str(path), "-o", str(tmp_path / "l.pdf"))
    assert summary.returncode == export.returncode == 2
    assert summary.stderr == export.stderr
    assert "exam.gestational_age.weeks: must be 10–42, got 50" in summary.stderr
    missing = run("summary", str(tmp_path / "nope.json"), "--text")
    assert missing.returncode == 2 and "no such file" in missing.stderr
    assert sorted(p.name for p in tmp_path.iterdir()) == ["case.json"]


def test_unwritable_target_exits_2_and_keeps_the_old_file(tmp_path):
    folder = tmp_path / "out"
    folder.mkdir()
    result = run("summary", str(EXAMPLES / "non-isolated.json"), "-o", str(folder))
    assert result.returncode == 2 and "it is a folder" in result.stderr
    old = tmp_path / "old.pdf"
    old.write_bytes(b"previous")
    bad = write_case(tmp_path, base_case_data(lesion={"count": "9"}))
    assert run("summary", str(bad), "-o", str(old)).returncode == 2
    assert old.read_bytes() == b"previous"


@pytest.mark.parametrize(
    ("make", "message"),
    [
        (lambda p: p.write_bytes(b"GIF89a not a png"), "logo.img: the logo must be a PNG or JPEG image"),
        (lambda p: p.write_bytes(b"\x89PNG\r\n\x1a\n" + b"\x00" * 40), "the logo image is damaged or unreadable"),
        (lambda p: p.write_bytes(png(8, 8)), "logo.img: the logo is 8×8 pixels; each side must be 16 to 4000"),
        (
            lambda p: p.write_bytes(b"\x89PNG\r\n\x1a\n" + b"\x00" * (1024 * 1024 + 1)),
            "logo.img: is larger than 1 MiB, the most a logo may be",
        ),
        (lambda p: None, "logo.img: no such file"),
        (os.mkfifo, "logo.img: is not a regular file"),  # would block the read forever
    ],
)
def test_a_bad_logo_is_refused_with_a_clear_message(tmp_path, make, message):
    logo = tmp_path / "logo.img"
    make(logo)
    for command in ("summary", "export"):
        result = run(command, str(EXAMPLES / "non-isolated.json"), "-o", str(tmp_path / "x.pdf"), "--logo", str(logo))
        assert result.returncode == 2
        assert message in result.stderr and "Traceback" not in result.stderr
        assert not (tmp_path / "x.pdf").exists()


def test_helper_png_is_a_valid_image():
    from livercalc_desktop.leaflet.letterhead import logo_from_bytes

    logo = logo_from_bytes(png(64, 16))
    assert (logo.width, logo.height) == (64, 16)
    assert logo.fit(32, 100) == (32, 8)
    assert io.BytesIO(logo.data).read(8) == b"\x89PNG\r\n\x1a\n"
