"""Articles that failed the vote go back to step 6 for those articles only (issue 6, step 8).

The failed articles are remembered with the version they failed in; step 6's guard then asks for a new version
that changes at least one of them and nothing else, and the usual publicity, review and vote follow.
"""
from __future__ import annotations

from dataclasses import dataclass

from models.core.errors import DomainError
from models.workflow.records import AssemblyVote


@dataclass(frozen=True)
class RetryScope:
    """退回重议 — the failed articles (keys and labels) and the version they were voted on in."""

    article_keys: tuple[str, ...]
    labels: tuple[str, ...]
    from_version_id: str
    from_number: int

    @property
    def whole_text(self) -> bool:
        """The whole text failed (a vote on the whole): every article may change."""
        return "" in self.article_keys


def retry_scope(vote: AssemblyVote, failed_labels: list[str]) -> RetryScope:
    """The scope to send back, from the vote and the labels of the items that did not pass."""
    if not failed_labels:
        raise DomainError("表决的各项都已通过，没有需要退回修改的条款。")
    failed = [t for t in vote.tallies if t.label in failed_labels]
    return RetryScope(tuple(t.article_key for t in failed), tuple(t.label for t in failed), vote.version_id,
                      vote.version_number)


def retry_blockers(scope: RetryScope, changed: dict[str, str], latest_number: int | None) -> list[str]:
    """Step 6 after a failed vote: `changed` maps each article key changed since the failed version to its label."""
    if latest_number is None or latest_number <= scope.from_number:
        return [f"表决未通过的{'、'.join(scope.labels)}须修改：请在第{scope.from_number}版基础上新建修订版本"]
    if scope.whole_text:
        return [] if changed else [f"第{latest_number}版与表决的第{scope.from_number}版没有任何不同"]
    touched = [k for k in changed if k in scope.article_keys]
    others = [label for k, label in changed.items() if k not in scope.article_keys]
    blockers = []
    if not touched:
        blockers.append(f"还没有修改表决未通过的条款：{'、'.join(scope.labels)}")
    if others:
        blockers.append(f"这次只能修改表决未通过的条款（{'、'.join(scope.labels)}），"
                        f"但{'、'.join(others)}也被改动了，请改回第{scope.from_number}版的文字")
    return blockers
