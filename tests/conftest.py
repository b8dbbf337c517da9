import pytest
from django.core.cache import cache
from django.core.management import call_command

from core.content_cache import local_values


@pytest.fixture(autouse=True)
def empty_caches():
    """Every test starts with empty caches, as it starts with an empty database: no page,
    value or fragment cached by an earlier test can stand in for this test's content."""
    cache.clear()
    local_values.clear()


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


@pytest.fixture
def redis_cache(settings, request):
    """The shared cache on the local Redis, empty, in the database the test module names in
    its REDIS_URL (one per module, so modules never empty each other's). The module skips
    itself without Redis (`tests.redis_server.needs_redis`)."""
    from tests.redis_server import shared_redis_cache

    with shared_redis_cache(settings, request.module.REDIS_URL) as shared:
        yield shared
