"""Screenshots of every mail's HTML part, Persian and English, at 390 and 1,280 px.

    .venv/bin/python ops/mail_screens.py [--out .screens/mail]

Renders each mail through outreach/mail.py with sample data (nothing is read from or written to
the database), writes the HTML beside the PNGs, and photographs it with /usr/bin/chromium
through Playwright (full page). A mail program shows the same markup without the browser's
chrome; open the PNGs to check direction, the office's colours and wrapping on a phone.
"""

import argparse
import datetime
import os
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "cluster_portal.settings.dev")

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
WIDTHS = (390, 1280)


def samples(language: str) -> dict[str, dict]:
    """Context for each mail, as the services would pass it (unsaved sample objects)."""
    from django.utils import timezone

    from clusters.models import Cluster
    from core.persian import format_date
    from news.models import Post
    from outreach.models import Inquiry

    now = timezone.now()
    persian = language == "fa"
    cluster = Cluster(name="زیتون و فرآوری زیتون" if persian else "Olive and olive processing")
    message = (
        "سلام. می‌خواهم در خوشهٔ زیتون طارم سرمایه‌گذاری کنم؛ لطفاً شرایط واگذاری زمین و "
        "تسهیلات بانکی را بفرمایید.\nبا سپاس"
        if persian
        else "Hello. I would like to invest in the Tarom olive cluster; please tell me about "
        "land and bank loans.\nThank you"
    )
    inquiry = Inquiry(
        pk=12,
        reference="ZC-1405-000012",
        kind="invest",
        cluster=cluster,
        name="مریم احمدی" if persian else "Maryam Ahmadi",
        organisation="شرکت زیتون طارم" if persian else "Tarom Olive Co.",
        email="maryam@example.org",
        phone="0912 345 6789",
        message=message,
        language=language,
        created_at=now,
    )
    admin = "http://127.0.0.1:8000/admin/outreach/inquiry/12/change/"
    post = Post(
        title="آغاز برداشت زیتون در طارم" if persian else "Olive harvest begins in Tarom",
        lead="برداشت زیتون در باغ‌های طارم آغاز شد." if persian else "The harvest has begun.",
        publish_at=now,
    )
    prefix = "" if persian else "/en"
    site = "http://127.0.0.1:8000"
    answer = (
        "<p>سلام، سپاس از پرسش شما.</p><p>فرم درخواست زمین <strong>پیوست</strong> است.</p>"
        if persian
        else "<p>Hello, thank you for your question.</p><p>The land form is <strong>attached"
        "</strong>.</p>"
    )
    return {
        "office_notice": {
            "inquiry": inquiry,
            "admin_link": admin,
            "received": format_date(now, language, with_time=True),
            "sender_language": "فارسی" if persian else "Persian",
        },
        "acknowledgement": {
            "inquiry": inquiry,
            "answer_within": 5,
            "answer_by": format_date(now + datetime.timedelta(days=7), language),
        },
        "answer": {
            "inquiry": inquiry,
            "answer_html": answer,
            "answer_text": "",
            "answered": format_date(now, language, with_time=True),
        },
        "digest": {
            "inquiries": [
                {
                    "inquiry": inquiry,
                    "waiting": 4,
                    "received": format_date(now, language),
                    "admin_link": admin,
                },
            ],
            "after_days": 3,
        },
        "confirm": {"link": f"{site}{prefix}/alerts/confirm/eyJpZCI6MX0:1abc:xyz/"},
        "post_alert": {
            "post": post,
            "link": f"{site}{prefix}/news/1/harvest/",
            "unsubscribe": f"{site}{prefix}/alerts/unsubscribe/1:abc/",
            "published": format_date(now, language),
        },
    }


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", default=str(ROOT / ".screens" / "mail"))
    args = parser.parse_args()

    import django

    django.setup()
    from playwright.sync_api import sync_playwright

    from outreach.mail import render_mail

    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    pages = []
    for language in ("fa", "en"):
        for name, context in samples(language).items():
            mail = render_mail(name, context, language=language)
            path = out / f"{name}-{language}.html"
            path.write_text(mail.html, encoding="utf-8")
            pages.append(path)
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        for width in WIDTHS:
            page = browser.new_page(viewport={"width": width, "height": 800})
            for path in pages:
                page.goto(path.as_uri())
                shot = out / f"{path.stem}-{width}.png"
                page.screenshot(path=str(shot), full_page=True)
                print(shot.relative_to(ROOT) if shot.is_relative_to(ROOT) else shot)
            page.close()
        browser.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
