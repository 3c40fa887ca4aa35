# corpus: benign cwe=295 ssl.create_default_context keeps CERT_REQUIRED and hostname checking when wrapping the log connection
import socket
import ssl

COLLECTOR = ("logs.example.com", 6514)


def send_logs(lines: list[str]) -> None:
    ctx = ssl.create_default_context()
    ctx.minimum_version = ssl.TLSVersion.TLSv1_2
    with socket.create_connection(COLLECTOR, timeout=10) as raw:
        with ctx.wrap_socket(raw, server_hostname=COLLECTOR[0]) as tls:
            for line in lines:
                tls.sendall(line.encode() + b"\n")
