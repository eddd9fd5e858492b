"""Dates, numbers, durations and lists in the leaflet's language, from CLDR through Babel.

Month names, date order, decimal marks, "1 week" / "20 weeks" (with each language's plural
rules: Arabic has six forms) and "a, b and c" are not hand-written per language: Babel
ships the CLDR data inside the wheel, so nothing is downloaded at run time.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Literal

from babel import Locale
from babel.dates import format_date
from babel.lists import format_list
from babel.numbers import format_decimal
from babel.units import format_unit

_NO_SPACES = frozenset({"zh", "ja"})


def _unit_length(locale: Locale, unit: str, value: int) -> Literal["long", "short"]:
    """Prefer CLDR's "long" unit wording; fall back to "short" where Babel lacks the form.

    CLDR aliases missing long forms to short ones (Chinese, Arabic durations), but Babel
    does not follow that alias and would print "20 duration-week" or the wrong plural
    form, so look up the pattern for this number's plural category first.
    """
    patterns = locale._data["unit_patterns"].get(unit, {})  # no public lookup in Babel 2.x
    form = locale.plural_form(value)
    return "long" if form in patterns.get("long", {}) else "short"


@dataclass(frozen=True, slots=True)
class Formats:
    """Formats values for one CLDR locale (e.g. ``en_GB``, ``es``, ``ar``, ``zh_Hans``)."""

    locale: Locale

    @classmethod
    def of(cls, tag: str) -> Formats:
        return cls(Locale.parse(tag.replace("-", "_")))

    @property
    def right_to_left(self) -> bool:
        return bool(self.locale.character_order == "right-to-left")

    def date(self, day: dt.date) -> str:
        """Write a long date as the language does: 10 March 2026, 10 de marzo de 2026, 2026年3月10日."""
        return str(format_date(day, format="long", locale=self.locale))

    def number(self, value: float) -> str:
        return str(format_decimal(value, locale=self.locale))

    def duration(self, value: int, unit: str) -> str:
        """Write ``value`` weeks or days (``unit`` "week" or "day"), with CLDR's plural form."""
        cldr = f"duration-{unit}"
        length = _unit_length(self.locale, cldr, value)
        return str(format_unit(value, cldr, length=length, locale=self.locale))

    def join(self, items: list[str]) -> str:
        """Join a list the way the language does: "a, b and c", "a, b y c", "a、b和c"."""
        return str(format_list(items, locale=self.locale))

    def sentences(self, items: Iterable[str]) -> str:
        """Run sentences together: with a space, or none where the script uses no spaces (Chinese, Japanese)."""
        return ("" if self.locale.language in _NO_SPACES else " ").join(items)

    def gestation(self, weeks: int, days: int) -> str:
        """20 weeks and 3 days, 21 weeks and 1 day, or just 22 weeks; 20周3天 in Chinese.

        Chinese and Japanese write weeks and days as one duration, with no "and" (CLDR's unit
        list pattern): the ordinary list's "和" read as "20 weeks plus 3 days". Other languages
        keep their "and" ("y", "و"): their unit lists drop it ("20 weeks, 3 days").
        """
        week_text = self.duration(weeks, "week")
        if days == 0:
            return week_text
        parts = [week_text, self.duration(days, "day")]
        if self.locale.language in _NO_SPACES:
            return str(format_list(parts, style="unit", locale=self.locale))
        return self.join(parts)
