"""Editions of the province's priority ranking: criteria, weights, scores, ranks and reasons."""

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from django_jalali.db import models as jmodels

from core.fields import JalaliDateTimeField

# Scores and weights are stored with two decimals; a total within this of the weighted sum agrees.
SCORE_TOLERANCE = "0.01"


class PriorityRankingQuerySet(models.QuerySet):
    def current(self):
        return self.filter(is_current=True).first()

    def public(self):
        """Editions the public may see: published at least once. An edition still being
        prepared (never published) is the office's draft, absent from pages, API and sitemap.
        The current edition is public by definition, however it became current."""
        return self.filter(Q(published_at__isnull=False) | Q(is_current=True))

    def earlier(self):
        return self.public().filter(is_current=False)


class PriorityRanking(models.Model):
    """An edition of the province's priority ranking of clusters.

    Rankings are revised (the source notes an update planned for 1393), so each edition is kept
    and exactly one is current; `services.ranking_publish` is the one way to make it current.
    An edition whose criteria, weights or scores were not reported keeps them empty, never zero.
    """

    title = models.CharField(_("title"), max_length=200)
    year = models.PositiveSmallIntegerField(
        _("Jalali year"), null=True, blank=True, help_text=_("Leave empty if not reported.")
    )
    approved_by = models.CharField(_("approved by"), max_length=300, blank=True)
    approved_on = jmodels.jDateField(_("approved on"), null=True, blank=True)
    note = models.TextField(_("note"), blank=True)
    is_current = models.BooleanField(_("current edition"), default=False)
    # For harvesters (`/api/v1/rankings/?updated_since=`).
    updated_at = JalaliDateTimeField(_("updated at"), auto_now=True)
    # Set by `services.ranking_publish` the first time the edition is published; empty while
    # the edition is being prepared, which keeps it off every public page.
    published_at = JalaliDateTimeField(_("first published"), null=True, blank=True, editable=False)

    objects = PriorityRankingQuerySet.as_manager()

    class Meta:
        verbose_name = _("priority ranking")
        verbose_name_plural = _("priority rankings")
        ordering = ["-is_current", "-year", "-pk"]
        permissions = [("publish_priorityranking", _("Can publish a priority ranking edition"))]
        constraints = [
            models.UniqueConstraint(
                fields=["is_current"],
                condition=Q(is_current=True),
                name="one_current_ranking",
                violation_error_message=_("Only one ranking edition can be current."),
            ),
            models.CheckConstraint(
                condition=Q(year__isnull=True) | Q(year__gte=1300, year__lte=1500),
                name="ranking_year_jalali",
            ),
        ]

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse("clusters:ranking-detail", kwargs={"pk": self.pk})


class RankingCriterion(models.Model):
    """One criterion of an edition and its weight; weights are the edition's own."""

    ranking = models.ForeignKey(
        PriorityRanking,
        on_delete=models.CASCADE,
        related_name="criteria",
        verbose_name=_("ranking"),
    )
    order = models.PositiveSmallIntegerField(_("order"), default=1)
    name = models.CharField(_("criterion"), max_length=200)
    description = models.TextField(_("description"), blank=True)
    weight = models.DecimalField(
        _("weight"),
        max_digits=6,
        decimal_places=2,
        null=True,
        blank=True,
        help_text=_("Leave empty if the edition did not report it."),
    )

    class Meta:
        verbose_name = _("ranking criterion")
        verbose_name_plural = _("ranking criteria")
        ordering = ["ranking", "order", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["ranking", "name"],
                name="unique_criterion_per_edition",
                violation_error_message=_("A criterion appears once in an edition."),
            ),
            models.CheckConstraint(
                condition=Q(weight__isnull=True) | Q(weight__gt=0), name="criterion_weight_positive"
            ),
        ]

    def __str__(self):
        return self.name


class RankedCluster(models.Model):
    """A cluster's place in one ranking edition, its total score and the reason for it."""

    ranking = models.ForeignKey(
        PriorityRanking, on_delete=models.CASCADE, related_name="entries", verbose_name=_("ranking")
    )
    cluster = models.ForeignKey(
        "clusters.Cluster",
        on_delete=models.PROTECT,
        related_name="rankings",
        verbose_name=_("cluster"),
    )
    rank = models.PositiveSmallIntegerField(_("rank"))
    score = models.DecimalField(
        _("total score"),
        max_digits=8,
        decimal_places=2,
        null=True,
        blank=True,
        help_text=_("Leave empty if the edition did not report it."),
    )
    rationale = models.TextField(_("rationale"), blank=True)

    class Meta:
        verbose_name = _("ranked cluster")
        verbose_name_plural = _("ranked clusters")
        ordering = ["ranking", "rank"]
        constraints = [
            models.UniqueConstraint(
                fields=["ranking", "rank"],
                name="unique_rank_per_edition",
                violation_error_message=_("Two clusters cannot share a rank in one edition."),
            ),
            models.UniqueConstraint(
                fields=["ranking", "cluster"],
                name="unique_cluster_per_edition",
                violation_error_message=_("A cluster appears once in an edition."),
            ),
            models.CheckConstraint(condition=Q(rank__gte=1), name="rank_positive"),
        ]

    def __str__(self):
        return f"{self.rank}. {self.cluster}"


class CriterionScore(models.Model):
    """A cluster's score on one criterion of an edition."""

    entry = models.ForeignKey(
        RankedCluster,
        on_delete=models.CASCADE,
        related_name="criterion_scores",
        verbose_name=_("ranked cluster"),
    )
    criterion = models.ForeignKey(
        RankingCriterion,
        on_delete=models.CASCADE,
        related_name="scores",
        verbose_name=_("criterion"),
    )
    score = models.DecimalField(_("score"), max_digits=8, decimal_places=2)

    class Meta:
        verbose_name = _("criterion score")
        verbose_name_plural = _("criterion scores")
        ordering = ["criterion__order", "criterion__pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["entry", "criterion"],
                name="unique_score_per_criterion",
                violation_error_message=_("A cluster has one score per criterion."),
            ),
        ]

    def __str__(self):
        return f"{self.criterion}: {self.score}"

    def clean(self):
        if (
            self.entry_id
            and self.criterion_id
            and self.entry.ranking_id != self.criterion.ranking_id
        ):
            raise ValidationError(_("The criterion belongs to another ranking edition."))
