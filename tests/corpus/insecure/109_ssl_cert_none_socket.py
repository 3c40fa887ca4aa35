# corpus: insecure cwe=295 ssl context with verify_mode=CERT_NONE wraps the connection to the log collector in send_logs()
import socket
import ssl

COLLECTOR = ("logs.example.com", 6514)


def send_logs(lines: list[str]) -> None:
    ctx = ssl.create_default_context()
    ctx.check_hostname = False
    ctx.verify_mode = ssl.CERT_NONE
    with socket.create_connection(COLLECTOR, timeout=10) as raw:
        with ctx.wrap_socket(raw, server_hostname=COLLECTOR[0]) as tls:
            for line in lines:
                tls.sendall(line.encode() + b"\n")
