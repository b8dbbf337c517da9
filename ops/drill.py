"""`make drill`: back up the benchmark-size PostgreSQL database, restore it by the guide, compare.

1. builds the source database as `bench/run.py` does (content, demo news, the benchmark data
   generator), unless it exists already (`--rebuild` to make it again);
2. `manage.py backup`, signed with a throw-away key, timed; the archive's size;
3. `ops/restore.sh` (the guide's procedure) into a new database, timed;
4. compares every backed-up table in both databases: row count and a checksum of its rows;
5. writes the figures into docs/operations.md (between the drill markers) and fails on any
   difference.

Uses its own databases (`DRILL_DB`, default portal_drill, and `<DRILL_DB>_restore`) on
127.0.0.1:5432 as user postgres; never run against a real database.
"""

import argparse
import datetime
import os
import platform
import re
import secrets
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import psycopg2

ROOT = Path(__file__).resolve().parent.parent
REPORT = ROOT / "docs" / "operations.md"
BEGIN, END = "<!-- drill:begin -->", "<!-- drill:end -->"
SOURCE = os.environ.get("DRILL_DB", "portal_drill")
TARGET = f"{SOURCE}_restore"
SERVER = "postgres://postgres@127.0.0.1:5432"
# What bench/run.py runs to fill its database; keep the two in step.
FILL_STEPS = [
    ("migrate", "--noinput", "-v0"),
    ("load_content",),
    ("load_demo",),
    # bench/data.py, which is not a management command (no production install carries it).
    ("shell", "-c", "from bench.data import main; main(['--yes-i-mean-it'])"),
    ("rebuild_search_index",),
]


def env(database: str, media: Path) -> dict:
    return {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "cluster_portal.settings.dev",
        "DATABASE_URL": f"{SERVER}/{database}",
        "DJANGO_MEDIA_ROOT": str(media),
        "DJANGO_LOG_LEVEL": "WARNING",
    }


def manage(database: str, media: Path, *args: str, **kwargs):
    return subprocess.run(
        [sys.executable, "manage.py", *args], cwd=ROOT, env=env(database, media), check=True,
        **kwargs,
    )  # fmt: skip


def admin_sql(*statements: str):
    connection = psycopg2.connect(host="127.0.0.1", user="postgres", dbname="postgres")
    connection.autocommit = True
    with connection.cursor() as cursor:
        for statement in statements:
            cursor.execute(statement)
        rows = cursor.fetchall() if cursor.description else None
    connection.close()
    return rows


def exists(database: str) -> bool:
    return bool(admin_sql(f"SELECT 1 FROM pg_database WHERE datname = '{database}'"))


def build_source(media: Path):
    admin_sql(
        f"DROP DATABASE IF EXISTS {SOURCE} WITH (FORCE)",
        f"CREATE DATABASE {SOURCE} TEMPLATE template0 ENCODING 'UTF8' "
        "LC_COLLATE 'C.UTF-8' LC_CTYPE 'C.UTF-8'",
    )
    print(f"Filling {SOURCE} as bench/run.py does (a few minutes)…", flush=True)
    for step in FILL_STEPS:
        manage(SOURCE, media, *step)


def backed_up_tables(media: Path) -> list[str]:
    script = (
        "from cluster_portal.backup import backed_up_models\n"
        "tables = set()\n"
        "for m in backed_up_models():\n"
        "    tables.add(m._meta.db_table)\n"
        "    for f in m._meta.local_many_to_many:\n"
        "        tables.add('+' + f.remote_field.through._meta.db_table)\n"
        "print('TABLES', ' '.join(sorted(tables)))\n"
    )
    result = manage(SOURCE, media, "shell", "-c", script, capture_output=True, text=True)
    # `shell` prints its own lines first ("48 objects imported automatically").
    line = next(line for line in result.stdout.splitlines() if line.startswith("TABLES "))
    return line.split()[1:]  # many-to-many link tables start with "+"


# Rows that `migrate` makes in each database in its own order; a reference to one is compared
# by what it names (its natural key), not by its id.
NATURAL_KEYS = {
    "django_content_type": "SELECT ct.app_label || '.' || ct.model FROM django_content_type ct "
    "WHERE ct.id = t.{column}",
    "auth_permission": "SELECT ct.app_label || '.' || ct.model || '.' || p.codename "
    "FROM auth_permission p JOIN django_content_type ct ON ct.id = p.content_type_id "
    "WHERE p.id = t.{column}",
}


def references_by_natural_key(cursor, table: str) -> list[tuple[str, str]]:
    """(column, referenced table) for each foreign key of `table` to a row `migrate` makes."""
    cursor.execute(
        """
        SELECT a.attname, c.confrelid::regclass::text
        FROM pg_constraint c
        JOIN pg_attribute a ON a.attrelid = c.conrelid AND a.attnum = ANY (c.conkey)
        WHERE c.contype = 'f' AND c.conrelid = %s::regclass
          AND c.confrelid::regclass::text = ANY (%s)
        ORDER BY a.attname
        """,
        [f'"{table}"', list(NATURAL_KEYS)],
    )
    return cursor.fetchall()


def row_text(cursor, table: str, is_link: bool) -> str:
    """SQL for one row of `table` (alias t) as text: references to content types and
    permissions replaced by their natural keys, a many-to-many link's own id left out."""
    row = "to_jsonb(t)"
    if is_link:
        # loaddata re-adds the links, so their ids are renumbered; what they link is what counts.
        row = f"({row} - 'id')"
    for column, referenced in references_by_natural_key(cursor, table):
        key = NATURAL_KEYS[referenced].format(column=column)
        row = f"jsonb_set({row}, '{{{column}}}', to_jsonb(({key})))"
    return f"{row}::text"


def fingerprints(database: str, tables: list[str], links=()) -> dict[str, tuple[int, str]]:
    """{table: (row count, MD5 over its rows' text in a stable order)}; `links` are many-to-many
    tables, compared without their own id. Content types and permissions, which a new database
    numbers in the order `migrate` makes them, are compared by app, model and codename."""
    connection = psycopg2.connect(host="127.0.0.1", user="postgres", dbname=database)
    result = {}
    with connection.cursor() as cursor:
        cursor.execute("SET TIME ZONE 'UTC'")
        for table in tables:
            row = row_text(cursor, table, table in links)
            cursor.execute(
                f"SELECT count(*), md5(coalesce(string_agg(md5({row}), '' "
                f"ORDER BY md5({row})), '')) FROM \"{table}\" t"
            )
            result[table] = cursor.fetchone()
    connection.close()
    return result


def write_report(figures: dict):
    block = "\n".join(
        [
            BEGIN,
            f"Last run {figures['date']} on {figures['machine']} (PostgreSQL, "
            f"`make drill`, database `{SOURCE}` built by the benchmark's generator):",
            "",
            "| what | figure |",
            "|---|---|",
            f"| rows backed up | {figures['rows']:,} in {figures['tables']} tables |",
            f"| media files | {figures['media']} |",
            f"| `backup` (signed) | {figures['backup_s']:.1f} s |",
            f"| archive size | {figures['size'] / 1e6:.1f} MB |",
            "| `ops/restore.sh` (create, check, migrate, restore) | "
            f"{figures['restore_s']:.1f} s |",
            f"| tables whose row count or checksum differ | {figures['differences']} |",
            END,
        ]
    )
    text = REPORT.read_text()
    if BEGIN in text:
        text = re.sub(re.escape(BEGIN) + ".*?" + re.escape(END), block, text, flags=re.S)
    else:
        text = text.rstrip() + "\n\n## Restore drill\n\n" + block + "\n"
    REPORT.write_text(text)


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rebuild", action="store_true", help="make the source database again")
    options = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        media, restored_media = tmp / "media", tmp / "restored-media"
        if options.rebuild or not exists(SOURCE):
            build_source(media)
        key = tmp / "drill.key"
        key.write_text(secrets.token_urlsafe(48))
        archive = tmp / "drill.tar.gz"
        started = time.perf_counter()
        manage(SOURCE, media, "backup", "--output", str(archive), "--sign-key", str(key))
        backup_s = time.perf_counter() - started

        admin_sql(f"DROP DATABASE IF EXISTS {TARGET} WITH (FORCE)")
        started = time.perf_counter()
        subprocess.run(
            ["sh", str(ROOT / "ops" / "restore.sh"), f"{SERVER}/{TARGET}", str(archive),
             "--key-file", str(key), "--yes"],
            cwd=ROOT, check=True,
            env={**env(TARGET, restored_media),
                 "PORTAL_MANAGE": f"{sys.executable} {ROOT / 'manage.py'}"},
        )  # fmt: skip
        restore_s = time.perf_counter() - started

        names = backed_up_tables(media)
        tables = [name.lstrip("+") for name in names]
        links = {name[1:] for name in names if name.startswith("+")}
        source = fingerprints(SOURCE, tables, links)
        target = fingerprints(TARGET, tables, links)
        differences = [t for t in tables if source[t] != target[t]]
        for table in differences:
            print(f"DIFFERS {table}: {source[table]} != {target[table]}")
        media_count = sum(1 for p in media.rglob("*") if p.is_file()) if media.exists() else 0
        figures = {
            "date": datetime.date.today().isoformat(),
            "machine": f"{platform.machine()}, {os.cpu_count()} CPUs",
            "rows": sum(count for count, _ in source.values()),
            "tables": len(tables),
            "media": media_count,
            "backup_s": backup_s,
            "size": archive.stat().st_size,
            "restore_s": restore_s,
            "differences": len(differences),
        }
        write_report(figures)
        admin_sql(f"DROP DATABASE IF EXISTS {TARGET} WITH (FORCE)")
        print(figures)
        if differences:
            sys.exit(f"{len(differences)} tables differ after the restore")


if __name__ == "__main__":
    main()
