"""Every date-time of every app is an instant: one field, UTC in the database, Tehran in Python."""

import datetime
import importlib
from pathlib import Path
from types import SimpleNamespace
from zoneinfo import ZoneInfo

import jdatetime
import pytest
import time_machine
from django.apps import apps
from django.conf import settings
from django.db import connection, models
from django.utils import timezone

from core.fields import JalaliDateTimeField
from outreach.models import SiteNotice

TEHRAN = ZoneInfo("Asia/Tehran")


def project_models():
    root = Path(settings.BASE_DIR).resolve()
    return [
        model
        for model in apps.get_models()
        if root in Path(model._meta.app_config.path).resolve().parents
        and ".venv" not in model._meta.app_config.path
        # A proxy of a third-party model (the second-factor device) has no table of its own.
        and not model._meta.proxy
    ]


def test_every_date_time_field_of_every_app_is_the_instant_field():
    models_seen = project_models()
    assert {"outreach.SiteNotice", "news.Post", "carpets.Observation"} <= {
        m._meta.label for m in models_seen
    }
    wall_time = [
        f"{model._meta.label}.{field.name}"
        for model in models_seen
        for field in model._meta.get_fields()
        if isinstance(field, models.DateTimeField) and not isinstance(field, JalaliDateTimeField)
    ]
    assert wall_time == []


def tehran_minute(moment: datetime.datetime) -> jdatetime.datetime:
    """What an editor types in the admin: a Jalali time at a whole minute, Tehran time."""
    local = moment.astimezone(TEHRAN).replace(second=0, microsecond=0)
    return jdatetime.datetime.fromgregorian(datetime=local)


@pytest.mark.django_db
def test_a_notice_shows_exactly_in_its_window():
    """From now+2 h to now+5 h: current at +2.5 h and +4.5 h, not at +1.5 h nor +5.5 h."""
    now = timezone.now()
    notice = SiteNotice.objects.create(
        text="تعطیلی نوروز",
        starts_at=tehran_minute(now + datetime.timedelta(hours=2)),
        ends_at=tehran_minute(now + datetime.timedelta(hours=5)),
    )
    start = notice.starts_at.togregorian()
    for hours, shown in ((-0.5, False), (0.5, True), (2.5, True), (3.5, False)):
        with time_machine.travel(start + datetime.timedelta(hours=hours), tick=False):
            assert SiteNotice.objects.current().filter(pk=notice.pk).exists() is shown, (
                f"{hours:+} h from the start ({connection.vendor})"
            )
    notice.refresh_from_db()
    assert notice.starts_at.togregorian() == start
    assert notice.starts_at.utcoffset() == datetime.timedelta(hours=3, minutes=30)


@pytest.mark.django_db
def test_auto_now_takes_the_instant_not_the_servers_wall_clock():
    from carpets.models import Source

    before = timezone.now()
    source = Source.objects.create(name="مرکز آمار ایران")
    after = timezone.now()
    stamp = source.updated_at.togregorian()
    assert before - datetime.timedelta(seconds=1) <= stamp <= after + datetime.timedelta(seconds=1)


@pytest.mark.django_db
@pytest.mark.skipif(
    connection.vendor != "sqlite", reason="only SQLite stored wall time as text; runs on SQLite"
)
def test_migration_rewrites_wall_time_text_stored_on_sqlite_as_utc():
    notice = SiteNotice.objects.create(
        text="x",
        starts_at=jdatetime.datetime(1405, 9, 10, 10, 0, tzinfo=TEHRAN),
        ends_at=jdatetime.datetime(1405, 9, 10, 12, 0, tzinfo=TEHRAN),
    )
    with connection.cursor() as cursor:  # as django-jalali's field wrote it before
        cursor.execute(
            "UPDATE outreach_sitenotice SET starts_at = %s, ends_at = %s WHERE id = %s",
            ["2026-12-01 10:00:00+03:30", "2026-12-01 12:00:00+03:30", notice.pk],
        )
    migration = importlib.import_module("outreach.migrations.0002_jalali_datetimes_in_utc")
    migration.rewrite_in_utc(apps, SimpleNamespace(connection=connection))
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT CAST(starts_at AS TEXT) FROM outreach_sitenotice WHERE id = %s", [notice.pk]
        )
        assert cursor.fetchone()[0].startswith("2026-12-01 06:30:00")
    at_eleven = datetime.datetime(2026, 12, 1, 11, 0, tzinfo=TEHRAN)
    assert list(SiteNotice.objects.current(now=at_eleven)) == [notice]
