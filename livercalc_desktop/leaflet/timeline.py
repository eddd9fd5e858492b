"""Approximate dates for "what happens next", from the scan date and gestational age.

Only the scan date and gestational age are known; every other date is a guide, which the
leaflet says in words. Intervals follow common practice (follow-up about every 4 weeks,
CMV fluid testing from 21 weeks), as the evidence brief notes; they are not rules.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from livercalc_desktop.engine.assessment import Assessment

TERM_DAYS = 280
FOLLOW_UP_DAYS = 28
RESULTS_DAYS = 14
AF_PCR_EARLIEST_DAYS = 21 * 7
LAST_SCAN_DAYS = 38 * 7
_OPEN = {"offered", "pending", "not-recorded"}


@dataclass(frozen=True, slots=True)
class Milestone:
    """One point on the timeline; ``day`` is the gestational age in days."""

    key: str
    day: int
    date: dt.date | None


def milestones(exam_date: dt.date, ga_days: int, assessment: Assessment) -> tuple[Milestone, ...]:
    """Return the milestones of this case in time order."""

    def at(day: int) -> dt.date:
        return exam_date + dt.timedelta(days=day - ga_days)

    events = [Milestone("today", ga_days, exam_date)]
    if "results-pending" in assessment.flags:
        events.append(Milestone("results", ga_days + RESULTS_DAYS, at(ga_days + RESULTS_DAYS)))
    af_pcr = assessment.entry("af-pcr")
    if af_pcr is not None and af_pcr.status in _OPEN and ga_days < AF_PCR_EARLIEST_DAYS:
        events.append(Milestone("af_pcr", AF_PCR_EARLIEST_DAYS, at(AF_PCR_EARLIEST_DAYS)))
    scan_day = ga_days + FOLLOW_UP_DAYS
    if scan_day <= LAST_SCAN_DAYS:
        events.append(Milestone("scan", scan_day, at(scan_day)))
    events.append(Milestone("birth", TERM_DAYS, at(TERM_DAYS)))
    events.append(Milestone("newborn", TERM_DAYS + 7, None))
    return tuple(sorted(events, key=lambda m: m.day))
