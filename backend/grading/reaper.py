"""Starts the sandbox and reaps every process it orphans.

bubblewrap's helper processes can outlive their parents; on a host whose PID 1
does not reap orphans they would stay zombies and count against the sandbox
uid's process limit. This script makes itself a child subreaper, runs its
arguments, waits for every descendant, and exits as its child did (128 + signal
when a signal ended it). SIGTERM kills the child so that reaping still happens.
Standard library only; it runs outside the sandbox, as the sandbox uid.
"""

import ctypes
import os
import signal
import sys

PR_SET_CHILD_SUBREAPER = 36


def main(argv: list[str]) -> int:
    ctypes.CDLL(None, use_errno=True).prctl(PR_SET_CHILD_SUBREAPER, 1, 0, 0, 0)
    child = os.fork()
    if child == 0:
        os.execvp(argv[0], argv)  # noqa: S606 - argv is the sandbox command we built
    signal.signal(signal.SIGTERM, lambda *_: os.kill(child, signal.SIGKILL))
    exit_code = 1
    while True:
        try:
            pid, status = os.wait()
        except ChildProcessError:
            return exit_code
        except InterruptedError:
            continue
        if pid == child:
            code = os.waitstatus_to_exitcode(status)
            exit_code = 128 - code if code < 0 else code


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
