"""Work-arounds for defects of the Qt binding that the app must not crash on."""
from __future__ import annotations

import sys

_done = False


def keep_none_alive() -> None:
    """Make `None` effectively immortal on Python < 3.12, as Python 3.12 does by design (PEP 683).

    PySide6 6.12.0 drops one reference to None on every wrapped call that returns nothing
    (QLabel.setText, QWidget.setEnabled …). On Python 3.11 None's count then reaches zero after some
    ten thousand calls and the interpreter aborts ("none_dealloc"), which a clerk's working day easily
    reaches. 6.11.3 does not have the defect, but QtPdf (the print preview) ships as PySide6_Pdf only
    for 6.12. Raising the count by 2**40 once keeps it far from zero for any realistic session.
    `Signal.emit` likewise drops a reference to True on every call (its result): True gets the same raise, and
    False too, in case another call does the same to it.
    """
    global _done
    if _done or sys.version_info >= (3, 12) or sys.implementation.name != "cpython":
        return
    import ctypes

    for constant in (None, True, False):
        refcount = ctypes.c_ssize_t.from_address(id(constant))  # ob_refcnt is the first field of every object
        refcount.value += 1 << 40
    _done = True
