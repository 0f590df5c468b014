"""Steps 5 to 7: the register of opinions and objections with their replies, and the article changes linked to
the opinions they answer (the 修改对照表 reason)."""
from __future__ import annotations

from datetime import date

from models.core.accounts import Actor
from models.core.changes import Changed, Entity
from models.core.numerals import article_label
from models.workflow.ports import ChangeReasons, RuleTexts
from models.workflow.record_rules import change_reason, links_problem, opinion_problem, refuse, reply_problem
from models.workflow.records import Channel, Disposition, Opinion, OpinionKind
from storage.core.db import Database
from storage.workflow import rows as load
from storage.workflow.aggregate import WorkflowAggregate, changed


class SqliteOpinionStore(WorkflowAggregate):
    """Implements models.workflow.ports.OpinionStore over workflow_opinions and workflow_replies."""

    def __init__(self, db: Database, actor: Actor, rules: RuleTexts) -> None:
        super().__init__(db, actor)
        self._rules = rules

    def opinions(self, rulebook_id: str) -> tuple[Opinion, ...]:
        return load.opinions(self._db, self._require_revision(rulebook_id))

    def add_opinion(self, rulebook_id: str, kind: OpinionKind, name: str, channel: Channel, on: date, text: str,
                    article_key: str = "", household_id: str = "", villager_id: str = "", form_serial: str = "",
                    written_by: str = "", name_public: bool = False) -> Changed:
        self._edit()
        refuse(opinion_problem(name, text))
        revision_id = self._require_revision(rulebook_id)
        label = ""
        if article_key:
            numbers = self._rules.load_version(rulebook_id).numbers()
            label = article_label(numbers[article_key]) if article_key in numbers else ""
        with self._db.atomic():
            number = self._next_opinion_number(revision_id, kind)
            row = self._insert("workflow_opinions", {
                "revision_id": revision_id, "number": number, "kind": kind.value, "name": name.strip(),
                "villager_id": villager_id, "household_id": household_id, "channel": channel.value,
                "on_date": on.isoformat(), "article_key": article_key, "article_label": label, "text": text.strip(),
                "form_serial": form_serial.strip(), "written_by": written_by.strip(),
                "name_public": int(name_public)})
        return changed(str(row["id"]))

    def _next_opinion_number(self, revision_id: str, kind: OpinionKind) -> int:
        """One above the highest number in the register, read inside the writing transaction.

        A withdrawn opinion (a tombstone: an entry typed by mistake, or an undone one) keeps its number in its row
        for the history but is no longer in the register, so it does not count: the next entry, or the redo of the
        undone one, takes that number back when nothing was registered after it. Live entries never change number
        (it may already be on a reply or a printed statement); the unique index covers live rows only."""
        return int(self._db.conn.execute(
            "SELECT COALESCE(MAX(number), 0) + 1 FROM workflow_opinions WHERE revision_id = ? AND kind = ? "
            "AND deleted = 0", (revision_id, kind.value)).fetchone()[0])

    def reply_opinion(self, opinion_id: str, disposition: Disposition, reason: str, by: str, on: date) -> Changed:
        self._edit()
        refuse(reply_problem(disposition, reason))
        with self._db.atomic():
            self._insert("workflow_replies", {"opinion_id": opinion_id, "disposition": disposition.value,
                                              "reason": reason.strip(), "replied_by": by, "on_date": on.isoformat()})
        return changed(opinion_id)

    def withdraw_reply(self, opinion_id: str) -> Changed:
        """Tombstone the latest reply to an opinion (the undo of a reply typed by mistake)."""
        self._edit()
        row = self._db.conn.execute("SELECT id FROM workflow_replies WHERE opinion_id = ? AND deleted = 0 "
                                    "ORDER BY created_at DESC, id DESC LIMIT 1", (opinion_id,)).fetchone()
        if row is not None:
            with self._db.atomic():
                self._tombstone("workflow_replies", row[0])
        return changed(opinion_id)

    def withdraw_opinion(self, opinion_id: str) -> Changed:
        return self._withdraw("workflow_opinions", opinion_id)


class SqliteChangeLinkStore(WorkflowAggregate):
    """Implements models.workflow.ports.ChangeLinkStore over workflow_revision_links; the reason it writes into
    the 修改对照表 goes through `rules`."""

    def __init__(self, db: Database, actor: Actor, rules: RuleTexts, reasons: ChangeReasons) -> None:
        super().__init__(db, actor)
        self._rules, self._reasons = rules, reasons

    def link_change(self, rulebook_id: str, version_id: str, article_key: str, opinion_ids: list[str]) -> Changed:
        """Link an article change to the opinions it answers; the 修改对照表 reason is written from them."""
        self._edit()
        opinions = {o.id: o for o in load.opinions(self._db, self._require_revision(rulebook_id))}
        chosen = [opinions[i] for i in opinion_ids if i in opinions]
        refuse(links_problem(chosen))
        with self._db.atomic():
            links = [self._insert("workflow_revision_links", {"version_id": version_id, "article_key": article_key,
                                                              "opinion_id": opinion.id})["id"] for opinion in chosen]
            self._reasons.set_change_reason(version_id, article_key, change_reason(chosen))
        return Changed(Entity.WORKFLOW, frozenset(map(str, links))) | Changed.one(Entity.RULEBOOK, rulebook_id)

    def change_links(self, version_id: str) -> dict[str, tuple[str, ...]]:
        """Article key → ids of the opinions its change answers, for one version."""
        links: dict[str, tuple[str, ...]] = {}
        for row in load.select(self._db, "workflow_revision_links", "version_id = ?", [version_id]):
            links[row["article_key"]] = links.get(row["article_key"], ()) + (row["opinion_id"],)
        return links

    def unlink_change(self, version_id: str, article_key: str, reason: str) -> Changed:
        """Withdraw the links of one article change and put back the 修改对照表 reason it had before."""
        self._edit()
        withdrawn = load.select(self._db, "workflow_revision_links", "version_id = ? AND article_key = ?",
                                [version_id, article_key])
        with self._db.atomic():
            for row in withdrawn:
                self._tombstone("workflow_revision_links", row["id"])
            self._reasons.set_change_reason(version_id, article_key, reason)
        rulebook = self._db.conn.execute("SELECT rulebook_id FROM rule_versions WHERE id = ?", (version_id,)).fetchone()
        return Changed(Entity.WORKFLOW, frozenset(str(r["id"]) for r in withdrawn)) \
            | Changed(Entity.RULEBOOK, frozenset({rulebook[0]}) if rulebook else frozenset())
