"""Accounts, roles and what each role may do; the login lockout rule."""
from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from models.core.errors import DomainError, PermissionDenied

MIN_PASSWORD_LENGTH = 6
FREE_ATTEMPTS = 5
MAX_DELAY_SECONDS = 15 * 60
DEFAULT_IDLE_LOCK_MINUTES = 15


class Role(StrEnum):
    """用户角色 — stored by English code, shown by Chinese label."""

    ADMIN = "admin"
    CLERK = "clerk"
    APPROVER = "approver"
    SUPERVISOR = "supervisor"
    TOWNSHIP_REVIEWER = "township_reviewer"

    @property
    def label(self) -> str:
        return _ROLE_LABELS[self]


_ROLE_LABELS = {
    Role.ADMIN: "管理员",
    Role.CLERK: "文书",
    Role.APPROVER: "审核人",
    Role.SUPERVISOR: "监督人",
    Role.TOWNSHIP_REVIEWER: "乡镇审核员",
}


class Permission(StrEnum):
    """操作权限 — one kind of act a role may perform."""

    MANAGE_USERS = "manage_users"
    EDIT_PROFILE = "edit_profile"
    EDIT_RECORDS = "edit_records"
    APPROVE = "approve"
    SUPERVISE = "supervise"
    REVIEW_FILINGS = "review_filings"
    BACKUP_RESTORE = "backup_restore"
    VIEW_ID_NUMBERS = "view_id_numbers"

    @property
    def label(self) -> str:
        return _PERMISSION_LABELS[self]


_PERMISSION_LABELS = {
    Permission.MANAGE_USERS: "管理用户",
    Permission.EDIT_PROFILE: "修改村庄信息",
    Permission.EDIT_RECORDS: "录入和修改记录",
    Permission.APPROVE: "审核批准",
    Permission.SUPERVISE: "监督审核",
    Permission.REVIEW_FILINGS: "审查备案",
    Permission.BACKUP_RESTORE: "备份与恢复",
    Permission.VIEW_ID_NUMBERS: "查看完整身份证号",
}

_GRANTS: dict[Role, frozenset[Permission]] = {
    Role.ADMIN: frozenset(Permission) - {Permission.REVIEW_FILINGS},
    Role.CLERK: frozenset({Permission.EDIT_RECORDS, Permission.VIEW_ID_NUMBERS, Permission.BACKUP_RESTORE}),
    Role.APPROVER: frozenset({Permission.EDIT_RECORDS, Permission.APPROVE, Permission.VIEW_ID_NUMBERS}),
    Role.SUPERVISOR: frozenset({Permission.SUPERVISE}),
    Role.TOWNSHIP_REVIEWER: frozenset({Permission.REVIEW_FILINGS}),
}


@dataclass(frozen=True)
class Actor:
    """操作人 — who is acting: a logged-in user, or the local command line."""

    user_id: str
    name: str
    role: Role
    username: str = ""

    def can(self, permission: Permission) -> bool:
        return permission in _GRANTS[self.role]

    def require(self, permission: Permission) -> None:
        """Raise PermissionDenied (Chinese message) unless this actor holds `permission`."""
        if not self.can(permission):
            raise PermissionDenied(
                f"“{self.name}”的角色为{self.role.label}，无权{permission.label}。请换用有此权限的账户登录。"
            )


# Whoever runs the command line already holds the database file, so it acts as administrator;
# its entries in the audit log say so.
COMMAND_LINE_ACTOR = Actor(user_id="cli", name="命令行", role=Role.ADMIN, username="cli")


@dataclass(frozen=True)
class User:
    """用户 — a local account; the password hash never leaves storage."""

    id: str
    username: str
    display_name: str
    role: Role
    active: bool = True

    def as_actor(self) -> Actor:
        return Actor(self.id, self.display_name or self.username, self.role, self.username)


def validate_username(username: str) -> str:
    name = username.strip()
    if not name or len(name) > 32 or any(ch.isspace() for ch in name):
        raise DomainError("用户名不能为空、不能含空格，最长 32 个字符。")
    return name


def validate_password(password: str) -> None:
    if len(password) < MIN_PASSWORD_LENGTH:
        raise DomainError(f"密码至少需要 {MIN_PASSWORD_LENGTH} 个字符。")


def login_delay_seconds(consecutive_failures: int) -> int:
    """Seconds the next try must wait: none for the first five misses, then doubling from 30 s."""
    if consecutive_failures < FREE_ATTEMPTS:
        return 0
    delay: int = 30 * 2 ** (consecutive_failures - FREE_ATTEMPTS)  # int: the exponent is never negative here
    return min(delay, MAX_DELAY_SECONDS)
