"""Words and part-of-speech tags of Chinese text, from jieba: the one module that imports it.

jieba is the optional extra `names` (`pip install 'plangen[names]'`); without it `available()` is
false and the importer reads people by its rules alone (docs/import.md, "People read piece by
piece"). Its dictionary is loaded into memory once per process and never written anywhere: jieba's
own default keeps a copy in the system's temporary folder, which the importer has no business
touching.
"""

from __future__ import annotations

import logging
from typing import Any

NAME_TAGS = frozenset({"nr", "nrfg", "nrt"})
"""jieba's tags for a person's name."""

WORD_TAGS = frozenset({"v", "vd", "vn", "a", "ad", "an", "d", "p", "c", "u", "uj", "ul", "m", "q", "r", "f"})
"""jieba's tags for ordinary words (verbs, adjectives, adverbs, numbers…): a piece holding one of two
characters or more is no name."""

Tagged = tuple[tuple[str, str], ...]


def available() -> bool:
    """jieba can be imported."""
    try:
        import jieba.posseg  # noqa: F401  (only whether it is there)
    except ImportError:
        return False
    return True


def _loaded_posseg() -> Any:
    """jieba's tagger with its dictionary in memory, built without jieba's file cache."""
    import jieba
    import jieba.posseg

    jieba.setLogLevel(logging.WARNING)
    tokenizer = jieba.dt
    with tokenizer.lock:
        if not tokenizer.initialized:
            tokenizer.FREQ, tokenizer.total = tokenizer.gen_pfdict(tokenizer.get_dict_file())
            tokenizer.initialized = True
    return jieba.posseg


class WordTags:
    """The words of texts with their tags; each text is cut once (one instance per group read)."""

    def __init__(self) -> None:
        self._posseg = _loaded_posseg()
        self._seen: dict[str, Tagged] = {}

    def of(self, text: str) -> Tagged:
        """(word, tag) pairs of `text`, in order."""
        if text not in self._seen:
            self._seen[text] = tuple((w.word, w.flag) for w in self._posseg.lcut(text))
        return self._seen[text]

    def has_name(self, text: str) -> bool:
        """A word of `text` is tagged as a person's name."""
        return any(flag in NAME_TAGS for _, flag in self.of(text))

    def has_word(self, text: str) -> bool:
        """A word of two characters or more in `text` is tagged as an ordinary word."""
        return any(len(word) >= 2 and flag in WORD_TAGS for word, flag in self.of(text))
