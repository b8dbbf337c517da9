import io
import re
import zipfile

import jdatetime
import pytest
from django.core.exceptions import ValidationError

from clusters.models import Cluster, LegalBasis
from directory.models import Document
from directory.services import document_create
from tests.conftest import page_text

from .conftest import docx_bytes, pdf_bytes, stored_files, upload, xlsx_bytes

MACRO_MAIN = "application/vnd.ms-word.document.macroEnabled.main+xml"


def create(file, **fields):
    values = {"title_fa": "برنامه اقدام خوشه فرش", "kind": "action_plan", "language": "fa"}
    return document_create(file=file, **{**values, **fields})


@pytest.mark.parametrize(
    ("name", "make", "expected"),
    [
        ("plan.pdf", pdf_bytes, "pdf"),
        ("data.xlsx", xlsx_bytes, "xlsx"),
        ("form.docx", docx_bytes, "docx"),
    ],
)
def test_real_files_are_stored_with_their_format_and_size(
    content_db, media_root, name, make, expected
):
    data = make()
    document = create(upload(name, data))
    document.refresh_from_db()
    assert document.file_format == expected
    assert document.file_size == len(data)
    assert [path.read_bytes() for path in stored_files(media_root)] == [data]


def text_zip() -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("readme.txt", "not an office file")
    return buffer.getvalue()


@pytest.mark.parametrize(
    ("name", "data", "message"),
    [
        ("empty.pdf", b"", "خالی"),
        ("fake.pdf", b"<script>alert(1)</script>", "PDF، XLSX یا DOCX نیست"),
        ("photo.pdf", b"\x89PNG\r\n\x1a\n" + b"0" * 40, "PDF، XLSX یا DOCX نیست"),
        ("archive.docx", text_zip(), "PDF، XLSX یا DOCX نیست"),
        (
            "macro.docx",
            docx_bytes(main_type=MACRO_MAIN),
            "PDF، XLSX یا DOCX نیست",
        ),
        ("renamed.docx", pdf_bytes(), "پسوند"),
        ("sheet.pdf", xlsx_bytes(), "پسوند"),
    ],
)
def test_bad_uploads_are_refused_in_persian_and_nothing_is_stored(
    content_db, media_root, name, data, message
):
    with pytest.raises(ValidationError) as error:
        create(upload(name, data))
    assert message in " ".join(error.value.message_dict["file"])
    assert Document.objects.count() == 0
    assert stored_files(media_root) == []


def test_a_file_over_the_size_limit_is_refused(content_db, media_root, settings):
    data = pdf_bytes()
    settings.DIRECTORY_DOCUMENT_MAX_BYTES = len(data) - 1
    with pytest.raises(ValidationError) as error:
        create(upload("big.pdf", data))
    assert "بزرگ" in " ".join(error.value.message_dict["file"])
    assert stored_files(media_root) == []


@pytest.mark.parametrize(
    ("fields", "field"),
    [
        ({"title_fa": ""}, "title_fa"),
        ({"title_fa": "ب" * 301}, "title_fa"),
        ({"title_fa": "<script>alert(1)</script>"}, "title_fa"),
        ({"summary_fa": "<b>پررنگ</b>"}, "summary_fa"),
        ({"summary_fa": "خ" * 2001}, "summary_fa"),
        ({"kind": "poem"}, "kind"),
        ({"language": "de"}, "language"),
    ],
)
def test_bad_fields_store_neither_row_nor_file(content_db, media_root, fields, field):
    with pytest.raises(ValidationError) as error:
        create(upload("plan.pdf", pdf_bytes()), **fields)
    assert field in error.value.message_dict
    assert Document.objects.count() == 0
    assert stored_files(media_root) == []


def test_markup_error_is_persian(content_db):
    with pytest.raises(ValidationError) as error:
        create(upload("plan.pdf", pdf_bytes()), title_fa="<script>x</script>")
    assert "برچسب HTML" in error.value.message_dict["title_fa"][0]


@pytest.fixture
def content_db(content):
    """The source content (clusters, legal bases) that documents link to."""


@pytest.fixture
def action_plan(content_db):
    return create(
        upload("plan.pdf", pdf_bytes()),
        title_fa="برنامه اقدام خوشه فرش دستبافت",
        title_en="Action plan of the handmade-carpet cluster",
        summary_fa="برنامه اقدام سه‌ساله پس از مطالعه شناخت.",
        published_on=jdatetime.date(1393, 8, 28),
        clusters=[Cluster.objects.get(slug="handmade-carpet")],
        legal_bases=[LegalBasis.objects.get(number=3)],
    )


def test_library_lists_filters_and_finds_by_title_however_typed(client, action_plan):
    create(upload("law.docx", docx_bytes()), title_fa="آیین‌نامه حمایت", kind="law", language="en")
    html = page_text(client.get("/documents/"))
    assert "برنامه اقدام خوشه فرش دستبافت" in html and "آیین‌نامه حمایت" in html
    only_plans = page_text(client.get("/documents/?kind=action_plan"))
    assert "برنامه اقدام خوشه فرش" in only_plans and "آیین‌نامه حمایت" not in only_plans
    carpet = page_text(client.get("/documents/?cluster=handmade-carpet"))
    assert "آیین‌نامه حمایت" not in carpet
    english = page_text(client.get("/documents/?language=en"))
    assert "آیین‌نامه حمایت" in english and "برنامه اقدام خوشه فرش" not in english
    # Arabic ي and ك, and no ZWNJ, still find the Persian titles.
    assert "برنامه اقدام خوشه فرش" in page_text(client.get("/documents/?q=خوشه+فرش+دستبافت"))
    assert "برنامه اقدام خوشه فرش" in page_text(client.get("/documents/?q=برنامه اقدام"))
    assert "آیین‌نامه حمایت" in page_text(client.get("/documents/?q=آيين+نامه"))
    assert "آیین‌نامه حمایت" in page_text(client.get("/documents/?q=آیین‌نامه"))
    assert "برنامه اقدام خوشه" not in page_text(client.get("/documents/?q=زيتون"))


def test_document_page_shows_jalali_date_size_in_persian_digits_and_links(client, action_plan):
    html = page_text(client.get(action_plan.get_absolute_url()))
    assert "۲۸ آبان ۱۳۹۳" in html
    assert '<dd><time datetime="2014-11-19">۲۸ آبان ۱۳۹۳</time></dd>' in html
    kilobytes = f"{action_plan.file_size / 1024:.1f}".rstrip("0").rstrip(".")
    persian = kilobytes.translate(str.maketrans("0123456789.", "۰۱۲۳۴۵۶۷۸۹٫"))
    assert f"{persian} کیلوبایت" in html
    assert action_plan.get_download_url() in html
    assert 'href="/clusters/handmade-carpet/"' in html
    assert "#basis-3" in html
    # The summary's glossary term links to its entry.
    assert 'href="/glossary/#term-diagnostic-study"' in html


def test_download_sends_the_stored_bytes_as_an_attachment(client, action_plan):
    response = client.get(action_plan.get_download_url())
    assert response.status_code == 200
    assert b"".join(response.streaming_content) == action_plan.file.open("rb").read()
    assert response["Content-Disposition"].startswith("attachment")


def test_a_document_whose_file_vanished_is_a_404(client, action_plan):
    action_plan.file.delete(save=False)
    assert client.get(action_plan.get_download_url()).status_code == 404


@pytest.mark.parametrize("query", ["kind=poem", "cluster=nowhere", "language=xx", "q=" + "x" * 101])
def test_bad_filters_give_the_list_with_a_persian_note(client, action_plan, query):
    response = client.get(f"/documents/?{query}")
    assert response.status_code == 200
    html = page_text(response)
    assert "برخی از پالایه‌های نشانی فهمیده نشد" in html
    assert "برنامه اقدام خوشه فرش" in html


def test_admin_upload_of_a_fake_pdf_is_refused_and_nothing_stored(
    staff_client, content, media_root
):
    response = staff_client.post(
        "/admin/directory/document/add/",
        {
            "title_fa": "سند جعلی",
            "kind": "report",
            "language": "fa",
            "file": upload("report.pdf", b"MZ\x90\x00 an executable"),
        },
    )
    assert response.status_code == 200
    assert "PDF، XLSX یا DOCX نیست" in page_text(response)
    assert Document.objects.count() == 0
    assert stored_files(media_root) == []


def test_admin_upload_of_a_real_xlsx_is_stored(staff_client, content, media_root):
    data = xlsx_bytes()
    response = staff_client.post(
        "/admin/directory/document/add/",
        {
            "title_fa": "آمار فرش",
            "kind": "report",
            "language": "fa",
            "file": upload("stats.xlsx", data),
        },
    )
    assert response.status_code == 302, page_text(response)[:3000]
    document = Document.objects.get()
    assert (document.file_format, document.file_size) == ("xlsx", len(data))


def test_a_cluster_page_lists_its_own_documents_not_another_clusters(client, action_plan):
    create(
        upload("knife.pdf", pdf_bytes()),
        title_fa="برنامه اقدام خوشه چاقو",
        clusters=[Cluster.objects.get(slug="knife")],
    )
    html = page_text(client.get("/clusters/handmade-carpet/"))
    assert "برنامه اقدام خوشه فرش دستبافت" in html and "برنامه اقدام خوشه چاقو" not in html


@pytest.mark.parametrize(
    ("name", "make", "expected"),
    [("Plan <b>1</b>.pdf", pdf_bytes, "pdf"), ("sheet.XLSX", xlsx_bytes, "xlsx")],
)
def test_a_document_is_stored_under_a_name_the_server_chose(
    content_db, media_root, name, make, expected
):
    """Never the uploader's name: `<uuid>.<detected format>`."""
    document = create(upload(name, make()))
    assert re.fullmatch(rf"documents/{expected}/[0-9a-f]{{32}}\.{expected}", document.file.name)
