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
    """An editable Jalali date or date-time field, which the form shows with a picker."""
    return any(
        isinstance(field, jDateField | jDateTimeField) and field.editable
        for field in model._meta.fields
    )


def assert_persian_admin(html):
    assert '<html lang="fa" dir="rtl"' in html
    assert not re.search(r'(src|href)="(https?:)?//(?!testserver/)', html)


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
        # Django's own jQuery only.
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


def test_publish_action_refuses_an_inconsistent_edition_with_a_persian_message(
    staff_client, content
):
    from clusters.models import PriorityRanking, RankedCluster
    from tests.clusters.factories import make_scored_edition

    edition = make_scored_edition()
    RankedCluster.objects.filter(ranking=edition, rank=6).update(rank=8)
    response = staff_client.post(
        "/admin/clusters/priorityranking/",
        {"action": "publish", "_selected_action": [edition.pk]},
        follow=True,
    )
    html = page_text(response)
    assert "رتبه‌ها باید بی‌فاصله و بی‌تکرار از ۱ تا ۶ باشند" in html
    assert "منتشر نشد و هیچ چیزی تغییر نکرد" in html
    assert PriorityRanking.objects.current().title_fa != "اولویت‌بندی ۱۳۹۴"


def test_publish_action_makes_a_consistent_edition_current(staff_client, content):
    from clusters.models import PriorityRanking
    from tests.clusters.factories import make_scored_edition

    edition = make_scored_edition()
    response = staff_client.post(
        "/admin/clusters/priorityranking/",
        {"action": "publish", "_selected_action": [edition.pk]},
        follow=True,
    )
    assert "اکنون اولویت‌بندی کنونی است" in page_text(response)
    assert PriorityRanking.objects.current() == edition


def test_current_flag_cannot_be_ticked_past_the_publish_checks(staff_client, content):
    html = page_text(staff_client.get("/admin/clusters/priorityranking/add/"))
    assert 'name="is_current"' not in html


def test_editor_can_recover_a_deleted_joint_action_from_its_history(staff_client, content):
    from reversion.models import Version

    from clusters.models import Cluster, JointAction

    knife = Cluster.objects.get(slug="knife")
    # The same form both adds the action and, on the recover page, confirms its restoration.
    form = {
        "cluster": knife.pk,
        "title_fa": "خرید مشترک فولاد",
        "status": "planned",
        "order": "1",
        "baseline": "0",
        "target": "10",
        "reports-TOTAL_FORMS": "1",
        "reports-INITIAL_FORMS": "0",
        "reports-0-reported_on": "1394-05-01",
        "reports-0-actual": "3",
        "reports-0-text_fa": "سه کارگاه پیوستند",
    }
    response = staff_client.post("/admin/clusters/jointaction/add/", form)
    assert response.status_code == 302, page_text(response)[:3000]
    action = JointAction.objects.get(title_fa="خرید مشترک فولاد")
    staff_client.post(f"/admin/clusters/jointaction/{action.pk}/delete/", {"post": "yes"})
    assert not JointAction.objects.filter(title_fa="خرید مشترک فولاد").exists()

    recover_list = page_text(staff_client.get("/admin/clusters/jointaction/recover/"))
    assert "خرید مشترک فولاد" in recover_list
    version = Version.objects.get_deleted(JointAction).get()
    url = f"/admin/clusters/jointaction/recover/{version.pk}/"
    # The recover page shows the deleted action as it was, its report included.
    recover_page = page_text(staff_client.get(url))
    assert "سه کارگاه پیوستند" in recover_page
    report_id = re.search(r'name="reports-0-id" value="(\d+)"', recover_page).group(1)
    # The editor confirms the form as shown: the report is the restored one, not a new one.
    form |= {"reports-INITIAL_FORMS": "1", "reports-0-id": report_id, "reports-0-action": action.pk}
    response = staff_client.post(url, form)
    assert response.status_code == 302, page_text(response)[:3000]
    restored = JointAction.objects.get(title_fa="خرید مشترک فولاد")
    assert restored.pk == action.pk
    assert restored.target == 10
    assert restored.reports.get().text_fa == "سه کارگاه پیوستند"


def test_project_admin_edits_phases_team_and_governance_with_jalali_pickers(staff_client, content):
    from clusters.models import DevelopmentProject

    project = DevelopmentProject.objects.get(cluster__slug="handmade-carpet")
    html = page_text(staff_client.get(f"/admin/clusters/developmentproject/{project.pk}/change/"))
    assert 'name="phases-0-planned_start"' in html
    assert re.search(
        r'name="phases-0-planned_start"[^>]*class="vjDateField|class="vjDateField[^"]*"[^>]*name="phases-0-planned_start"',
        html,
    )
    assert 'name="team-TOTAL_FORMS"' in html and 'name="governance-TOTAL_FORMS"' in html
    assert "کمیته هماهنگی استانی" in html
