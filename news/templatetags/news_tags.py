"""News blocks for pages of other apps, so `clusters` never imports `news`."""

from django import template

from news.models import Post

register = template.Library()


@register.inclusion_tag("news/includes/cluster_news.html")
def cluster_news(cluster, limit=5):
    posts = Post.objects.published().for_listing().filter(clusters=cluster)[:limit]
    return {"posts": posts, "cluster": cluster}
