"""Hostile programs, each run inside the sandbox by the containment tests. Each prints
ESCAPED when it got out of its box."""

HOSTILE = {
    "socket_loopback": """
import socket
try:
    socket.create_connection(("127.0.0.1", 2375), timeout=2)
    print("ESCAPED")
except OSError as exc:
    print("blocked", exc)
""",
    "socket_public": """
import socket
try:
    socket.create_connection(("192.0.2.1", 80), timeout=2)
    print("ESCAPED")
except OSError as exc:
    print("blocked", exc)
""",
    "write_outside_tmp": """
import os
for target in ("/workspace/owned", "/etc/owned", "/owned", "/opt/gate/owned",
               "/workspace/head/owned"):
    try:
        with open(target, "w") as handle:
            handle.write("x")
        print("ESCAPED", target)
    except OSError as exc:
        print("blocked", target, exc.errno)
with open("/tmp/scratch", "w") as handle:
    handle.write("fine")
print("tmp ok")
""",
    "read_secrets": """
import os
for target in ("/root", "/var/run/docker.sock", "/run/docker.sock", "/etc/shadow"):
    try:
        if os.path.isdir(target):
            os.listdir(target)
        else:
            open(target, "rb").read(1)
        print("ESCAPED", target)
    except OSError as exc:
        print("blocked", target, exc.errno)
print("uid", os.getuid())
""",
    "fork_bomb": """
import os, time
children = 0
try:
    while True:
        if os.fork() == 0:
            time.sleep(60)
            os._exit(0)
        children += 1
except OSError as exc:
    print("fork refused after", children, exc.errno)
""",
    "allocate_4g": """
block = bytearray(4 * 1024 ** 3)
print("ESCAPED", len(block))
""",
    "loop_forever": """
while True:
    pass
""",
    "print_1g": """
import sys
chunk = "x" * (1024 * 1024)
for _ in range(1024):
    sys.stdout.write(chunk)
print("ESCAPED")
""",
}
