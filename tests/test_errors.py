import pytest
from django.conf.urls.i18n import i18n_patterns
from django.test import Client
from django.urls import path

from cluster_portal.urls import urlpatterns as portal_urlpatterns
from tests.helpers import page_text


def broken_view(request):
    raise RuntimeError("boom")


urlpatterns = [
    *i18n_patterns(path("boom/", broken_view), prefix_default_language=False),
    *portal_urlpatterns,
]


@pytest.mark.parametrize(
    ("url", "lang", "text"),
    [("/no-such-page/", "fa", "صفحه پیدا نشد"), ("/en/no-such-page/", "en", "Page not found")],
)
def test_404_page_in_both_languages(client, content, url, lang, text):
    response = client.get(url)
    assert response.status_code == 404
    html = page_text(response)
    assert f'<html lang="{lang}"' in html
    assert text in html


@pytest.mark.urls("tests.test_errors")
@pytest.mark.django_db
@pytest.mark.parametrize(
    ("url", "lang", "text"),
    [("/boom/", "fa", "در سامانه ما مشکلی پیش آمد"), ("/en/boom/", "en", "Something went wrong")],
)
def test_500_page_in_both_languages(url, lang, text):
    client = Client(raise_request_exception=False)
    response = client.get(url)
    assert response.status_code == 500
    html = page_text(response)
    assert f'<html lang="{lang}"' in html
    assert text in html
    assert "boom" not in html
