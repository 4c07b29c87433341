"""Prints: a sha256 of some texts, to tell whether what something was made from has changed
(docs/architecture.md, "Reuse rules"). Pure."""

from __future__ import annotations

import hashlib


def digest(*parts: str | bytes) -> str:
    """sha256 of the parts, each followed by a NUL byte."""
    texts = [part for part in parts if isinstance(part, str)]
    if parts and len(texts) == len(parts):  # one update: the same bytes, far fewer calls
        return hashlib.sha256(("\0".join(texts) + "\0").encode("utf-8")).hexdigest()
    h = hashlib.sha256()
    for part in parts:
        h.update(part.encode("utf-8") if isinstance(part, str) else part)
        h.update(b"\0")
    return h.hexdigest()
