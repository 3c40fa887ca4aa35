# corpus: insecure cwe=78 os.system converts a document whose name is supplied by the task caller in a Celery task
import os

from celery import Celery

app = Celery("docs", broker=os.environ.get("BROKER_URL", "redis://localhost:6379/0"))
OUTPUT_DIR = "/srv/exports"


@app.task
def convert_to_pdf(document_name: str) -> str:
    os.system(
        "libreoffice --headless --convert-to pdf --outdir %s /srv/docs/%s"
        % (OUTPUT_DIR, document_name)
    )
    base, _ = os.path.splitext(document_name)
    return os.path.join(OUTPUT_DIR, base + ".pdf")
