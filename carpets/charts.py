"""Server-rendered SVG charts: geometry is computed here, the markup lives in templates.

No JavaScript and no `style` attributes (the public CSP forbids inline styles): colours and
positions are SVG presentation attributes. On right-to-left pages the charts mirror: labels and
the value axis sit on the right, time runs from right to left and bars grow leftwards.
"""

import math
from collections import defaultdict
from dataclasses import dataclass, field
from decimal import Decimal

from django.utils.translation import gettext
from django.utils.translation import gettext as _

from core.numbers import format_percentage
from core.persian import active_language, format_number, localize_digits

# Colour-blind-safe palette (Okabe-Ito), one colour per series.
PALETTE = ("#0072b2", "#d55e00", "#009e73", "#cc79a7", "#e69f00", "#56b4e9")
WIDTH, HEIGHT = 640, 300
MARGIN_START, MARGIN_END, MARGIN_TOP, MARGIN_BOTTOM = 80, 24, 24, 48


def _num(value) -> str:
    return format_number(value, active_language())


def _year(year: int) -> str:
    return localize_digits(year)


def _nice_ceiling(value: float) -> float:
    """The smallest 1, 2, 2.5 or 5 × 10ⁿ at or above the value, so axis ticks are round."""
    if value <= 0:
        return 1.0
    power = 10 ** math.floor(math.log10(value))
    return next(step * power for step in (1, 2, 2.5, 5, 10) if step * power >= value)


@dataclass
class Point:
    x: float
    y: float
    year: str
    value: str


@dataclass
class Series:
    name: str
    colour: str
    points: list[Point]

    @property
    def path(self) -> str:
        return " ".join(
            f"{'M' if index == 0 else 'L'}{point.x:.1f},{point.y:.1f}"
            for index, point in enumerate(self.points)
        )


@dataclass
class Bar:
    label: str
    value: str
    colour: str
    x: float
    y: float
    width: float
    label_x: float
    value_x: float


@dataclass
class Chart:
    """What a chart template needs: geometry, labels and the table beside the picture."""

    key: str
    kind: str  # "line" or "bars"
    title: str
    description: str
    rtl: bool
    height: int = HEIGHT
    width: int = WIDTH
    series: list[Series] = field(default_factory=list)
    bars: list[Bar] = field(default_factory=list)
    x_ticks: list[tuple[float, str]] = field(default_factory=list)
    y_ticks: list[tuple[float, str]] = field(default_factory=list)
    axis_x: float = 0  # where the value axis stands
    plot_top: float = MARGIN_TOP
    plot_bottom: float = HEIGHT - MARGIN_BOTTOM
    plot_start: float = 0
    plot_end: float = 0
    table_headers: list[str] = field(default_factory=list)
    table_rows: list[list[str]] = field(default_factory=list)
    unit: str = ""
    # Failed consistency checks that question a figure the chart draws (carpets.checks).
    warnings: list = field(default_factory=list)

    @property
    def direction(self) -> str:
        return "rtl" if self.rtl else "ltr"

    @property
    def tick_label_x(self) -> float:
        """Value-axis labels sit outside the plot, on the side the axis stands."""
        return self.axis_x + 8 if self.rtl else self.axis_x - 8

    @property
    def title_id(self) -> str:
        return f"{self.key}-title"


def _warnings_of(observations) -> list:
    """The distinct failed checks attached to the observations by `checks.with_warnings`."""
    found = {}
    for obs in observations:
        for check in getattr(obs, "failing_checks", ()):
            found.setdefault(check.anchor, check)
    return list(found.values())


def _frame(rtl: bool):
    """(start, end) x of the plot area; on RTL pages the value axis is on the right."""
    if rtl:
        return WIDTH - MARGIN_START, MARGIN_END
    return MARGIN_START, WIDTH - MARGIN_END


def time_series(indicator, observations, *, key: str | None = None) -> Chart:
    """One line per scope and source over the Jalali years the observations cover."""
    rtl = active_language() == "fa"
    start, end = _frame(rtl)
    by_series = defaultdict(dict)
    for obs in observations:
        by_series[(obs.get_scope_display(), str(obs.source))][obs.year] = obs.value
    years = sorted({year for values in by_series.values() for year in values})
    top = _nice_ceiling(float(max((v for s in by_series.values() for v in s.values()), default=0)))
    plot_top, plot_bottom = MARGIN_TOP, HEIGHT - MARGIN_BOTTOM

    def x_of(year: int) -> float:
        if len(years) == 1:
            return (start + end) / 2
        return start + (end - start) * (year - years[0]) / (years[-1] - years[0])

    def y_of(value: Decimal) -> float:
        return plot_bottom - (plot_bottom - plot_top) * float(value) / top

    series = [
        Series(
            name=_("%(scope)s, %(source)s") % {"scope": scope, "source": source},
            colour=PALETTE[index % len(PALETTE)],
            points=[
                Point(x_of(year), y_of(value), _year(year), _num(value))
                for year, value in sorted(values.items())
            ],
        )
        for index, ((scope, source), values) in enumerate(sorted(by_series.items()))
    ]
    if len(years) == 1:
        description = _(
            "Only one year, %(year)s, has been reported, so each series is a single point."
        ) % {"year": _year(years[0])}
    elif years:
        description = _("Values reported for %(first)s to %(last)s, in %(unit)s.") % {
            "first": _year(years[0]),
            "last": _year(years[-1]),
            "unit": indicator.unit,
        }
    else:
        description = _("No values have been reported yet.")
    return Chart(
        key=key or f"series-{indicator.slug}",
        kind="line",
        title=_("%(indicator)s by Jalali year") % {"indicator": indicator.name},
        description=description,
        rtl=rtl,
        series=series,
        x_ticks=[(x_of(year), _year(year)) for year in years],
        y_ticks=[
            (y_of(Decimal(str(top * step / 4))), _num(Decimal(str(top * step / 4)).normalize()))
            for step in range(5)
        ],
        axis_x=start,
        plot_start=start,
        plot_end=end,
        table_headers=[gettext("Series"), gettext("Year"), indicator.unit],
        table_rows=[[s.name, p.year, p.value] for s in series for p in s.points],
        unit=indicator.unit,
        warnings=_warnings_of(observations),
    )


BAR_HEIGHT, BAR_GAP, LABEL_SPACE = 28, 14, 220


def comparison(key: str, title: str, description: str, items, unit: str) -> Chart:
    """Horizontal bars, one per (label, value, highlighted) item, on one scale."""
    rtl = active_language() == "fa"
    height = MARGIN_TOP + len(items) * (BAR_HEIGHT + BAR_GAP) + MARGIN_BOTTOM // 2
    top = _nice_ceiling(float(max((value for _label, value, _hl in items), default=0)))
    span = WIDTH - LABEL_SPACE - MARGIN_END - 70  # room left after the label and the value
    axis = WIDTH - LABEL_SPACE if rtl else LABEL_SPACE
    bars = []
    for index, (label, value, highlighted) in enumerate(items):
        length = span * float(value) / top
        y = MARGIN_TOP + index * (BAR_HEIGHT + BAR_GAP)
        bars.append(
            Bar(
                label=label,
                value=format_percentage(value, active_language()) if unit == "%" else _num(value),
                colour=PALETTE[1] if highlighted else PALETTE[0],
                x=axis - length if rtl else axis,
                y=y,
                width=length,
                label_x=axis + 8 if rtl else axis - 8,
                value_x=axis - length - 6 if rtl else axis + length + 6,
            )
        )
    return Chart(
        key=key,
        kind="bars",
        title=title,
        description=description,
        rtl=rtl,
        height=height,
        bars=bars,
        axis_x=axis,
        plot_top=MARGIN_TOP - 6,
        plot_bottom=height - MARGIN_BOTTOM // 2,
        table_headers=[gettext("Figure"), unit if unit != "%" else gettext("Percent")],
        table_rows=[[bar.label, bar.value] for bar in bars],
        unit=unit,
    )


def check_chart(check) -> Chart:
    """The two numbers a consistency check compares, side by side; the reported one highlighted
    when the check fails."""
    return comparison(
        key=f"check-{check.key}-{check.year}",
        title=check.title,
        description=check.finding,
        items=[
            (check.reported_label, check.reported, not check.passed),
            (check.compared_label, check.compared, False),
        ],
        unit=check.unit,
    )


def people_chart(figures, year: int) -> Chart | None:
    """Weavers, card holders and active weavers of one publication on one scale."""
    wanted = ("weavers", "weaver-card-holders", "active-weavers")
    rows = [figures[(slug, "province")] for slug in wanted if (slug, "province") in figures]
    if len(rows) < 2:
        return None
    holders = figures.get(("weaver-card-holders", "province"))
    chart = comparison(
        key=f"people-{year}",
        title=_("People in the carpet sector, %(year)s") % {"year": _year(year)},
        description=_(
            "Weavers, weaver's card holders and active weavers as reported; active weavers "
            "shown in orange outnumber the card holders."
        )
        if holders and any(obs.value > holders.value for obs in rows[2:])
        else _("Weavers, weaver's card holders and active weavers as reported."),
        items=[
            (
                obs.indicator.name,
                obs.value,
                bool(
                    holders and obs.indicator.slug == "active-weavers" and obs.value > holders.value
                ),
            )
            for obs in rows
        ],
        unit=rows[0].indicator.unit,
    )
    chart.warnings = _warnings_of(rows)
    return chart
