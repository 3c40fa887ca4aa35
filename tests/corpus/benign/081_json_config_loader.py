# corpus: benign cwe=0 loads the app's own JSON config file with defaults and type checks
import json
from dataclasses import dataclass
from pathlib import Path


@dataclass
class AppConfig:
    page_size: int = 25
    theme: str = "light"
    features: tuple[str, ...] = ()


def load_config(path: Path) -> AppConfig:
    if not path.exists():
        return AppConfig()
    raw = json.loads(path.read_text(encoding="utf-8"))
    return AppConfig(
        page_size=int(raw.get("page_size", 25)),
        theme=str(raw.get("theme", "light")),
        features=tuple(str(f) for f in raw.get("features", [])),
    )
