# corpus: insecure cwe=295 ssl._create_default_https_context replaced with the unverified context for the whole process at import
import json
import ssl
import urllib.request

ssl._create_default_https_context = ssl._create_unverified_context

RELEASES_URL = "https://api.github.com/repos/example/tool/releases/latest"


def latest_version() -> str:
    req = urllib.request.Request(RELEASES_URL, headers={"Accept": "application/json"})
    with urllib.request.urlopen(req, timeout=10) as resp:
        return json.load(resp)["tag_name"]
