"""`make bench`: a large data set on PostgreSQL, the production server, and wrk from a second
process on 127.0.0.1. Prints one table and writes it to docs/performance.md.

Every ratio compares a page with the static file measured in the same run, on the same machine,
so the numbers say how close a page comes to the ceiling rather than how fast this machine is.
"""

import datetime
import os
import platform
import re
import shutil
import signal
import subprocess
import sys
import time
import urllib.parse
import urllib.request
from pathlib import Path

import visitor_writes

ROOT = Path(__file__).resolve().parent.parent
PYTHON = sys.executable
PORT = int(os.environ.get("BENCH_PORT", "8190"))
BASE = f"http://127.0.0.1:{PORT}"
DURATION = os.environ.get("BENCH_DURATION", "10s")
CONNECTIONS = int(os.environ.get("BENCH_CONNECTIONS", "16"))
DB_NAME = os.environ.get("BENCH_DB", "portal_bench")
DATABASE_URL = f"postgres://postgres@127.0.0.1:5432/{DB_NAME}"
REDIS_URL = os.environ.get("BENCH_REDIS_URL", "redis://127.0.0.1:6379/14")
SMTP_PORT = int(os.environ.get("BENCH_SMTP_PORT", "8199"))
UNCACHED = "sessionid=bench-uncached"  # any session cookie bypasses the page cache

ENV = {
    **os.environ,
    "DJANGO_SETTINGS_MODULE": "cluster_portal.settings.prod",
    "DJANGO_SECRET_KEY": "bench-only-" + "x" * 40,
    "DJANGO_ALLOWED_HOSTS": "127.0.0.1,localhost",
    "DJANGO_SECURE_SSL_REDIRECT": "false",
    "DJANGO_SECURE_COOKIES": "false",
    "DJANGO_SECURE_HSTS_SECONDS": "0",
    "DATABASE_URL": DATABASE_URL,
    "REDIS_URL": REDIS_URL,
    "DJANGO_STATIC_ROOT": "/tmp/portal-bench-static",
    "DJANGO_LOG_LEVEL": "WARNING",
    # The admin timings measure the admin's own work for an editor already signed in with the
    # second factor (its test client cannot type a one-time password).
    "DJANGO_STAFF_OTP": "false",
    # wrk is one client asking thousands of times a second; the API's per-client limit (300 a
    # minute, tested in tests/api) would answer it 429 and measure nothing else.
    "PORTAL_API_RATE_LIMIT_REQUESTS": "100000000",
    # The visitor-writes row sends each write from its own address, as a proxy would pass it.
    "DJANGO_CLIENT_IP_HEADER": "HTTP_X_REAL_IP",
    "DJANGO_EMAIL_URL": f"smtp://127.0.0.1:{SMTP_PORT}",
}


def manage(*args):
    subprocess.run([PYTHON, "manage.py", *args], cwd=ROOT, env=ENV, check=True)


def generate_data():
    """bench/data.py's rows, written by a Django process on the bench's database."""
    code = "import django; django.setup(); from bench.data import main; main(['--yes-i-mean-it'])"
    subprocess.run([PYTHON, "-c", code], cwd=ROOT, env=ENV, check=True)


def prepare_database():
    import psycopg2

    connection = psycopg2.connect(host="127.0.0.1", user="postgres", dbname="postgres")
    connection.autocommit = True
    with connection.cursor() as cursor:
        cursor.execute(f"DROP DATABASE IF EXISTS {DB_NAME} WITH (FORCE)")
        cursor.execute(f"CREATE DATABASE {DB_NAME}")
    connection.close()
    import redis

    redis.Redis.from_url(REDIS_URL).flushdb()
    print("Generating the data set (a few minutes)…", flush=True)
    manage("migrate", "--noinput", "-v0")
    manage("createcachetable")
    manage("load_content")
    manage("load_demo")
    generate_data()
    manage("rebuild_search_index")
    # Fresh bulk-loaded tables have no planner statistics; a live database has them.
    connection = psycopg2.connect(host="127.0.0.1", user="postgres", dbname=DB_NAME)
    connection.autocommit = True
    with connection.cursor() as cursor:
        cursor.execute("VACUUM ANALYZE")
    connection.close()


def prepare_code():
    """What the code being measured needs beside the data, every run (--reuse-data included):
    its compiled translations and its collected static files."""
    manage("build_messages", "-v0")
    manage("collectstatic", "--noinput", "-v0")


class _AcceptEveryMail:
    async def handle_DATA(self, server, session, envelope):
        return "250 Message accepted for delivery"


def start_mail_server():
    """The office's mail server, as production has one: questions and sign-ups queue mail that
    a thread sends after the response. It accepts and forgets everything."""
    from aiosmtpd.controller import Controller

    controller = Controller(_AcceptEveryMail(), hostname="127.0.0.1", port=SMTP_PORT)
    controller.start()
    return controller


def start_server():
    server = subprocess.Popen(
        [
            str(Path(PYTHON).with_name("gunicorn")),
            "cluster_portal.wsgi",
            "--workers",
            "2",
            "--bind",
            f"127.0.0.1:{PORT}",
            "--log-level",
            "warning",
        ],
        cwd=ROOT,
        env=ENV,
        start_new_session=True,
    )
    for _ in range(100):
        try:
            urllib.request.urlopen(BASE + "/healthz", timeout=1)
            return server
        except OSError:
            time.sleep(0.2)
    stop_server(server)
    raise SystemExit("the server did not start")


def stop_server(server):
    os.killpg(server.pid, signal.SIGTERM)
    server.wait(timeout=30)


def fetch(path):
    with urllib.request.urlopen(BASE + path, timeout=30) as response:
        return response.read().decode()


def targets():
    """(label, path, extra header, kind) for every measured request."""
    home = fetch("/")
    stylesheet = re.search(r'href="(/static/css/site\.[^"]+\.css)"', home).group(1)
    post = re.search(r'href="(/news/\d+/[^"]+/)"', fetch("/news/")).group(1)
    search = "/search/?q=" + urllib.parse.quote("خوشه")
    rows = [
        ("static file (ceiling)", stylesheet, None, "static"),
        ("home", "/", None, "cached"),
        ("cluster page", "/clusters/zinc/", None, "cached"),
        ("news list", "/news/", None, "cached"),
        ("post", post, None, "cached"),
        ("carpet page", "/carpets/", None, "cached"),
        ("search", search, None, "cached"),
        ("cluster page, uncached", "/clusters/zinc/", f"Cookie: {UNCACHED}", "uncached"),
        ("news list, uncached", "/news/", f"Cookie: {UNCACHED}", "uncached"),
        ("post, uncached", post, f"Cookie: {UNCACHED}", "uncached"),
    ]
    for label, path in api_paths():
        rows.append((label, path, None, "cached"))
    return rows


def api_paths():
    try:
        fetch("/api/v1/openapi.json")
    except OSError:
        return []
    return [("API: clusters", "/api/v1/clusters/"), ("API: news", "/api/v1/news/")]


def run_wrk(path, header):
    command = ["wrk", "-t2", f"-c{CONNECTIONS}", f"-d{DURATION}", "--latency", BASE + path]
    if header:
        command[1:1] = ["-H", header]
    output = subprocess.run(command, capture_output=True, text=True, check=True).stdout
    return parse_wrk(output)


def _to_ms(text):
    value, unit = re.match(r"([\d.]+)(us|ms|s|m)", text).groups()
    return float(value) * {"us": 0.001, "ms": 1, "s": 1000, "m": 60_000}[unit]


def _to_bytes(text):
    value, unit = re.match(r"([\d.]+)([KMG]?B)", text).groups()
    return float(value) * {"B": 1, "KB": 1024, "MB": 1024**2, "GB": 1024**3}[unit]


def parse_wrk(output):
    if "Latency Distribution" not in output:
        raise SystemExit(f"wrk printed no latency distribution:\n{output}")
    requests, _seconds, read = re.search(
        r"(\d+) requests in ([\d.]+\w+), ([\d.]+\w+) read", output
    ).groups()
    errors = 0
    if match := re.search(r"Non-2xx or 3xx responses: (\d+)", output):
        errors += int(match.group(1))
    if match := re.search(
        r"Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)", output
    ):
        errors += sum(int(number) for number in match.groups())

    def percentile(label):
        match = re.search(rf"{label}%\s+([\d.]+(?:us|ms|s|m))", output)
        return _to_ms(match.group(1)) if match else float("inf")

    return {
        "rps": float(re.search(r"Requests/sec:\s+([\d.]+)", output).group(1)),
        "p50": percentile(50),
        "p99": percentile(99),
        "errors": errors,
        "bytes": _to_bytes(read) / max(1, int(requests)),
    }


COLD_RENDERS = 15


def bump_generation():
    """What any edit does: every cached page, fragment and object becomes stale at once."""
    import redis

    client = redis.Redis.from_url(REDIS_URL)
    [key] = client.keys("*page-cache:generation")
    client.incr(key)


def cold_renders(rows):
    """Each uncached page rendered right after an edit, one request at a time: the cost of the
    first visit after a change, when nothing is cached for the new content version."""
    results = []
    for label, path, header, kind in rows:
        if kind != "uncached":
            continue
        timings = []
        for _ in range(COLD_RENDERS):
            bump_generation()
            request = urllib.request.Request(BASE + path, headers=dict([header.split(": ", 1)]))
            started = time.perf_counter()
            with urllib.request.urlopen(request, timeout=30) as response:
                response.read()
            timings.append((time.perf_counter() - started) * 1000)
        timings.sort()
        results.append((label.replace(", uncached", ""), timings))
    return results


def cold_table(results):
    lines = [
        "| page, right after an edit | median ms | slowest ms |",
        "|---|---:|---:|",
    ]
    for label, timings in results:
        lines.append(f"| {label} | {timings[len(timings) // 2]:.1f} | {timings[-1]:.1f} |")
    return "\n".join(lines)


def verdict(kind, result, ceiling):
    if result["errors"]:
        return "FAIL: errors"
    if kind == "cached" and result["rps"] < ceiling / 2:
        return "FAIL: < ½ static"
    if kind == "uncached" and result["p99"] >= 100:
        return "FAIL: p99 ≥ 100 ms"
    return "ok"


def table(results):
    ceiling = results[0][3]["rps"]
    lines = [
        "| request | req/s | p50 ms | p99 ms | errors | bytes/resp | × static | target |",
        "|---|---:|---:|---:|---:|---:|---:|---|",
    ]
    failed = False
    for label, _path, kind, result in results:
        status = "—" if kind == "static" else verdict(kind, result, ceiling)
        failed |= status.startswith("FAIL")
        lines.append(
            f"| {label} | {result['rps']:.0f} | {result['p50']:.1f} | {result['p99']:.1f} | "
            f"{result['errors']} | {result['bytes']:.0f} | {result['rps'] / ceiling:.2f} | "
            f"{status} |"
        )
    return "\n".join(lines), failed


def admin_timings():
    """Every admin list and form at the benchmark size (bench/admin.py), as a Markdown section."""
    print("measuring the admin …", flush=True)
    result = subprocess.run(
        [PYTHON, "bench/admin.py"], cwd=ROOT, env=ENV, capture_output=True, text=True
    )
    if result.returncode:
        raise SystemExit(f"bench/admin.py failed:\n{result.stderr}")
    table = result.stdout[result.stdout.index("| admin page") :].strip()
    return admin_header() + table + "\n", "ADMIN-TARGETS-MISSED" in result.stderr


def admin_header():
    from admin import REPEATS, TARGET_MS  # bench/admin.py, beside this file

    return (
        f"\n## The admin\n\nEvery registered admin's change list, add form and change form, "
        f"signed in as a superuser, in Persian, with the data above plus 10,000 inquiries, "
        f"subscribers and page answers and 50,000 alert deliveries: {REPEATS} requests one at "
        f"a time after one untimed, through Django's test client in one process (the admin's "
        f"own work: queries, forms, templates; no network, no page cache). Change forms are "
        f"those of the rows that grow with the data: the current ranking edition, the legal "
        f"basis citing every cluster, the zinc cluster, a generated indicator and post. "
        f"Target: a median under {TARGET_MS} ms each.\n\n"
    )


def machine():
    memory = Path("/proc/meminfo").read_text().split("\n")[0].split()[1]
    return (
        f"{platform.node()}: {os.cpu_count()} cores, {int(memory) // 1024 // 1024} GiB, "
        f"{platform.platform()}, Python {platform.python_version()}"
    )


REPORT = ROOT / "docs" / "performance.md"
BEGIN, END = "<!-- bench:begin -->", "<!-- bench:end -->"


def write_report(measured: str):
    """Put `measured` (Markdown) between the bench markers of docs/performance.md, keeping
    what people wrote around them (readings of a run, Lighthouse figures)."""
    block = f"{BEGIN}\n{measured.strip()}\n{END}"
    text = REPORT.read_text() if REPORT.exists() else ""
    if BEGIN in text and END in text:
        before, rest = text.split(BEGIN, 1)
        text = before + block + rest.split(END, 1)[1]
    else:
        text = block + "\n\n" + text
    REPORT.write_text(text)


WRITES_PAGES = [("home", "/"), ("cluster page", "/clusters/zinc/")]


def writes_row() -> tuple[str, bool]:
    """The visitor-writes table and whether it missed its target. Each page is first warmed
    under load: after the cold-render rows nothing is cached, and a cold "alone" run would make
    the ratio meaningless (it read 2.79 once)."""
    for _label, path in WRITES_PAGES:
        subprocess.run(["wrk", "-t2", "-c16", "-d5s", BASE + path], capture_output=True)
    return visitor_writes.table(
        visitor_writes.measure(run_wrk, BASE, ENV["DJANGO_SECRET_KEY"], WRITES_PAGES)
    )


def measure_writes_only():
    """`bench/run.py --reuse-data --only-writes`: the visitor-writes row alone, printed and not
    written to docs/performance.md (for working on the write path)."""
    mail_server = start_mail_server()
    server = start_server()
    try:
        text, failed = writes_row()
    finally:
        stop_server(server)
        mail_server.stop()
    print(text)
    if failed:
        raise SystemExit("The visitor-writes target was missed.")


def main():
    if not shutil.which("wrk"):
        raise SystemExit("wrk is missing: apt-get install wrk (make bench does it for you).")
    if "--reuse-data" not in sys.argv:
        prepare_database()
    prepare_code()
    if "--only-writes" in sys.argv:
        return measure_writes_only()
    mail_server = start_mail_server()
    server = start_server()
    try:
        rows = targets()
        for _label, path, header, _kind in rows:  # warm every page into the cache
            for _ in range(3):
                subprocess.run(
                    ["wrk", "-t1", "-c1", "-d1s", *(["-H", header] if header else []), BASE + path],
                    capture_output=True,
                    check=True,
                )
        results = []
        for label, path, header, kind in rows:
            print(f"measuring {label} …", flush=True)
            results.append((label, path, kind, run_wrk(path, header)))
        print("measuring renders right after an edit …", flush=True)
        cold = cold_table(cold_renders(rows))
        print("measuring pages while votes and questions arrive …", flush=True)
        writes_text, writes_failed = writes_row()
    finally:
        stop_server(server)
        mail_server.stop()
    text, failed = table(results)
    admin_text, admin_failed = admin_timings()
    failed |= admin_failed
    header = (
        f"# Performance\n\nMeasured by `make bench` on {datetime.date.today().isoformat()}, "
        f"{machine()}.\n\nData: 200 clusters, 50,000 posts, 100 indicators × 40 years × 3 sources "
        f"on PostgreSQL; gunicorn with 2 sync workers, production settings, Redis page cache; "
        f"wrk with {CONNECTIONS} connections for {DURATION} per row from a second process on "
        f'127.0.0.1. "Uncached" rows send a session cookie, as a signed-in editor does: the '
        f"page cache is bypassed and the page is rendered, its content blocks and objects "
        f"coming from the fragment cache of the current content version.\n\n"
        f"Targets: every cached page at least half the static file's requests per second; "
        f"uncached pages p99 under 100 ms; no errors.\n\n"
    )
    cold_header = (
        f"\n\nThe first render after an edit, when nothing is cached for the new content "
        f"version: {COLD_RENDERS} requests one at a time, each right after a bump of the "
        f"generation (what every save does). No target; this is what one reader waits for "
        f"once per page and language after a change.\n\n"
    )
    writes_header = (
        f"\n\nReaders' pages while visitors write: votes and questions arrive at "
        f"{visitor_writes.WRITES_PER_SECOND} a second each (each from its own address), and the "
        f"page's req/s is compared with the same page measured alone: "
        f"{visitor_writes.ROUNDS} rounds of a run alone then a run with writes; the ratio is "
        f"the median of the rounds' ratios. Target: a ratio of at least 0.9. 302 is a stored "
        f"write, 429 one refused by the per-client limit or the site-wide cap a minute. Mail "
        f"goes to a local SMTP server that accepts everything.\n\n"
    )
    write_report(
        header + text + cold_header + cold + writes_header + writes_text + "\n" + admin_text
    )
    print(text)
    print(cold)
    print(writes_text)
    print(admin_text)
    failed |= writes_failed
    if failed:
        raise SystemExit("Some targets were missed: see the table.")


if __name__ == "__main__":
    main()
