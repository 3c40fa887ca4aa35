# corpus: insecure cwe=611 xml.sax parser with feature_external_ges enabled parses a partner's XML feed in parse_feed()
import io
import xml.sax
from xml.sax.handler import ContentHandler, feature_external_ges


class TitleCollector(ContentHandler):
    def __init__(self) -> None:
        super().__init__()
        self.titles: list[str] = []
        self._in_title = False

    def startElement(self, name, attrs):
        self._in_title = name == "title"

    def characters(self, content):
        if self._in_title:
            self.titles.append(content)


def parse_feed(data: bytes) -> list[str]:
    parser = xml.sax.make_parser()
    parser.setFeature(feature_external_ges, True)
    handler = TitleCollector()
    parser.setContentHandler(handler)
    parser.parse(io.BytesIO(data))
    return handler.titles
