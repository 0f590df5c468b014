"""What the workflow screen's timeline shows: the nine tiles, what the active step still needs, the step's page
text; and the page stack below it."""
from __future__ import annotations

from datetime import date

from PySide6.QtWidgets import QVBoxLayout, QWidget

from models.workflow.figures import ConsultationFigures
from models.workflow.status import StepView, WorkflowStatus
from models.workflow.steps import StepState, WorkflowStep

STATE_COLOURS = {StepState.PENDING: "#eeeeee", StepState.ACTIVE: "#fff3c4", StepState.DONE: "#d8f0d8",
                 StepState.STALE: "#f8d7d7"}


def tile_text(step: WorkflowStep, view: StepView | None, today: date) -> str:
    """A step's tile: number and name, state, target date (逾期 when missed), its figure in short lines."""
    state = view.status.state if view else StepState.PENDING
    lines = [f"{step.number} {step.label}", state.label]
    if view and view.target:
        late = view.overdue_on is not None and view.overdue_on < today
        lines.append(f"{'逾期' if late else '目标'} {view.target.month}月{view.target.day}日")
    if view:
        lines += _wrap(view.figure, 8)
    return "\n".join(lines)


def guard_text(status: WorkflowStatus | None) -> str:
    """Where the revision stands: not started, finished, or what the active step still needs."""
    if status is None:
        return "这份村规民约还没有开始修订。点“开始修订”进入第一步：两委商议。"
    current = status.current_step
    if current is None:
        return "九个步骤全部完成。以后需要再次修订时，点“开始修订”从第一步开始。"
    found = status.view(current).blockers
    if found:
        return f"进入第{current.number + 1}步前还需要：\n" + "\n".join(f"· {b}" for b in found)
    return f"“{current.label}”已满足条件，可以进入下一步。" if current.number < 9 else "备案已完成，可以张榜执行。"


def page_text(view: StepView | None, figures: ConsultationFigures | None) -> str:
    """The step page's summary: its figure, dates, reopen reason, what is missing, warnings (and step 5's rates)."""
    if view is None:
        return ""
    lines = [f"要点：{view.figure}"]
    if view.status.started_on:
        lines.append(f"开始：{view.status.started_on.isoformat()}")
    if view.status.done_on:
        lines.append(f"完成：{view.status.done_on.isoformat()}")
    if view.status.reopen_reason:
        lines.append(f"退回原因：{view.status.reopen_reason}")
    lines += [f"还缺：{b}" for b in view.blockers] + [f"提醒：{w}" for w in view.warnings]
    if figures is not None:
        channels = "，".join(f"{c.label} {n}" for c, n in figures.by_channel)
        lines.append(f"参与率：{figures.households_reached}/{figures.households_total} 户（{figures.participation}），"
                     f"采纳率 {figures.adopted_share}；按渠道：{channels}")
    return "\n".join(lines)


class CurrentPageStack(QWidget):
    """Pages one above the other with only the current one shown, so the stack is as tall as that page.
    A QStackedWidget takes its tallest page's height (QStackedLayout's height-for-width is the maximum over
    all pages), which left a blank screen's worth of space above 本步附件 on the short steps."""

    def __init__(self) -> None:
        super().__init__()
        self._layout = QVBoxLayout(self)
        self._layout.setContentsMargins(0, 0, 0, 0)
        self._current: QWidget | None = None

    def addWidget(self, page: QWidget) -> None:
        page.setVisible(self._current is None)
        self._current = self._current or page
        self._layout.addWidget(page)

    def setCurrentWidget(self, page: QWidget) -> None:
        for index in range(self._layout.count()):
            other = self._layout.itemAt(index).widget()
            other.setVisible(other is page)
        self._current = page

    def currentWidget(self) -> QWidget | None:
        return self._current


def _wrap(text: str, width: int) -> list[str]:
    """Split a figure such as "36 条意见，4 条未答复" at its commas, then between words to `width` characters.

    A word with a digit (a meeting number "2026-联-01", a date) is never cut; other long words are cut at `width`."""
    lines: list[str] = []
    for part in text.replace("，", "，\n").splitlines():
        line = ""
        for word in part.split(" "):
            pieces = [word] if any(c.isdigit() for c in word) else [word[i:i + width] for i in range(0, len(word), width)]
            for piece in pieces or [""]:
                if line and len(line) + 1 + len(piece) > width:
                    lines.append(line)
                    line = piece
                else:
                    line = f"{line} {piece}" if line else piece
        lines.append(line)
    return lines[:3]
