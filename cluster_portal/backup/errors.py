class ArchiveError(Exception):
    """The archive is unreadable, incomplete, altered, unsigned, or does not fit this database."""
