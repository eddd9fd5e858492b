"""Approximate dates for "what happens next", from the scan date and gestational age.

Only the scan date, the gestational age and the recorded illness or infection dates are
known; every other date is a guide, which the leaflet says in words. Intervals follow
spec sections 4 and 5: the detailed scan within 1-2 weeks when the survey is not complete
(but not before 18 weeks, when it would not count as complete); the urgent review within
1-2 days; follow-up scans every 1-2 weeks when urgent, anaemia is suspected or an abnormal
infection result names no infection, otherwise about every 4 weeks; the amniotic-fluid
CMV test from 21 weeks and 6 weeks after the illness or infection, when CMV is the concern
(for another named infection the team sets the time); no fluid test from 34 weeks or after
37 weeks (clinical review C4, C5); the newborn CMV test within 3 weeks of birth.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from livercalc_desktop.domain.case import Case
from livercalc_desktop.domain.validation import parse_date
from livercalc_desktop.engine.assessment import Assessment

TERM_DAYS = 280
SURVEY_EARLIEST_DAYS = 18 * 7
SURVEY_WITHIN_DAYS = 14
URGENT_WITHIN_DAYS = 2
FOLLOW_UP_DAYS = 28
FOLLOW_UP_CLOSE_DAYS = 7
AF_PCR_EARLIEST_DAYS = 21 * 7
AF_PCR_AFTER_ILLNESS_DAYS = 6 * 7
AF_PCR_LATEST_DAYS = 37 * 7  # a fluid test is not planned later than this
FLUID_TESTS_UNTIL_DAYS = 34 * 7  # from here on, tests on the fluid give way to tests after birth
LAST_SCAN_DAYS = 38 * 7
NEWBORN_CMV_WITHIN_DAYS = 21
_NOT_YET_DONE = frozenset({"offered", "not-recorded", "booked"})
_CLOSE_FOLLOW_UP = frozenset({"urgent", "anaemia-pattern", "infection-not-named"})
_CMV = frozenset({"cmv-primary", "cmv-nonprimary"})


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


def recorded_illness_dates(case: Case) -> tuple[dt.date, ...]:
    """Return the maternal illness and infection dates the case records (they delay the fluid CMV test)."""
    recorded = (case.get("history.illness_date"), case.get("history.infection_date"))
    return tuple(d for d in (parse_date(v) for v in recorded if isinstance(v, str)) if d is not None)


def _urgent_review(assessment: Assessment, exam_date: dt.date, ga_days: int) -> list[Milestone]:
    """Place the urgent review on its booked date when one is recorded, else within 1-2 days.

    None once done, and none once declined: the leaflet asks her to talk to the team again
    instead of showing a review she has said no to.
    """
    review = assessment.entry("fetal-medicine-review-urgent")
    if review is not None and review.status in ("done", "declined"):
        return []
    booked = parse_date(review.date) if review is not None and review.status == "booked" and review.date else None
    if booked is not None and booked >= exam_date:
        return [Milestone("urgent", ga_days + (booked - exam_date).days, booked, "booked")]
    day = ga_days + URGENT_WITHIN_DAYS
    return [Milestone("urgent", day, exam_date + dt.timedelta(days=URGENT_WITHIN_DAYS))]


def _fluid_test(
    ga_days: int, assessment: Assessment, illness_days: tuple[int, ...], infections: tuple[str, ...]
) -> list[Milestone]:
    """Return the earliest amniotic-fluid infection test, when it is still to come and not too late.

    The 21-week and 6-weeks-after rule is for CMV (also when an illness names no infection);
    for another named infection, or an abnormal result whose infection is not named yet, the
    timing differs, so the team says when (day = today).
    """
    af_pcr = assessment.entry("af-pcr")
    if af_pcr is None or af_pcr.status not in _NOT_YET_DONE or ga_days >= FLUID_TESTS_UNTIL_DAYS:
        return []
    if (infections and not _CMV & set(infections)) or "infection-not-named" in assessment.flags:
        return [Milestone("af_pcr", ga_days, None, "other")]
    earliest = max([AF_PCR_EARLIEST_DAYS, *(day + AF_PCR_AFTER_ILLNESS_DAYS for day in illness_days)])
    if earliest <= ga_days:
        return [Milestone("af_pcr", ga_days, None, "now")]
    if earliest <= AF_PCR_LATEST_DAYS:
        return [Milestone("af_pcr", earliest, None)]
    return []


def milestones(
    exam_date: dt.date,
    ga_days: int,
    assessment: Assessment,
    illness_dates: tuple[dt.date, ...] = (),
    infections: tuple[str, ...] = (),
) -> tuple[Milestone, ...]:
    """Return the milestones of this case in time order (``infections``: the named maternal ones)."""

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
    if any(entry.status == "pending" for entry in assessment.checklist):
        # A result is awaited; how soon depends on the test and the unit, so the team says when.
        events.append(Milestone("results", ga_days, exam_date))
    for test in _fluid_test(ga_days, assessment, tuple(ga_on(d) for d in illness_dates), infections):
        events.append(Milestone(test.key, test.day, at(test.day), test.variant))
    close = bool(_CLOSE_FOLLOW_UP & flags)
    scan_day = ga_days + (FOLLOW_UP_CLOSE_DAYS if close else FOLLOW_UP_DAYS)
    if scan_day <= LAST_SCAN_DAYS:
        # No "then every 4 weeks" when the next scan after this one would come after the last.
        last = not close and scan_day + FOLLOW_UP_DAYS > LAST_SCAN_DAYS
        events.append(Milestone("scan", scan_day, at(scan_day), "close" if close else "last" if last else ""))
    if ga_days < TERM_DAYS:
        events.append(Milestone("birth", TERM_DAYS, at(TERM_DAYS)))
    born = max(TERM_DAYS, ga_days) + 1
    events.append(Milestone("newborn", born, None))
    newborn_cmv = assessment.entry("neonatal-cmv-test")
    if "cmv-not-excluded" in terms or (newborn_cmv is not None and newborn_cmv.status in _NOT_YET_DONE):
        events.append(Milestone("newborn_cmv", born + NEWBORN_CMV_WITHIN_DAYS, None))
    return tuple(sorted(events, key=lambda m: m.day))
