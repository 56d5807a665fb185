"""The user's own data: bookmarks and annotations, in their own file beside the archive."""
