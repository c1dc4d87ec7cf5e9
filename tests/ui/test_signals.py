"""PySide6 6.12.0 on Python 3.11 leaks a reference to True on each Signal.emit and aborts the process
after a few hundred emits ("bool_dealloc"). pyproject pins PySide6<6.12; this test proves the pin holds."""

from PySide6.QtCore import QObject, Signal


class Emitter(QObject):
    fired = Signal(bool)


def test_ten_thousand_signal_emits_do_not_crash(qapp):
    emitter = Emitter()
    received = []
    emitter.fired.connect(received.append)
    for i in range(10_000):
        emitter.fired.emit(i % 2 == 0)
    assert len(received) == 10_000
    assert received[:2] == [True, False]
