"""Render the sample documents to docs/print-samples/*.png (pdftoppm -r 60) for reviewers to look at."""
from __future__ import annotations

import subprocess
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from benchmarks.sample_documents import sample_notice, sample_table  # noqa: E402
from printing.notice_pdf import NoticeOptions, render_notice_pdf  # noqa: E402
from printing.tables import render_table_pdf  # noqa: E402

OUT = Path(__file__).resolve().parent.parent / "docs" / "print-samples"


def main() -> None:
    OUT.mkdir(parents=True, exist_ok=True)
    documents = {
        "notice-a4": render_notice_pdf(sample_notice()),
        "notice-a4-red-header-qr": render_notice_pdf(sample_notice(), NoticeOptions(red_header="青石村村民委员会",
                                                                                    qr=True)),
        "notice-a3-poster": render_notice_pdf(sample_notice(), NoticeOptions(paper="A3", poster=True)),
        "table-a4-landscape": render_table_pdf(sample_table(60)),
    }
    with tempfile.TemporaryDirectory() as folder:
        for name, data in documents.items():
            pdf = Path(folder) / f"{name}.pdf"
            pdf.write_bytes(data)
            subprocess.run(["pdftoppm", "-r", "60", "-png", str(pdf), str(OUT / name)], check=True)
    print("\n".join(sorted(p.name for p in OUT.glob("*.png"))))


if __name__ == "__main__":
    main()
