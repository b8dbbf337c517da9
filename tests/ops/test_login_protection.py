"""Repeated wrong passwords lock one username from one address, through the real admin form."""

import pytest
from django.contrib.auth.password_validation import validate_password
from django.core.exceptions import ValidationError
from django.core.management import call_command
from django_otp.oath import totp
from django_otp.plugins.otp_totp.models import TOTPDevice

from tests.conftest import page_text

PASSWORD = "zinc-and-carpet-1393"
LIMIT = 5  # base.AXES_FAILURE_LIMIT's default, the value a deployment gets unless it says otherwise


@pytest.fixture
def editor(db, django_user_model):
    return django_user_model.objects.create_user(
        "editor", "editor@example.org", PASSWORD, is_staff=True
    )


def sign_in(client, admin_url, username, password, **headers):
    return client.post(
        admin_url("login/"),
        {"username": username, "password": password, "next": admin_url()},
        **headers,
    )


def fail(client, admin_url, times, username="editor", **headers):
    statuses = [
        sign_in(client, admin_url, username, "wrong-password", **headers).status_code
        for _ in range(times)
    ]
    # The login form again, with its error, until the limit is reached.
    assert statuses == [200] * min(times, LIMIT - 1) + [429] * max(0, times - LIMIT + 1)


@pytest.mark.django_db
def test_right_password_gets_in_before_the_limit(client, axes_on, editor, admin_url):
    fail(client, admin_url, LIMIT - 1)
    response = sign_in(client, admin_url, "editor", PASSWORD)
    assert response.status_code == 302
    assert response.url == admin_url()


@pytest.mark.django_db
def test_lockout_after_repeated_failures_even_with_the_right_password(
    client, axes_on, editor, admin_url
):
    assert axes_on.AXES_FAILURE_LIMIT == LIMIT
    fail(client, admin_url, LIMIT - 1)
    response = sign_in(client, admin_url, "editor", "wrong-password")
    assert response.status_code == 429
    response = sign_in(client, admin_url, "editor", PASSWORD)
    assert response.status_code == 429
    html = page_text(response)
    assert "تلاش ناموفق" in html
    assert '<html lang="fa" dir="rtl"' in html
    assert "_auth_user_id" not in client.session


@pytest.mark.django_db
def test_lockout_is_per_username_and_address_together(
    client, axes_on, editor, django_user_model, admin_url
):
    django_user_model.objects.create_user("publisher", password=PASSWORD, is_staff=True)
    fail(client, admin_url, LIMIT, REMOTE_ADDR="198.51.100.20")

    # Another colleague at the same office address still signs in ...
    response = sign_in(client, admin_url, "publisher", PASSWORD, REMOTE_ADDR="198.51.100.20")
    assert response.status_code == 302
    client.logout()
    # ... and so does the editor from another address.
    response = sign_in(client, admin_url, "editor", PASSWORD, REMOTE_ADDR="198.51.100.99")
    assert response.status_code == 302


@pytest.mark.django_db
def test_client_address_comes_from_the_trusted_proxy_header(client, axes_on, editor, admin_url):
    # nginx overwrites X-Forwarded-For with the address it sees (docs/deploy.md).
    axes_on.AXES_IPWARE_META_PRECEDENCE_ORDER = ["HTTP_X_FORWARDED_FOR", "REMOTE_ADDR"]
    behind_nginx = {"REMOTE_ADDR": "127.0.0.1"}
    fail(client, admin_url, LIMIT, HTTP_X_FORWARDED_FOR="198.51.100.20", **behind_nginx)
    locked = sign_in(
        client, admin_url, "editor", PASSWORD, HTTP_X_FORWARDED_FOR="198.51.100.20", **behind_nginx
    )
    assert locked.status_code == 429
    # Everyone reaches Django from nginx's address; only the guesser's own address is locked.
    other = sign_in(
        client, admin_url, "editor", PASSWORD, HTTP_X_FORWARDED_FOR="203.0.113.5", **behind_nginx
    )
    assert other.status_code == 302


@pytest.mark.parametrize(
    "password",
    ["short1!", "12345678901234", "password12345", "editor-editor-1"],
)
def test_weak_passwords_are_refused(db, django_user_model, password):
    user = django_user_model(username="editor-editor-1", email="editor@example.org")
    with pytest.raises(ValidationError):
        validate_password(password, user)


def test_a_long_unusual_password_is_accepted(db, django_user_model):
    user = django_user_model(username="editor", email="editor@example.org")
    validate_password(PASSWORD, user)


@pytest.fixture
def otp_on(settings):
    settings.PORTAL_STAFF_OTP_REQUIRED = True
    return settings


@pytest.fixture
def editor_device(editor):
    return TOTPDevice.objects.create(user=editor, name="phone", confirmed=True)


def current_token(device) -> str:
    return f"{totp(device.bin_key, step=device.step, t0=device.t0, digits=device.digits):06d}"


@pytest.mark.django_db
def test_with_otp_on_a_password_alone_does_not_open_the_admin(
    client, otp_on, editor_device, admin_url
):
    response = sign_in(client, admin_url, "editor", PASSWORD)
    assert response.status_code == 200
    assert "_auth_user_id" not in client.session
    assert client.get(admin_url()).status_code == 302  # back to the login page


@pytest.mark.django_db
def test_with_otp_on_password_and_token_open_the_admin(client, otp_on, editor_device, admin_url):
    response = client.post(
        admin_url("login/"),
        {
            "username": "editor",
            "password": PASSWORD,
            "otp_device": editor_device.persistent_id,
            "otp_token": current_token(editor_device),
            "next": admin_url(),
        },
    )
    assert response.status_code == 302
    assert client.get(admin_url()).status_code == 200


@pytest.mark.django_db
def test_with_otp_off_a_password_is_enough(client, editor_device, admin_url):
    assert sign_in(client, admin_url, "editor", PASSWORD).status_code == 302
    assert client.get(admin_url()).status_code == 200


@pytest.mark.django_db
def test_with_otp_on_a_wrong_token_is_refused_in_persian(client, otp_on, editor_device, admin_url):
    wrong = f"{(int(current_token(editor_device)) + 1) % 1_000_000:06d}"
    response = client.post(
        admin_url("login/"),
        {
            "username": "editor",
            "password": PASSWORD,
            "otp_device": editor_device.persistent_id,
            "otp_token": wrong,
            "next": admin_url(),
        },
    )
    assert response.status_code == 200
    html = page_text(response)
    assert "رمز یک‌بارمصرف نادرست است" in html
    assert "رمز یک‌بارمصرف:" in html  # the token field's label
    assert "_auth_user_id" not in client.session


@pytest.mark.django_db
def test_one_username_guessed_from_many_addresses_is_locked_everywhere(
    client, axes_on, editor, admin_url
):
    limit = axes_on.PORTAL_AXES_USERNAME_FAILURE_LIMIT
    # Fewer than LIMIT failures from each address: no single address is ever locked.
    for index in range(limit):
        sign_in(client, admin_url, "editor", "wrong", REMOTE_ADDR=f"203.0.113.{index // 2}")
    response = sign_in(client, admin_url, "editor", PASSWORD, REMOTE_ADDR="198.51.100.77")
    assert response.status_code == 429
    assert "از همهٔ نشانی‌ها" in page_text(response)
    # The operator's unlock path (docs/operations.md) opens it again.
    call_command("axes_reset_username", "editor", verbosity=0)
    response = sign_in(client, admin_url, "editor", PASSWORD, REMOTE_ADDR="198.51.100.77")
    assert response.status_code == 302
