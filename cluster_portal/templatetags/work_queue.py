"""`{% work_queue %}`: the admin front page's panels for the signed-in user."""

from django import template

from cluster_portal.work_queue import work_queue as build_work_queue

register = template.Library()


@register.inclusion_tag("admin/includes/work_queue.html", takes_context=True)
def work_queue(context):
    return {"panels": build_work_queue(context["request"].user)}
