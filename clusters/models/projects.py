"""Each cluster's development project in the UNIDO model: agent, contract, governance, phases."""

import jdatetime
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from django_jalali.db import models as jmodels


def add_jalali_years(date: jdatetime.date, years: int) -> jdatetime.date:
    """The same Jalali day `years` later; 30 Esfand of a leap year falls back to the 29th."""
    try:
        return date.replace(year=date.year + years)
    except ValueError:
        return date.replace(year=date.year + years, day=29)


class DevelopmentProject(models.Model):
    """A cluster's development project in the UNIDO model, run by a development agent (CDA).

    The agent is contracted for a fixed term (three years in the source); left empty, the end
    of the contract is read as that many years after its start.
    """

    class AgentSelection(models.TextChoices):
        NOT_STARTED = "not_started", _("Not started")
        IN_PROGRESS = "in_progress", _("In progress")
        FINAL_STAGE = "final_stage", _("In the final stage")
        CONTRACTED = "contracted", _("Contract signed")

    cluster = models.OneToOneField(
        "clusters.Cluster",
        on_delete=models.CASCADE,
        related_name="project",
        verbose_name=_("cluster"),
    )
    agent_selection = models.CharField(
        _("development agent selection"),
        max_length=20,
        choices=AgentSelection.choices,
        default=AgentSelection.NOT_STARTED,
    )
    agent_name = models.CharField(_("development agent"), max_length=300, blank=True)
    agent_organization = models.CharField(_("agent's organisation"), max_length=300, blank=True)
    technical_supervisor = models.CharField(_("technical supervisor"), max_length=300, blank=True)
    contract_years = models.PositiveSmallIntegerField(_("contract length (years)"), default=3)
    contract_start = jmodels.jDateField(_("contract start"), null=True, blank=True)
    contract_end = jmodels.jDateField(
        _("contract end"),
        null=True,
        blank=True,
        help_text=_("Leave empty to read it as the contract length after the start."),
    )
    status_note = models.TextField(_("status note"), blank=True)

    class Meta:
        verbose_name = _("development project")
        verbose_name_plural = _("development projects")
        constraints = [
            models.CheckConstraint(
                condition=Q(contract_years__gte=1, contract_years__lte=10),
                name="contract_years_range",
            ),
            models.CheckConstraint(
                condition=Q(contract_end__isnull=True)
                | Q(contract_start__isnull=True)
                | Q(contract_end__gt=models.F("contract_start")),
                name="contract_ends_after_start",
                violation_error_message=_("The contract must end after it starts."),
            ),
        ]

    def __str__(self):
        return str(self.cluster)

    @property
    def contract_ends_on(self):
        if self.contract_end:
            return self.contract_end
        if self.contract_start:
            return add_jalali_years(self.contract_start, self.contract_years)
        return None

    def phases_in_order(self):
        """All eight UNIDO phases in order, each with its reported row or None."""
        return _each_choice(ProjectPhase.Phase, self.phases.all(), "phase")

    def governance_in_order(self):
        """Both governance bodies, each with its reported row or None."""
        return _each_choice(GovernanceBody.Kind, self.governance.all(), "kind")

    def unreported_fields(self) -> list[str]:
        """The names of the facts the office has not reported yet, in the page's order, so the
        page lists what is known and sums up the rest in one sentence."""
        missing = [
            label
            for label, value in (
                (_("Development agent"), self.agent_name),
                (_("Agent's organisation"), self.agent_organization),
                (_("Agent's team"), self.team.all()),
                (_("Technical supervisor"), self.technical_supervisor),
                (_("Contract start"), self.contract_start),
                (_("Contract end"), self.contract_ends_on),
            )
            if not value
        ]
        return missing + [kind.label for kind, body in self.governance_in_order() if not body]

    def phases_reported(self):
        """(choice, row) of the phases with a reported row, in the cycle's order."""
        return [(choice, phase) for choice, phase in self.phases_in_order() if phase]

    def phases_unreported(self):
        """The phase choices that have no reported row yet, in the cycle's order."""
        return [choice for choice, phase in self.phases_in_order() if not phase]


def _each_choice(choices, rows, field):
    # Unreported choices stay visible as "not yet reported" rather than disappearing.
    reported = {getattr(row, field): row for row in rows}
    return [(choice, reported.get(choice)) for choice in choices]


class TeamMember(models.Model):
    """A member of the development agent's team."""

    project = models.ForeignKey(
        DevelopmentProject,
        on_delete=models.CASCADE,
        related_name="team",
        verbose_name=_("development project"),
    )
    name = models.CharField(_("name"), max_length=200)
    role = models.CharField(_("role"), max_length=200, blank=True)
    order = models.PositiveSmallIntegerField(_("order"), default=1)

    class Meta:
        verbose_name = _("team member")
        verbose_name_plural = _("team members")
        ordering = ["project", "order", "pk"]

    def __str__(self):
        return self.name


class GovernanceBody(models.Model):
    """A body that steers the project: the provincial committee or the cluster's own council."""

    class Kind(models.TextChoices):
        COORDINATION_COMMITTEE = "committee", _("Provincial coordination committee")
        CLUSTER_COUNCIL = "council", _("Cluster council")

    project = models.ForeignKey(
        DevelopmentProject,
        on_delete=models.CASCADE,
        related_name="governance",
        verbose_name=_("development project"),
    )
    kind = models.CharField(_("body"), max_length=20, choices=Kind.choices)
    members = models.TextField(_("members"), blank=True)
    formed_on = jmodels.jDateField(_("formed on"), null=True, blank=True)
    note = models.TextField(_("note"), blank=True)

    class Meta:
        verbose_name = _("governance body")
        verbose_name_plural = _("governance bodies")
        ordering = ["project", "kind"]
        constraints = [
            models.UniqueConstraint(
                fields=["project", "kind"],
                name="unique_governance_body",
                violation_error_message=_("A project has one body of each kind."),
            ),
        ]

    def __str__(self):
        return self.get_kind_display()


class ProjectPhase(models.Model):
    """One phase of the UNIDO cluster-development cycle, with planned and actual Jalali dates."""

    class Phase(models.IntegerChoices):
        SELECTION = 1, _("Cluster selection and agent selection")
        CONTRACT = 2, _("Agent contract")
        DIAGNOSTIC = 3, _("Diagnostic study")
        TRUST = 4, _("Trust building")
        ACTION_PLAN = 5, _("Action plan")
        IMPLEMENTATION = 6, _("Implementation")
        MONITORING = 7, _("Monitoring and evaluation")
        EXIT = 8, _("Agent exit")

    class Status(models.TextChoices):
        NOT_STARTED = "not_started", _("Not started")
        IN_PROGRESS = "in_progress", _("In progress")
        COMPLETED = "completed", _("Completed")
        DELAYED = "delayed", _("Delayed")

    project = models.ForeignKey(
        DevelopmentProject,
        on_delete=models.CASCADE,
        related_name="phases",
        verbose_name=_("development project"),
    )
    phase = models.PositiveSmallIntegerField(_("phase"), choices=Phase.choices)
    status = models.CharField(
        _("status"), max_length=20, choices=Status.choices, default=Status.NOT_STARTED
    )
    planned_start = jmodels.jDateField(_("planned start"), null=True, blank=True)
    planned_end = jmodels.jDateField(_("planned end"), null=True, blank=True)
    actual_start = jmodels.jDateField(_("actual start"), null=True, blank=True)
    actual_end = jmodels.jDateField(_("actual end"), null=True, blank=True)
    note = models.TextField(_("note"), blank=True)

    class Meta:
        verbose_name = _("project phase")
        verbose_name_plural = _("project phases")
        ordering = ["project", "phase"]
        constraints = [
            models.UniqueConstraint(
                fields=["project", "phase"],
                name="unique_phase_per_project",
                violation_error_message=_("A project has each phase once."),
            ),
            models.CheckConstraint(
                condition=Q(phase__gte=1, phase__lte=8), name="phase_is_a_unido_phase"
            ),
        ]

    def __str__(self):
        return f"{self.project} – {self.get_phase_display()}"

    def clean(self):
        for start, end in (("planned_start", "planned_end"), ("actual_start", "actual_end")):
            began, ended = getattr(self, start), getattr(self, end)
            if began and ended and ended < began:
                raise ValidationError({end: _("A phase cannot end before it starts.")})
