"""Signing an editor in to the admin through its login form, in a browser page."""

USERNAME = "editor"
PASSWORD = "a long passphrase for tests"


def make_editor(django_user_model):
    """The superuser the browser tests sign in as."""
    return django_user_model.objects.create_superuser(USERNAME, "editor@example.org", PASSWORD)


def sign_in(page, site: str) -> None:
    """Sign `make_editor`'s user in through the login form of `site` and wait for the index."""
    page.goto(site + "/admin/login/")
    page.locator("#id_username").fill(USERNAME)
    page.locator("#id_password").fill(PASSWORD)
    page.locator("#id_password").press("Enter")
    page.wait_for_url(site + "/admin/")


def sign_in_to_admin(site: str, page, django_user_model) -> None:
    """A new superuser, signed in through the admin's login form in `page`."""
    make_editor(django_user_model)
    sign_in(page, site)
