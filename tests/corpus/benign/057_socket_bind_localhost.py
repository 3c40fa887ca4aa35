# corpus: benign cwe=605 metrics server binds to 127.0.0.1 only
import json
import socket

from .metrics import snapshot


def serve(port: int = 9100) -> None:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as srv:
        srv.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        srv.bind(("127.0.0.1", port))
        srv.listen()
        while True:
            conn, _ = srv.accept()
            with conn:
                conn.sendall(json.dumps(snapshot()).encode() + b"\n")
