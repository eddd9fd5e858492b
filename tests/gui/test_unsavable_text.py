"""Text that cannot be saved, typed into the window: named as a problem, never a crash (issue 9).

The window validates through the same parser as a case file (``CaseDocument.problems``), so
the core rule that refuses a lone surrogate at load also names it in the form, and a save
that meets one raises the ordinary, user-facing ``CaseFileError``.
"""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.gui


def test_a_lone_surrogate_in_a_field_is_a_named_problem_and_save_says_why(window, dialogs, tmp_path, examples):
    window.open_path(examples / "isolated-pending.json")
    window.document.set_value("notes.for_patient", "Call us \ud800 soon")
    assert [str(p) for p in window.document.problems()] == [
        "notes.for_patient: holds a character that is not valid text (U+D800); retype it"
    ]
    target = tmp_path / "case.json"
    dialogs.save_answer = target
    assert window.save_as() is False
    assert dialogs.said("error") == ["notes.for_patient: holds a character that is not valid text; retype it"]
    assert not dialogs.said("report") and not target.exists()
