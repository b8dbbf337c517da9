"""The bench's row for visitors' writes: readers' pages while votes and questions arrive.

A vote or a question must not slow readers down (issue: one vote used to empty every cached
page). Two writers post at a steady rate, each from changing client addresses (the server reads
them from X-Real-IP, as behind the deploy guide's proxy), while wrk loads a page; the same page
is measured without them in the same run, and the row reports the ratio (target >= 0.9).
"""

import http.cookiejar
import re
import statistics
import threading
import time
import urllib.error
import urllib.parse
import urllib.request

WRITES_PER_SECOND = 10  # each of votes and questions
# Quiet and busy runs alternate this many times per page; the row compares their medians.
ROUNDS = 5
STAMP_SALT = "outreach.form-started"


def form_stamp(secret_key: str) -> str:
    """The public forms' signed "served at" stamp, as the server makes it, a minute old."""
    from django.conf import settings
    from django.core import signing

    if not settings.configured:
        settings.configure(SECRET_KEY=secret_key)
    return signing.dumps(int(time.time()) - 60, salt=STAMP_SALT, key=secret_key)


class Writer(threading.Thread):
    """Posts one form `per_second` times a second until stopped; counts answers by status."""

    def __init__(self, base: str, path: str, data: dict, per_second: int, needs_token: bool):
        super().__init__(daemon=True)
        self.url, self.data, self.interval = base + path, data, 1 / per_second
        self.statuses: dict[int, int] = {}
        self.stopped = threading.Event()
        self.jar = jar = http.cookiejar.CookieJar()
        self.opener = urllib.request.build_opener(
            _NoRedirect, urllib.request.HTTPCookieProcessor(jar)
        )
        if needs_token:
            with self.opener.open(self.url, timeout=30) as page:
                html = page.read().decode()
            token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', html).group(1)
            self.data = {**data, "csrfmiddlewaretoken": token}

    def forget_visitor(self):
        """Each write comes from a new visitor: keep the CSRF cookie the form was served with,
        drop what the answer set (the thanks message, the session holding the reference),
        which would otherwise pile up in one cookie jar as no real visitor's does."""
        for cookie in list(self.jar):
            if cookie.name != "csrftoken":
                self.jar.clear(cookie.domain, cookie.path, cookie.name)

    def run(self):
        sent = 0
        started = time.monotonic()
        while not self.stopped.is_set():
            sent += 1
            headers = {"X-Real-IP": f"10.{sent % 250}.{sent // 250 % 250}.{sent % 7 + 1}"}
            body = urllib.parse.urlencode(self.data, doseq=True).encode()
            request = urllib.request.Request(self.url, data=body, headers=headers)
            try:
                with self.opener.open(request, timeout=30) as response:
                    status = response.status
            except urllib.error.HTTPError as error:
                status = error.code
            self.statuses[status] = self.statuses.get(status, 0) + 1
            self.forget_visitor()
            self.stopped.wait(max(0, started + sent * self.interval - time.monotonic()))


class _NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None


def writers(base: str, secret_key: str) -> list[Writer]:
    stamp = form_stamp(secret_key)
    vote = {
        "feedback-path": "/clusters/zinc/",
        "feedback-useful": "yes",
        "feedback-comment": "",
        "feedback-website": "",
        "feedback-started": stamp,
    }
    question = {
        "kind": "invest",
        "name": "پرسشگر آزمون بار",
        "email": "bench@example.org",
        "message": "پرسشی برای سنجش بار.",
        "website": "",
        "started": stamp,
    }
    return [
        Writer(base, "/feedback/", vote, WRITES_PER_SECOND, needs_token=False),
        Writer(base, "/contact/", question, WRITES_PER_SECOND, needs_token=True),
    ]


def measure(run_wrk, base: str, secret_key: str, pages: list[tuple[str, str]]) -> list[dict]:
    """For each (label, path): req/s without writes and with them, in ROUNDS alternations (a
    quiet run, then a busy one); the ratio is the median of the rounds' ratios, each comparing
    two runs a few seconds apart, so that a slow spell of the machine (another process, a
    timer, a neighbour on the host) moves one round, not the result. Also what the writes
    were answered (302 stored, 429 refused by a limit), summed over the rounds."""
    rows = []
    for label, path in pages:
        quiet, busy, answers = [], [], [{}, {}]
        for _round in range(ROUNDS):
            quiet.append(run_wrk(path, None))
            active = writers(base, secret_key)
            for writer in active:
                writer.start()
            try:
                busy.append(run_wrk(path, None))
            finally:
                for writer in active:
                    writer.stopped.set()
                    writer.join(timeout=30)
            for total, writer in zip(answers, active, strict=True):
                for status, count in writer.statuses.items():
                    total[status] = total.get(status, 0) + count
        quiet_rps = statistics.median(run["rps"] for run in quiet)
        busy_rps = statistics.median(run["rps"] for run in busy)
        rows.append(
            {
                "label": label,
                "quiet": {"rps": quiet_rps, "errors": sum(run["errors"] for run in quiet)},
                "busy": {"rps": busy_rps, "errors": sum(run["errors"] for run in busy)},
                "ratio": statistics.median(
                    b["rps"] / q["rps"] for q, b in zip(quiet, busy, strict=True)
                ),
                "rounds": [run["rps"] for pair in zip(quiet, busy, strict=True) for run in pair],
                "answers": [dict(sorted(total.items())) for total in answers],
            }
        )
    return rows


def table(rows: list[dict]) -> tuple[str, bool]:
    lines = [
        "| page | req/s alone | req/s with writes | ratio | rounds, alone → with writes "
        "| votes answered | questions answered | target |",
        "|---|---:|---:|---:|---|---|---|---|",
    ]
    failed = False
    for row in rows:
        ok = row["ratio"] >= 0.9 and not row["busy"]["errors"]
        failed |= not ok
        votes, questions = (
            ", ".join(f"{count}×{status}" for status, count in answers.items())
            for answers in row["answers"]
        )
        runs = row["rounds"]
        rounds = ", ".join(f"{a:.0f} → {b:.0f}" for a, b in zip(runs[::2], runs[1::2], strict=True))
        lines.append(
            f"| {row['label']} | {row['quiet']['rps']:.0f} | {row['busy']['rps']:.0f} | "
            f"{row['ratio']:.2f} | {rounds} | {votes} | {questions} | "
            f"{'ok' if ok else 'FAIL: < 0.9'} |"
        )
    return "\n".join(lines), failed
