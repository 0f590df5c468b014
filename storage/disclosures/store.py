"""SqliteDisclosureCalendar and SqlitePublications: what is due (R41) and what was posted (R42)."""
from __future__ import annotations

from datetime import date, timedelta
from functools import cached_property

from models.core.accounts import Actor, Permission, Role
from models.core.changes import Changed, Entity
from models.core.errors import NotFound, PermissionDenied
from models.disclosures import calendar as cal
from models.disclosures.calendar import DisclosureEvent, Obligation, ProjectStep, Status
from models.disclosures.catalogue import CatalogueItem, DisclosureKind, Frequency, Place, item_of
from models.disclosures.ports import DisclosureCalendar, Resolutions
from models.disclosures.printed import PrintedNotice, printed_target
from models.disclosures.records import (DisclosureObjection, Publication, check_answer, check_objection,
                                        check_publication, check_sign_off, with_status)
from models.core.ids import new_id
from storage.core.db import Database
from storage.core.store_base import SqliteStore
from storage.disclosures import rows as load


RECENT_DAYS = 62  # last year's items stay listed that long after their period closed, done or not (January)


class SqliteDisclosureCalendar(SqliteStore):
    """Implements models.disclosures.ports.DisclosureCalendar; resolutions come from the minutes through a port."""

    def __init__(self, db: Database, actor: Actor, resolutions: Resolutions) -> None:
        super().__init__(db, actor)
        self._resolutions = resolutions

    @cached_property
    def _catalogue(self) -> tuple[CatalogueItem, ...]:
        return load.read_catalogue(load.catalogue_file(self._db))

    def catalogue(self) -> tuple[CatalogueItem, ...]:
        return self._catalogue

    def frequent_finance(self) -> bool:
        return load.frequent_finance(self._db)

    def set_frequent_finance(self, frequent: bool) -> Changed:
        self._require(Permission.EDIT_RECORDS)
        found = self._db.conn.execute("SELECT id FROM disclosure_settings WHERE deleted = 0 LIMIT 1").fetchone()
        with self._db.atomic():  # the setting is replaced (a new row), so its audit line says it in words
            if found:
                self._tombstone("disclosure_settings", found[0])
            row_id = self._insert("disclosure_settings", {"frequent_finance": int(frequent)},
                                  summary="财务收支改为" + ("每月公开" if frequent else "每季度公开"))["id"]
        return Changed.one(Entity.DISCLOSURE_SETTINGS, row_id)

    def obligations(self, year: int) -> list[Obligation]:
        return cal.obligations(self._catalogue, year, self.frequent_finance(), self._resolutions.resolutions(),
                               self._resolutions.rule_publicities(), self.events())

    def events(self) -> list[DisclosureEvent]:
        rows = self._db.conn.execute("SELECT id, category, subject, step, on_date FROM disclosure_events "
                                     "WHERE deleted = 0 ORDER BY on_date, id")
        return [DisclosureEvent(c, s, date.fromisoformat(d), ProjectStep(p) if p else None, i) for i, c, s, p, d in rows]

    def record_event(self, event: DisclosureEvent, today: date) -> Changed:
        """R41: an approval received or a project's step; the item falls due `days` after it."""
        self._require(Permission.EDIT_RECORDS)
        item = next((i for i in self._catalogue if i.category == event.category), None)
        if item is None:
            raise NotFound(f"三务公开目录中没有“{event.category}”。请用 disclose due 或目录文件里的事项名称。")
        cal.check_event(item, event, today)
        with self._db.atomic():
            row = self._insert("disclosure_events", {
                "category": item.category, "subject": event.subject.strip(),
                "step": event.step.value if event.step else "", "on_date": event.on.isoformat()},
                summary=f"登记“{item.category}”事件：{event.title}（{event.on}），应于 "
                        f"{event.on + timedelta(days=item.days)} 前公开")
        return Changed.one(Entity.DISCLOSURE, row["id"])

    def withdraw_event(self, event_id: str) -> Changed:
        """Take back an event recorded by mistake (the undo of recording it)."""
        self._require(Permission.EDIT_RECORDS)
        with self._db.atomic():
            self._tombstone("disclosure_events", event_id)
        return Changed.one(Entity.DISCLOSURE, event_id)

    def due(self, today: date, year: int | None = None) -> list[tuple[Obligation, Status]]:
        published = load_publications(self._db)
        if year is not None:
            return [r for r in with_status(self.obligations(year), published, today) if r[0].opens <= today]
        last = with_status(self.obligations(today.year - 1), published, today)
        this = with_status(self.obligations(today.year), published, today)
        recent = [r for r in last if r[1] in (Status.DUE, Status.OVERDUE) or (today - r[0].opens).days <= RECENT_DAYS]
        return recent + [r for r in this if r[0].opens <= today]

    def reminders(self, today: date) -> list[tuple[Obligation, Status]]:
        return cal.reminders(self.due(today), today)


def load_publications(db: Database, year: int | None = None) -> list[Publication]:
    sql = "SELECT * FROM disclosure_publications WHERE deleted = 0"
    params: tuple[str, ...] = ()
    if year is not None:
        sql, params = sql + " AND start_date >= ? AND start_date < ?", (f"{year}-01-01", f"{year + 1}-01-01")
    return [load.publication(r) for r in load.dict_rows(db, sql + " ORDER BY start_date DESC, id", params)]


class SqlitePublications(SqliteStore):
    """Implements models.disclosures.ports.PublicationStore; the period and due day come from `calendar`."""

    def __init__(self, db: Database, actor: Actor, calendar: DisclosureCalendar) -> None:
        super().__init__(db, actor)
        self._calendar = calendar

    def publications(self, year: int | None = None) -> list[Publication]:
        return load_publications(self._db, year)

    def publication(self, publication_id: str) -> Publication:
        found = load.dict_rows(self._db, "SELECT * FROM disclosure_publications WHERE id = ? AND deleted = 0",
                               (publication_id,))
        if not found:
            raise NotFound("找不到这条公开记录，可能已被撤回。请刷新后重试。")
        return load.publication(found[0])

    def _obligation(self, item: CatalogueItem, start: date, period: str) -> Obligation | None:
        """The obligation a posting from `start` meets: the named period, the last closed one, or the earliest
        resolution decided by then that has no posting yet."""
        years = (start.year, start.year - 1)
        due = [o for y in years for o in self._calendar.obligations(y)
               if o.kind is item.kind and o.category == item.category]
        if (item.frequency is Frequency.FOUR_TWO or item.frequency.by_event) and not period:
            done = {p.period for p in self.publications() if p.category == item.category}
            open_ = sorted((o for o in due if o.opens <= start and o.period not in done), key=lambda o: o.opens)
            return open_[0] if open_ else None
        period = period or cal.period_for(item, start, self._calendar.frequent_finance())
        return next((o for o in due if o.period == period), None)

    def record(self, kind: DisclosureKind, category: str, start: date, end: date, place: Place = Place.BOARD,
               posted_by: str = "", title: str = "", note: str = "", period: str = "") -> Changed:
        self._require(Permission.EDIT_RECORDS)
        item = item_of(self._calendar.catalogue(), kind, category)
        obligation = self._obligation(item, start, period)
        item_period = obligation.period if obligation else ""
        posting = Publication(kind, item.category, item_period, start, end, obligation.due if obligation else start,
                              place, posted_by.strip() or self._actor.name, title.strip() or
                              (obligation.subject if obligation else ""), note.strip())
        check_publication(posting)
        with self._db.atomic():
            row = self._insert("disclosure_publications", {
                "kind": kind.value, "category": posting.category, "period": posting.period,
                "start_date": start.isoformat(), "end_date": end.isoformat(), "due_date": posting.due.isoformat(),
                "place": place.value, "posted_by": posting.posted_by, "title": posting.title, "note": posting.note},
                summary=f"登记{kind.label}“{posting.category}”{posting.title or posting.period}：{start}至{end}，"
                        f"{place.label}，张贴人{posting.posted_by}（应于 {posting.due} 前公开）")
        return Changed.one(Entity.DISCLOSURE, row["id"])

    def register_printed(self, printed: PrintedNotice) -> Changed | None:
        """打印即登记: a public notice or board printed elsewhere is recorded as posted from the day it was printed
        (models/disclosures/printed.py); None when it is no disclosure, nothing is due for it, or the same copy (校验码)
        was registered already."""
        if any(p.note == printed.note for p in self.publications()):
            return None
        day = printed.printed_on
        due = [o for year in (day.year, day.year - 1) for o in self._calendar.obligations(year)]
        target = printed_target(printed, self._calendar.catalogue(), due, self._calendar.frequent_finance())
        if target is None:
            return None
        item = item_of(self._calendar.catalogue(), target.kind, target.category)
        if self._obligation(item, day, target.period) is None:
            return None
        return self.record(target.kind, target.category, day, printed.end, Place.BOARD, self._actor.name,
                           printed.title, printed.note, target.period)

    def withdraw(self, publication_id: str) -> Changed:
        """Take back a posting recorded by mistake (the undo of recording it); kept as a tombstone."""
        self._require(Permission.EDIT_RECORDS)
        self.publication(publication_id)
        with self._db.atomic():
            self._tombstone("disclosure_publications", publication_id)
        return Changed.one(Entity.DISCLOSURE, publication_id)

    def restore(self, publication_id: str) -> Changed:
        self._require(Permission.EDIT_RECORDS)
        with self._db.atomic():
            self._update("disclosure_publications", publication_id, {"deleted": 0}, action="restore")
        return Changed.one(Entity.DISCLOSURE, publication_id)

    def sign_off(self, publication_id: str, on: date) -> Changed:
        """R42: a member of the supervision committee signs the posting off (checked against the facts); once."""
        if self._actor.role is not Role.SUPERVISOR:  # not an administrator's either: the committee's own check
            raise PermissionDenied("公开须由村务监督委员会成员签字确认（R42；《村民委员会组织法》第三十二条）："
                                   "请用监督人账户登录后再签字。")
        posting = self.publication(publication_id)
        check_sign_off(posting, on)
        with self._db.atomic():
            self._update("disclosure_publications", publication_id,
                         {"signed_off_by": self._actor.name, "signed_off_on": on.isoformat()}, action="sign_off")
        return Changed.one(Entity.DISCLOSURE, publication_id)

    def objections(self, publication_id: str) -> list[DisclosureObjection]:
        return [load.objection(r) for r in load.dict_rows(
            self._db, "SELECT * FROM disclosure_objections WHERE deleted = 0 AND publication_id = ? "
                      "ORDER BY received_on, id", (publication_id,))]

    def add_objection(self, publication_id: str, received_on: date, raised_by: str, content: str) -> Changed:
        self._require(Permission.EDIT_RECORDS)
        self.publication(publication_id)
        objection = DisclosureObjection(publication_id, received_on, raised_by.strip(), content.strip())
        check_objection(objection)
        with self._db.atomic():
            self._insert("disclosure_objections", {"publication_id": publication_id,
                                                   "received_on": received_on.isoformat(),
                                                   "raised_by": objection.raised_by, "content": objection.content},
                         row_id=new_id())
        return Changed.one(Entity.DISCLOSURE, publication_id)

    def answer_objection(self, objection_id: str, answer: str, on: date) -> Changed:
        self._require(Permission.EDIT_RECORDS)
        found = load.dict_rows(self._db, "SELECT * FROM disclosure_objections WHERE id = ? AND deleted = 0",
                               (objection_id,))
        if not found:
            raise NotFound("找不到这条异议。请刷新后重试。")
        check_answer(answer, on, date.fromisoformat(found[0]["received_on"]))
        with self._db.atomic():
            self._update("disclosure_objections", objection_id, {"answer": answer.strip(),
                                                                 "answered_on": on.isoformat()})
        return Changed.one(Entity.DISCLOSURE, found[0]["publication_id"])
