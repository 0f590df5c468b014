"""从备份恢复 on the settings screen: choose a backup, confirm, restore; then the window closes (log in again)."""
from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QDialog, QFileDialog, QMessageBox, QWidget

from models.core.errors import DomainError
from models.core.ports import BackupService


def choose_backup(parent: QWidget, folder: str) -> Path | None:
    """The backup file to restore, starting in the backups folder (None: cancelled)."""
    path, _ = QFileDialog.getOpenFileName(parent, parent.tr("选择要恢复的备份"), folder,
                                          parent.tr("乡约备份 (*.sqlite3)"))
    return Path(path) if path else None


def _restore_from_another_pc(parent: QWidget, backups: BackupService, backup: Path) -> list[str] | None:
    """A backup encrypted on another PC opens with one of its own accounts (its keyring copy is beside it): the
    login dialog asks for one and restores with it (None: cancelled)."""
    from ui.core.login import LoginDialog

    dialog = LoginDialog(lambda username, password: backups.restore(backup, (username, password)),
                         parent.tr("这个备份来自另一台电脑 — 请用备份里的账户和密码打开它"), parent=parent)
    try:
        accepted = dialog.exec() == QDialog.DialogCode.Accepted
        notes: list[str] | None = dialog.result_value if accepted else None
        return notes
    finally:
        dialog.deleteLater()


def restore_from_backup(parent: QWidget, backups: BackupService) -> bool:
    """Ask, restore and say what happened; True when the data was replaced (every open screen is now stale,
    and the account logged in may not exist in the backup: the caller closes the window)."""
    backup = choose_backup(parent, backups.backup_folder())
    if backup is None:
        return False
    answer = QMessageBox.question(parent, parent.tr("从备份恢复"), parent.tr(
        "用备份“%1”替换本机的全部数据吗？\n\n替换之前，现在的数据会先另存到备份文件夹。"
        "恢复后乡约会关闭，请重新打开并登录。").replace("%1", backup.name))
    if answer != QMessageBox.StandardButton.Yes:
        return False
    try:
        notes = _restore_from_another_pc(parent, backups, backup) if backups.needs_account(backup) else \
            backups.restore(backup)
    except DomainError as error:
        QMessageBox.warning(parent, parent.tr("无法恢复"), error.message)
        return False
    if notes is None:
        return False
    QMessageBox.information(parent, parent.tr("已从备份恢复"), "\n".join(
        [parent.tr("已从备份“%1”恢复。").replace("%1", backup.name), *notes,
         parent.tr("乡约现在关闭，请重新打开并登录。")]))
    return True
