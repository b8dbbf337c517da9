import datetime
import re

import jdatetime
from django.utils import timezone
from django_jalali.db import models as jmodels

# "1405-09-05 08:13:42+0330": how django-jalali writes an aware value in fixtures and history.
# Before 1946 Tehran's offset was +03:25:44: the seconds are written too (see value_to_string).
_WITH_OFFSET = re.compile(
    r"(?P<local>.+?)(?P<sign>[+-])(?P<hours>\d{2}):?(?P<minutes>\d{2})(?::?(?P<seconds>\d{2}))?"
)


class JalaliDateTimeField(jmodels.jDateTimeField):
    """django-jalali's date-time field, fixed in two places.

    It adapts date-times for the database as dates, so SQLite stores local wall time with its
    offset and compares it as text: a post scheduled in the admin for 10:00 Tehran time would
    appear at 13:30. Adapt them as Django's own DateTimeField does (UTC).
    And it cannot read back the offset it writes when serialising, so restoring a version from
    history failed; read the offset.
    And its `auto_now` took the server's wall clock for Tehran time; take the instant.
    Every date-time field of every app is this field (tests/test_datetime_fields.py).
    """

    def pre_save(self, model_instance, add):
        # django-jalali takes the server's wall clock (often UTC) for Tehran time: 3½ hours off.
        if self.auto_now or (self.auto_now_add and add):
            value = jdatetime.datetime.fromgregorian(datetime=timezone.localtime())
            setattr(model_instance, self.attname, value)
            return value
        return super().pre_save(model_instance, add)

    def get_db_prep_value(self, value, connection, prepared=False):
        if not prepared:
            value = self.get_prep_value(value)
        if isinstance(value, jdatetime.datetime):
            value = value.togregorian()
        return connection.ops.adapt_datetimefield_value(value)

    def to_python(self, value):
        if isinstance(value, str) and (match := _WITH_OFFSET.fullmatch(value.strip())):
            offset = datetime.timedelta(
                hours=int(match["hours"]),
                minutes=int(match["minutes"]),
                seconds=int(match["seconds"] or 0),
            )
            zone = datetime.timezone(-offset if match["sign"] == "-" else offset)
            return super().to_python(match["local"]).replace(tzinfo=zone)
        return super().to_python(value)

    def value_to_string(self, obj):
        """ "1405-09-10 10:00:00+0330"; jdatetime's own text drops an offset's seconds, which
        moved a time before 1946 (Tehran at +03:25:44) by 44 s through a backup."""
        value = self.value_from_object(obj)
        if value is None:
            return ""
        offset = value.utcoffset()
        if offset is None:
            return str(value)
        total = int(offset.total_seconds())
        hours, rest = divmod(abs(total), 3600)
        minutes, seconds = divmod(rest, 60)
        zone = f"{'-' if total < 0 else '+'}{hours:02d}{minutes:02d}"
        zone += f"{seconds:02d}" if seconds else ""
        fraction = f".{value.microsecond:06d}" if value.microsecond else ""
        return value.strftime("%Y-%m-%d %H:%M:%S") + fraction + zone
