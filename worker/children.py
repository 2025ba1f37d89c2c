"""Child processes that stop when the process that started them dies (tests, benchmarks)."""

from __future__ import annotations

import ctypes
import os
import signal
import sys
from collections.abc import Callable

_PR_SET_PDEATHSIG = 1

# Looked up once, here: the child between fork and exec then only calls it (no import, no dlopen, whose
# locks another thread of the parent may have held at the fork).
_prctl: Callable[..., int] | None = None
if sys.platform.startswith("linux"):
    _prctl = ctypes.CDLL(None, use_errno=True).prctl


def die_with_parent() -> None:
    """Ask Linux to send SIGTERM to this process when its parent dies: a ``preexec_fn`` for ``Popen``.

    Without it, a test run or a benchmark killed by SIGKILL (a CI time-out, say) leaves its redis-server
    and Celery workers running, holding ports and CPU. The signal follows the *thread* that started the
    child, so start such children from the main thread. Elsewhere than Linux, nothing.
    """
    if _prctl is None:
        return
    parent = os.getppid()
    _prctl(_PR_SET_PDEATHSIG, signal.SIGTERM, 0, 0, 0)
    if os.getppid() != parent:  # the parent died before the request: nobody will send the signal
        os.kill(os.getpid(), signal.SIGTERM)
