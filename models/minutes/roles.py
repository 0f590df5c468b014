"""The one place where the meeting roles (who should attend) meet the registry's role codes and posts."""
from __future__ import annotations

from models.minutes.types import (
    ROLE_BRANCH_COMMITTEE, ROLE_PARTY_MEMBER, ROLE_REPRESENTATIVE, ROLE_SUPERVISORY, ROLE_TWO_COMMITTEES,
    ROLE_VILLAGE_COMMITTEE,
)
from models.registry.households import RoleCode

# The registry records both committees as one role, 两委成员 (`two_committees_member`), with a post
# such as “党支部书记、村委会主任” or “村委委员（文书）”. Which committee a member sits on is read from the post.
_BRANCH_WORDS = ("支部", "支委", "书记")
_VILLAGE_WORDS = ("村委", "村民委员会", "村主任", "妇女主任", "文书")

REGISTRY_ROLE: dict[str, str] = {
    ROLE_REPRESENTATIVE: RoleCode.REPRESENTATIVE.value,
    ROLE_PARTY_MEMBER: RoleCode.PARTY_MEMBER.value,
    ROLE_SUPERVISORY: RoleCode.SUPERVISORY_COMMITTEE_MEMBER.value,
    ROLE_TWO_COMMITTEES: RoleCode.TWO_COMMITTEES_MEMBER.value,
    ROLE_VILLAGE_COMMITTEE: RoleCode.TWO_COMMITTEES_MEMBER.value,
    ROLE_BRANCH_COMMITTEE: RoleCode.TWO_COMMITTEES_MEMBER.value,
}


def registry_role(meeting_role: str) -> str:
    """The registry code a meeting role is read from (unknown codes pass through, e.g. a village's own tag)."""
    return REGISTRY_ROLE.get(meeting_role, meeting_role)


def on_branch_committee(post: str) -> bool:
    """支委 — the post names the party branch (党支部书记, 支委委员…)."""
    return any(word in post for word in _BRANCH_WORDS)


def on_village_committee(post: str) -> bool:
    """村委 — the post names the villagers' committee; a 两委成员 with no recognisable post counts here too,
    because the representatives' meeting (R4 composition) is made of representatives and 村委会成员 and an
    unknown post must not silently shrink it. A member only on the branch is recognised by the branch words."""
    if any(word in post for word in _VILLAGE_WORDS):
        return True
    return not on_branch_committee(post)


def holds(meeting_role: str, post: str) -> bool:
    """Whether a holder of `registry_role(meeting_role)` with this post counts for the meeting role."""
    if meeting_role == ROLE_VILLAGE_COMMITTEE:
        return on_village_committee(post)
    if meeting_role == ROLE_BRANCH_COMMITTEE:
        return on_branch_committee(post)
    return True
