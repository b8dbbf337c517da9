"""Issue 20's findings, each tried again as the reviewer wrote it, and each refused."""

import reversion
from django.contrib.auth.models import Group
from django.core.files.uploadedfile import SimpleUploadedFile
from reversion.models import Version

from clusters.models import LegalBasis, PriorityRanking
from directory.models import Organisation
from news import services
from news.models import Post
from tests.clusters.factories import make_scored_edition
from tests.helpers import page_text


def login(client, django_user_model, group, name=None):
    user = django_user_model.objects.create_user(name or group.replace(" ", "-"), is_staff=True)
    user.groups.add(Group.objects.get(name=group))
    client.force_login(user)
    return user


def test_an_editor_can_neither_export_nor_import_the_directory(client, django_user_model, demo):
    login(client, django_user_model, "editors")
    for url in ["/admin/directory/organisation/export/", "/admin/directory/organisation/import/"]:
        assert client.get(url).status_code == 403
    hidden = Organisation.objects.filter(publish_contact=False).first()
    rows = f"id,name_fa,publish_contact\n{hidden.pk},{hidden.name_fa},1\n"
    response = client.post(
        "/admin/directory/organisation/process_import/",
        {"format": "0", "import_file": SimpleUploadedFile("o.csv", rows.encode())},
    )
    assert response.status_code == 403
    hidden.refresh_from_db()
    assert hidden.publish_contact is False


def test_a_directory_keeper_exports_the_directory(client, django_user_model, demo):
    login(client, django_user_model, "directory keepers")
    assert client.get("/admin/directory/organisation/export/").status_code == 200
    assert client.get("/admin/carpets/observation/export/").status_code == 403


def test_a_posts_history_never_opens_another_models_version(client, django_user_model, content):
    editor = login(client, django_user_model, "editors")
    basis = LegalBasis.objects.order_by("pk").first()
    with reversion.create_revision():
        reversion.add_to_revision(basis)
    basis_version = Version.objects.get_for_object(basis).latest("pk")
    # The editor's own draft with the legal basis's primary key.
    Post.objects.filter(pk=basis.pk).delete()
    post = services.post_create(
        user=editor, fields={"title_fa": "پیش‌نویس", "slug": "d", "body_fa": "<p>x</p>"}
    )
    Post.objects.filter(pk=post.pk).update(id=basis.pk)
    LegalBasis.objects.filter(pk=basis.pk).update(title_fa="عنوان تازه")

    url = f"/admin/news/post/{basis.pk}/history/{basis_version.pk}/"
    assert client.get(url).status_code == 404
    assert client.post(url, {"title_fa": "x"}).status_code == 404
    basis.refresh_from_db()
    assert basis.title_fa == "عنوان تازه"  # not reverted


def test_an_editor_cannot_revert_a_published_post(client, django_user_model, content):
    editor = login(client, django_user_model, "editors")
    publisher = django_user_model.objects.create_superuser("boss", "b@example.org", "x" * 16)
    post = services.post_create(
        user=editor, fields={"title_fa": "پیش‌نویس", "slug": "p", "body_fa": "<p>x</p>"}
    )
    draft_version = Version.objects.get_for_object(post).latest("pk")
    services.post_publish(post=post, user=publisher)
    url = f"/admin/news/post/{post.pk}/history/{draft_version.pk}/"
    assert client.get(url).status_code == 403
    assert client.post(url, {"title_fa": "x"}).status_code == 403
    post.refresh_from_db()
    assert post.status == Post.Status.PUBLISHED


def test_only_the_publish_right_publishes_a_ranking(client, django_user_model, content):
    edition = make_scored_edition()
    assert edition.published_at is None
    login(client, django_user_model, "publishers")  # may view rankings, not publish them
    changelist = client.get("/admin/clusters/priorityranking/")
    assert changelist.status_code == 200
    action_form = changelist.context["action_form"]  # None: no action at all is offered
    assert action_form is None or "publish" not in dict(action_form.fields["action"].choices)
    client.post(
        "/admin/clusters/priorityranking/",
        {"action": "publish", "_selected_action": [edition.pk], "index": 0},
    )
    edition.refresh_from_db()
    assert not edition.is_current

    login(client, django_user_model, "statistics officers")
    client.post(
        "/admin/clusters/priorityranking/",
        {"action": "publish", "_selected_action": [edition.pk], "index": 0},
    )
    edition.refresh_from_db()
    assert edition.is_current and edition.published_at is not None


def test_an_edition_being_prepared_is_not_public(client, content):
    edition = make_scored_edition()
    assert client.get(edition.get_absolute_url()).status_code == 404
    assert edition.title_fa not in page_text(client.get("/clusters/rankings/"))
    assert edition.pk not in [
        row["id"] for row in client.get("/api/v1/rankings/").json()["results"]
    ]
    assert edition.get_absolute_url() not in page_text(client.get("/sitemap.xml"))
    assert PriorityRanking.objects.public().count() == PriorityRanking.objects.count() - 1


def test_the_feedback_summary_checks_its_permission(client, django_user_model, db):
    login(client, django_user_model, "editors")
    assert client.get("/admin/outreach/feedbackpage/").status_code == 403
    login(client, django_user_model, "inquiry handlers", name="handler")
    assert client.get("/admin/outreach/feedbackpage/").status_code == 200
