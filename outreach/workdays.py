"""Working days of the office: the Iranian week (Saturday first), Friday off, Thursday as set.

Dates are Python `datetime.date` (Gregorian); holidays come from the admin (OfficeHoliday).
"""

import datetime

FRIDAY, THURSDAY = 4, 3  # date.weekday(): Monday is 0


class WorkingWeek:
    """Which days the office works, given its calendar row and its holidays."""

    def __init__(self, *, thursday_is_working: bool, holidays=()):
        self.thursday_is_working = thursday_is_working
        self.holidays = set(holidays)

    @classmethod
    def from_admin(cls) -> "WorkingWeek":
        from outreach.models import OfficeCalendar, OfficeHoliday

        calendar = OfficeCalendar.current()
        holidays = [d.togregorian() for d in OfficeHoliday.objects.values_list("date", flat=True)]
        return cls(thursday_is_working=calendar.thursday_is_working, holidays=holidays)

    def is_working(self, day: datetime.date) -> bool:
        if day.weekday() == FRIDAY or day in self.holidays:
            return False
        return day.weekday() != THURSDAY or self.thursday_is_working

    def add(self, start: datetime.date, days: int) -> datetime.date:
        """The `days`-th working day after `start` (`start` itself not counted)."""
        day = start
        while days > 0:
            day += datetime.timedelta(days=1)
            if self.is_working(day):
                days -= 1
        return day

    def between(self, start: datetime.date, end: datetime.date) -> int:
        """Working days after `start` up to and including `end`; 0 when `end` is not later."""
        count, day = 0, start
        while day < end:
            day += datetime.timedelta(days=1)
            count += self.is_working(day)
        return count
