"""Turn a parsed case file into a ``Case``, or say everything that is wrong with it.

Every problem is collected before anything is raised, so a user fixes a file in one pass.
Messages name the field path and what is allowed; they never repeat free text, because
free text can hold a patient's name.
"""

from __future__ import annotations

import datetime as dt
import json
import math
import re
from collections.abc import Callable, Iterable, Mapping

from livercalc_desktop.domain.case import Case, Value, WorkupEntry
from livercalc_desktop.domain.errors import SHOWN_MAX, CaseInvalid, Problem
from livercalc_desktop.domain.schema import CaseSchema, FieldSpec, FieldType

_LANGUAGE_TAG = re.compile(r"^[A-Za-z]{2,3}(-[A-Za-z0-9]{1,8})*$")
LANGUAGE_TAG_MAX = 35  # RFC 5646 §4.4.1: 35 characters hold every tag in practical use


def is_language_tag(text: str) -> bool:
    """Tell whether ``text`` has the shape of a language tag ("en", "pt-BR", "zh-Hans")."""
    return len(text) <= LANGUAGE_TAG_MAX and _LANGUAGE_TAG.fullmatch(text) is not None


_WORKUP_KEYS = ("status", "detail", "date")


def _number_text(value: float) -> str:
    return f"{value:g}"


def _range_text(spec: FieldSpec) -> str:
    unit = f" {spec.unit}" if spec.unit and spec.unit not in ("weeks", "days") else ""
    return f"{_number_text(spec.minimum or 0)}–{_number_text(spec.maximum or 0)}{unit}"


def _quoted(values: Iterable[str]) -> str:
    return ", ".join(f'"{v}"' for v in values)


def _shown(value: object) -> str:
    """Describe a wrong value briefly without repeating long or free text."""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, float) and not math.isfinite(value):  # a 5,000-digit number is read as infinity
        return "NaN" if math.isnan(value) else "a number too large to use"
    if isinstance(value, int | float):
        return _number_text(value)
    if isinstance(value, str):
        return f'"{value}"' if len(value) <= SHOWN_MAX else "a long text"
    if value is None:
        return "null"
    if isinstance(value, list):
        return "a list"
    return "an object" if isinstance(value, dict) else type(value).__name__


def _kind(value: object) -> str:
    """Name the JSON type of a value without showing the value (for private fields)."""
    if isinstance(value, bool):
        return "true or false"
    if isinstance(value, int | float):
        return "a number"
    if isinstance(value, str):
        return "text"
    return _shown(value)  # null, a list or an object: nothing of the value itself


def _without_value(problem: Problem, raw: object) -> Problem:
    """Drop a private field's value from the end of its message ("got 9.98878e+07" -> "got a number")."""
    shown = _shown(raw)
    if problem.message.endswith(shown):
        return Problem(problem.path, problem.message[: -len(shown)] + _kind(raw))
    return problem


def text_problem(text: str) -> str | None:
    """Say why ``text`` cannot be kept in a case file, or return None if it can.

    The one rule for every way text enters (case files, form fields, command-line options):
    it must be storable as UTF-8, so a lone surrogate is refused where it arrives, with the
    field named, instead of passing validation and failing every later save.
    """
    try:
        text.encode("utf-8")
    except UnicodeEncodeError as exc:
        return f"holds a character that is not valid text (U+{ord(text[exc.start]):04X}); retype it"
    return None


def unsavable_text(data: object) -> list[Problem]:
    """Every key or string anywhere in parsed JSON that ``text_problem`` refuses, by path.

    Walks iteratively, so however deep the JSON is, this cannot overflow the stack; and only
    when encoding the whole (in C, about 20 µs) has failed, so a good file costs next to nothing.
    """
    try:
        json.dumps(data, ensure_ascii=False).encode("utf-8")
        return []
    except (UnicodeEncodeError, RecursionError):
        pass
    problems: list[Problem] = []
    pending: list[tuple[str, object]] = [("", data)]
    while pending:
        path, node = pending.pop()
        if isinstance(node, str):
            reason = text_problem(node)
            if reason:
                problems.append(Problem(path or "(case)", reason))
        elif isinstance(node, dict):
            for key, value in node.items():
                child = _join(path, str(key))
                reason = text_problem(str(key))
                if reason:
                    problems.append(Problem(child, f"this key {reason}"))
                pending.append((child, value))
        elif isinstance(node, list):
            pending.extend((f"{path}[{i}]", item) for i, item in enumerate(node))
    return sorted(problems, key=lambda p: p.path)


def _is_number(value: object) -> bool:
    return isinstance(value, int | float) and not isinstance(value, bool) and math.isfinite(value)


def parse_date(text: str) -> dt.date | None:
    """Parse a strict ``YYYY-MM-DD`` date, or return None."""
    if not re.fullmatch(r"\d{4}-\d{2}-\d{2}", text):
        return None
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        return None


class _Checker:
    """Validates leaf values against their field spec, collecting problems."""

    def __init__(self, today: dt.date) -> None:
        self.today = today
        self.problems: list[Problem] = []

    def fail(self, path: str, message: str) -> None:
        self.problems.append(Problem(path, message))

    def leaf(self, spec: FieldSpec, raw: object) -> Value | None:
        check: Callable[[FieldSpec, object], Value | None] = getattr(self, f"_{spec.type.value}")
        before = len(self.problems)
        value = check(spec, raw)
        if spec.private:
            self.problems[before:] = [_without_value(p, raw) for p in self.problems[before:]]
        return value

    def _text(self, spec: FieldSpec, raw: object) -> Value | None:
        if not isinstance(raw, str):
            self.fail(spec.path, f"must be text, got {_shown(raw)}")
            return None
        text = raw.strip()
        if spec.max_length is not None and len(text) > spec.max_length:
            self.fail(
                spec.path,
                f"must be at most {spec.max_length} characters, got {len(text)} characters",
            )
            return None
        return text or None

    def _language(self, spec: FieldSpec, raw: object) -> Value | None:
        if not isinstance(raw, str) or not is_language_tag(raw):
            self.fail(
                spec.path,
                f'must be a language tag such as "en" or "pt-BR" (at most {LANGUAGE_TAG_MAX} characters), '
                f"got {_shown(raw)}",
            )
            return None
        return raw

    def _date(self, spec: FieldSpec, raw: object) -> Value | None:
        parsed = parse_date(raw) if isinstance(raw, str) else None
        if parsed is None:
            self.fail(spec.path, f"must be a date written YYYY-MM-DD, got {_shown(raw)}")
            return None
        if spec.not_in_future and parsed > self.today:
            self.fail(
                spec.path,
                f"must not be in the future (today is {self.today.isoformat()}), got {raw}",
            )
            return None
        return str(raw)

    def _in_range(self, spec: FieldSpec, path: str, value: float) -> bool:
        low = spec.minimum if spec.minimum is not None else -math.inf
        high = spec.maximum if spec.maximum is not None else math.inf
        if low <= value <= high:
            return True
        self.fail(path, f"must be {_range_text(spec)}, got {_number_text(value)}")
        return False

    def _int(self, spec: FieldSpec, raw: object) -> Value | None:
        if isinstance(raw, bool) or not isinstance(raw, int):
            self.fail(spec.path, f"must be a whole number {_range_text(spec)}, got {_shown(raw)}")
            return None
        return raw if self._in_range(spec, spec.path, raw) else None

    def _number(self, spec: FieldSpec, raw: object) -> Value | None:
        if not _is_number(raw):
            self.fail(spec.path, f"must be a number {_range_text(spec)}, got {_shown(raw)}")
            return None
        assert isinstance(raw, int | float)
        return float(raw) if self._in_range(spec, spec.path, raw) else None

    def _bool(self, spec: FieldSpec, raw: object) -> Value | None:
        if not isinstance(raw, bool):
            self.fail(spec.path, f"must be true or false, got {_shown(raw)}")
            return None
        return raw

    def _choice(self, spec: FieldSpec, raw: object) -> Value | None:
        if not isinstance(raw, str) or raw not in spec.choice_values:
            self.fail(spec.path, f"must be one of {_quoted(spec.choice_values)}; got {_shown(raw)}")
            return None
        return raw

    def _choices(self, spec: FieldSpec, raw: object) -> Value | None:
        if not isinstance(raw, list):
            self.fail(spec.path, f"must be a list of {_quoted(spec.choice_values)}; got {_shown(raw)}")
            return None
        chosen: list[str] = []
        for index, item in enumerate(raw):
            path = f"{spec.path}[{index}]"
            if not isinstance(item, str) or item not in spec.choice_values:
                self.fail(path, f"must be one of {_quoted(spec.choice_values)}; got {_shown(item)}")
            elif item in chosen:
                self.fail(path, f'"{item}" is listed twice')
            else:
                chosen.append(item)
        order = spec.choice_values
        return tuple(sorted(chosen, key=order.index))

    def _sizes(self, spec: FieldSpec, raw: object) -> Value | None:
        limit = spec.max_items or 3
        if not isinstance(raw, list) or not 1 <= len(raw) <= limit:
            self.fail(spec.path, f"must be a list of 1 to {limit} sizes, each {_range_text(spec)}; got {_shown(raw)}")
            return None
        sizes: list[float] = []
        for index, item in enumerate(raw):
            path = f"{spec.path}[{index}]"
            if not _is_number(item):
                self.fail(path, f"must be a number {_range_text(spec)}, got {_shown(item)}")
            elif self._in_range(spec, path, float(item)):
                sizes.append(float(item))
        return tuple(sizes) if len(sizes) == len(raw) else None


def _object_paths(schema: CaseSchema) -> set[str]:
    """Every path that is a JSON object: the prefixes of the field paths."""
    prefixes = {""}
    for spec in schema.fields:
        parts = spec.path.split(".")
        prefixes.update(".".join(parts[:n]) for n in range(1, len(parts)))
    return prefixes


def _join(prefix: str, key: str) -> str:
    return f"{prefix}.{key}" if prefix else key


class CaseParser:
    """Reads case files of one schema; the workup ids and their kinds come from the knowledge base.

    Files of an older format version are read and upgraded as the schema says, so a
    clinic's archive keeps opening; saving always writes the current version.
    """

    def __init__(self, schema: CaseSchema, workup_items: Mapping[str, str]) -> None:
        self.schema = schema
        self.workup_items = dict(workup_items)
        self._objects = _object_paths(schema)

    def parse(self, data: object, today: dt.date | None = None, *, partial: bool = False) -> Case:
        """Return the case, or raise ``CaseInvalid`` listing every problem.

        ``partial`` accepts a case whose required fields are still missing (work in progress,
        such as an autosaved copy); every value present is still checked.
        """
        checker = _Checker(today or dt.date.today())
        unsavable = unsavable_text(data)
        if unsavable:
            raise CaseInvalid(tuple(unsavable))
        if not isinstance(data, dict):
            raise CaseInvalid((Problem("(case)", f"must be a JSON object, got {_shown(data)}"),))
        version = self._version(data, checker)
        if version is None:
            raise CaseInvalid(tuple(checker.problems))
        values: dict[str, Value] = {}
        body = {k: v for k, v in data.items() if k not in ("format", "version", "workup")}
        self._walk("", body, values, checker)
        workup = self._workup(data.get("workup"), version, checker)
        self._cross_field(values, checker)
        for spec in self.schema.fields:
            if (
                spec.required
                and not partial
                and spec.path not in values
                and not any(p.path.startswith(spec.path) for p in checker.problems)
            ):
                checker.fail(spec.path, "is required")
        if checker.problems:
            raise CaseInvalid(tuple(checker.problems))
        return Case(values=values, workup=workup)

    def _version(self, data: Mapping[str, object], checker: _Checker) -> int | None:
        """Return the file's format version if this app reads it, else record why not."""
        fmt, version = data.get("format"), data.get("version")
        if fmt != self.schema.format:
            checker.fail("format", f'must be "{self.schema.format}", got {_shown(fmt)}')
            return None
        if not isinstance(version, int) or isinstance(version, bool) or version < 1:
            checker.fail("version", f"must be a whole number 1–{self.schema.version}, got {_shown(version)}")
            return None
        if version > self.schema.version:
            checker.fail(
                "version",
                f"this case was saved in format version {version} by a newer LiverCalc; "
                f"this version reads versions 1–{self.schema.version}. Update LiverCalc to open it",
            )
            return None
        return version

    def _cross_field(self, values: Mapping[str, Value], checker: _Checker) -> None:
        """Check what links fields (spec section 1, "Validation beyond types")."""
        for spec in self.schema.fields:
            value = values.get(spec.path)
            if value is None:
                continue
            if spec.only_with is not None:
                other_path, allowed = spec.only_with
                if values.get(other_path) not in allowed:
                    other = self.schema.field(other_path)
                    assert other is not None
                    words = " or ".join(f'"{other.choice_label(v)}"' for v in other.choice_values if v in allowed)
                    checker.fail(spec.path, f"can only be recorded when {other.label.lower()} is {words}")
            if spec.not_after is not None and isinstance(value, str):
                self._date_window(spec, value, values.get(spec.not_after), checker)

    def _date_window(self, spec: FieldSpec, value: str, bound: Value | None, checker: _Checker) -> None:
        date, limit = parse_date(value), parse_date(bound) if isinstance(bound, str) else None
        other = self.schema.field(spec.not_after or "")
        if date is None or limit is None or other is None:
            return
        if date > limit:
            checker.fail(spec.path, f"must not be after the {other.label.lower()} ({limit.isoformat()}), got {value}")
        elif spec.max_weeks_before is not None and (limit - date).days > 7 * spec.max_weeks_before:
            checker.fail(
                spec.path,
                f"must be at most {spec.max_weeks_before} weeks before the {other.label.lower()}, got {value}",
            )

    def _walk(self, prefix: str, obj: Mapping[str, object], out: dict[str, Value], checker: _Checker) -> None:
        for key, raw in obj.items():
            path = _join(prefix, key)
            spec = self.schema.field(path)
            if spec is not None:
                if raw is not None:
                    value = checker.leaf(spec, raw)
                    # An empty tick-box list is kept: it records "none seen", not "not recorded".
                    if value is not None and (value != () or spec.type is FieldType.CHOICES):
                        out[path] = value
            elif path in self._objects:
                if isinstance(raw, dict):
                    self._walk(path, raw, out, checker)
                elif raw is not None:
                    checker.fail(path, f"must be an object, got {_shown(raw)}")
            else:
                allowed = sorted(self._children(prefix) | ({"format", "version", "workup"} if not prefix else set()))
                checker.fail(path, f"unknown field; allowed here: {', '.join(allowed)}")

    def _children(self, prefix: str) -> set[str]:
        depth = len(prefix.split(".")) if prefix else 0
        names = set()
        for path in [f.path for f in self.schema.fields] + sorted(self._objects):
            if path and (not prefix or path.startswith(prefix + ".")):
                names.add(path.split(".")[depth])
        return names

    def _workup(self, raw: object, version: int, checker: _Checker) -> dict[str, WorkupEntry]:
        entries: dict[str, WorkupEntry] = {}
        if raw is None:
            return entries
        if not isinstance(raw, dict):
            checker.fail("workup", f"must be an object keyed by test id, got {_shown(raw)}")
            return entries
        for item_id, entry in raw.items():
            path = f"workup.{item_id}"
            if item_id not in self.workup_items:
                checker.fail(path, f"unknown test; allowed: {', '.join(self.workup_items)}")
                continue
            parsed = self._workup_entry(path, self.workup_items[item_id], entry, version, checker)
            if parsed is not None:
                entries[item_id] = parsed
        return entries

    def _workup_entry(self, path: str, kind: str, entry: object, version: int, checker: _Checker) -> WorkupEntry | None:
        if not isinstance(entry, dict):
            checker.fail(path, f'must be an object with "status", "detail" and "date"; got {_shown(entry)}')
            return None
        before = len(checker.problems)
        for key in entry:
            if key not in _WORKUP_KEYS:
                checker.fail(f"{path}.{key}", f"unknown field; allowed here: {', '.join(_WORKUP_KEYS)}")
        status, detail, date = entry.get("status"), entry.get("detail", ""), entry.get("date")
        if isinstance(status, str):
            status = self.schema.upgraded_status(version, kind, status)
        allowed = self.schema.statuses_for(kind)
        if status not in allowed:
            checker.fail(f"{path}.status", f"must be one of {_quoted(allowed)} for {kind} items; got {_shown(status)}")
        limit = self.schema.workup_detail_max_length
        if not isinstance(detail, str) or len(detail) > limit:
            checker.fail(f"{path}.detail", f"must be text of at most {limit} characters")
        if date is not None and (not isinstance(date, str) or parse_date(date) is None):
            checker.fail(f"{path}.date", f"must be a date written YYYY-MM-DD, got {_shown(date)}")
        if len(checker.problems) > before:
            return None
        assert isinstance(status, str) and isinstance(detail, str)
        return WorkupEntry(status=status, detail=detail.strip(), date=date if isinstance(date, str) else None)


def case_to_data(case: Case, schema: CaseSchema) -> dict[str, object]:
    """Return the JSON-ready form of a case, fields in schema order."""
    data: dict[str, object] = {"format": schema.format, "version": schema.version}
    for spec in schema.fields:
        value = case.get(spec.path)
        if value is None:
            continue
        node = data
        *parents, leaf = spec.path.split(".")
        for part in parents:
            node = node.setdefault(part, {})  # type: ignore[assignment]
        node[leaf] = list(value) if isinstance(value, tuple) else value
    if case.workup:
        data["workup"] = {
            item: {k: v for k, v in (("status", e.status), ("detail", e.detail), ("date", e.date)) if v}
            for item, e in case.workup.items()
        }
    return data
