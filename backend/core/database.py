"""The embedded SQLite database is readable by its owner only.

It holds password hashes and session keys (valid X-Session-Token values), so a
file created with the default 0644 would hand them to any other local user,
including code run by a misconfigured grader.
"""

import contextlib
import os
import stat

from django.db.backends.signals import connection_created


def owner_only(sender, connection, **kwargs) -> None:
    if connection.vendor != "sqlite":
        return
    path = str(connection.settings_dict.get("NAME") or "")
    if not path or path == ":memory:" or path.startswith("file:"):
        return
    for candidate in (path, f"{path}-wal", f"{path}-shm", f"{path}-journal"):
        with contextlib.suppress(FileNotFoundError):
            if stat.S_IMODE(os.stat(candidate).st_mode) & 0o077:
                os.chmod(candidate, 0o600)


def connect_signals() -> None:
    connection_created.connect(owner_only, dispatch_uid="core.database.owner_only")
