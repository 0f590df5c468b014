"""Render the sample documents and every product to docs/print-samples/*.png (pdftoppm -r 60) for reviewers.

Products are printed through the command line from a 40-household demo village (the same path a clerk uses);
at most the first three pages of each are kept.
"""
from __future__ import annotations

import contextlib
import io
import json
import subprocess
import sys
import tempfile
from datetime import date
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from benchmarks.sample_documents import sample_notice, sample_table  # noqa: E402
from printing.core.notice_pdf import NoticeOptions, render_notice_pdf  # noqa: E402
from printing.core.tables import render_table_pdf  # noqa: E402

OUT = Path(__file__).resolve().parent.parent / "docs" / "print-samples"
PAGES = 3


def cli(*args: str) -> dict:
    import main

    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        code = main.main(["--json", *args])
    if code != 0:
        raise SystemExit(f"{args} failed with {code}")
    return json.loads(out.getvalue())


def add_teams(db_path: Path, rulebook_id: str) -> None:
    """The demo stops at step 5 without teams: add a patrol team and its roster for the committee notice."""
    from models.core.accounts import COMMAND_LINE_ACTOR
    from models.workflow.records import Shift, TeamKind
    from storage.core.installation import open_database
    from storage.core.backend import build_stores

    store = build_stores(open_database(db_path), COMMAND_LINE_ACTOR).workflow.teams
    team = store.add_team(rulebook_id, TeamKind.PATROL, "治安巡逻队", "杨光明", ("吴金光", "杨文银", "吴成明", "吴国")).id
    store.save_roster(team, [Shift(team, date(2026, 3, 2), ("吴金光", "杨文银")),
                             Shift(team, date(2026, 3, 9), ("吴成明", "吴国"), "三月三")])


def product_pdfs(folder: Path) -> dict[str, Path]:
    """Print every product of the demo village into `folder`; name → PDF path."""
    db = folder / "village.sqlite3"
    cli("--db", str(db), "demo", "--households", "40")
    rulebook = cli("--db", str(db), "rules", "list")["rulebooks"][0]["id"]
    add_teams(db, rulebook)
    meetings = cli("--db", str(db), "meeting", "list")["meetings"]
    meeting = next(m["id"] for m in meetings if m["status"] == "final" and m["type"] == "representatives_meeting")
    jobs = {"rules-booklet-a4": ["rules", rulebook, "--version", "1"],
            "rules-poster-a3": ["rules", rulebook, "--version", "1", "--poster"],
            "rules-poster-a4": ["rules", rulebook, "--version", "1", "--poster", "--paper", "A4"],
            "comparison-a4-landscape": ["comparison", rulebook, "1", "2"],
            "signature-sheet": ["signature-sheet", rulebook],
            "minutes-record": ["minutes", meeting],
            "minutes-resolution-notice": ["minutes", meeting, "--notice", "resolution"],
            "minutes-result-notice": ["minutes", meeting, "--notice", "result"],
            "invitations": ["invitations", rulebook],
            "committee-notice": ["committee", rulebook],
            "call-for-opinions": ["call-for-opinions", rulebook],
            "opinion-forms": ["opinion-forms", rulebook],
            "adoption-statement": ["adoption-statement", rulebook],
            "work-cards": ["work-cards", rulebook],
            "group-roster": ["group-roster", "第1组"]}
    paths = {}
    for name, args in jobs.items():
        paths[name] = folder / f"{name}.pdf"
        cli("--db", str(db), "print", *args, "--out", str(paths[name]))
    return paths


def sample_filing_report() -> bytes:
    """The demo stops before the vote, so the filing report is drawn from recorded facts of a finished revision."""
    from models.minutes.quorum import Attendance, MajorityRule, QuorumResult
    from models.workflow.guards import MeetingFacts, WorkflowFacts
    from models.workflow.records import AssemblyVote, LegalityReview, Publicity
    from printing.workflow.filing_report_pdf import filing_report, render_filing_report_pdf

    meeting = MeetingFacts("m", "2026-民-02", "villagers_meeting", "村民会议", date(2026, 5, 10), True,
                           Attendance(420, 300), QuorumResult(True, None, ""), MajorityRule.OF_PRESENT, 1)
    facts = WorkflowFacts(date(2026, 5, 12), publicity=Publicity(date(2026, 4, 20), date(2026, 4, 26)),
                          review=LegalityReview("v", 3, date(2026, 4, 28), "德化乡司法所", "无违法内容"),
                          vote=AssemblyVote("m", "v", 3, False, ()), vote_meeting=meeting)
    return render_filing_report_pdf(filing_report("青石村村规民约", facts, "青石村", "德化乡", date(2026, 5, 12)))


def main() -> None:
    OUT.mkdir(parents=True, exist_ok=True)
    for old in OUT.glob("*.png"):
        old.unlink()
    documents = {
        "notice-a4": render_notice_pdf(sample_notice()),
        "notice-a4-red-header-qr": render_notice_pdf(sample_notice(), NoticeOptions(red_header="青石村村民委员会",
                                                                                    qr=True)),
        "notice-a3-poster": render_notice_pdf(sample_notice(), NoticeOptions(paper="A3", poster=True)),
        "table-a4-landscape": render_table_pdf(sample_table(60)),
        "filing-report": sample_filing_report(),
    }
    with tempfile.TemporaryDirectory() as folder:
        pdfs = {name: Path(folder) / f"{name}.pdf" for name in documents}
        for name, data in documents.items():
            pdfs[name].write_bytes(data)
        pdfs.update(product_pdfs(Path(folder)))
        for name, pdf in pdfs.items():
            subprocess.run(["pdftoppm", "-r", "60", "-l", str(PAGES), "-png", str(pdf), str(OUT / name)], check=True)
    print("\n".join(sorted(p.name for p in OUT.glob("*.png"))))


if __name__ == "__main__":
    main()
