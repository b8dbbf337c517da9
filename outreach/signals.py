"""Mail readers as soon as a post goes live through any door (admin, services, import).

A post scheduled for later is mailed by the `send_news_alerts` timer once its time passes.
"""

from django.db import transaction
from django.db.models.signals import post_save
from django.dispatch import receiver

from news.models import Post

from .services.alerts import alerts_send_soon


@receiver(post_save, sender=Post, dispatch_uid="outreach-alerts-on-publish")
def send_alerts_when_published(sender, instance, raw=False, **kwargs):
    if raw or not instance.is_visible:
        return
    # After the commit, so the mail run sees the post; in a thread, so the editor never waits
    # on the mail server; it never raises into the save.
    transaction.on_commit(alerts_send_soon)
