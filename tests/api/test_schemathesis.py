"""An independent client finds nothing: schemathesis, every check (`--checks all`) and every
phase (examples, coverage, fuzzing, and stateful runs that follow the document's links), run
against the API served by a live server on the test database.

Bounded to about half a minute: 10 examples per operation and a fixed seed, so a failure
replays. By hand against `make serve` (PORT 8000):

    .venv/bin/st --config-file tests/api/schemathesis.toml run \\
        http://127.0.0.1:8000/api/v1/openapi.json --checks all -n 50 --workers 1

(raise PORTAL_API_RATE_LIMIT_REQUESTS for that server, or the limit will answer 429s).
"""

import subprocess
import sys
from pathlib import Path

CONFIG = Path(__file__).with_name("schemathesis.toml")
ST = Path(sys.executable).with_name("st")


def test_schemathesis_with_every_check_finds_nothing(live_server, demo, settings, tmp_path):
    # The client sends ~1,000 requests from one address: above the published limit.
    settings.PORTAL_API_RATE_LIMIT = {"requests": 1_000_000, "window_seconds": 60}
    result = subprocess.run(
        [
            str(ST),
            "--config-file",
            str(CONFIG),
            "run",
            f"{live_server.url}/api/v1/openapi.json",
            "--checks",
            "all",
            "--max-examples",
            "10",
            "--seed",
            "18",
            "--workers",
            "1",
            "--generation-database",
            "none",
            "--continue-on-failure",
        ],
        capture_output=True,
        text=True,
        timeout=240,
        # It keeps a folder of its own (.schemathesis/) in the working directory.
        cwd=tmp_path,
    )
    assert result.returncode == 0, result.stdout[-20000:] + result.stderr[-5000:]
    assert "Stateful" in result.stdout
