"""Print a finished PDF as vector output: the print system gets the PDF itself.

Rendering pages to images through QtPdf made a 17 MB spool for three pages and printed
text at the image's resolution, not the printer's. Where CUPS is present (Linux, macOS)
the PDF goes to ``lp``, which takes PDF natively and lets the printer's own driver render
it at full resolution; "print to file" copies the PDF. Only a system with no ``lp``
(Windows) falls back to page images, at a bounded resolution.
"""

from __future__ import annotations

import re
import shutil
import subprocess
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QBuffer, QByteArray, QCoreApplication, QIODevice
from PySide6.QtGui import QPainter
from PySide6.QtPrintSupport import QPrinter
from PySide6.QtWidgets import QWidget

from livercalc_desktop.atomic import write_atomically
from livercalc_desktop.domain.errors import LivercalcError
from livercalc_desktop.gui.dialogs import Dialogs

LP_TIMEOUT_S = 60
FALLBACK_DPI = 300


class PrintError(LivercalcError):
    """The document could not be handed to the printer."""


@dataclass(frozen=True, slots=True)
class PrintJob:
    """What the user chose in the print dialog, as the print system needs it."""

    printer: str
    copies: int = 1
    two_sided: bool = False
    pages: tuple[int, int] | None = None
    output_file: Path | None = None


def job_from_printer(printer: QPrinter) -> PrintJob:
    """Read the choices of a ``QPrintDialog`` from its printer."""
    pages = None
    if printer.printRange() == QPrinter.PrintRange.PageRange and printer.fromPage() > 0:
        pages = (printer.fromPage(), max(printer.toPage(), printer.fromPage()))
    to_file = printer.outputFormat() == QPrinter.OutputFormat.PdfFormat and printer.outputFileName()
    return PrintJob(
        printer=printer.printerName(),
        copies=max(printer.copyCount(), 1),
        two_sided=printer.duplex() not in (QPrinter.DuplexMode.DuplexNone,),
        pages=pages,
        output_file=Path(printer.outputFileName()) if to_file else None,
    )


def lp_command(job: PrintJob, title: str, lp: str) -> list[str]:
    """Return the ``lp`` command line for ``job``; the PDF goes on standard input, never to a temp file."""
    command = [lp, *(("-d", job.printer) if job.printer else ()), "-n", str(job.copies), "-t", title]
    if job.two_sided:
        command += ["-o", "sides=two-sided-long-edge"]
    if job.pages:
        command += ["-o", f"page-ranges={job.pages[0]}-{job.pages[1]}"]
    return [*command, "-"]


def submit(pdf: bytes, job: PrintJob, title: str, lp: str | None = None) -> str:
    """Hand ``pdf`` to the print system (or the chosen file); return what to tell the user.

    ``title`` is the job name other users see in the queue: never put a patient's name in it.
    """
    if job.output_file is not None:
        write_atomically(job.output_file, pdf, PrintError)
        return QCoreApplication.translate("Printing", "Saved to {file}").format(file=job.output_file)
    lp = lp or shutil.which("lp")
    if lp is None:
        raise PrintError(QCoreApplication.translate("Printing", "no print system (CUPS 'lp') was found"))
    try:
        result = subprocess.run(
            lp_command(job, title, lp), input=pdf, capture_output=True, timeout=LP_TIMEOUT_S, check=False
        )
    except (OSError, subprocess.TimeoutExpired) as exc:
        message = QCoreApplication.translate("Printing", "the print system did not answer: {reason}")
        raise PrintError(message.format(reason=exc)) from exc
    if result.returncode != 0:
        lines = result.stderr.decode("utf-8", "replace").strip().splitlines()
        none = QCoreApplication.translate("Printing", "no reason given")
        reason = re.sub(r"^\S*lp: (Error - )?", "", lines[-1]) if lines else none
        refused = QCoreApplication.translate("Printing", "{printer} refused the job: {reason}")
        raise PrintError(refused.format(printer=_named(job), reason=reason))
    return _sent(job)


def _sent(job: PrintJob) -> str:
    return QCoreApplication.translate("Printing", "Sent to {printer}").format(printer=_named(job))


def _named(job: PrintJob) -> str:
    if job.printer:
        return QCoreApplication.translate("Printing", "printer {name}").format(name=job.printer)
    return QCoreApplication.translate("Printing", "the default printer")


def print_as_images(pdf: bytes, printer: QPrinter) -> None:
    """Fallback for systems without CUPS: page images at a bounded resolution."""
    from PySide6.QtPdf import QPdfDocument  # loaded only on this rare path

    buffer = QBuffer()
    buffer.setData(QByteArray(pdf))
    buffer.open(QIODevice.OpenModeFlag.ReadOnly)
    document = QPdfDocument()
    document.load(buffer)
    printer.setResolution(FALLBACK_DPI)
    painter = QPainter(printer)
    try:
        for index in range(document.pageCount()):
            if index:
                printer.newPage()
            target = printer.pageRect(QPrinter.Unit.DevicePixel).size().toSize()
            painter.drawImage(0, 0, document.render(index, target))
    finally:
        painter.end()


def print_pdf(parent: QWidget, dialogs: Dialogs, pdf: bytes, title: str) -> str | None:
    """Ask for a printer through the dialog service, then print ``pdf``; return what happened, or None."""
    printer = dialogs.printer(parent)
    if printer is None:
        return None
    job = job_from_printer(printer)
    if job.output_file is None and shutil.which("lp") is None:
        print_as_images(pdf, printer)
        return _sent(job)
    try:
        return submit(pdf, job, title)
    except PrintError as exc:
        dialogs.error(parent, QCoreApplication.translate("Printing", "Not printed"), exc.message)
        return None
