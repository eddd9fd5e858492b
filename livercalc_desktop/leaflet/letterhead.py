"""The clinic's letterhead: name, address, phone, contact line and an optional logo.

Set once in the preferences (or on the command line) and printed on both the leaflet and
the clinician summary. A logo is checked when it is chosen and again when it is used, so a
file that is not a small PNG or JPEG image gets a clear message, never a crash mid-print.
"""

from __future__ import annotations

import io
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from livercalc_desktop.atomic import same_file, shown_file
from livercalc_desktop.bounded_read import read_bounded
from livercalc_desktop.domain.errors import LeafletError
from livercalc_desktop.domain.validation import text_problem

if TYPE_CHECKING:
    from reportlab.lib.utils import ImageReader

CLINIC_TEXT_MAX = 200
"""The longest clinic name or contact line: one that still fits the page header and contact box."""

MAX_LOGO_BYTES = 1024 * 1024
MAX_LOGO_PIXELS = 4000
MIN_LOGO_PIXELS = 16
_SIGNATURES = {b"\x89PNG\r\n\x1a\n": "PNG", b"\xff\xd8\xff": "JPEG"}


@dataclass(frozen=True, slots=True)
class Logo:
    """A checked logo image, kept in memory so a file changed later cannot break a print."""

    data: bytes
    width: int
    height: int

    def fit(self, max_width: float, max_height: float) -> tuple[float, float]:
        """Return the drawn size that fits the box and keeps the aspect ratio."""
        scale = min(max_width / self.width, max_height / self.height)
        return self.width * scale, self.height * scale

    def reader(self) -> ImageReader:
        from reportlab.lib.utils import ImageReader  # only printing needs it

        return ImageReader(io.BytesIO(self.data))


def logo_from_bytes(data: bytes, name: str = "logo") -> Logo:
    """Check that ``data`` is a PNG or JPEG of sensible size; raise ``LeafletError`` naming the problem."""
    if len(data) > MAX_LOGO_BYTES:
        raise LeafletError(f"{name}: the logo is {len(data) // 1024} KB; the largest allowed is 1024 KB")
    if not any(data.startswith(signature) for signature in _SIGNATURES):
        raise LeafletError(f"{name}: the logo must be a PNG or JPEG image")
    from reportlab.lib.utils import ImageReader  # loads Pillow: only when a logo is used

    damaged = f"{name}: the logo image is damaged or unreadable"
    try:
        reader = ImageReader(io.BytesIO(data))
        width, height = reader.getSize()  # from the header alone
    except Exception as exc:  # Pillow raises many kinds of error for damaged images
        raise LeafletError(damaged) from exc
    if not (min(width, height) >= MIN_LOGO_PIXELS and max(width, height) <= MAX_LOGO_PIXELS):
        # Checked before decoding: a 400 KB PNG can declare 12000×12000 pixels, 1.4 GB once decoded.
        raise LeafletError(
            f"{name}: the logo is {width}×{height} pixels; each side must be "
            f"{MIN_LOGO_PIXELS} to {MAX_LOGO_PIXELS} pixels"
        )
    try:
        reader.getRGBData()  # decode it all now: a damaged file fails here, not in the middle of a print
    except Exception as exc:
        raise LeafletError(damaged) from exc
    return Logo(data, int(width), int(height))


def load_logo(path: Path) -> Logo:
    """Read and check a logo file."""
    data = read_bounded(path, MAX_LOGO_BYTES, "logo", LeafletError)
    return logo_from_bytes(data, path.name)


@dataclass(frozen=True, slots=True)
class ClinicDetails:
    """The clinic's letterhead, from preferences or the command line; every part optional."""

    name: str = ""
    contact: str = ""
    address: str = ""
    phone: str = ""
    logo: Logo | None = None

    def lines(self) -> tuple[str, ...]:
        """Name, address lines, phone and contact line, blanks left out."""
        address = tuple(line.strip() for line in self.address.splitlines() if line.strip())
        phone = (f"Phone {self.phone}",) if self.phone else ()
        return tuple(line for line in (self.name, *address, *phone, self.contact) if line)

    def typed_fields(self) -> dict[str, object]:
        """Every typed part, by the name a message should use."""
        return {
            "clinic name": self.name,
            "clinic contact": self.contact,
            "clinic address": self.address,
            "clinic phone": self.phone,
        }


def clinic_text_problem(text: str) -> str | None:
    """Say what is wrong with a clinic name or contact line (from settings or ``--clinic``), or None."""
    if len(text) > CLINIC_TEXT_MAX:
        return f"must be at most {CLINIC_TEXT_MAX} characters, got {len(text)} characters"
    return text_problem(text)


def clinic_from_options(
    name: str = "", contact: str = "", logo: Path | None = None, *, output: Path | None = None
) -> ClinicDetails:
    """Build the letterhead from command-line options, naming the option that is wrong; the logo is checked here.

    ``output`` is the document to write: it may not be the logo itself (``--logo a.png -o a.png``
    would replace the clinic's logo with the PDF).
    """
    for option, text in (("--clinic", name), ("--contact", contact)):
        problem = clinic_text_problem(text)
        if problem:
            raise LeafletError(f"{option}: {problem}")
    if logo is not None and output is not None and same_file(output, logo):
        raise LeafletError(f"-o: will not write {shown_file(output)}: it is the logo (--logo); choose another name")
    return ClinicDetails(name=name, contact=contact, logo=load_logo(logo) if logo else None)
