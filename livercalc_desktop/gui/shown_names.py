"""File names as the window shows them: in the title, the recent-files menu and messages.

A file name may hold a bidirectional override (U+202E makes "invoice\u202efdp.json" read
"invoicenosj.pdf") or a control character; shown as it is, it reorders the window title and
the text around it. Shown names have them replaced by U+FFFD, as messages already do. The
file itself is opened and saved under its real name.
"""

from __future__ import annotations

from livercalc_desktop.domain.errors import printable


def shown_name(name: str) -> str:
    """Return ``name`` safe to show on one line: no bidi override, control, newline or tab."""
    return printable(name).replace("\n", "\ufffd").replace("\t", "\ufffd")


def menu_text(name: str) -> str:
    """Return ``name`` for a menu entry: shown safely, and an "&" in it is a letter, not a mnemonic."""
    return shown_name(name).replace("&", "&&")
