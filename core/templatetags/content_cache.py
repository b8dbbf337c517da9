"""{% cachedfragment "name" value … %}…{% endcachedfragment %}: a block of a page rendered once
per content version and language, and shared by every worker and server until the next edit or
scheduled change (core.content_cache).

The name and values must identify everything the block shows: the block's own queries run only
when it is rendered. Never wrap a form token or anything that differs between visitors.
"""

import hashlib

from django import template

from core.content_cache import cached_fragment

register = template.Library()


class CachedFragmentNode(template.Node):
    def __init__(self, nodelist, parts):
        self.nodelist = nodelist
        self.parts = parts

    def render(self, context):
        name = ":".join(str(part.resolve(context)) for part in self.parts)
        # Values such as a visitor's filter are checked by the view, but a key stays short.
        if len(name) > 120:
            name = hashlib.sha256(name.encode()).hexdigest()
        return cached_fragment(name, lambda: self.nodelist.render(context))


@register.tag
def cachedfragment(parser, token):
    parts = token.split_contents()[1:]
    if not parts:
        raise template.TemplateSyntaxError("cachedfragment needs a name")
    nodelist = parser.parse(("endcachedfragment",))
    parser.delete_first_token()
    return CachedFragmentNode(nodelist, [parser.compile_filter(part) for part in parts])
