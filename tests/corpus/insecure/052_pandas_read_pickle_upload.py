# corpus: insecure cwe=502 pandas.read_pickle on a dataset file uploaded through the analytics UI in preview_dataset()
import pandas as pd
from flask import Flask, request

app = Flask(__name__)


@app.post("/datasets/preview")
def preview_dataset():
    upload = request.files["dataset"]
    df = pd.read_pickle(upload.stream, compression=None)
    return {
        "columns": list(df.columns),
        "rows": int(len(df)),
        "head": df.head(5).to_dict(orient="records"),
    }
