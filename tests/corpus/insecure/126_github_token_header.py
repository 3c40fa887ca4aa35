# corpus: insecure cwe=798 GitHub personal access token hard-coded in request headers in open_issue()
import requests

GITHUB_API = "https://api.github.com"
HEADERS = {
    "Accept": "application/vnd.github+json",
    "Authorization": "token ghp_4YQMrsHIuQJbi99fyQC0rMveZL4UguohmA24",
}


def open_issue(repo: str, title: str, body: str) -> int:
    resp = requests.post(
        f"{GITHUB_API}/repos/{repo}/issues",
        headers=HEADERS,
        json={"title": title, "body": body},
        timeout=10,
    )
    resp.raise_for_status()
    return resp.json()["number"]
