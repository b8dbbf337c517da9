"""History: see what changed, restore an older version, recover a deleted post, and never lose
an editor's work to a colleague's save."""

from reversion.models import Version

from news import services
from news.models import Post
from tests.helpers import page_text
from tests.news.helpers import admin_form_data


def change_url(post):
    return f"/admin/news/post/{post.pk}/change/"


def edit(client, post, **changes):
    return client.post(change_url(post), admin_form_data(client.get(change_url(post)), **changes))


def test_admin_edits_are_versioned_and_an_older_version_can_be_restored(publisher_client, content):
    response = publisher_client.post(
        "/admin/news/post/add/",
        admin_form_data(
            publisher_client.get("/admin/news/post/add/"),
            title_fa="عنوان نخست",
            slug="h",
            body_fa="<p>متن نخست</p>",
        ),
    )
    assert response.status_code == 302
    post = Post.objects.get(slug="h")
    assert (
        edit(publisher_client, post, title_fa="عنوان دوم", body_fa="<p>متن دوم</p>").status_code
        == 302
    )

    versions = Version.objects.get_for_object(post).order_by("pk")
    assert versions.count() == 2
    history = page_text(publisher_client.get(f"/admin/news/post/{post.pk}/history/"))
    assert f"/admin/news/post/{post.pk}/history/{versions[0].pk}/" in history

    revision_url = f"/admin/news/post/{post.pk}/history/{versions[0].pk}/"
    old_form = publisher_client.get(revision_url)
    assert "عنوان نخست" in page_text(old_form)
    post.refresh_from_db()
    assert post.title_fa == "عنوان دوم"  # looking at history changes nothing
    assert publisher_client.post(revision_url, admin_form_data(old_form)).status_code == 302
    post.refresh_from_db()
    assert (post.title_fa, post.body_fa) == ("عنوان نخست", "<p>متن نخست</p>")


def test_a_deleted_post_is_recovered_from_the_admin(publisher_client, publisher, content):
    post = services.post_create(
        user=publisher, fields={"title_fa": "خبر حذف‌شده", "slug": "gone", "body_fa": "<p>x</p>"}
    )
    pk = post.pk
    response = publisher_client.post(f"/admin/news/post/{pk}/delete/", {"post": "yes"})
    assert response.status_code == 302
    assert not Post.objects.filter(pk=pk).exists()

    recover_list = page_text(publisher_client.get("/admin/news/post/recover/"))
    assert "خبر حذف‌شده" in recover_list
    version = Version.objects.get_deleted(Post).get(object_id=str(pk))
    recover_url = f"/admin/news/post/recover/{version.pk}/"
    form = publisher_client.get(recover_url)
    assert publisher_client.post(recover_url, admin_form_data(form)).status_code == 302
    assert Post.objects.get(pk=pk).title_fa == "خبر حذف‌شده"


def test_services_record_who_published(publisher, content):
    post = services.post_create(
        user=publisher, fields={"title_fa": "خبر", "slug": "s", "body_fa": "<p>x</p>"}
    )
    services.post_publish(post=post, user=publisher)
    latest = Version.objects.get_for_object(post).order_by("-pk").first()
    assert latest.revision.user == publisher
    assert latest.field_dict["status"] == Post.Status.PUBLISHED


def test_two_editors_saving_the_same_post_are_told_of_the_conflict(
    client, editor, content, django_user_model
):
    from django.contrib.auth.models import Group
    from django.test import Client

    other = django_user_model.objects.create_user("second-editor", is_staff=True)
    other.groups.add(Group.objects.get(name="editors"))
    post = Post.objects.create(title_fa="پیش‌نویس", slug="c", body_fa="<p>آغاز</p>")
    first, second = Client(), Client()
    first.force_login(editor)
    second.force_login(other)
    first_form = first.get(change_url(post))
    second_form = second.get(change_url(post))

    assert (
        first.post(
            change_url(post), admin_form_data(first_form, body_fa="<p>کار نفر اول</p>")
        ).status_code
        == 302
    )
    response = second.post(
        change_url(post), admin_form_data(second_form, body_fa="<p>کار نفر دوم</p>")
    )
    assert response.status_code == 200
    html = page_text(response)
    assert "کاربر دیگری آن را ذخیره کرده است" in html
    assert "کار نفر دوم" in html  # the second editor's text is still in the form
    post.refresh_from_db()
    assert post.body_fa == "<p>کار نفر اول</p>"

    # Having been told, the second editor can choose to keep their version.
    assert second.post(change_url(post), admin_form_data(response)).status_code == 302
    post.refresh_from_db()
    assert post.body_fa == "<p>کار نفر دوم</p>"
