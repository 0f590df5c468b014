"""SqliteMinutesSettings: minutes settings rows (key → JSON), the newest live row of a key, written audited."""
from __future__ import annotations

import json
from typing import Any

from models.core.accounts import Permission
from models.core.changes import Changed, Entity
from models.minutes.settings import ProvinceRules, make_province_rules
from models.minutes.template import RecordTemplate, default_template, template_from_json
from storage.core.store_base import SqliteStore

PROVINCE_KEY = "province_rules"
TEMPLATE_KEY = "record_template"


class SqliteMinutesSettings(SqliteStore):
    """Implements models.minutes.ports.MinutesSettingsStore: the province's R8 rule and the R18 record-book template
    (changed by whoever may edit the village profile)."""

    def _setting(self, key: str) -> Any:
        row = self._db.conn.execute("SELECT value FROM minutes_settings WHERE key = ? AND deleted = 0 "
                                    "ORDER BY hlc DESC LIMIT 1", (key,)).fetchone()
        return json.loads(row[0]) if row else None

    def _put_setting(self, key: str, value: Any, summary: str) -> None:
        text = json.dumps(value, ensure_ascii=False, sort_keys=True)
        with self._db.atomic():
            row = self._db.conn.execute("SELECT id FROM minutes_settings WHERE key = ? AND deleted = 0 "
                                        "ORDER BY hlc DESC LIMIT 1", (key,)).fetchone()
            if row:
                self._update("minutes_settings", row[0], {"value": text})
            else:
                self._insert("minutes_settings", {"key": key, "value": text}, summary=summary)

    def province_rules(self) -> ProvinceRules:
        value = self._setting(PROVINCE_KEY) or {}
        return ProvinceRules(bool(value.get("rules_by_representatives")), str(value.get("basis", "")))

    def set_province_rules(self, allowed: bool, basis: str) -> Changed:
        """R8 override for this province: representatives' meetings may vote village rules and the charter.

        Every record's R8 warning and the workflow's vote check read it, so the change names the meetings too."""
        self._require(Permission.EDIT_PROFILE)
        rules = make_province_rules(allowed, basis)
        summary = (f"本省规定：村规民约、自治章程可由村民代表会议表决（{rules.basis}）" if allowed
                   else "本省规定：村规民约、自治章程须由村民会议表决（默认）")
        self._put_setting(PROVINCE_KEY, {"rules_by_representatives": rules.rules_by_representatives,
                                         "basis": rules.basis}, summary)
        return Changed(Entity.MINUTES_SETTINGS) | Changed(Entity.MEETING)

    def record_template(self) -> RecordTemplate:
        value = self._setting(TEMPLATE_KEY)
        return template_from_json(value) if value else default_template()

    def set_record_template(self, template: RecordTemplate | None) -> Changed:
        """R18: the record book's fields, order, headings and signature lines; None restores the default (R12)."""
        self._require(Permission.EDIT_PROFILE)
        template = template or default_template()
        headings = "、".join(f.heading for f in template.fields)
        self._put_setting(TEMPLATE_KEY, template.to_json(), f"记录本格式：{headings}")
        return Changed(Entity.MINUTES_SETTINGS)
