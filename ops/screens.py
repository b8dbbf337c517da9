"""Screenshots of every admin add and change page (and import, export, recover pages) and every
public page kind: `make screens`.

    python ops/screens.py                     (what `make screens` runs)
    python ops/screens.py --only admin --match post   (a subset, while working on one screen)

It builds a throwaway site in `.screens/` (git-ignored): a fresh SQLite database with the
source content, the demo news, one row of each inquiry/alert/notice kind and a demo editor;
serves it with Django's development server on 127.0.0.1 (`--port`, default 8134); signs in as
the demo editor in Chromium (locale fa-IR, time zone Asia/Tehran) and writes one PNG per page,
language (Persian, English) and width (390 and 1,280 px) to `.screens/<lang>-<width>/`, with
`.screens/index.html` showing them side by side. Look at the pages a change touched there
before calling the change done (README, "For developers").
"""

import argparse
import html
import os
import re
import secrets
import shutil
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--no-first-run",
]
WIDTHS = (390, 1280)
LANGUAGES = ("fa", "en")
EDITOR = "demo-editor"


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--port", type=int, default=int(os.environ.get("SCREENS_PORT", 8134)))
    parser.add_argument("--out", type=Path, default=ROOT / ".screens")
    parser.add_argument("--only", choices=["admin", "public"], help="one side of the site")
    parser.add_argument("--match", default="", help="only pages whose name contains this")
    args = parser.parse_args()

    out = args.out.resolve()
    if out.exists():
        shutil.rmtree(out)
    out.mkdir(parents=True)
    password = secrets.token_urlsafe(16)
    environment = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "cluster_portal.settings.dev",
        "DATABASE_URL": f"sqlite:///{out / 'screens.sqlite3'}",
        "DJANGO_MEDIA_ROOT": str(out / "media"),
        "DJANGO_DEBUG": "false",
        "REDIS_URL": "",
    }
    os.environ.update(environment)
    manage = [sys.executable, str(ROOT / "manage.py")]
    for command in ("build_messages", "migrate", "load_content", "load_demo"):
        subprocess.run([*manage, command, "-v0"], env=environment, cwd=ROOT, check=True)

    pages = prepare(password)
    pages = [
        page for page in pages if (not args.only or page[0] == args.only) and args.match in page[1]
    ]
    server = subprocess.Popen(
        [*manage, "runserver", f"127.0.0.1:{args.port}", "--noreload", "--insecure"],
        env=environment,
        cwd=ROOT,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        base = f"http://127.0.0.1:{args.port}"
        wait_for(base + "/healthz")
        shots = photograph(base, pages, password, out)
    finally:
        server.terminate()
        server.wait(timeout=10)
    write_index(out, pages, shots)
    print(f"{len(shots)} screenshots: {out / 'index.html'}")


def prepare(password: str) -> list[tuple[str, str, str]]:
    """Create the demo editor and one row of each kind; list (side, name, path) to shoot."""
    import django

    django.setup()
    from django.contrib import admin
    from django.contrib.auth import get_user_model
    from django.utils import timezone

    from cluster_portal.admin_pages import admin_page_list
    from outreach.models import Inquiry, PageFeedback, SiteNotice, Subscriber
    from tests.public_pages import public_pages

    get_user_model().objects.create_superuser(EDITOR, "editor@example.org", password)
    now = timezone.now()
    Inquiry.objects.create(
        kind=Inquiry.Kind.INVEST, name="مریم احمدی", email="maryam@example.org", message="سلام."
    )
    Subscriber.objects.create(email="reader@example.org")
    PageFeedback.objects.create(path="/clusters/", language="fa", useful=True)
    SiteNotice.objects.create(
        text="دفتر روز شنبه تعطیل است.", starts_at=now, ends_at=now + timezone.timedelta(days=2)
    )
    admin_pages = [
        ("admin", page.slug, page.url)
        for page in admin_page_list(admin.site, with_history=False)
        if page.kind in {"index", "add", "change", "import", "export", "recoverlist"}
    ]
    public = [("public", slugify(name), path) for name, path in public_pages().items()]
    return admin_pages + public


def slugify(name: str) -> str:
    return re.sub(r"[^a-z0-9.]+", "-", name.lower()).strip("-")


def wait_for(url: str, seconds: float = 30) -> None:
    deadline = time.monotonic() + seconds
    while True:
        try:
            urllib.request.urlopen(url, timeout=2)
            return
        except OSError:
            if time.monotonic() > deadline:
                raise
            time.sleep(0.3)


def photograph(base, pages, password, out) -> dict:
    """{(language, width, name): PNG path relative to `out`}."""
    from playwright.sync_api import sync_playwright

    shots = {}
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        for language in LANGUAGES:
            for width in WIDTHS:
                context = browser.new_context(
                    locale="fa-IR" if language == "fa" else "en-GB",
                    timezone_id="Asia/Tehran",
                    viewport={"width": width, "height": 900},
                )
                context.set_default_timeout(20_000)
                # The admin follows the language cookie, the public site its URL prefix.
                context.add_cookies([{"name": "django_language", "value": language, "url": base}])
                page = context.new_page()
                page.goto(base + "/admin/login/")
                page.fill("#id_username", EDITOR)
                page.fill("#id_password", password)
                page.click("input[type=submit]")
                folder = out / f"{language}-{width}"
                folder.mkdir(exist_ok=True)
                for side, name, path in pages:
                    prefix = "/en" if language == "en" and side == "public" else ""
                    page.goto(base + prefix + path, wait_until="networkidle")
                    target = folder / f"{side}-{name}.png"
                    page.screenshot(path=str(target), full_page=True)
                    shots[(language, width, f"{side}-{name}")] = target.relative_to(out)
                context.close()
        browser.close()
    return shots


def write_index(out: Path, pages, shots) -> None:
    rows = []
    for side, name, path in pages:
        key = f"{side}-{name}"
        cells = "".join(
            f'<td><a href="{shots[(language, width, key)]}"><img loading="lazy" '
            f'src="{shots[(language, width, key)]}" width="{min(width, 400) // 2}" '
            f'alt="{language} {width}px"></a></td>'
            for language in LANGUAGES
            for width in WIDTHS
            if (language, width, key) in shots
        )
        rows.append(
            f"<tr><th>{html.escape(key)}<br><code>{html.escape(path)}</code></th>{cells}</tr>"
        )
    heads = "".join(f"<th>{language} {width}px</th>" for language in LANGUAGES for width in WIDTHS)
    (out / "index.html").write_text(
        "<!doctype html><meta charset=utf-8><title>Screens</title>"
        "<style>td,th{vertical-align:top;padding:4px;border-bottom:1px solid #ccc}"
        "th{text-align:left;font:12px sans-serif}"
        "img{border:1px solid #999;max-height:480px;object-fit:cover;object-position:top}</style>"
        f"<table><tr><th>page</th>{heads}</tr>{''.join(rows)}</table>",
        encoding="utf-8",
    )


if __name__ == "__main__":
    sys.path.insert(0, str(ROOT))
    main()
