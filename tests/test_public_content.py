"""Only content moves the content version: a visitor's vote, question or sign-up, or an
editor joining a group, leaves every reader's cached page warm; an edit of content does not."""

from django.apps import apps
from django.contrib.auth.models import Group
from django.template import Context, Template

from clusters.models import Cluster
from core.public_content import content_labels, not_content_labels
from directory.models import Term
from outreach.models import Inquiry, PageFeedback, Subscriber
from tests.helpers import page_text
from tests.outreach.forms import feedback_data, inquiry_data, subscribe_data

PAGES = ("/", "/clusters/zinc/", "/news/", "/carpets/")


def test_every_model_is_declared_content_or_not_content():
    every = {model._meta.label for model in apps.get_models()}
    undeclared = every - content_labels() - not_content_labels()
    assert not undeclared, f"declare these in their app's ready(): {sorted(undeclared)}"
    assert not content_labels() & not_content_labels()


def test_visitors_writes_are_not_content():
    visitors = {"outreach.Inquiry", "outreach.PageFeedback", "outreach.Subscriber"}
    visitors |= {"outreach.Delivery", "search.SearchDocument", "sessions.Session"}
    visitors |= {"auth.Group", "auth.User", "axes.AccessAttempt"}
    assert visitors <= not_content_labels()


def _warm(client):
    for path in PAGES:
        client.get(path)
        assert client.get(path)["X-Page-Cache"] == "hit", path


def _still_warm(client):
    for path in PAGES:
        assert client.get(path)["X-Page-Cache"] == "hit", path


def test_a_vote_an_inquiry_and_a_sign_up_leave_every_cached_page_warm(client, content):
    _warm(client)
    voter, asker, reader = (f"203.0.113.{n}" for n in (1, 2, 3))
    client.post("/feedback/", feedback_data(), REMOTE_ADDR=voter)
    client.post("/contact/", inquiry_data(), REMOTE_ADDR=asker)
    client.post("/alerts/", subscribe_data("reader@example.org"), REMOTE_ADDR=reader)
    # Each write happened: the page stayed warm because it is not content, not by accident.
    assert PageFeedback.objects.count() == Inquiry.objects.count() == 1
    assert Subscriber.objects.count() == 1
    client.cookies.clear()  # the thank-you message cookie makes a page personal
    _still_warm(client)


def test_adding_an_editor_to_a_group_leaves_pages_warm(client, content, django_user_model):
    _warm(client)
    editor = django_user_model.objects.create_user("new-editor", password="x" * 16)
    editor.groups.add(Group.objects.create(name="a new team"))
    _still_warm(client)


def test_an_edit_of_content_shows_on_the_next_request(client, content):
    _warm(client)
    zinc = Cluster.objects.get(slug="zinc")
    zinc.name_fa = "خوشهٔ روی و سرب"
    zinc.save()
    page = client.get("/clusters/zinc/")
    assert page["X-Page-Cache"] == "miss"
    assert "خوشهٔ روی و سرب" in page_text(page)


def test_a_new_glossary_term_is_linked_at_once(db):
    """The glossary's forms are cached per content version, like every other value."""
    text = Template("{% load directory_tags %}{{ text|link_glossary }}")
    context = Context({"text": "کارگاه رنگرزی سنتی"})
    assert "glossary-link" not in text.render(context)
    Term.objects.create(term="رنگرزی", slug="dyeing", definition="رنگ کردن نخ")
    assert 'class="glossary-link"' in text.render(context)
