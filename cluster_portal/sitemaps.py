"""Sitemaps for search engines: every public page, both languages, with hreflang alternates."""

from django.contrib.sitemaps import Sitemap
from django.urls import reverse

from clusters.models import Cluster
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
            "carpets:sector",
            "news:post-list",
        ]

    def location(self, item):
        return reverse(item)


class ClusterSitemap(TranslatedSitemap):
    changefreq = "monthly"
    priority = 0.7

    def items(self):
        return Cluster.objects.order_by("pk")


class PostSitemap(TranslatedSitemap):
    changefreq = "yearly"
    priority = 0.5
    limit = 5000

    def items(self):
        return Post.objects.published().order_by("-publish_at", "-pk")

    def lastmod(self, post):
        return post.updated_at


SITEMAPS = {
    "pages": StaticPagesSitemap,
    "clusters": ClusterSitemap,
    "news": PostSitemap,
}
