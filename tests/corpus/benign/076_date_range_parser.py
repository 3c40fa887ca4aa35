# corpus: benign cwe=0 parses ISO date ranges from query strings with datetime.date.fromisoformat
from datetime import date, timedelta


def parse_range(start: str | None, end: str | None, default_days: int = 30) -> tuple[date, date]:
    today = date.today()
    end_date = date.fromisoformat(end) if end else today
    start_date = date.fromisoformat(start) if start else end_date - timedelta(days=default_days)
    if start_date > end_date:
        raise ValueError("start must not be after end")
    if (end_date - start_date).days > 366:
        raise ValueError("range too long")
    return start_date, end_date


def days_in(start: date, end: date) -> list[date]:
    return [start + timedelta(days=i) for i in range((end - start).days + 1)]
