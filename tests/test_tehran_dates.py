"""Dates of data are Tehran dates: a change at 00:30 on Nowruz 1409 is dated Nowruz everywhere.

2030-03-20 21:00 UTC is 2030-03-21 00:30 in Tehran, 1 Farvardin 1409; the UTC date (20 March)
would be 29 Esfand 1408, the previous Jalali year.
"""

import csv
import datetime
import io
import json

import pytest
from django.utils import timezone

from carpets.models import Indicator, Observation, Source
from news.models import Post

NOWRUZ_1409 = datetime.datetime(2030, 3, 20, 21, 0, tzinfo=datetime.UTC)


@pytest.fixture
def changed_on_nowruz(demo):
    for model in (Observation, Indicator, Source, Post):
        model.objects.update(updated_at=NOWRUZ_1409)
    Post.objects.update(publish_at=timezone.now() - datetime.timedelta(days=1))


def test_downloads_date_the_change_by_the_tehran_day(client, changed_on_nowruz):
    text = client.get("/data/observations.csv").content.decode("utf-8")[1:]
    rows = list(csv.DictReader(io.StringIO(text)))
    assert {row["dataset_updated"] for row in rows} == {"2030-03-21"}
    meta = json.loads(client.get("/data/observations.json").content)
    assert meta["last_updated"] == "2030-03-21T00:30:00+03:30"


def test_feed_sitemap_and_api_give_tehran_times_and_days(client, changed_on_nowruz):
    atom = client.get("/news/feed/atom/").content.decode()
    assert "<updated>2030-03-21T00:30:00+03:30</updated>" in atom
    sitemap = client.get("/sitemap.xml").content.decode()
    # The sitemap gives the day only (Django's template): the Tehran day, not the UTC one.
    assert "<lastmod>2030-03-21</lastmod>" in sitemap
    assert "2030-03-20" not in sitemap
    response = client.get("/api/v1/news/")
    # HTTP dates are GMT by definition (RFC 9110); the API's is its change stamp.
    assert response["Last-Modified"].endswith(" GMT")
    item = response.json()["results"][0]
    assert item["publish_at"].endswith("+03:30")
