from django.conf import settings
from django.shortcuts import redirect
from django.views.generic import DetailView, ListView

from .models import Post


class PostListView(ListView):
    template_name = "news/post_list.html"
    context_object_name = "posts"
    paginate_by = settings.PORTAL_NEWS_PAGE_SIZE

    def get_queryset(self):
        return Post.objects.published().for_listing()


class PostDetailView(DetailView):
    template_name = "news/post_detail.html"

    def get_queryset(self):
        return Post.objects.published().select_related("category").prefetch_related("clusters")

    def get(self, request, *args, **kwargs):
        self.object = self.get_object()
        # An old or mistyped slug still finds the post, at its one canonical address.
        if kwargs["slug"] != self.object.slug:
            return redirect(self.object, permanent=True)
        return self.render_to_response(self.get_context_data(object=self.object))
