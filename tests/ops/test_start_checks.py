"""A server with old zone data or a C-ctype database fails its start checks, saying what to fix."""

import importlib.resources
import shutil
import zoneinfo

import psycopg2
import pytest
from django.core.management import call_command
from django.core.management.base import SystemCheckError
from django.db import connection

from cluster_portal.checks import trigram_error


@pytest.fixture
def zone_data_with_summer_time(tmp_path):
    """Zone data where Asia/Tehran is +04:30 in summer, as before 2022 (Kabul's file stands in:
    +04:30 all year), read first, as an old host's /usr/share/zoneinfo would be."""
    kabul = importlib.resources.files("tzdata.zoneinfo.Asia") / "Kabul"
    (tmp_path / "Asia").mkdir()
    with importlib.resources.as_file(kabul) as source:
        shutil.copy(source, tmp_path / "Asia" / "Tehran")
    zoneinfo.reset_tzpath(to=[str(tmp_path)])
    yield
    zoneinfo.reset_tzpath(to=())  # as the settings set it: the tzdata package only


def test_the_shipped_zone_data_keeps_tehran_at_three_and_a_half_hours():
    call_command("check", "--fail-level", "ERROR", verbosity=0)


def test_old_zone_data_fails_the_check_with_what_to_do(zone_data_with_summer_time):
    with pytest.raises(SystemCheckError) as failure:
        call_command("check", verbosity=0)
    message = str(failure.value)
    assert "portal.E001" in message and "+04:30 in summer" in message
    assert "tzdata" in message


@pytest.mark.django_db
def test_readyz_fails_on_old_zone_data(client, zone_data_with_summer_time):
    response = client.get("/readyz")
    assert response.status_code == 503
    assert "portal.E001" in response.json()["configuration"][0]


@pytest.mark.django_db
def test_readyz_is_ok_when_configured(client):
    assert client.get("/readyz").json()["configuration"] == "ok"


postgresql_only = pytest.mark.skipif(
    connection.vendor != "postgresql",
    reason="the ctype check is PostgreSQL's; set DATABASE_URL to a PostgreSQL database",
)


@postgresql_only
@pytest.mark.django_db
def test_the_database_check_passes_on_a_utf8_database():
    call_command("check", "--database", "default", "--fail-level", "ERROR", verbosity=0)


@postgresql_only
@pytest.mark.django_db
def test_a_c_ctype_database_fails_the_check_with_what_to_do():
    server = connection.settings_dict
    name = f"{server['NAME']}_cctype"
    params = {"host": server["HOST"], "port": server["PORT"], "user": server["USER"]}
    admin = psycopg2.connect(dbname="postgres", **params)
    admin.autocommit = True
    with admin.cursor() as cursor:
        cursor.execute(f'DROP DATABASE IF EXISTS "{name}"')
        cursor.execute(f"CREATE DATABASE \"{name}\" TEMPLATE template0 LC_CTYPE 'C' LC_COLLATE 'C'")
    try:
        with psycopg2.connect(dbname=name, **params) as c_database, c_database.cursor() as cursor:
            cursor.execute("CREATE EXTENSION pg_trgm")
            error = trigram_error(cursor)
        c_database.close()
        assert error is not None and error.id == "portal.E002"
        assert "ctype 'C'" in error.msg and "LC_CTYPE 'C.UTF-8'" in error.hint
        with connection.cursor() as cursor:  # the test database is UTF-8
            assert trigram_error(cursor) is None
    finally:
        with admin.cursor() as cursor:
            cursor.execute(f'DROP DATABASE IF EXISTS "{name}"')
        admin.close()
