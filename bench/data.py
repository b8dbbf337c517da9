"""Generate a large synthetic data set for `make bench`: never run it on a real database.

Run by `bench/run.py` (`generate_data`) in a set-up Django process on the bench's database; it
is not a management command, so no production installation carries it. The
row builders are plain functions so the query-budget tests (tests/test_query_budget.py) build
the same kinds of rows at 10 and at 1,000 with `generate(**sized(n))`.
"""

import argparse
import datetime
import random
from dataclasses import dataclass
from decimal import Decimal

import jdatetime
from django.db import transaction
from django.utils import timezone

from carpets.models import Indicator, Observation, Source
from clusters.models import (
    Cluster,
    CriterionScore,
    DevelopmentProject,
    JointAction,
    LegalBasis,
    PriorityRanking,
    ProgressReport,
    ProjectPhase,
    RankedCluster,
    RankingCriterion,
)
from directory.models import Document, Organisation, Question, Term
from news.models import Category, Post

CRITERIA = 3


@dataclass
class Generated:
    """The rows the generated lists hang from: each of them lists `size` related rows."""

    hub: Cluster  # every generated post, indicator, organisation, document and action is its
    basis: LegalBasis  # every generated cluster, phase, action, post and document cites it
    ranking: PriorityRanking
    category: Category
    post: Post
    event: Post
    indicator: Indicator
    organisation: Organisation
    document: Document


def sized(size: int) -> dict:
    """The same number of rows of every kind: what each list of the site shows."""
    return {
        "clusters": size,
        "posts": size,
        "indicators": size,
        "years": 3,
        "sources": 2,
        "organisations": size,
        "documents": size,
        "terms": size,
        "actions": size,
    }


def generate(
    *,
    clusters: int,
    posts: int,
    indicators: int,
    years: int,
    sources: int,
    organisations: int = 0,
    documents: int = 0,
    terms: int = 0,
    actions: int = 0,
    seed: int = 1404,
) -> Generated:
    rng = random.Random(seed)
    all_clusters = make_clusters(clusters)
    hub = all_clusters[0]
    ranking = make_ranking(all_clusters, rng)
    basis = make_legal_basis(all_clusters)
    make_projects(all_clusters, basis)
    category = make_category()
    post_rows = make_posts(posts, all_clusters, hub, basis, category, rng)
    indicator_rows = make_statistics(indicators, years, sources, hub, rng)
    organisation_rows = make_organisations(organisations, hub)
    document_rows = make_documents(documents, hub, basis)
    make_glossary(terms)
    make_actions(actions, hub, basis)
    return Generated(
        hub=hub,
        basis=basis,
        ranking=ranking,
        category=category,
        post=post_rows[0] if post_rows else None,
        event=next((post for post in post_rows if post.kind == Post.Kind.EVENT), None),
        indicator=indicator_rows[0] if indicator_rows else None,
        organisation=organisation_rows[0] if organisation_rows else None,
        document=document_rows[0] if document_rows else None,
    )


def make_clusters(count: int) -> list[Cluster]:
    """`count` new clusters; returned with the existing ones, the new ones first."""
    Cluster.objects.bulk_create(
        Cluster(
            slug=f"bench-{index}",
            name_fa=f"خوشه آزمایشی {index}",
            name_en=f"Benchmark cluster {index}",
            sector=Cluster.Sector.MANUFACTURING,
            summary_fa="خوشه‌ای برای سنجش کارایی.",
            profile_fa="متن شناسنامه خوشه آزمایشی.\n\nبند دوم.",
        )
        for index in range(count)
    )
    created = list(Cluster.objects.filter(slug__startswith="bench-").order_by("pk"))
    return created + list(Cluster.objects.exclude(slug__startswith="bench-"))


def make_ranking(clusters, rng) -> PriorityRanking:
    """A new current edition ranking every cluster, with per-criterion scores."""
    PriorityRanking.objects.filter(is_current=True).update(is_current=False)
    ranking = PriorityRanking.objects.create(
        title_fa="اولویت‌بندی آزمایشی", year=1404, is_current=True
    )
    criteria = RankingCriterion.objects.bulk_create(
        RankingCriterion(ranking=ranking, order=index, name_fa=f"معیار {index}", weight=1)
        for index in range(1, CRITERIA + 1)
    )
    entries = RankedCluster.objects.bulk_create(
        RankedCluster(
            ranking=ranking,
            cluster=cluster,
            rank=rank,
            score=Decimal(1000 - rank % 1000),
            rationale_fa="دلیل رتبه آزمایشی.",
        )
        for rank, cluster in enumerate(clusters, start=1)
    )
    CriterionScore.objects.bulk_create(
        (
            CriterionScore(entry=entry, criterion=criterion, score=Decimal(rng.randint(1, 100)))
            for entry in entries
            for criterion in criteria
        ),
        batch_size=5000,
    )
    return ranking


def make_legal_basis(clusters) -> LegalBasis:
    number = (max(LegalBasis.objects.values_list("number", flat=True), default=0) or 0) + 1
    basis = LegalBasis.objects.create(
        number=number,
        title_fa="مصوبه آزمایشی",
        instrument_fa="قانون آزمایشی",
        summary_fa="مصوبه‌ای برای سنجش کارایی.",
    )
    basis.clusters.through.objects.bulk_create(
        basis.clusters.through(legalbasis_id=basis.pk, cluster_id=cluster.pk)
        for cluster in clusters
        if cluster.slug.startswith("bench-")
    )
    return basis


def make_projects(clusters, basis) -> None:
    """A development project for every generated cluster, with one reported phase each."""
    generated = [cluster for cluster in clusters if cluster.slug.startswith("bench-")]
    projects = DevelopmentProject.objects.bulk_create(
        DevelopmentProject(
            cluster=cluster, agent_selection=DevelopmentProject.AgentSelection.CONTRACTED
        )
        for cluster in generated
    )
    phases = ProjectPhase.objects.bulk_create(
        ProjectPhase(
            project=project,
            phase=ProjectPhase.Phase.DIAGNOSTIC,
            status=ProjectPhase.Status.IN_PROGRESS,
        )
        for project in projects
    )
    basis.phases.through.objects.bulk_create(
        basis.phases.through(legalbasis_id=basis.pk, projectphase_id=phase.pk) for phase in phases
    )


def make_category() -> Category:
    return Category.objects.get_or_create(slug="bench", defaults={"name_fa": "آزمایشی"})[0]


def make_posts(count, clusters, hub, basis, category, rng) -> list[Post]:
    """News, events (upcoming and past) and announcements, each on the hub and one more cluster."""
    now = timezone.now()
    body = "<p>" + "متن خبر آزمایشی برای سنجش کارایی. " * 40 + "</p>"
    kinds = [Post.Kind.NEWS, Post.Kind.EVENT, Post.Kind.ANNOUNCEMENT]

    def event_start(index):
        days = index + 1 if index % 2 else -(index + 1)
        return now + datetime.timedelta(days=days)

    posts = Post.objects.bulk_create(
        (
            Post(
                kind=kinds[index % 3],
                title_fa=f"خبر آزمایشی شماره {index}",
                title_en=f"Benchmark post {index}",
                slug=f"bench-{index}",
                lead_fa="لید خبر آزمایشی.",
                body_fa=body,
                category=category,
                status=Post.Status.PUBLISHED,
                publish_at=now - datetime.timedelta(hours=index + 1),
                is_important=index < 10,
                event_start=event_start(index) if kinds[index % 3] == Post.Kind.EVENT else None,
            )
            for index in range(count)
        ),
        batch_size=2000,
    )
    links = Post.clusters.through
    links.objects.bulk_create(
        (
            links(post_id=post.pk, cluster_id=cluster_id)
            for post in posts
            for cluster_id in {hub.pk, rng.choice(clusters).pk}
        ),
        batch_size=5000,
    )
    cited = Post.legal_bases.through
    cited.objects.bulk_create(
        (cited(post_id=post.pk, legalbasis_id=basis.pk) for post in posts), batch_size=5000
    )
    return posts


def make_statistics(indicators, years, sources, cluster, rng) -> list[Indicator]:
    """Indicators of `cluster`, each with a value for every year from every source."""
    source_rows = [
        Source.objects.get_or_create(
            slug=f"bench-source-{index}",
            defaults={"name_fa": f"منبع آزمایشی {index}", "publisher_fa": "ناشر آزمایشی"},
        )[0]
        for index in range(sources)
    ]
    first = Indicator.objects.count()
    indicator_rows = Indicator.objects.bulk_create(
        Indicator(
            slug=f"bench-indicator-{first + index}",
            name_fa=f"شاخص آزمایشی {index}",
            unit_fa="واحد",
            order=100 + first + index,
            cluster=cluster,
        )
        for index in range(indicators)
    )
    Observation.objects.bulk_create(
        (
            Observation(
                indicator=indicator,
                year=1404 - offset,
                value=Decimal(rng.randint(100, 100_000)),
                scope=Observation.Scope.PROVINCE,
                source=source,
            )
            for indicator in indicator_rows
            for offset in range(years)
            for source in source_rows
        ),
        batch_size=5000,
    )
    return indicator_rows


def make_organisations(count, cluster) -> list[Organisation]:
    kinds = Organisation._meta.get_field("kind").choices
    return Organisation.objects.bulk_create(
        Organisation(
            name_fa=f"کارگاه آزمایشی {index}",
            kind=kinds[index % len(kinds)][0],
            cluster=cluster,
            city_fa="زنجان",
            publish_contact=True,
            phone="024-0000",
        )
        for index in range(count)
    )


def make_documents(count, cluster, basis) -> list[Document]:
    """Documents whose files are never opened: only their pages and lists are generated."""
    documents = Document.objects.bulk_create(
        Document(
            title_fa=f"سند آزمایشی {index}",
            title_key=f"سند آزمایشی {index}",
            kind=Document.Kind.choices[index % len(Document.Kind.choices)][0],
            language=Document.Language.PERSIAN,
            file=f"bench/document-{index}.pdf",
            file_format=Document.Format.PDF,
            file_size=1024 * (index + 1),
        )
        for index in range(count)
    )
    links = (
        (Document.clusters.through, "cluster_id", cluster.pk),
        (Document.legal_bases.through, "legalbasis_id", basis.pk),
    )
    for through, field, value in links:
        through.objects.bulk_create(
            through(document_id=document.pk, **{field: value}) for document in documents
        )
    return documents


def make_glossary(count) -> None:
    Term.objects.bulk_create(
        Term(
            slug=f"bench-term-{index}",
            term_fa=f"واژه‌آزمایشی{index}",
            definition_fa="تعریف واژه آزمایشی.",
            order=1000 + index,
        )
        for index in range(count)
    )
    Question.objects.bulk_create(
        Question(
            slug=f"bench-question-{index}",
            question_fa=f"پرسش آزمایشی {index}؟",
            answer_fa="پاسخ آزمایشی.",
            order=1000 + index,
        )
        for index in range(count)
    )


def make_actions(count, cluster, basis) -> None:
    """Joint actions of `cluster`, every other one a sub-project, each with two reports."""
    parents = JointAction.objects.bulk_create(
        JointAction(cluster=cluster, title_fa=f"اقدام مشترک آزمایشی {index}", unit_fa="واحد")
        for index in range((count + 1) // 2)
    )
    children = JointAction.objects.bulk_create(
        JointAction(
            cluster=cluster,
            parent=parents[index],
            title_fa=f"زیرپروژه آزمایشی {index}",
            target=Decimal(100),
        )
        for index in range(count // 2)
    )
    rows = parents + children
    ProgressReport.objects.bulk_create(
        (
            ProgressReport(
                action=action,
                reported_on=jdatetime.date(1403, 1, day),
                actual=Decimal(day * 10),
                text_fa="گزارش پیشرفت آزمایشی.",
            )
            for action in rows
            for day in (1, 2)
        ),
        batch_size=5000,
    )
    basis.actions.through.objects.bulk_create(
        basis.actions.through(legalbasis_id=basis.pk, jointaction_id=action.pk) for action in rows
    )


COUNTS = {
    "clusters": 200,
    "posts": 50_000,
    "indicators": 100,
    "years": 40,
    "sources": 3,
    "organisations": 500,
    "documents": 500,
    "terms": 200,
    "actions": 50,
}


def main(argv: list[str] | None = None) -> None:
    """Fill the database named by the settings with the benchmark's rows, in one transaction."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    for name, default in COUNTS.items():
        parser.add_argument(f"--{name}", type=int, default=default)
    parser.add_argument("--yes-i-mean-it", action="store_true")
    options = vars(parser.parse_args(argv))
    if not options.pop("yes_i_mean_it"):
        parser.error("This writes thousands of fake rows. Pass --yes-i-mean-it.")
    with transaction.atomic():
        generate(**options)
