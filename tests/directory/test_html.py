"""The directory's public pages pass the W3C Nu HTML checker in both languages."""

from pathlib import Path

import jdatetime

from clusters.models import Cluster, LegalBasis
from directory.models import Organisation
from directory.services import document_create
from tests.directory.files import pdf_bytes, upload
from tests.html_checker import assert_valid_html, needs_java


@needs_java
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
    bodies = {}
    for prefix in ("", "/en"):
        for index, path in enumerate(paths):
            response = client.get(prefix + path)
            assert response.status_code == 200, path
            bodies[f"{prefix.strip('/') or 'fa'}-{index}"] = response.content
    assert_valid_html(bodies, tmp_path / "pages")
