from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class DirectoryConfig(AppConfig):
    name = "directory"
    verbose_name = _("Directory, documents and glossary")

    def ready(self):
        from core.public_content import declare_content

        # Actors, documents, the glossary (its links in running text too) and the FAQ.
        declare_content(*self.get_models())
