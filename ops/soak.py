"""Soak test: production settings under gunicorn on PostgreSQL, 32 connections for 60 seconds.

    python ops/soak.py            (what `make soak` runs)
    python ops/soak.py drive ...  (the load driver; started by the above as a separate process)

It creates its own database, serves the site as `make serve` does, drives every page it finds
from the home pages, samples the workers' memory, fails on any error or on memory growth beyond
a bound, and writes the result into docs/operations.md. It installs nothing.
"""

import argparse
import http.client
import json
import os
import platform
import re
import signal
import statistics
import subprocess
import sys
import threading
import time
from collections import Counter
from datetime import datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
REPORT = ROOT / "docs" / "operations.md"
BEGIN, END = "<!-- soak:begin -->", "<!-- soak:end -->"
LINK = re.compile(r'(?:href|src)="(/[^"#]*)"')
SKIP = re.compile(r"^/(admin|i18n|media)/|^/static/.*\.(png|svg)$")


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--port", type=int, default=int(os.environ.get("PORT", 8104)))
    parser.add_argument("--seconds", type=int, default=60)
    parser.add_argument("--connections", type=int, default=32)
    parser.add_argument("--warmup", type=int, default=5)
    parser.add_argument("--postgres", default="postgres://postgres@127.0.0.1:5432")
    parser.add_argument("--database", default="portal_soak")
    parser.add_argument("--max-growth-mib", type=float, default=25.0)
    parser.add_argument("--no-report", action="store_true")
    args = parser.parse_args()

    env = serve_environment(args)
    create_database(args)
    for step in (
        ["build_messages", "-v0"],
        ["collectstatic", "--noinput", "-v0"],
        ["migrate", "--noinput", "-v0"],
        ["load_content", "-v0"],
        ["load_demo", "-v0"],
    ):
        subprocess.run([sys.executable, "manage.py", *step], cwd=ROOT, env=env, check=True)

    gunicorn = Path(sys.executable).parent / "gunicorn"
    server = subprocess.Popen(
        [str(gunicorn), "cluster_portal.wsgi", "--workers", "2", "--bind", bind(args)],
        cwd=ROOT,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        wait_until_up(args.port)
        urls = crawl(args.port)
        print(f"soak: {len(urls)} URLs, {args.connections} connections, {args.seconds} s")
        # Warm up (fill caches and pools) before the first memory sample; its errors count too.
        warmup = run_driver(args.port, args.warmup, args.connections, urls)
        samples = []
        driver = start_driver(args, urls)
        sampler = threading.Thread(target=sample_memory, args=(server.pid, driver, samples))
        sampler.start()
        out, _ = driver.communicate()
        sampler.join()
        result = json.loads(out)
    finally:
        server.send_signal(signal.SIGTERM)
        _, server_log = server.communicate(timeout=30)
        drop_database(args)

    verdict = judge(result, samples, args.max_growth_mib)
    if warmup["errors"]:
        verdict.append(f"{warmup['errors']} failed requests while warming up: {warmup['failures']}")
    table = report_table(args, urls, result, samples, verdict)
    print(table)
    if "Traceback" in server_log:
        verdict.append("the server logged a traceback")
        print(server_log[-4000:])
    if not args.no_report:
        write_report(table)
    if verdict:
        print("soak FAILED: " + "; ".join(verdict))
        sys.exit(1)
    print("soak passed: no error, memory within bound")


def serve_environment(args):
    key_file = ROOT / ".secret-key"
    if not key_file.exists():
        sys.exit("soak: .secret-key is missing; `make soak` creates it")
    # As `make serve`: production settings over plain HTTP on 127.0.0.1.
    return {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "cluster_portal.settings.prod",
        "DJANGO_SECRET_KEY": key_file.read_text().strip(),
        "DJANGO_ALLOWED_HOSTS": "127.0.0.1,localhost",
        "DJANGO_SECURE_SSL_REDIRECT": "false",
        "DJANGO_SECURE_COOKIES": "false",
        "DJANGO_SECURE_HSTS_SECONDS": "0",
        "DATABASE_URL": f"{args.postgres}/{args.database}",
    }


def bind(args):
    return f"127.0.0.1:{args.port}"


def psql(args, sql):
    subprocess.run(
        ["psql", f"{args.postgres}/postgres", "-q", "-v", "ON_ERROR_STOP=1", "-c", sql],
        check=True,
        stdout=subprocess.DEVNULL,
        env={**os.environ, "PGOPTIONS": "-c client_min_messages=warning"},
    )


def create_database(args):
    drop_database(args)
    psql(args, f'CREATE DATABASE "{args.database}"')


def drop_database(args):
    psql(args, f'DROP DATABASE IF EXISTS "{args.database}" WITH (FORCE)')


def get(port, path, timeout=30):
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=timeout)
    try:
        connection.request("GET", path, headers={"Accept-Encoding": "gzip, br"})
        response = connection.getresponse()
        return response.status, response.read()
    finally:
        connection.close()


def wait_until_up(port):
    for _ in range(100):
        try:
            if get(port, "/readyz", timeout=2)[0] == 200:
                return
        except OSError:
            pass
        time.sleep(0.2)
    sys.exit("soak: the server did not become ready")


def crawl(port, limit=80):
    """Every same-site page and asset reachable in two steps from the two home pages."""
    seen, frontier = {"/", "/en/", "/healthz", "/readyz"}, ["/", "/en/"]
    for _ in range(2):
        found = []
        for path in frontier:
            status, body = get(port, path)
            if status == 200 and not path.startswith("/static/"):
                found += [
                    p for p in LINK.findall(body.decode(errors="replace")) if not SKIP.match(p)
                ]
        frontier = [p for p in dict.fromkeys(found) if p not in seen][: limit - len(seen)]
        seen.update(frontier)
    return sorted(seen)


def start_driver(args, urls):
    return subprocess.Popen(
        [
            sys.executable,
            __file__,
            "drive",
            str(args.port),
            str(args.seconds),
            str(args.connections),
            json.dumps(urls),
        ],
        stdout=subprocess.PIPE,
        text=True,
    )


def run_driver(port, seconds, connections, urls):
    """Each thread requests the URLs in turn until time is up; statuses and latencies recorded."""
    deadline = time.monotonic() + seconds
    statuses, latencies, failures = Counter(), [], []
    lock = threading.Lock()

    def worker(offset):
        index = offset
        while time.monotonic() < deadline:
            path = urls[index % len(urls)]
            index += 1
            started = time.monotonic()
            try:
                status, _ = get(port, path)
            except OSError as error:
                status = f"{type(error).__name__}"
            elapsed = time.monotonic() - started
            with lock:
                statuses[str(status)] += 1
                latencies.append(elapsed)
                if not (isinstance(status, int) and status < 400):
                    failures.append(f"{path}: {status}")

    threads = [threading.Thread(target=worker, args=(n,)) for n in range(connections)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    latencies.sort()
    return {
        "requests": len(latencies),
        "seconds": seconds,
        "statuses": dict(statuses),
        "failures": failures[:20],
        "errors": len(failures),
        "p50_ms": round(statistics.median(latencies) * 1000, 1) if latencies else None,
        "p99_ms": round(latencies[int(len(latencies) * 0.99) - 1] * 1000, 1) if latencies else None,
    }


def worker_pids(master_pid):
    pids = []
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                stat = (entry / "stat").read_text()
            except OSError:
                continue
            if int(stat.rsplit(")", 1)[1].split()[1]) == master_pid:
                pids.append(int(entry.name))
    return sorted(pids)


def rss_mib(pid):
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return 0.0


def sample_memory(master_pid, driver, samples, every=5.0):
    started = time.monotonic()
    while True:
        pids = worker_pids(master_pid)
        samples.append((round(time.monotonic() - started), {pid: rss_mib(pid) for pid in pids}))
        if driver.poll() is not None:
            return
        time.sleep(every)


def judge(result, samples, max_growth):
    problems = []
    if result["errors"]:
        problems.append(f"{result['errors']} failed requests, e.g. {result['failures'][:3]}")
    first, last = samples[0][1], samples[-1][1]
    if set(first) != set(last):
        problems.append("a worker was replaced during the run (crash or timeout)")
    for pid in set(first) & set(last):
        if last[pid] - first[pid] > max_growth:
            problems.append(f"worker {pid} grew {last[pid] - first[pid]:.1f} MiB")
    return problems


def machine():
    cpu = next(
        (
            line.split(":", 1)[1].strip()
            for line in Path("/proc/cpuinfo").read_text().splitlines()
            if line.startswith("model name")
        ),
        platform.processor(),
    )
    mem_kb = int(Path("/proc/meminfo").read_text().split()[1])
    pg = subprocess.run(["psql", "--version"], capture_output=True, text=True).stdout.strip()
    return (
        f"{platform.node()}: {cpu}, {os.cpu_count()} CPUs, {mem_kb / 1024 / 1024:.1f} GiB RAM; "
        f"{platform.system()} {platform.release()}; Python {platform.python_version()}; {pg}"
    )


def report_table(args, urls, result, samples, verdict):
    first, last = samples[0][1], samples[-1][1]
    rows = [
        ("date", datetime.now().astimezone().strftime("%Y-%m-%d %H:%M %Z")),
        ("machine", machine()),
        ("server", "gunicorn, 2 sync workers, cluster_portal.settings.prod, PostgreSQL"),
        ("load", f"{args.connections} connections for {result['seconds']} s, {len(urls)} URLs"),
        ("requests", f"{result['requests']} ({result['requests'] / result['seconds']:.0f}/s)"),
        ("statuses", ", ".join(f"{k}: {v}" for k, v in sorted(result["statuses"].items()))),
        ("errors", str(result["errors"])),
        ("latency p50 / p99", f"{result['p50_ms']} ms / {result['p99_ms']} ms"),
        (
            "worker RSS first → last (MiB)",
            ", ".join(f"{first[p]:.1f} → {last.get(p, 0):.1f}" for p in sorted(first)),
        ),
        ("memory bound", f"growth ≤ {args.max_growth_mib:.0f} MiB per worker"),
        (
            "samples (s: MiB per worker)",
            "; ".join(f"{t}: " + "/".join(f"{v:.1f}" for v in rss.values()) for t, rss in samples),
        ),
        ("verdict", "pass" if not verdict else "FAIL: " + "; ".join(verdict)),
    ]
    lines = ["| measure | value |", "|---|---|"]
    lines += [f"| {name} | {value} |" for name, value in rows]
    return "\n".join(lines)


def write_report(table):
    text = REPORT.read_text() if REPORT.exists() else f"# Operations\n\n{BEGIN}\n{END}\n"
    if BEGIN not in text:
        text += f"\n{BEGIN}\n{END}\n"
    head, rest = text.split(BEGIN, 1)
    tail = rest.split(END, 1)[1]
    REPORT.write_text(f"{head}{BEGIN}\n{table}\n{END}{tail}")


if __name__ == "__main__":
    if len(sys.argv) > 1 and sys.argv[1] == "drive":
        port, seconds, connections, urls = sys.argv[2:6]
        print(json.dumps(run_driver(int(port), int(seconds), int(connections), json.loads(urls))))
    else:
        main()
