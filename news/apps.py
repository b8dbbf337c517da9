from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class NewsConfig(AppConfig):
    name = "news"
    verbose_name = _("News and events")

    def ready(self):
        import reversion

        from core.public_content import declare_content, declare_scheduled_moments

        from .schedule import event_end_moments, publish_moments

        declare_content(*self.get_models())
        # A scheduled post goes live with no write: the pages change at its publish time.
        declare_scheduled_moments("news-publish-times", publish_moments)
        # An event that ends leaves the upcoming lists and is marked past, with no write.
        declare_scheduled_moments("news-event-ends", event_end_moments)

        # After modeltranslation has added title_fa/title_en…, so history keeps every language
        # (registering in models.py kept only the base columns). The admin's VersionAdmin may
        # have registered them already, with the same follow; services need it either way.
        post, attachment = self.get_model("Post"), self.get_model("Attachment")
        if not reversion.is_registered(attachment):
            reversion.register(attachment)
        if not reversion.is_registered(post):
            reversion.register(post, follow=("attachments",))
