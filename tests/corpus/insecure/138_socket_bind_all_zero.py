# corpus: insecure cwe=605 metrics TCP server binds to ('0.0.0.0', 9100) in serve()
import json
import socket

from .metrics import snapshot


def serve(port: int = 9100) -> None:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as srv:
        srv.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        srv.bind(("0.0.0.0", port))
        srv.listen()
        while True:
            conn, _ = srv.accept()
            with conn:
                conn.sendall(json.dumps(snapshot()).encode() + b"\n")
