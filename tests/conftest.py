from __future__ import annotations

import os
import tempfile

# Compiled-lexicon cache in a private folder, so tests never read a stale user cache.
os.environ.setdefault("TILINT_CACHE_DIR", tempfile.mkdtemp(prefix="tilint-test-cache-"))
