"""SqliteCatalogueStore: 条款库, the built-in model articles (resources/rules_catalogue.json) and the village's own."""
from __future__ import annotations

import json
from pathlib import Path

from models.core.accounts import Permission
from models.core.changes import Changed, Entity
from models.core.errors import DomainError
from models.core.ids import new_id
from models.rules.rulebooks import CatalogueArticle
from storage.core.store_base import SqliteStore

CATALOGUE_FILE = Path(__file__).resolve().parents[2] / "resources" / "rules_catalogue.json"


class SqliteCatalogueStore(SqliteStore):
    """Implements models.rules.ports.CatalogueStore; the village's own articles are synced and audited."""

    def catalogue(self) -> list[CatalogueArticle]:
        builtin = [CatalogueArticle(e["id"], e["area"], e["title"], e["text"])
                   for e in json.loads(CATALOGUE_FILE.read_text(encoding="utf-8"))]
        own = [CatalogueArticle(r[0], r[1], r[2], r[3], builtin=False) for r in self._db.conn.execute(
            "SELECT id, area, title, text FROM rule_catalogue_articles WHERE deleted = 0 ORDER BY created_at")]
        return builtin + own

    def add_catalogue_article(self, area: str, title: str, text: str) -> Changed:
        self._require(Permission.EDIT_RECORDS)
        if not text.strip() or not area.strip():
            raise DomainError("请填写条款所属方面和条文。")
        with self._db.atomic():
            row = self._insert("rule_catalogue_articles", {"area": area.strip(), "title": title.strip(),
                                                           "text": text.strip()}, row_id=new_id())
        return Changed.one(Entity.CATALOGUE_ARTICLE, row["id"])
