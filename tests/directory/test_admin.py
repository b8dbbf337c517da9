"""The directory's admin pages: Persian, right-to-left, Jalali picker, nothing from a CDN."""

import pytest
from django.contrib import admin
from django.urls import reverse

from clusters.models import Cluster
from directory.models import Document, Organisation, Term
from directory.services import document_create
from tests.clusters.test_admin import assert_persian_admin
from tests.directory.files import pdf_bytes, upload
from tests.helpers import page_text

MODELS = [model for model in admin.site._registry if model._meta.app_label == "directory"]


def admin_url(model, action, *args):
    return reverse(f"admin:directory_{model._meta.model_name}_{action}", args=args)


@pytest.fixture
def filled(content):
    document_create(
        file=upload("plan.pdf", pdf_bytes()),
        title_fa="برنامه اقدام",
        kind="action_plan",
        language="fa",
    )


@pytest.mark.parametrize("model", MODELS, ids=lambda model: model._meta.label)
@pytest.mark.parametrize("action", ["changelist", "add", "change"])
def test_admin_pages_are_persian(staff_client, filled, model, action):
    args = [model.objects.first().pk] if action == "change" else []
    response = staff_client.get(admin_url(model, action, *args))
    assert response.status_code == 200
    assert_persian_admin(page_text(response))


def test_document_form_has_the_jalali_picker(staff_client, filled):
    html = page_text(staff_client.get(admin_url(Document, "add")))
    assert 'class="vjDateField' in html
    assert "jquery.ui.datepicker-cc-fa.js" in html
    assert "jquery-1.10.2" not in html


def test_directory_changelist_offers_import_and_export(staff_client, content):
    html = page_text(staff_client.get(admin_url(Organisation, "changelist")))
    assert admin_url(Organisation, "import") in html
    assert admin_url(Organisation, "export") in html


@pytest.mark.parametrize(
    ("name_fa", "message"),
    [("", "این فیلد لازم است"), ("<script>alert(1)</script>", "برچسب HTML"), ("ن" * 201, "200")],
)
def test_bad_organisation_input_is_refused_in_persian(staff_client, content, name_fa, message):
    before = Organisation.objects.count()
    knife = Cluster.objects.get(slug="knife")
    response = staff_client.post(
        admin_url(Organisation, "add"),
        {"name_fa": name_fa, "kind": "firm", "cluster": knife.pk, "county": "zanjan"},
    )
    assert response.status_code == 200
    assert message in page_text(response)
    assert Organisation.objects.count() == before


def test_bad_glossary_term_is_refused_in_persian(staff_client, content):
    before = Term.objects.count()
    response = staff_client.post(
        admin_url(Term, "add"),
        {"slug": "x", "term_fa": "<img src=x onerror=alert(1)>", "definition_fa": "", "order": "1"},
    )
    html = page_text(response)
    assert "برچسب HTML" in html and "این فیلد لازم است" in html
    assert Term.objects.count() == before
