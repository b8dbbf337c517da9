import pytest
from django.core.management import call_command


@pytest.fixture
def content(db):
    """The source document's content, loaded the way an installation loads it."""
    call_command("load_content", verbosity=0)


@pytest.fixture
def demo(content):
    call_command("load_demo", verbosity=0)


@pytest.fixture
def staff_client(client, django_user_model):
    user = django_user_model.objects.create_superuser("editor", "editor@example.org", "x" * 16)
    client.force_login(user)
    return client


def page_text(response) -> str:
    return response.content.decode()
