# corpus: insecure cwe=78 subprocess.check_call with shell=True and user-chosen codec and file names in transcode()
import subprocess
from dataclasses import dataclass


@dataclass
class TranscodeJob:
    input_path: str
    output_name: str
    codec: str = "libx264"


def transcode(job: TranscodeJob) -> None:
    """Called by the job worker with fields taken from the customer's upload form."""
    subprocess.check_call(
        f"ffmpeg -y -i {job.input_path} -c:v {job.codec} /srv/out/{job.output_name}",
        shell=True,
    )
