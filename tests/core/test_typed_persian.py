"""Persian text, however it is typed, is one text: on the public pages, in the admin, stored.

Each test replays a fault once met with Persian as it is typed, as a visitor or editor met it.
"""

import re

import jdatetime
import pytest
from django.contrib import admin
from django.core.management import call_command
from django.db import connection
from django.test import RequestFactory
from django.urls import resolve
from django_jalali import forms as jforms

from carpets.models import Source
from clusters.models import Cluster
from core.admin import PersianAdminMixin
from core.forms import CleanInputMixin, JalaliDateField, JalaliDateTimeField
from outreach.models import Inquiry
from tests.clusters.factories import make_cluster
from tests.helpers import page_text
from tests.outreach.forms import stamp

LRE, PDF, LRM = "\u202a", "\u202c", "\u200e"
PROJECT_APPS = {"clusters", "carpets", "news", "directory", "outreach", "search"}


def search_page(client, query):
    return page_text(client.get("/search/", {"q": query}))


def found(html):
    return re.findall(r'<a href="(/[^"]*)"', html.split('id="results"', 1)[-1]), re.findall(
        r"<mark>(.*?)</mark>", html
    )


def test_he_hamza_and_kashida_find_what_the_plain_word_finds(client, content):
    plain_links, _marks = found(search_page(client, "توسعه"))
    assert plain_links
    for spelling in ["توسعۀ", "توسـعه", "توسعهٔ", "توسعة"]:
        links, marks = found(search_page(client, spelling))
        assert links == plain_links, spelling
        # The highlight shows the spelling that is in the text, not the one typed.
        assert marks and all("ـ" not in mark for mark in marks)


def contact(client, **changes):
    data = {
        "kind": "invest",
        "cluster": "",
        "name": "علي كريمي",
        "organisation": "",
        "email": f"{LRM}ali@example.org",
        "phone": f"{LRE}+98 912 000 0000{PDF}",
        "message": "سلام",
        "website": "",
        "started": stamp(),
    }
    return client.post("/contact/", {**data, **changes})


@pytest.mark.parametrize("phone", [f"{LRE}+98 912 000 0000{PDF}", f"{LRM}+۹۸ ۹۱۲ ۰۰۰ ۰۰۰۰"])
def test_a_pasted_phone_is_accepted_and_a_name_stored_in_persian_letters(client, content, phone):
    response = contact(client, phone=phone)
    assert response.status_code == 302
    inquiry = Inquiry.objects.get()
    assert inquiry.phone == "+98 912 000 0000"
    assert inquiry.name == "علی کریمی"
    assert inquiry.email == "ali@example.org"


def changelist_rows(client, model, query):
    url = f"/admin/{model._meta.app_label}/{model._meta.model_name}/"
    response = client.get(url, {"q": query})
    assert response.status_code == 200
    return list(response.context["cl"].result_list)


def test_admin_finds_an_inquiry_by_its_persian_reference_and_by_persian_letters(
    client, staff_client, content
):
    contact(client)
    inquiry = Inquiry.objects.get()
    persian_reference = inquiry.reference.translate(str.maketrans("0123456789", "۰۱۲۳۴۵۶۷۸۹"))
    for query in [inquiry.reference, persian_reference, "علی", "علي", "كريمي"]:
        assert changelist_rows(staff_client, Inquiry, query) == [inquiry], query


def test_admin_search_joins_zwnj_space_and_he_spellings(staff_client, content):
    make_cluster("test-weaving", "قالی\u200cبافی سنتی")
    make_cluster("test-he", "خوشۀ آزمایشی")
    for query in ["قالی بافی", "قالي\u200cبافي"]:
        names = [c.name for c in changelist_rows(staff_client, Cluster, query)]
        assert names == ["قالی\u200cبافی سنتی"], query
    for query in ["خوشه آزمایشی", "خوشۀ آزمايشي", "خوشهٔ آزمایشی"]:
        names = [c.name for c in changelist_rows(staff_client, Cluster, query)]
        assert names == ["خوشۀ آزمایشی"], query


def admin_request(django_user_model):
    request = RequestFactory().get("/admin/")
    request.user = django_user_model.objects.create_superuser("h", "h@example.org", "x" * 16)
    request.resolver_match = resolve("/admin/")
    return request


def test_every_admin_cleans_input_and_reads_typed_jalali_dates(db, django_user_model):
    request = admin_request(django_user_model)
    seen_dates = 0
    for model, model_admin in admin.site._registry.items():
        if model._meta.app_label not in PROJECT_APPS:
            continue
        assert isinstance(model_admin, PersianAdminMixin), model
        forms = [model_admin.get_form(request)()]
        forms += [fs.form for fs, _inline in model_admin.get_formsets_with_inlines(request)]
        for form in forms:
            instance = form if not isinstance(form, type) else form()
            assert isinstance(instance, CleanInputMixin), model
            for field in instance.fields.values():
                assert type(field) not in (jforms.jDateField, jforms.jDateTimeField), model
                seen_dates += isinstance(field, JalaliDateField | JalaliDateTimeField)
    assert seen_dates >= 5


def test_the_admin_saves_a_date_typed_with_slashes_and_persian_digits(staff_client, content):
    source = Source.objects.first()
    form_class = admin.site._registry[Source].get_form(staff_client.request().wsgi_request)
    data = {
        field: getattr(source, field) or ""
        for field in form_class.base_fields
        if not field.startswith("published_on")
    }
    form = form_class(data={**data, "published_on": "۱۴۰۵/۶/۳۱"}, instance=source)
    assert form.is_valid(), form.errors
    assert form.save().published_on == jdatetime.date(1405, 6, 31)
    form = form_class(data={**data, "published_on": "1404/12/30"}, instance=source)
    assert not form.is_valid()
    assert "کبیسه" in str(form.errors["published_on"])


PERSIAN_ORDER = [
    "آبادان",
    "بافت",
    "پسته",
    "تبریز",
    "چای",
    "ژلاتین",
    "کاشی",
    "گیوه",
    "وزنه",
    "هنر",
    "یزد",
]


def test_names_sort_in_cldr_persian_order_on_this_database(staff_client, db):
    for index, name in enumerate(reversed(PERSIAN_ORDER)):
        make_cluster(f"order-{index}", name)
    assert [c.name for c in Cluster.objects.all()] == PERSIAN_ORDER
    rows = changelist_rows(staff_client, Cluster, "")
    assert [c.name for c in rows if c.slug.startswith("order-")] == PERSIAN_ORDER
    response = staff_client.get("/admin/carpets/source/", {"o": "1"})
    assert response.status_code == 200
    assert connection.vendor in {"sqlite", "postgresql"}


def test_text_stored_before_the_layer_is_normalised_by_the_command(db):
    cluster = make_cluster("old-row", "placeholder")
    Cluster.objects.filter(pk=cluster.pk).update(name_fa="\u200fخوشة علي كريمي", slug="old-row")
    call_command("normalize_stored_text", "clusters", verbosity=0)
    cluster.refresh_from_db()
    assert cluster.name_fa == "خوشة علی کریمی"  # ة is kept as written; search folds it


def test_admin_number_fields_are_text_boxes_that_keep_what_was_typed(staff_client, content):
    """`<input type="number">` would drop Persian digits in the browser: every number field of
    an admin form, and a list's editable order column, is a text box with a number keypad."""
    import re

    from carpets.models import Indicator, Observation

    figure = Observation.objects.order_by("pk").first()
    html = staff_client.get(f"/admin/carpets/observation/{figure.pk}/change/").content.decode()
    assert 'type="number"' not in html
    value_box = re.search(r'<input[^>]*name="value"[^>]*>', html).group(0)
    assert 'type="text"' in value_box and 'inputmode="decimal"' in value_box
    year_box = re.search(r'<input[^>]*name="year"[^>]*>', html).group(0)
    assert 'inputmode="numeric"' in year_box
    assert Indicator.objects.exists()
    listing = staff_client.get("/admin/carpets/indicator/").content.decode()
    assert 'type="number"' not in listing and 'inputmode="numeric"' in listing
