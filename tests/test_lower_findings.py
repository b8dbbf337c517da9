"""Issue 20's lower findings, each tried as written and refused."""

import datetime

import pytest
from django.contrib.auth.models import Group
from django.core.exceptions import ValidationError
from django.utils import timezone

from news import services
from outreach.models import SiteNotice
from tests.conftest import page_text


@pytest.mark.parametrize("link", ["/\\evil.example", "/\\/evil.example/", "/\t/evil.example"])
def test_a_notice_link_that_a_browser_reads_as_another_site_is_refused(db, link):
    now = timezone.now()
    notice = SiteNotice(
        text_fa="x", starts_at=now, ends_at=now + datetime.timedelta(hours=1), link=link
    )
    with pytest.raises(ValidationError):
        notice.full_clean()


def test_a_local_notice_link_is_kept(db):
    now = timezone.now()
    SiteNotice(
        text_fa="x", starts_at=now, ends_at=now + datetime.timedelta(hours=1), link="/news/"
    ).full_clean()


def test_the_draft_preview_needs_the_right_to_change_posts(client, django_user_model, content):
    author = django_user_model.objects.create_superuser("boss", "b@example.org", "x" * 16)
    draft = services.post_create(
        user=author, fields={"title_fa": "پیش‌نویس محرمانه", "slug": "d", "body_fa": "<p>x</p>"}
    )
    handler = django_user_model.objects.create_user("handler", is_staff=True)
    handler.groups.add(Group.objects.get(name="inquiry handlers"))
    client.force_login(handler)
    assert client.get(draft.get_preview_url()).status_code == 404
    editor = django_user_model.objects.create_user("ed", is_staff=True)
    editor.groups.add(Group.objects.get(name="editors"))
    client.force_login(editor)
    assert "پیش‌نویس محرمانه" in page_text(client.get(draft.get_preview_url()))


@pytest.mark.parametrize("path", ["//evil.example/x", "/\\evil.example/x", "/en//evil.example/x"])
def test_a_404_page_never_links_off_site(client, content, path):
    # Set as the server would receive it: the test client would read "//host" as a host.
    response = client.get("/placeholder/", PATH_INFO=path)
    assert response.status_code == 404
    html = page_text(response)
    for attribute in ('href="//', 'href="/\\', 'href="http://evil', 'href="https://evil'):
        assert attribute not in html, attribute
    assert '<link rel="canonical" href="http://testserver/' in html
