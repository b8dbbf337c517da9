import re

from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.contrib import admin
from django.contrib.sitemaps.views import sitemap
from django.urls import include, path, re_path
from django.utils.translation import gettext_lazy as _

from carpets import catalog
from core import icons, seo

from . import media, views
from .sitemaps import SITEMAPS

admin.site.site_header = _("Zanjan industrial clusters portal")
admin.site.site_title = _("Cluster portal administration")
admin.site.index_title = _("Content management")

handler404 = "cluster_portal.views.page_not_found"
handler500 = "cluster_portal.views.server_error"

urlpatterns = [
    path(settings.PORTAL_ADMIN_PATH, admin.site.urls),
    path("i18n/", include("django.conf.urls.i18n")),
    path("healthz", views.healthz, name="healthz"),
    path("robots.txt", seo.robots_txt, name="robots-txt"),
    path("favicon.ico", icons.root_icon, {"name": "favicon.ico"}, name="favicon"),
    path(
        "apple-touch-icon.png",
        icons.root_icon,
        {"name": "apple-touch-icon.png"},
        name="apple-touch-icon",
    ),
    path("sitemap.xml", sitemap, {"sitemaps": SITEMAPS}, name="sitemap"),
    # The JSON API is language-neutral (fa and en fields side by side), so no language prefix.
    path("api/", include("cluster_portal.api.urls")),
    path("readyz", views.readyz, name="readyz"),
    # DCAT-US style catalogue at the site root, where harvesters look for it.
    path("data.json", catalog.data_json_view, name="data-json"),
]

# Persian is served at "/" and English at "/en/".
urlpatterns += i18n_patterns(
    path("", views.HomeView.as_view(), name="home"),
    path("manifest.webmanifest", icons.web_manifest, name="web-manifest"),
    path("", include("clusters.urls")),
    path("carpets/", include("carpets.urls")),
    path("data/", include("carpets.data_urls")),
    path("news/", include("news.urls")),
    path("search/", include("search.urls")),
    path("", include("outreach.urls")),
    path("", include("directory.urls")),
    prefix_default_language=False,
)

# nginx asks this before serving an upload from the bucket (docs/deploy.md, auth_request).
urlpatterns += [path("media-access/<path:path>", media.media_access, name="media-access")]

if settings.DEBUG:
    # Development serves uploads itself, with the same headers and the same rule for drafts.
    urlpatterns += [
        re_path(
            rf"^{re.escape(settings.MEDIA_URL.lstrip('/'))}(?P<path>.*)$",
            media.serve_media,
            name="media",
        )
    ]
