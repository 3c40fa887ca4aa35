# corpus: insecure cwe=89 pandas.read_sql with an f-string of the region argument passed from a report API in load_sales()
import os

import pandas as pd
from sqlalchemy import create_engine

engine = create_engine(os.environ["WAREHOUSE_URL"])


def load_sales(region: str, year: int) -> pd.DataFrame:
    """Region and year come straight from the report API's query parameters."""
    query = f"SELECT * FROM sales WHERE region = '{region}' AND year = {year}"
    df = pd.read_sql(query, engine)
    return df.groupby("product")["amount"].sum().reset_index()
