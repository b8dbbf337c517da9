"""The programme's narrative: what a cluster is, the laws behind it, the office."""

from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from django_jalali.db import models as jmodels


class Office(models.Model):
    """The provincial industrial-clusters office; one row, edited in the admin.

    The source document dates its content; that date is the site's "last updated" line.
    """

    name = models.CharField(_("name"), max_length=200)
    parent_organization = models.CharField(_("parent organisation"), max_length=300)
    established = models.CharField(
        _("established"), max_length=300, help_text=_("As the office reports it.")
    )
    summary = models.TextField(_("summary"))
    content_updated_on = jmodels.jDateField(_("content last updated on"))

    class Meta:
        verbose_name = _("office")
        verbose_name_plural = _("office")

    def __str__(self):
        return self.name


class InfoPage(models.Model):
    """A narrative page of the about section: the cluster concept, the office's history."""

    slug = models.SlugField(_("slug"), unique=True)
    title = models.CharField(_("title"), max_length=200)
    lead = models.TextField(_("lead"), blank=True)
    body = models.TextField(_("body"), help_text=_("Paragraphs separated by a blank line."))
    order = models.PositiveSmallIntegerField(_("order"), default=0)

    class Meta:
        verbose_name = _("information page")
        verbose_name_plural = _("information pages")
        ordering = ["order", "pk"]

    def __str__(self):
        return self.title


class LegalBasis(models.Model):
    """A law or approval that the cluster programme rests on."""

    number = models.PositiveSmallIntegerField(_("number"), unique=True)
    title = models.CharField(_("title"), max_length=300)
    instrument = models.CharField(
        _("legal instrument"), max_length=300, help_text=_("The law or body, e.g. the plan law.")
    )
    summary = models.TextField(_("summary"))
    # What each law supports, shown from both sides: the basis's page and the supported item's.
    clusters = models.ManyToManyField(
        "clusters.Cluster",
        blank=True,
        related_name="legal_bases",
        verbose_name=_("clusters it supports"),
    )
    phases = models.ManyToManyField(
        "clusters.ProjectPhase",
        blank=True,
        related_name="legal_bases",
        verbose_name=_("project phases it supports"),
    )
    actions = models.ManyToManyField(
        "clusters.JointAction",
        blank=True,
        related_name="legal_bases",
        verbose_name=_("joint actions it supports"),
    )

    class Meta:
        verbose_name = _("legal basis")
        verbose_name_plural = _("legal bases")
        ordering = ["number"]
        constraints = [
            models.CheckConstraint(condition=Q(number__gte=1), name="legalbasis_number_positive"),
        ]

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse("clusters:legal-basis-detail", kwargs={"number": self.number})


class Advantage(models.Model):
    """One advantage of cluster-based development, as the office lists them."""

    order = models.PositiveSmallIntegerField(_("order"), unique=True)
    title = models.CharField(_("title"), max_length=200)
    description = models.TextField(_("description"))

    class Meta:
        verbose_name = _("advantage")
        verbose_name_plural = _("advantages")
        ordering = ["order"]

    def __str__(self):
        return self.title
