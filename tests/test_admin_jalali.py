"""The admin prints dates as the office reads them and filters by Jalali year and month.

2026-11-30 17:54 UTC is 21:24 in Tehran on 9 Azar 1405: a Persian admin page prints
"۹ آذر ۱۴۰۵، ساعت ۲۱:۲۴" wherever that moment is shown (change list, read-only field, history),
never "1405-09-09 21:24:26.918005+0330" nor "Nov. 30, 2026". A change list's column may break its
line between the date and the time (core/admin_values.py): the moment is read as text.
"""

import datetime

import pytest
import reversion
from django.contrib.admin.models import CHANGE, LogEntry
from django.contrib.contenttypes.models import ContentType
from django.utils.html import strip_tags

from carpets.models import Indicator, Observation, Source
from news.models import Post
from outreach.models import Delivery, Inquiry, PageFeedback, SiteNotice, Subscriber
from tests.helpers import page_text

MOMENT = datetime.datetime(2026, 11, 30, 17, 54, 26, 918005, tzinfo=datetime.UTC)
SHOWN = "۹ آذر ۱۴۰۵، ساعت ۲۱:۲۴"
# 00:10 on 1 Azar 1405 in Tehran, still 30 Aban in UTC: it belongs to Azar.
FIRST_OF_AZAR = datetime.datetime(2026, 11, 21, 20, 40, tzinfo=datetime.UTC)
LAST_OF_ABAN = datetime.datetime(2026, 11, 21, 20, 20, tzinfo=datetime.UTC)  # 23:50 Tehran


def assert_no_raw_dates(html):
    for raw in ("1405-09-09", "+0330", "2026", "Nov."):
        assert raw not in html, raw


@pytest.fixture
def post(db):
    return Post.objects.create(
        title_fa="خبر آذر", slug="azar", body_fa="<p>م</p>", status="published", publish_at=MOMENT
    )


def _inquiry(number, created_at):
    return Inquiry.objects.create(
        reference=f"ZC-1405-{number:06d}",
        kind="invest",
        name="مریم",
        email="m@example.org",
        message="پرسش",
        created_at=created_at,
    )


def test_post_list_prints_publish_time_in_jalali_to_the_minute(staff_client, post):
    html = page_text(staff_client.get("/admin/news/post/"))
    assert SHOWN in strip_tags(html)
    assert_no_raw_dates(html)


def test_post_form_prints_its_record_times_in_jalali(staff_client, post):
    Post.objects.filter(pk=post.pk).update(created_at=MOMENT, updated_at=MOMENT)
    html = page_text(staff_client.get(f"/admin/news/post/{post.pk}/change/"))
    # Created and updated, read-only, both in Jalali with Persian digits.
    assert strip_tags(html).count(SHOWN) >= 2
    assert "Nov. 30, 2026" not in html


def test_inquiry_list_and_form_print_received_time_in_jalali(staff_client, db):
    inquiry = _inquiry(1, MOMENT)
    html = page_text(staff_client.get("/admin/outreach/inquiry/"))
    assert SHOWN in strip_tags(html)
    assert_no_raw_dates(html.replace("ZC-1405", ""))
    html = page_text(staff_client.get(f"/admin/outreach/inquiry/{inquiry.pk}/change/"))
    assert SHOWN in strip_tags(html)


def test_observation_list_prints_its_update_time_in_jalali(staff_client, db):
    indicator = Indicator.objects.create(slug="looms", name_fa="دار قالی", unit_fa="دستگاه")
    source = Source.objects.create(slug="s", name_fa="منبع", publisher_fa="ناشر")
    observation = Observation.objects.create(
        indicator=indicator, year=1405, value=23000, scope="province", source=source
    )
    Observation.objects.filter(pk=observation.pk).update(updated_at=MOMENT)
    html = page_text(staff_client.get("/admin/carpets/observation/"))
    assert SHOWN in strip_tags(html)


def test_history_pages_print_jalali_times(staff_client, post, admin_user):
    with reversion.create_revision():
        post.save()
    reversion.models.Revision.objects.update(date_created=MOMENT)
    html = page_text(staff_client.get(f"/admin/news/post/{post.pk}/history/"))
    assert SHOWN in strip_tags(html)
    inquiry = _inquiry(2, MOMENT)
    LogEntry.objects.create(
        user=admin_user,
        content_type=ContentType.objects.get_for_model(Inquiry),
        object_id=str(inquiry.pk),
        object_repr=str(inquiry),
        action_flag=CHANGE,
        action_time=MOMENT,
    )
    html = page_text(staff_client.get(f"/admin/outreach/inquiry/{inquiry.pk}/history/"))
    assert SHOWN in strip_tags(html)


def test_inquiries_filter_by_jalali_month_in_tehran_time(staff_client, db):
    _inquiry(1, FIRST_OF_AZAR)
    _inquiry(2, LAST_OF_ABAN)
    _inquiry(3, MOMENT - datetime.timedelta(days=365))  # 1404
    html = page_text(staff_client.get("/admin/outreach/inquiry/"))
    # The years the inquiries span, newest first, in Persian digits.
    assert html.index("۱۴۰۵") < html.index("۱۴۰۴")
    html = page_text(staff_client.get("/admin/outreach/inquiry/?created_at__jyear=1405"))
    assert "ZC-1405-000001" in html and "ZC-1405-000002" in html
    assert "ZC-1405-000003" not in html
    assert "آذر ۱۴۰۵" in html and "اسفند ۱۴۰۵" in html  # the chosen year's months
    html = page_text(
        staff_client.get("/admin/outreach/inquiry/?created_at__jyear=1405&created_at__jmonth=9")
    )
    assert "ZC-1405-000001" in html
    assert "ZC-1405-000002" not in html  # 23:50 on 30 Aban, Tehran time


@pytest.mark.parametrize(
    "query", ["created_at__jmonth=13&created_at__jyear=1405", "created_at__jyear=abc"]
)
def test_a_bad_month_in_the_address_is_no_error(staff_client, db, query):
    response = staff_client.get(f"/admin/outreach/inquiry/?{query}")
    assert response.status_code == 302
    assert "e=1" in response["Location"]


def test_every_dated_list_filters_by_jalali_month(staff_client, post):
    """Posts, inquiries, deliveries, answers, notices and observations: this month's rows."""
    subscriber = Subscriber.objects.create(email="r@example.org")
    Delivery.objects.create(
        post=post, subscriber=subscriber, status="sent", attempts=1, sent_at=MOMENT
    )
    PageFeedback.objects.create(path="/", language="fa", useful=True, created_at=MOMENT)
    SiteNotice.objects.create(
        text_fa="اطلاعیه", starts_at=MOMENT, ends_at=MOMENT + datetime.timedelta(days=1)
    )
    _inquiry(1, MOMENT)
    indicator = Indicator.objects.create(slug="looms", name_fa="دار قالی", unit_fa="دستگاه")
    source = Source.objects.create(slug="s", name_fa="منبع", publisher_fa="ناشر")
    observation = Observation.objects.create(
        indicator=indicator, year=1405, value=23000, scope="province", source=source
    )
    Observation.objects.filter(pk=observation.pk).update(updated_at=MOMENT)
    lists = {
        "news/post": "publish_at",
        "outreach/inquiry": "created_at",
        "outreach/delivery": "sent_at",
        "outreach/pagefeedback": "created_at",
        "outreach/sitenotice": "starts_at",
        "carpets/observation": "updated_at",
    }
    for path, field in lists.items():
        url = f"/admin/{path}/?{field}__jyear=1405&{field}__jmonth=9"
        shown = page_text(staff_client.get(url))
        assert SHOWN in strip_tags(shown), path
        empty = page_text(staff_client.get(url.replace("jmonth=9", "jmonth=8")))
        assert SHOWN not in strip_tags(empty), path


def test_a_saved_date_comes_back_in_its_field_as_the_office_writes_it(staff_client):
    """Typed as ۱۴۰۵/۰۶/۳۱, saved, opened again: the field holds 1405/06/31 (the picker's own
    format, which it reads to open on that month), and a date-time field's date part too."""
    import jdatetime

    source = Source.objects.create(name_fa="منبع", published_on=jdatetime.date(1405, 6, 31))
    html = staff_client.get(f"/admin/carpets/source/{source.pk}/change/").content.decode()
    assert 'value="1405/06/31"' in html
    assert "1405-06-31" not in html

    notice = SiteNotice.objects.create(
        text="اطلاعیه", starts_at=MOMENT, ends_at=MOMENT + datetime.timedelta(days=1)
    )
    html = staff_client.get(f"/admin/outreach/sitenotice/{notice.pk}/change/").content.decode()
    assert 'value="1405/09/09"' in html and 'value="1405/09/10"' in html
    # Its time to the minute, as every list prints it: 21:24, not 21:24:26.
    assert 'value="21:24"' in html and "21:24:26" not in html


def test_a_user_page_prints_its_dates_in_jalali_and_offers_no_gregorian_calendar(
    staff_client, django_user_model
):
    """Django's own user model keeps Gregorian date-times; its page read "2026/12/07" in a
    calendar titled "دسامبر 2026" on an otherwise Jalali admin."""
    user = django_user_model.objects.create_user("reader", "reader@example.org", "x" * 16)
    django_user_model.objects.filter(pk=user.pk).update(date_joined=MOMENT, last_login=MOMENT)
    html = page_text(staff_client.get(f"/admin/auth/user/{user.pk}/change/"))
    assert SHOWN in strip_tags(html)
    assert_no_raw_dates(html)
    assert 'name="date_joined' not in html and "vDateField" not in html
