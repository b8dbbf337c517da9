"""Start checks for the two settings that silently break Persian time and search on a new server.

- Time-zone data that still has Iran's summer time (abolished from 2022: IANA tzdata 2022b)
  puts every time one hour off all summer. Python must read the `tzdata` package (settings make
  it do so); PostgreSQL reads its own copy (used where the database converts to Tehran time).
- A PostgreSQL database whose ctype is C or POSIX: pg_trgm then makes no trigrams from Persian
  letters, and typo search finds nothing, without an error.

Run by `manage.py check` (`--database default` for the database checks, as ops/restore.sh
does) and by `/readyz`.
"""

import datetime
from zoneinfo import ZoneInfo

from django.core.checks import Error, Tags, register
from django.db import connections

ZONE = "Asia/Tehran"
# A summer moment after the 2022 change: Tehran is +03:30 (15:30), never +04:30 (16:30).
SUMMER = datetime.datetime(2030, 7, 1, 12, 0, tzinfo=datetime.UTC)
OFFSET = datetime.timedelta(hours=3, minutes=30)
PERSIAN_WORD = "زیتون"


def python_zone_error() -> Error | None:
    offset = SUMMER.astimezone(ZoneInfo.no_cache(ZONE)).utcoffset()
    if offset == OFFSET:
        return None
    return Error(
        f"Python's time-zone data puts {ZONE} at {_hours(offset)} in summer; Iran has kept "
        "+03:30 all year since 2022, so every time would be an hour off.",
        hint="Install the pinned `tzdata` package (pip install -U tzdata); the portal reads it "
        "before the system's /usr/share/zoneinfo.",
        id="portal.E001",
    )


def database_zone_error(cursor) -> Error | None:
    cursor.execute("SELECT (%s::timestamptz AT TIME ZONE %s)::text", [SUMMER, ZONE])
    local = cursor.fetchone()[0]
    if local.startswith("2030-07-01 15:30"):
        return None
    return Error(
        f"PostgreSQL's time-zone data puts {ZONE} 2030-07-01 12:00 UTC at {local}, not 15:30: "
        "it still has Iran's abolished summer time.",
        hint="Upgrade the database server's zone data (apt-get install --only-upgrade tzdata, "
        "or a current PostgreSQL minor release) and restart PostgreSQL.",
        id="portal.E003",
    )


def trigram_error(cursor) -> Error | None:
    cursor.execute("SELECT 1 FROM pg_extension WHERE extname = 'pg_trgm'")
    if cursor.fetchone() is None:
        return None  # migrate installs it; nothing to check before
    cursor.execute("SELECT show_trgm(%s), current_database(), datctype FROM pg_database "
                   "WHERE datname = current_database()", [PERSIAN_WORD])  # fmt: skip
    trigrams, name, ctype = cursor.fetchone()
    if trigrams:
        return None
    return Error(
        f"The database {name} has ctype {ctype!r}: pg_trgm makes no trigrams from Persian "
        f"(show_trgm('{PERSIAN_WORD}') is empty), so typo search finds nothing.",
        hint="Create the database with a UTF-8 ctype and restore into it: CREATE DATABASE … "
        "TEMPLATE template0 ENCODING 'UTF8' LC_COLLATE 'C.UTF-8' LC_CTYPE 'C.UTF-8' "
        "(docs/deploy.md, PostgreSQL).",
        id="portal.E002",
    )


def _hours(offset: datetime.timedelta) -> str:
    minutes = int(offset.total_seconds() // 60)
    return f"{'+' if minutes >= 0 else '-'}{abs(minutes) // 60:02d}:{abs(minutes) % 60:02d}"


@register()
def check_python_zone(app_configs=None, **kwargs):
    error = python_zone_error()
    return [error] if error else []


@register(Tags.database)
def check_database(app_configs=None, databases=None, **kwargs):
    errors = []
    for alias in databases or ():
        connection = connections[alias]
        if connection.vendor != "postgresql":
            continue
        with connection.cursor() as cursor:
            errors += [e for e in (database_zone_error(cursor), trigram_error(cursor)) if e]
    return errors


def start_errors(alias: str = "default") -> list[Error]:
    """Every start check, the database's included (for /readyz)."""
    return check_python_zone() + check_database(databases=[alias])
