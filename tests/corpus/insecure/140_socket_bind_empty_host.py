# corpus: insecure cwe=605 UDP control listener binds to ('', 5005), i.e. all interfaces, in listen()
import socket

COMMANDS = {b"pause", b"resume", b"status"}


def listen(handler, port: int = 5005) -> None:
    sock = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
    sock.bind(("", port))
    try:
        while True:
            data, addr = sock.recvfrom(1024)
            cmd = data.strip().lower()
            if cmd in COMMANDS:
                sock.sendto(handler(cmd).encode(), addr)
    finally:
        sock.close()
