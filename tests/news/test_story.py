"""The issue's "done when", walked end to end through the admin and the public site:
an editor drafts a post with an image and a Persian rich-text body, a publisher schedules it,
and at its time it appears on the home page, the news list, its cluster's page and both feeds;
a reader never sees the draft or unsafe markup."""

import datetime
import xml.etree.ElementTree as ET

import time_machine
from django.test import Client

from clusters.models import Cluster
from news.models import Post
from tests.helpers import page_text
from tests.news.helpers import admin_form_data, jalali_split, png_upload

START = datetime.datetime(2026, 2, 20, 5, 0, tzinfo=datetime.UTC)
PUBLISH_AT = datetime.datetime(2026, 2, 21, 6, 30, tzinfo=datetime.UTC)  # 10:00 Tehran
TITLE = "افتتاح نمایشگاه فرش دستباف زنجان"
BODY = (
    "<p>نمایشگاه <strong>فرش دستباف</strong> با حضور ۱۸ تعاونی گشایش یافت.</p>"
    '<p onclick="steal()">بازدید رایگان است.<script>steal()</script></p>'
    '<a href="javascript:steal()">برنامه</a><img src=x onerror=steal()>'
)


def public_pages(reader, cluster, post) -> dict[str, str]:
    feeds = {
        name: " ".join(ET.fromstring(reader.get(url).content).itertext())
        for name, url in (("rss", "/news/feed/rss/"), ("atom", "/news/feed/atom/"))
    }
    return {
        "home": page_text(reader.get("/")),
        "list": page_text(reader.get("/news/")),
        "cluster": page_text(reader.get(cluster.get_absolute_url())),
        **feeds,
        "post": page_text(reader.get(f"/news/{post.pk}/{post.slug}/")),
    }


def test_editor_drafts_publisher_schedules_readers_see_it_on_time(content, editor, publisher):
    carpet = Cluster.objects.get(slug="handmade-carpet")
    editor_client, publisher_client, reader = Client(), Client(), Client()
    editor_client.force_login(editor)
    publisher_client.force_login(publisher)

    with time_machine.travel(START, tick=False):
        # The editor drafts, with an image and a Persian rich-text body.
        add = "/admin/news/post/add/"
        response = editor_client.post(
            add,
            admin_form_data(
                editor_client.get(add),
                title_fa=TITLE,
                slug="carpet-fair",
                lead_fa="نمایشگاه فرش دستباف گشایش یافت.",
                body_fa=BODY,
                cover_image=png_upload(),
                cover_alt_fa="غرفه‌های نمایشگاه فرش",
                clusters=[str(carpet.pk)],
                status="published",  # not the editor's call: ignored
            ),
        )
        assert response.status_code == 302, page_text(response)
        post = Post.objects.get(slug="carpet-fair")
        assert post.status == Post.Status.DRAFT

        # Staff can preview the draft; a reader gets nothing anywhere.
        assert TITLE in page_text(editor_client.get(post.get_preview_url()))
        assert reader.get(post.get_preview_url()).status_code == 404
        pages = public_pages(reader, carpet, post)
        assert not any(TITLE in text for text in pages.values())

        # The publisher schedules it for tomorrow, 10:00 Tehran time.
        change = f"/admin/news/post/{post.pk}/change/"
        date, time = jalali_split(PUBLISH_AT)
        response = publisher_client.post(
            change,
            admin_form_data(
                publisher_client.get(change),
                status="published",
                publish_at_0=date,
                publish_at_1=time,
                is_important="on",
            ),
        )
        assert response.status_code == 302, page_text(response)

    with time_machine.travel(PUBLISH_AT - datetime.timedelta(minutes=1), tick=False):
        pages = public_pages(reader, carpet, post)
        assert not any(TITLE in text for text in pages.values()), "shown before its time"

    with time_machine.travel(PUBLISH_AT, tick=False):
        pages = public_pages(reader, carpet, post)
        for name, text in pages.items():
            assert TITLE in text, f"not on {name} at its time"
        assert "اخبار مهم" in pages["home"]
        html = pages["post"]
        assert "<strong>فرش دستباف</strong>" in html
        assert 'alt="غرفه‌های نمایشگاه فرش"' in html and 'loading="lazy"' in html
        for text in pages.values():
            main = text.split("<main", 1)[-1].split("</main>", 1)[0].lower()
            for unsafe in ("<script", "onclick", "onerror", "javascript:", "steal()"):
                assert unsafe not in main, unsafe
