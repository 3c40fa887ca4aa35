# corpus: insecure cwe=377 fixed file name sync-agent.pid in the shared temp dir (gettempdir) written without O_EXCL in write_pidfile()
import os
import tempfile

PIDFILE = os.path.join(tempfile.gettempdir(), "sync-agent.pid")


def write_pidfile() -> None:
    with open(PIDFILE, "w") as fh:
        fh.write(str(os.getpid()))


def remove_pidfile() -> None:
    try:
        os.unlink(PIDFILE)
    except FileNotFoundError:
        pass
