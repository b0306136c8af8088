"""`project.search`: full-text search over all documents, case- and umlaut-folded.

"Strasse" finds "Straße", "muller" finds "Müller" is not promised (ü folds to ue), but
"Mueller" does. Folded texts are kept per document while its content hash is unchanged, so
after the first search every further one scans memory only.
"""

from __future__ import annotations

import builtins
import re
from collections.abc import Iterable
from typing import TYPE_CHECKING

from ..errors import ValidationError
from ..text_fold import fold
from ..text_search import FoldedText, SearchHit, hit

if TYPE_CHECKING:
    from ..project import Project


class TextSearchService:
    def __init__(self, project: Project) -> None:
        self.project = project
        self._texts: dict[int, tuple[str, FoldedText]] = {}  # id → (content hash, folded)

    def _folded(
        self, document_ids: Iterable[int] | None = None
    ) -> list[tuple[int, str, FoldedText]]:
        """(id, title, folded text) of the documents, in their order; cached by hash."""
        documents = self.project.documents.list()
        wanted = set(document_ids) if document_ids is not None else None
        found = []
        for document in documents:
            if wanted is not None and document.id not in wanted:
                continue
            cached = self._texts.get(document.id)
            if cached is None or cached[0] != document.content_hash:
                text = self.project.documents.text(document.id)
                cached = (document.content_hash, FoldedText(text))
                self._texts[document.id] = cached
            found.append((document.id, document.title, cached[1]))
        return found

    def find(
        self, query: str, *, document_ids: Iterable[int] | None = None, limit: int | None = None
    ) -> builtins.list[SearchHit]:
        """Every place the folded query occurs, document by document, with context."""
        needle = fold(query.strip())
        hits: list[SearchHit] = []
        if not needle:
            return hits
        for document_id, title, folded in self._folded(document_ids):
            for start, end in folded.find(needle):
                hits.append(hit(document_id, title, folded.text, start, end))
                if limit is not None and len(hits) >= limit:
                    return hits
        return hits

    def find_pattern(
        self, pattern: str, *, document_ids: Iterable[int] | None = None
    ) -> builtins.list[SearchHit]:
        """Every match of a regular expression (case-insensitive) in the stored texts."""
        try:
            compiled = re.compile(pattern, re.IGNORECASE | re.MULTILINE)
        except re.error as error:
            raise ValidationError(
                "autocode.bad_pattern", pattern=pattern, reason=str(error)
            ) from error
        hits: list[SearchHit] = []
        for document_id, title, folded in self._folded(document_ids):
            for match in compiled.finditer(folded.text):
                if match.end() > match.start():
                    hits.append(hit(document_id, title, folded.text, match.start(), match.end()))
        return hits
