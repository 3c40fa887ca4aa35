"""The library's entry points: :func:`check` judges a change and returns the signed
verdict; :func:`verify` checks a signed verdict as an auditor would. The ``gate``
command and the demo are thin layers over them."""

from __future__ import annotations

from dataclasses import dataclass

from gate.pipeline import Request, Run, run
from gate.signing.dsse import Envelope, sign_verdict
from gate.signing.interface import Signer
from gate.signing.verify import Verified, verify
from gate.verdict import Verdict

__all__ = ["Request", "Signed", "Verified", "check", "verify"]


@dataclass(frozen=True)
class Signed:
    """A verdict and the DSSE envelope that signs it."""

    run: Run
    """The verdict, and each check's raw output (what the verdict digests)."""
    envelope: Envelope
    """The signed in-toto statement (``verdict.dsse.json``)."""
    keyid: str
    """The signing key's id."""

    @property
    def verdict(self) -> Verdict:
        """The decision, with every finding and check outcome."""
        return self.run.verdict


def check(request: Request, signer: Signer) -> Signed:
    """Judge the change ``request`` names and sign the verdict with ``signer``. Raises
    :class:`gate.errors.GateError` for bad input or a gate that cannot run; a tool that
    fails makes its check errored, which fails the verdict."""
    result = run(request)
    envelope = sign_verdict(result.verdict, signer)
    return Signed(run=result, envelope=envelope, keyid=signer.keyid)
