"""Every kind of public page, each with a real object, for the HTML, accessibility and SEO tests.

The list is built from the URL resolver's names and the objects the source content and the demo
news create, plus one stored PDF document, so a new page kind shows up here or in
`test_every_public_url_name_is_covered` (tests/test_seo.py).
"""

import io

import jdatetime
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import translation
from PIL import Image

from carpets.models import Indicator
from clusters.models import Cluster, LegalBasis, PriorityRanking
from directory.models import Document, Organisation
from directory.services import document_create
from news.models import Post

# URL names that are not pages for readers: files, feeds, previews, one-time links and forms'
# intermediate states (each has its own tests in its app).
NOT_PAGES = {
    "data:download",
    # The DCAT catalogues, for harvesters (tests/api/test_catalog.py).
    "data:catalog",
    "data-json",
    "directory:document-download",
    "news:feed-rss",
    "favicon",
    "apple-touch-icon",
    "web-manifest",
    "news:events-calendar",
    "news:event-calendar",
    "news:feed-atom",
    "news:category-feed-rss",
    "news:category-feed-atom",
    "news:post-preview",
    "outreach:alerts-check-email",
    "outreach:alerts-confirm",
    "outreach:alerts-confirmed",
    "outreach:unsubscribe",
    "outreach:feedback",
}


def pdf_bytes() -> bytes:
    buffer = io.BytesIO()
    Image.new("RGB", (40, 40), "white").save(buffer, "PDF")
    return buffer.getvalue()


def stored_document() -> Document:
    """A library document with real PDF bytes (MEDIA_ROOT should point at a temporary folder)."""
    with translation.override("fa"):
        return document_create(
            file=SimpleUploadedFile("plan.pdf", pdf_bytes()),
            title_fa="برنامه اقدام خوشه فرش دستبافت",
            title_en="Action plan of the handmade-carpet cluster",
            summary_fa="برنامه اقدام سه‌ساله پس از مطالعه شناخت.",
            summary_en="The three-year action plan after the diagnostic study.",
            kind="action_plan",
            language="fa",
            published_on=jdatetime.date(1393, 8, 28),
            clusters=[Cluster.objects.get(slug="handmade-carpet")],
            legal_bases=[LegalBasis.objects.get(number=3)],
        )


def public_pages() -> dict[str, str]:
    """{URL name: path without the language prefix}; needs the content and the demo news."""
    document = stored_document()
    news = Post.objects.published().filter(kind=Post.Kind.NEWS).order_by("-publish_at").first()
    event = Post.objects.published().filter(kind=Post.Kind.EVENT).first()
    published = news.publish_at
    with translation.override("fa"):
        return {
            "home": reverse("home"),
            "clusters:about": reverse("clusters:about"),
            "clusters:legal-bases": reverse("clusters:legal-bases"),
            "clusters:legal-basis-detail": LegalBasis.objects.get(number=1).get_absolute_url(),
            "clusters:cluster-list": reverse("clusters:cluster-list"),
            "clusters:cluster-detail": Cluster.objects.get(slug="zinc").get_absolute_url(),
            "clusters:ranking-list": reverse("clusters:ranking-list"),
            "clusters:ranking-detail": PriorityRanking.objects.get().get_absolute_url(),
            "clusters:cluster-compare": reverse("clusters:cluster-compare"),
            "carpets:sector": reverse("carpets:sector"),
            "carpets:indicator-detail": Indicator.objects.get(slug="weavers").get_absolute_url(),
            "data:index": reverse("data:index"),
            "news:post-list": reverse("news:post-list"),
            "news:archive-year": reverse("news:archive-year", args=[published.year]),
            "news:archive-month": reverse(
                "news:archive-month", args=[published.year, published.month]
            ),
            "news:events-upcoming": reverse("news:events-upcoming"),
            "news:events-past": reverse("news:events-past"),
            "news:post-detail": news.get_absolute_url(),
            "news:post-detail (event)": event.get_absolute_url(),
            "directory:organisation-list": reverse("directory:organisation-list"),
            "directory:organisation-detail": Organisation.objects.first().get_absolute_url(),
            "directory:document-list": reverse("directory:document-list"),
            "directory:document-detail": document.get_absolute_url(),
            "directory:glossary": reverse("directory:glossary"),
            "directory:faq": reverse("directory:faq"),
            "outreach:inquiry": reverse("outreach:inquiry"),
            "outreach:alerts": reverse("outreach:alerts"),
            "outreach:privacy": reverse("outreach:privacy"),
            "search:results": reverse("search:results") + "?q=خوشه",
            "search:results (nothing found)": reverse("search:results") + "?q=zzzqqq",
            "search:results (empty query)": reverse("search:results") + "?q=",
            "404": "/no-such-page/",
        }
