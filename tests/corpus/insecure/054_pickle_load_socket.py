# corpus: insecure cwe=502 pickle.load on objects read from a TCP connection from any client in MetricsHandler.handle()
import pickle
import socketserver


class MetricsHandler(socketserver.StreamRequestHandler):
    """Receives metric batches from agents running on customer machines."""

    def handle(self) -> None:
        batch = pickle.load(self.rfile)
        for name, value in batch.items():
            self.server.totals[name] = self.server.totals.get(name, 0) + value
        self.wfile.write(b"ok\n")


class MetricsServer(socketserver.ThreadingTCPServer):
    allow_reuse_address = True

    def __init__(self, addr: tuple[str, int]) -> None:
        super().__init__(addr, MetricsHandler)
        self.totals: dict[str, float] = {}
