"""Sitemaps for search engines: every public page, both languages, with hreflang alternates."""

from django.contrib.sitemaps import Sitemap
from django.urls import reverse

from carpets.models import Indicator
from clusters.models import Cluster, LegalBasis, PriorityRanking
from core.persian import local_datetime
from directory.models import Document, Organisation
from news.models import Post


class TranslatedSitemap(Sitemap):
    i18n = True
    alternates = True
    x_default = True


class StaticPagesSitemap(TranslatedSitemap):
    changefreq = "monthly"
    priority = 0.8

    def items(self):
        return [
            "home",
            "clusters:about",
            "clusters:legal-bases",
            "clusters:cluster-list",
            "clusters:ranking-list",
            "clusters:cluster-compare",
            "carpets:sector",
            "data:index",
            "news:post-list",
            "news:events-upcoming",
            "news:events-past",
            "directory:organisation-list",
            "directory:document-list",
            "directory:glossary",
            "directory:faq",
            "outreach:inquiry",
            "outreach:alerts",
            "outreach:privacy",
        ]

    def location(self, item):
        return reverse(item)


class ModelSitemap(TranslatedSitemap):
    """Every object of a queryset, at its get_absolute_url()."""

    changefreq = "monthly"
    priority = 0.6
    queryset = None

    def items(self):
        return self.queryset.order_by("pk")


def model_sitemap(queryset, **attributes):
    return type("Sitemap", (ModelSitemap,), {"queryset": queryset, **attributes})


class PostSitemap(TranslatedSitemap):
    changefreq = "yearly"
    priority = 0.5
    limit = 5000

    def items(self):
        return Post.objects.published().order_by("-publish_at", "-pk")

    def lastmod(self, post):
        return local_datetime(post.updated_at)


class NewsArchiveSitemap(TranslatedSitemap):
    """The Jalali archive: a page per year and per month that has published posts."""

    changefreq = "monthly"
    priority = 0.3

    def items(self):
        months = Post.objects.jalali_months()
        years = sorted({year for year, _month in months}, reverse=True)
        return [(year,) for year in years] + months

    def location(self, period):
        name = "news:archive-year" if len(period) == 1 else "news:archive-month"
        return reverse(name, args=period)


SITEMAPS = {
    "pages": StaticPagesSitemap,
    "clusters": model_sitemap(Cluster.objects.all(), priority=0.7),
    "legal-bases": model_sitemap(LegalBasis.objects.all()),
    "rankings": model_sitemap(PriorityRanking.objects.public()),
    "indicators": model_sitemap(Indicator.objects.all()),
    "organisations": model_sitemap(Organisation.objects.all(), priority=0.4),
    "documents": model_sitemap(Document.objects.all(), priority=0.5),
    "news": PostSitemap,
    "news-archive": NewsArchiveSitemap,
}
