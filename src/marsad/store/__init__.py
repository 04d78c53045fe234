"""The observatory's embedded store (SQLite, WAL): documents and their layers, Arabic-aware search, queries."""

from marsad.store.db import ENV_VAR, Added, Store, StoreError, content_hash, default_path, global_id
from marsad.store.search import QueryError

__all__ = ["ENV_VAR", "Added", "QueryError", "Store", "StoreError", "content_hash", "default_path", "global_id"]
