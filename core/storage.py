"""Static files storage that hashes, compresses and tolerates third-party CSS with dead links."""

from whitenoise.storage import CompressedManifestStaticFilesStorage


class ForgivingManifestStaticFilesStorage(CompressedManifestStaticFilesStorage):
    """django-jalali's CSS names images it does not ship.

    A missing reference is left as written instead of aborting `collectstatic`.
    """

    def hashed_name(self, name, content=None, filename=None):
        try:
            return super().hashed_name(name, content, filename)
        except ValueError:
            return name
