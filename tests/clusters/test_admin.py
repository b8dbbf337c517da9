"""Every admin page an editor uses: Persian, right-to-left, Jalali pickers, nothing from a CDN."""

import re

import pytest
from django.contrib import admin
from django.urls import reverse
from django_jalali.db.models import jDateField, jDateTimeField

from tests.clusters.factories import make_joint_action
from tests.conftest import page_text

OUR_APPS = {"clusters", "carpets", "news"}
MODELS = [model for model in admin.site._registry if model._meta.app_label in OUR_APPS]
# Models the source document reports nothing for: their change page is walked on a test row.
TEST_ROWS = {"clusters.JointAction": make_joint_action}


def admin_url(model, action, *args):
    return reverse(f"admin:{model._meta.app_label}_{model._meta.model_name}_{action}", args=args)


def has_jalali_field(model):
    return any(isinstance(field, jDateField | jDateTimeField) for field in model._meta.fields)


def assert_persian_admin(html):
    assert '<html lang="fa" dir="rtl"' in html
    assert not re.search(r'(src|href)="(https?:)?//', html)


@pytest.mark.parametrize("model", MODELS, ids=lambda model: model._meta.label)
def test_changelist_is_persian(staff_client, demo, model):
    response = staff_client.get(admin_url(model, "changelist"))
    assert response.status_code == 200
    assert_persian_admin(page_text(response))


@pytest.mark.parametrize("model", MODELS, ids=lambda model: model._meta.label)
def test_add_page_is_persian_with_jalali_pickers(staff_client, demo, model):
    response = staff_client.get(admin_url(model, "add"))
    assert response.status_code == 200
    html = page_text(response)
    assert_persian_admin(html)
    if has_jalali_field(model):
        assert 'class="vjDateField' in html
        assert "jquery.ui.datepicker-cc-fa.js" in html
        # Django's own jQuery only (ECOSYSTEM.md P3).
        assert "jquery-1.10.2" not in html


@pytest.mark.parametrize("model", MODELS, ids=lambda model: model._meta.label)
def test_change_page_is_persian(staff_client, demo, model):
    obj = model.objects.first() or TEST_ROWS.get(model._meta.label, lambda: None)()
    assert obj is not None, f"the content or demo set has no {model._meta.label}"
    response = staff_client.get(admin_url(model, "change", obj.pk))
    assert response.status_code == 200
    assert_persian_admin(page_text(response))


def test_translation_tabs_use_the_vendored_jquery_ui(staff_client, content):
    html = page_text(staff_client.get("/admin/clusters/cluster/add/"))
    assert "/static/vendor/jquery-ui-tabs/jquery-ui-tabs.js" in html
    assert "modeltranslation/js/tabbed_translation_fields.js" in html


def test_admin_stays_persian_for_an_english_browser(staff_client, content):
    response = staff_client.get("/admin/", headers={"accept-language": "en-US,en"})
    assert '<html lang="fa" dir="rtl"' in page_text(response)


def test_observation_list_warns_of_disagreeing_figures(staff_client, content):
    html = page_text(staff_client.get("/admin/carpets/observation/"))
    assert "رقم\u200cهای گزارش\u200cشده\u200cای که با هم نمی\u200cخوانند" in html


def test_editor_can_add_a_cluster_in_persian(staff_client, content):
    from clusters.models import Cluster

    response = staff_client.post(
        "/admin/clusters/cluster/add/",
        {
            "slug": "saffron",
            "name_fa": "خوشه زعفران",
            "sector": "agrifood",
            "summary_fa": "خلاصه",
            "profile_fa": "شناسنامه",
            "project-TOTAL_FORMS": "0",
            "project-INITIAL_FORMS": "0",
            "actions-TOTAL_FORMS": "0",
            "actions-INITIAL_FORMS": "0",
        },
    )
    assert response.status_code == 302, page_text(response)[:2000]
    assert Cluster.objects.get(slug="saffron").name == "خوشه زعفران"


def test_missing_persian_name_is_refused_with_a_persian_message(staff_client, content):
    from clusters.models import Cluster

    response = staff_client.post(
        "/admin/clusters/cluster/add/",
        {
            "slug": "x",
            "name_en": "X",
            "sector": "agrifood",
            "summary_fa": "a",
            "profile_fa": "b",
            "project-TOTAL_FORMS": "0",
            "project-INITIAL_FORMS": "0",
            "actions-TOTAL_FORMS": "0",
            "actions-INITIAL_FORMS": "0",
        },
    )
    assert response.status_code == 200
    assert "این فیلد لازم است" in page_text(response)
    assert not Cluster.objects.filter(slug="x").exists()
