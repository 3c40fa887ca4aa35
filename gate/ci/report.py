"""The Markdown a CI system shows (a job summary, a pull-request comment): the verdict's
report under a line on authorship and on what the signature shows, fitted into a size."""

from __future__ import annotations

from gate.ci.interface import Judgement
from gate.formats import markdown

_KEY_LINES = {
    "given": "",
    "verified": "",
    "ephemeral": "> Signed with a key made for this run only (no `signing-key` given): the "
    "signature shows the files were not altered since, not who made them.\n",
    "unverified": "> **Unverified**: reported by the pull request's own workflow run, and no "
    "key the repository trusts checked its signature (give the publishing job "
    "`public-key`).\n",
}


def report(judgement: Judgement, limit: int) -> str:
    """The report of ``judgement``, at most ``limit`` bytes."""
    head = f"`{judgement.head[:12]}`" if judgement.head else "this change"
    if judgement.result == "ERROR":
        return f"## ❌ mergegate could not judge {head}\n\n{_reason(judgement)}\n"
    preface = f"{_authorship(judgement)}\n\n{_KEY_LINES[judgement.key]}"
    if judgement.verdict is None:
        return f"## mergegate: SKIPPED {head}\n\n{preface}\n{_reason(judgement)}\n"
    body = markdown.render(
        judgement.verdict,
        keyids=judgement.keyids,
        max_bytes=limit - len(preface.encode()) - 1,
    )
    title, _, rest = body.partition("\n\n")
    return f"{title}\n\n{preface}\n{rest}"


def _reason(judgement: Judgement) -> str:
    # From another job's record it is untrusted text: bounded, and shown as text.
    return markdown.text((judgement.reason or "")[:2000])


def _authorship(judgement: Judgement) -> str:
    if not judgement.signals:
        return "No sign of AI authorship was seen (the default profile applies all the same)."
    seen = ", ".join(
        f"`{markdown.code(str(s))}` ({markdown.text(s.where)})" for s in judgement.signals
    )
    return f"**AI-authored**: {seen}. Judged by the default profile."
