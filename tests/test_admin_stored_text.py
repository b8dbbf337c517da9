"""English that Django or a library wrote into the database, as a Persian editor reads it.

Each test signs a superuser in, opens the admin page in Persian as an editor would, and checks
that the value reads in Persian and its stored English does not show: field names in a history,
permission and role names, sign-in records, language codes, a mail server's error.
"""

from html.parser import HTMLParser

import pytest
from axes.models import AccessAttempt, AccessFailureLog, AccessLog
from django.apps import apps
from django.conf import settings
from django.contrib.auth.models import Group
from django.core.management import call_command
from django.urls import reverse
from django.utils import translation
from django.utils.text import capfirst

from news.models import Post
from outreach.models import Delivery, OutgoingMail, PageFeedback, Subscriber
from tests.helpers import page_text
from tests.interface_words import data_values, english_words, interface_text
from tests.news.factories import make_post
from tests.news.helpers import admin_form_data
from tests.outreach.factories import make_inquiry, make_outgoing_mail


@pytest.fixture
def editor_client(client, django_user_model):
    user = django_user_model.objects.create_superuser("editor", "editor@example.org", "x" * 16)
    client.force_login(user)
    client.defaults["HTTP_ACCEPT_LANGUAGE"] = "fa"
    return client


VOID_ELEMENTS = {"area", "br", "col", "embed", "hr", "img", "input", "link", "meta", "wbr"}


class _Texts(HTMLParser):
    """The text inside every element with a given id, CSS class or name, one string each."""

    def __init__(self, name: str):
        super().__init__(convert_charrefs=True)
        self.name = name
        self.texts: list[str] = []
        self.depth = 0  # open elements inside the current match; 0 when outside any

    def handle_starttag(self, tag, attrs):
        attributes = dict(attrs)
        if tag in VOID_ELEMENTS:
            return
        if self.depth:
            self.depth += 1
            if tag == "option":  # each choice of a matched <select> on its own
                self.texts.append("")
        elif (
            self.name in (attributes.get("id"), attributes.get("name"))
            or self.name in (attributes.get("class") or "").split()
        ):
            self.depth = 1
            self.texts.append("")

    def handle_endtag(self, tag):
        if self.depth:
            self.depth -= 1

    def handle_data(self, data):
        if self.depth:
            self.texts[-1] += data


def texts_of(response, name: str) -> list[str]:
    """What the page shows inside each element of id, class or name `name` (a column's cells,
    a form row, the filters; a select's options, one by one), spaces collapsed."""
    parser = _Texts(name)
    parser.feed(page_text(response))
    return [" ".join(text.split()) for text in parser.texts if text.strip()]


# History -----------------------------------------------------------------------------------------


def test_a_post_edited_in_persian_names_the_changed_fields_in_persian_in_its_history(
    editor_client, content
):
    """The history of a versioned model (django-reversion): translated fields ("Title [fa]")
    and plain ones ("Status") as the form labels them in Persian."""
    post = make_post(status=Post.Status.DRAFT)
    url = reverse("admin:news_post_change", args=[post.pk])
    data = admin_form_data(
        editor_client.get(url), title_fa="خبر تازه", title_en="Fresh news", status="published"
    )
    assert editor_client.post(url, data).status_code == 302

    history = editor_client.get(reverse("admin:news_post_history", args=[post.pk]))
    change = " ".join(texts_of(history, "change-history"))
    assert "عنوان [fa]" in change and "عنوان [en]" in change and "وضعیت" in change
    for english in ("Title", "Status"):
        assert english not in change


def test_a_user_edited_in_persian_names_djangos_own_fields_in_persian_in_its_history(
    editor_client, django_user_model
):
    """Django's history page (the admin log), for a model of Django's own."""
    user = django_user_model.objects.create_user("reader", "reader@example.org", "x" * 16)
    url = reverse("admin:auth_user_change", args=[user.pk])
    data = admin_form_data(editor_client.get(url), first_name="مریم", last_name="رضایی")
    assert editor_client.post(url, data).status_code == 302

    history = editor_client.get(reverse("admin:auth_user_history", args=[user.pk]))
    change = " ".join(texts_of(history, "change-history"))
    assert "نام" in change and "نام خانوادگی" in change
    assert "First name" not in change and "Last name" not in change


def test_every_fields_label_in_a_stored_change_message_reads_in_persian():
    """Every model field of every installed app, Django's, third-party and translated ones: the
    label the admin stores for a change is translated by the compiled catalogue
    (build_messages adds the labels)."""
    untranslated = []
    for model in apps.get_models():
        for field in model._meta.get_fields():
            verbose_name = getattr(field, "verbose_name", None)
            if verbose_name is None:
                continue
            with translation.override(None):
                english = str(capfirst(verbose_name))
            with translation.override("fa"):
                if (
                    str(capfirst(verbose_name)) != english
                    and translation.gettext(english) == english
                ):
                    untranslated.append(f"{model._meta.label}.{field.name}: {english}")
    assert untranslated == []


def test_a_revision_comment_a_command_stored_in_english_reads_in_persian(editor_client, content):
    post = make_post(status=Post.Status.DRAFT)
    call_command("createinitialrevisions", "news.post", comment="Initial version", verbosity=0)
    history = editor_client.get(reverse("admin:news_post_history", args=[post.pk]))
    assert "نسخهٔ نخست" in " ".join(texts_of(history, "change-history"))
    assert "Initial version" not in page_text(history)


# Permissions and roles ---------------------------------------------------------------------------


def test_the_permission_pickers_name_each_right_in_persian(editor_client, django_user_model):
    user = django_user_model.objects.get(username="editor")
    pickers = [
        texts_of(editor_client.get(reverse("admin:auth_group_add")), "permissions"),
        texts_of(
            editor_client.get(reverse("admin:auth_user_change", args=[user.pk])),
            "user_permissions",
        ),
    ]
    for options in pickers:
        assert "اخبار و رویدادها | مطلب | می‌تواند مطلب اضافه کند" in options
        # A model's own permission (Meta.permissions), and one of a third-party app.
        assert (
            "اخبار و رویدادها | مطلب | می‌تواند مطالب را منتشر، زمان‌بندی و از انتشار خارج کند"
            in options
        )
        assert "محافظت از ورود | تلاش برای دسترسی | می‌تواند تلاش برای دسترسی را حذف کند" in options
        assert not [option for option in options if "Can " in option]


def test_the_office_roles_read_in_persian_wherever_the_admin_lists_them(
    editor_client, django_user_model
):
    editors = Group.objects.get(name="editors")
    english = {group.name for group in Group.objects.all()}

    groups = editor_client.get(reverse("admin:auth_group_changelist"))
    assert "ویراستاران" in texts_of(groups, "field-__str__")
    assert "کارشناسان آمار" in texts_of(groups, "field-__str__")

    user = django_user_model.objects.get(username="editor")
    users = editor_client.get(reverse("admin:auth_user_changelist"))
    user_form = editor_client.get(reverse("admin:auth_user_change", args=[user.pk]))
    group_form = editor_client.get(reverse("admin:auth_group_change", args=[editors.pk]))
    shown = {
        "group list": " ".join(texts_of(groups, "result_list")),
        "user list filter": " ".join(texts_of(users, "changelist-filter")),
        "user form's picker": " ".join(texts_of(user_form, "groups")),
        "group form": page_text(group_form),
    }
    assert "ویراستاران" in shown["user list filter"]
    assert "ویراستاران" in shown["user form's picker"]
    assert "<h2>ویراستاران</h2>" in shown["group form"]
    for place, text in shown.items():
        for name in english:
            assert name not in text, (place, name)


def test_an_office_role_is_found_by_its_persian_name_and_keeps_its_stored_one(editor_client):
    found = editor_client.get(reverse("admin:auth_group_changelist"), {"q": "ویراستار"})
    assert texts_of(found, "field-__str__") == ["ویراستاران"]
    editors = Group.objects.get(name="editors")
    form = editor_client.get(reverse("admin:auth_group_change", args=[editors.pk]))
    assert 'name="name"' not in page_text(form)  # the migrations find the role by it


# Sign-in records (django-axes) ------------------------------------------------------------------


@pytest.fixture
def sign_in_records(db):
    record = {
        "user_agent": "Mozilla/5.0",
        "ip_address": "10.0.0.5",
        "username": "editor",
        "http_accept": "text/html",
        "path_info": "/admin/login/",
    }
    attempt = AccessAttempt.objects.create(
        **record, get_data="", post_data="username=editor", failures_since_start=2
    )
    log = AccessLog.objects.create(**record)
    failure = AccessFailureLog.objects.create(**record, locked_out=True)
    return attempt, log, failure


def test_sign_in_records_read_in_persian(editor_client, sign_in_records):
    failure = sign_in_records[2]
    pages = [
        reverse(f"admin:axes_{record._meta.model_name}_{page}", args=args)
        for record in sign_in_records
        for page, args in (("changelist", []), ("change", [record.pk]), ("history", [record.pk]))
    ]
    data = data_values()
    for url in pages:
        text = interface_text(page_text(editor_client.get(url)))
        assert english_words(text, data) == [], url
        assert "ورود" in text, url  # each record's name, in its title

    attempts = editor_client.get(reverse("admin:axes_accessattempt_changelist"))
    assert texts_of(attempts, "field-status") == ["۳ تلاش باقی مانده"]
    failure_page = editor_client.get(
        reverse("admin:axes_accessfailurelog_change", args=[failure.pk])
    )
    assert "<h2>ورود ناموفق با نام کاربری «editor» از 10.0.0.5، " in page_text(failure_page)


def test_cleaning_up_expired_attempts_reports_in_persian(editor_client, sign_in_records):
    attempt = sign_in_records[0]
    response = editor_client.post(
        reverse("admin:axes_accessattempt_changelist"),
        {"action": "cleanup_expired_attempts", "_selected_action": [attempt.pk]},
        follow=True,
    )
    assert "تلاش ورودِ منقضی‌شده پاک شد." in page_text(response)
    assert "Cleaned up" not in page_text(response)


# Language codes ---------------------------------------------------------------------------------


def test_an_inquiry_shows_its_language_by_name_in_the_list_filter_and_form(editor_client, db):
    inquiry = make_inquiry(language="en")
    listing = editor_client.get(reverse("admin:outreach_inquiry_changelist"))
    assert texts_of(listing, "field-language") == ["انگلیسی"]
    filters = " ".join(texts_of(listing, "changelist-filter"))
    assert "فارسی" in filters and "انگلیسی" in filters

    form = editor_client.get(reverse("admin:outreach_inquiry_change", args=[inquiry.pk]))
    language_row = " ".join(texts_of(form, "field-language"))
    assert "انگلیسی" in language_row
    assert "en" not in language_row.split()


def test_the_feedback_summary_names_each_language(editor_client, db):
    PageFeedback.objects.create(path="/clusters/", language="en", useful=True)
    summary = page_text(editor_client.get(reverse("admin:outreach_feedbackpage_changelist")))
    assert "<td>انگلیسی</td>" in summary
    assert "<td>en</td>" not in summary


def test_every_stored_language_code_reads_as_a_language_name():
    """A field holding a page's language (`language`, `*_language`) offers the site's languages
    as choices, so the admin prints their names wherever it shows the field."""
    fields = [
        field
        for model in apps.get_models()
        if model._meta.app_label in {"carpets", "clusters", "directory", "news", "outreach"}
        for field in model._meta.concrete_fields
        if field.name == "language" or field.name.endswith("_language")
    ]
    assert fields
    for field in fields:
        assert [code for code, _name in field.choices or []] == [
            code for code, _name in settings.LANGUAGES
        ], field


# A mail server's error ---------------------------------------------------------------------------

SERVER_ERROR = "SMTPRecipientsRefused: 550 5.1.1 User unknown in virtual mailbox table"


@pytest.fixture
def failed_mails(db):
    inquiry = make_inquiry()
    mail = make_outgoing_mail(
        inquiry,
        kind=OutgoingMail.Kind.ANSWER,
        status=OutgoingMail.Status.FAILED,
        attempts=3,
        last_error=SERVER_ERROR,
    )
    post = make_post()
    subscriber = Subscriber.objects.create(email="r@example.org")
    delivery = Delivery.objects.create(
        post=post, subscriber=subscriber, status="failed", last_error=SERVER_ERROR
    )
    return inquiry, mail, delivery


def test_a_mail_server_error_shows_as_it_came_under_a_persian_label(editor_client, failed_mails):
    """Operators need the server's words as they are: kept, left to right, and labelled so a
    Persian reader knows what the English is."""
    inquiry, mail, delivery = failed_mails
    pages = [
        reverse("admin:outreach_outgoingmail_changelist"),
        reverse("admin:outreach_outgoingmail_change", args=[mail.pk]),
        reverse("admin:outreach_inquiry_change", args=[inquiry.pk]),
        reverse("admin:outreach_delivery_changelist"),
        reverse("admin:outreach_delivery_change", args=[delivery.pk]),
    ]
    for url in pages:
        html = page_text(editor_client.get(url))
        assert "خطای سرور نامه (متن اصلی)" in html, url
        assert f'dir="ltr">{SERVER_ERROR}<' in html, url
        assert "آخرین خطا" not in html, url


def test_djangos_own_messages_read_as_written_persian(editor_client, content):
    """Django's Persian catalogue says "وضعیت تغییر یافتند" for one field, "مطالب های" after a
    plural name, and "میتوانید" without its half-space; the project's catalogue rewords them."""
    post = make_post(status=Post.Status.DRAFT)
    url = reverse("admin:news_post_change", args=[post.pk])
    data = admin_form_data(editor_client.get(url), status="published", _continue="1")
    saved = " ".join(texts_of(editor_client.post(url, data, follow=True), "messagelist"))
    assert f"مطلب «{post}» ذخیره شد." in saved
    assert "میتوانید" not in saved and "قسمت پایین" not in saved

    history = editor_client.get(reverse("admin:news_post_history", args=[post.pk]))
    assert "تغییر در وضعیت و زمان انتشار." in " ".join(texts_of(history, "change-history"))
    changes = page_text(editor_client.get(reverse("admin:news_post_changelist")))
    assert "حذف مطالب انتخاب‌شده" in changes and "های انتخاب شده" not in changes
