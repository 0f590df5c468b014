"""Rules benchmarks: diff of two 120-article versions and legality check of 120 articles (targets ≤ 200 ms each).

Run `python -m benchmarks.rules` from the repository root; results replace the `## Rules` section of
docs/benchmarks.md.
"""
from __future__ import annotations

import platform
import random
import re
import statistics
import time
from pathlib import Path
from typing import Callable

from models.rules.legality import check_version
from models.rules.document import Article, Chapter, RuleVersion
from models.rules.diff import ChangeKind, diff_versions

ARTICLES = 120
TARGET_MS = 200.0
DOC = Path(__file__).resolve().parent.parent / "docs" / "benchmarks.md"
PHRASES = ("村民应当遵纪守法", "不参与赌博、吸毒等违法活动", "生活垃圾分类投放至指定收集点", "不得倾倒入河道、沟渠",
           "红白喜事由红白理事会协助操办", "子女应当履行赡养义务", "保护耕地，不得撂荒", "村道、水渠人人爱护",
           "违者由执行委员会批评教育", "发现线索及时向村委会报告", "治安巡逻队按排班巡逻", "倡导婚事新办、丧事简办",
           "邻里之间互谅互让", "畜禽实行圈养", "严禁在山林野外用火", "外出期间可委托邻居照看门户")


def make_versions(seed: int = 120) -> tuple[RuleVersion, RuleVersion]:
    """Version 1 with 120 articles; version 2 with 10 changed, 5 moved, 5 removed and 5 added."""
    rng = random.Random(seed)
    texts = ["，".join(rng.sample(PHRASES, rng.randint(3, 6))) + f"（第{n}项规定）。" for n in range(ARTICLES)]
    old = [Article(f"k{n}", t) for n, t in enumerate(texts)]
    new = list(old)
    for n in rng.sample(range(ARTICLES), 10):
        text = new[n].text
        cut = rng.randrange(5, len(text) - 5)
        new[n] = Article(new[n].key, text[:cut] + "和本村实际" + text[cut + 3:])
    for n in sorted(rng.sample(range(ARTICLES), 5), reverse=True):
        del new[n]
    for _ in range(5):
        article = new.pop(rng.randrange(len(new)))
        new.insert(rng.randrange(len(new)), article)
    for n in range(5):
        new.insert(rng.randrange(len(new)), Article(f"added{n}", f"新增条款{n}：" + "，".join(rng.sample(PHRASES, 4)) + "。"))
    return _version(old, 1), _version(new, 2)


def _version(articles: list[Article], number: int) -> RuleVersion:
    chapters = tuple(Chapter(f"c{i}", f"第{i}部分", tuple(articles[i:i + 15])) for i in range(0, len(articles), 15))
    return RuleVersion(f"v{number}", "bench", number, chapters)


def _time_ms(fn: Callable[[], object], runs: int = 15) -> float:
    fn()  # warm caches (compiled patterns)
    samples = []
    for _ in range(runs):
        start = time.perf_counter()
        fn()
        samples.append((time.perf_counter() - start) * 1000)
    return statistics.median(samples)


def run() -> str:
    old, new = make_versions()
    diff = diff_versions(old, new)
    counts = {k.label: len(diff.of_kind(k)) for k in ChangeKind}
    diff_ms = _time_ms(lambda: diff_versions(old, new))
    check_ms = _time_ms(lambda: check_version(new))
    rekeyed = _version([Article(f"x{a.key}", a.text) for a in new.articles], 2)
    nokeys_ms = _time_ms(lambda: diff_versions(old, rekeyed))
    edited = _version([Article(f"x{a.key}", a.text.replace("，", "；", 1)) for a in new.articles], 2)
    worst_ms = _time_ms(lambda: diff_versions(old, edited), runs=5)
    rows = [("diff of two 120-article versions", diff_ms),
            ("same diff, no shared article keys (two separate imports)", nokeys_ms),
            ("worst case: every article edited, no shared keys", worst_ms),
            ("legality check of 120 articles", check_ms)]
    table = "\n".join(f"| {name} | {ms:.1f} ms | ≤ {TARGET_MS:.0f} ms | {'met' if ms <= TARGET_MS else 'MISSED'} |"
                      for name, ms in rows)
    return (f"## Rules\n\nMeasured {time.strftime('%Y-%m-%d')} on {platform.machine()} / Python "
            f"{platform.python_version()}, median of 15 runs (5 for the worst case; `python -m benchmarks.rules`).\n\n"
            f"| operation | median | target | result |\n|---|---|---|---|\n{table}\n\n"
            f"The diff found: {', '.join(f'{k} {v}' for k, v in counts.items())}.\n")


def write_section(section: str) -> None:
    text = DOC.read_text(encoding="utf-8") if DOC.exists() else "# Benchmarks\n\n"
    pattern = re.compile(r"^## Rules\n.*?(?=^## |\Z)", re.S | re.M)
    text = pattern.sub(lambda _: section + "\n", text) if pattern.search(text) else text.rstrip() + "\n\n" + section
    DOC.write_text(text, encoding="utf-8")


if __name__ == "__main__":
    result = run()
    print(result)
    write_section(result)
