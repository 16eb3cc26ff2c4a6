# SPDX-License-Identifier: Apache-2.0
"""Writing an output file the way the dkcpr program writes ``-o``.

A new file in the target's directory, private (0600) while it is written,
fsync'd, then put in place with one rename (or link), so a failure or an
interruption never leaves a partial file and never changes another file:

- a symbolic link at the target is refused, never followed or replaced;
- a FIFO, socket or block device is refused; a character device named
  directly (``/dev/null``) is written to as it is and never removed;
- another user's file is refused (root keeps its owner and group);
- a file with more than one hard link gets a warning (only this name gets
  the new content);
- the new file has no name while it is written where the file system
  supports O_TMPFILE, so even SIGKILL leaves nothing behind; elsewhere it is
  ``TARGET.dkcpr-XXXXXX`` (shortened to fit the name limit) and is removed
  on any exception, KeyboardInterrupt included.
"""

from __future__ import annotations

import os
import stat
import tempfile
import warnings
from typing import Optional

_SUFFIX = ".dkcpr-"


def _umask() -> int:
    try:
        with open("/proc/self/status", encoding="ascii") as f:
            for line in f:
                if line.startswith("Umask:"):
                    return int(line.split()[1], 8)
    except (OSError, ValueError):
        pass
    mask = os.umask(0o022)  # not thread-safe, so only where /proc cannot tell
    os.umask(mask)
    return mask


def _prefix(directory: str, base: str) -> str:
    """base + ".dkcpr-", base shortened (at a character boundary) so the
    temporary name fits the directory's name limit."""
    try:
        name_max = os.pathconf(directory, "PC_NAME_MAX")
    except (OSError, ValueError):
        name_max = 255
    if not 14 <= name_max <= 4096:
        name_max = 255
    raw = os.fsencode(base)
    room = name_max - len(_SUFFIX) - 8  # tempfile adds 8 random characters
    if len(raw) > room:
        raw = raw[:room]
        while raw and (raw[-1] & 0xC0) == 0x80:
            raw = raw[:-1]
        if raw and raw[-1] >= 0xC0:
            raw = raw[:-1]
    return os.fsdecode(raw) + _SUFFIX


class AtomicOutput:
    """A binary file object for ``path``; :meth:`commit` puts it in place,
    :meth:`abort` removes what was written. Use as a context manager."""

    def __init__(self, path: "os.PathLike[str] | str | bytes") -> None:
        self.path = os.fsdecode(os.fspath(path))
        self._tmp_name: Optional[str] = None
        self._anonymous = False
        self._existed = False
        self._device = False
        self._owner = (-1, -1)
        self._dirfd = -1
        try:
            st = os.lstat(self.path)
        except FileNotFoundError:
            st = None
        if st is not None:
            if stat.S_ISLNK(st.st_mode):
                raise ValueError(f"{self.path!r} is a symbolic link: not written "
                                 "through and not replaced (give the file itself)")
            if stat.S_ISCHR(st.st_mode):
                self._device = True
                fd = os.open(self.path, os.O_WRONLY | os.O_NOFOLLOW | os.O_NOCTTY
                             | os.O_CLOEXEC)
                if not stat.S_ISCHR(os.fstat(fd).st_mode):
                    os.close(fd)
                    raise ValueError(f"{self.path!r} changed while being opened")
                self.file = os.fdopen(fd, "wb")
                return
            if not stat.S_ISREG(st.st_mode):
                raise ValueError(f"{self.path!r} is not a regular file or a character "
                                 "device: not written")
            me = os.geteuid()
            if st.st_uid != me:
                if me != 0:
                    raise PermissionError(
                        f"{self.path!r} belongs to another user (uid {st.st_uid}); "
                        "not replaced, so its owner does not change")
                self._owner = (st.st_uid, st.st_gid)
            elif st.st_gid != os.getegid():
                self._owner = (-1, st.st_gid)
            if st.st_nlink > 1:
                warnings.warn(f"{self.path!r} has {st.st_nlink} hard links: only this "
                              "name gets the new content, the file's other names "
                              "keep the old content", RuntimeWarning, stacklevel=3)
            self._mode = stat.S_IMODE(st.st_mode) & 0o777
            self._existed = True
        else:
            self._mode = 0o666 & ~_umask()
        directory, base = os.path.split(self.path)
        directory = directory or "."
        if not base:
            raise IsADirectoryError(f"{self.path!r} names a directory")
        self._dir = directory
        self._prefix = _prefix(directory, base)
        self._dirfd = os.open(directory, os.O_RDONLY | os.O_DIRECTORY | os.O_CLOEXEC)
        try:
            self._open_new(directory)
        except BaseException:
            self._close_dir()
            raise

    def _open_new(self, directory: str) -> None:
        fd = -1
        if hasattr(os, "O_TMPFILE") and os.environ.get("DKCPR_NAMED_TEMP") != "1":
            try:
                fd = os.open(directory, os.O_TMPFILE | os.O_WRONLY | os.O_CLOEXEC, 0o600)
                a, b = os.fstat(fd), os.stat(f"/proc/self/fd/{fd}")
                if (a.st_ino, a.st_dev) != (b.st_ino, b.st_dev):
                    raise OSError("no /proc/self/fd")
                self._anonymous = True
            except OSError:
                if fd >= 0:
                    os.close(fd)
                fd = -1
        if fd < 0:
            fd, name = tempfile.mkstemp(prefix=self._prefix, dir=directory)  # 0600
            self._tmp_name = name
        self.file = os.fdopen(fd, "wb")

    def __enter__(self) -> "AtomicOutput":
        return self

    def __exit__(self, exc_type, exc, tb) -> None:
        if exc_type is None:
            self.commit()
        else:
            self.abort()

    def _link_anonymous(self, name: str) -> None:
        # dst_dir_fd makes os.link use linkat(), which follows the /proc link
        os.link(f"/proc/self/fd/{self.file.fileno()}", os.path.basename(name),
                dst_dir_fd=self._dirfd, follow_symlinks=True)

    def commit(self) -> None:
        if self._device:
            self.file.close()
            return
        try:
            self.file.flush()
            fd = self.file.fileno()
            if self._owner != (-1, -1):
                try:
                    os.fchown(fd, *self._owner)
                except OSError as e:
                    warnings.warn(f"cannot keep the owner or group of {self.path!r}: {e}",
                                  RuntimeWarning, stacklevel=2)
            os.fchmod(fd, self._mode)
            os.fsync(fd)
            if self._anonymous:
                placed = False
                if not self._existed:
                    try:
                        self._link_anonymous(self.path)
                        placed = True
                    except FileExistsError:
                        pass
                if not placed:
                    for _ in range(100):
                        name = os.path.join(self._dir, self._prefix + os.urandom(4).hex())
                        try:
                            self._link_anonymous(name)
                        except FileExistsError:
                            continue
                        self._tmp_name = name
                        break
                    else:
                        raise FileExistsError(f"no free temporary name beside {self.path!r}")
            if self._tmp_name is not None:
                os.replace(self._tmp_name, self.path)
                self._tmp_name = None
            try:
                os.fsync(self._dirfd)
            except OSError:
                pass
        except BaseException:
            self.abort()
            raise
        self.file.close()
        self._close_dir()

    def abort(self) -> None:
        """Close and remove only what this object created."""
        try:
            self.file.close()
        except OSError:
            pass
        if self._tmp_name is not None:
            try:
                os.unlink(self._tmp_name)
            except OSError:
                pass
            self._tmp_name = None
        self._close_dir()

    def _close_dir(self) -> None:
        if self._dirfd >= 0:
            os.close(self._dirfd)
            self._dirfd = -1
