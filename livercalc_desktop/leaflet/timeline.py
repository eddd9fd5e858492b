"""Approximate dates for "what happens next", from the scan date and gestational age.

Only the scan date, the gestational age and the recorded illness or infection dates are
known; every other date is a guide, which the leaflet says in words. Intervals follow
spec sections 4 and 5: the detailed scan within 1-2 weeks when the survey is not complete
(but not before 18 weeks, when it would not count as complete); the urgent review within
1-2 days; follow-up scans every 1-2 weeks when urgent or anaemia is suspected, otherwise
about every 4 weeks; the amniotic-fluid CMV test from 21 weeks and 6 weeks after the
illness or infection; the newborn CMV test within 3 weeks of birth.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from livercalc_desktop.domain.validation import parse_date
from livercalc_desktop.engine.assessment import Assessment

TERM_DAYS = 280
SURVEY_EARLIEST_DAYS = 18 * 7
SURVEY_WITHIN_DAYS = 14
URGENT_WITHIN_DAYS = 2
FOLLOW_UP_DAYS = 28
FOLLOW_UP_CLOSE_DAYS = 7
RESULTS_DAYS = 14
AF_PCR_EARLIEST_DAYS = 21 * 7
AF_PCR_AFTER_ILLNESS_DAYS = 6 * 7
LAST_SCAN_DAYS = 38 * 7
NEWBORN_CMV_WITHIN_DAYS = 21
_NOT_YET_DONE = frozenset({"offered", "not-recorded", "booked"})
_CLOSE_FOLLOW_UP = frozenset({"urgent", "anaemia-pattern"})


@dataclass(frozen=True, slots=True)
class Milestone:
    """One point on the timeline.

    ``day`` is the gestational age in days (after birth: days from the due date onwards,
    so it still sorts in time order); ``date`` is None for "after birth" milestones;
    ``variant`` picks a wording (e.g. "later" for a detailed scan that must wait for 18 weeks).
    """

    key: str
    day: int
    date: dt.date | None
    variant: str = ""


def _urgent_review(assessment: Assessment, exam_date: dt.date, ga_days: int) -> list[Milestone]:
    """Place the urgent review on its booked date when one is recorded, else within 1-2 days; none once done."""
    review = assessment.entry("fetal-medicine-review-urgent")
    if review is not None and review.status == "done":
        return []
    booked = parse_date(review.date) if review is not None and review.status == "booked" and review.date else None
    if booked is not None and booked >= exam_date:
        return [Milestone("urgent", ga_days + (booked - exam_date).days, booked, "booked")]
    day = ga_days + URGENT_WITHIN_DAYS
    return [Milestone("urgent", day, exam_date + dt.timedelta(days=URGENT_WITHIN_DAYS))]


def milestones(
    exam_date: dt.date, ga_days: int, assessment: Assessment, illness_dates: tuple[dt.date, ...] = ()
) -> tuple[Milestone, ...]:
    """Return the milestones of this case in time order."""

    def at(day: int) -> dt.date:
        return exam_date + dt.timedelta(days=day - ga_days)

    def ga_on(day: dt.date) -> int:
        return ga_days + (day - exam_date).days

    flags, terms = set(assessment.flags), set(assessment.terms)
    events = [Milestone("today", ga_days, exam_date)]
    if "urgent" in flags or "urgent" in terms:
        events += _urgent_review(assessment, exam_date, ga_days)
    if "survey-complete" not in terms:
        within = ga_days + SURVEY_WITHIN_DAYS
        if within >= SURVEY_EARLIEST_DAYS:
            events.append(Milestone("detailed", within, at(within)))
        else:
            events.append(Milestone("detailed", SURVEY_EARLIEST_DAYS, at(SURVEY_EARLIEST_DAYS), "later"))
    if any(entry.status == "pending" for entry in assessment.checklist):  # a result is awaited
        events.append(Milestone("results", ga_days + RESULTS_DAYS, at(ga_days + RESULTS_DAYS)))
    af_pcr = assessment.entry("af-pcr")
    if af_pcr is not None and af_pcr.status in _NOT_YET_DONE:
        earliest = max([AF_PCR_EARLIEST_DAYS, *(ga_on(d) + AF_PCR_AFTER_ILLNESS_DAYS for d in illness_dates)])
        if earliest > ga_days:
            events.append(Milestone("af_pcr", earliest, at(earliest)))
    close = bool(_CLOSE_FOLLOW_UP & flags)
    scan_day = ga_days + (FOLLOW_UP_CLOSE_DAYS if close else FOLLOW_UP_DAYS)
    if scan_day <= LAST_SCAN_DAYS:
        events.append(Milestone("scan", scan_day, at(scan_day), "close" if close else ""))
    if ga_days < TERM_DAYS:
        events.append(Milestone("birth", TERM_DAYS, at(TERM_DAYS)))
    born = max(TERM_DAYS, ga_days) + 1
    events.append(Milestone("newborn", born, None))
    newborn_cmv = assessment.entry("neonatal-cmv-test")
    if "cmv-not-excluded" in terms or (newborn_cmv is not None and newborn_cmv.status in _NOT_YET_DONE):
        events.append(Milestone("newborn_cmv", born + NEWBORN_CMV_WITHIN_DAYS, None))
    return tuple(sorted(events, key=lambda m: m.day))
