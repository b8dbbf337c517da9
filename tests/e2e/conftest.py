"""Real-browser tests: Playwright driving Debian's Chromium against Django's live server.

They skip, saying how to install it, where /usr/bin/chromium is missing.
"""

import os
import shutil

import pytest
from django.core.management import call_command

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]

# Playwright's sync API runs an event loop in the test thread; Django must still allow the ORM.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")


def pytest_collection_modifyitems(items):
    if os.path.exists(CHROMIUM) and shutil.which("chromium"):
        return
    skip = pytest.mark.skip(
        reason="Chromium is not installed: run `apt-get install chromium` (Debian) to run the "
        "browser tests; .ci/run installs it."
    )
    for item in items:
        if "tests/e2e/" in str(item.fspath):
            item.add_marker(skip)


@pytest.fixture(scope="session")
def browser():
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield browser
        browser.close()


@pytest.fixture
def page(browser):
    context = browser.new_context(locale="fa-IR", viewport={"width": 1280, "height": 900})
    # A broken page fails in seconds rather than Playwright's 30.
    context.set_default_timeout(10_000)
    page = context.new_page()
    yield page
    context.close()


@pytest.fixture
def phone(browser):
    context = browser.new_context(
        locale="fa-IR", viewport={"width": 375, "height": 740}, is_mobile=True, has_touch=True
    )
    page = context.new_page()
    yield page
    context.close()


@pytest.fixture
def site(live_server, transactional_db):
    """The live site with the source content and the demo news loaded."""
    call_command("load_content", verbosity=0)
    call_command("load_demo", verbosity=0)
    return live_server.url
