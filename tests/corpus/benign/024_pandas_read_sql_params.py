# corpus: benign cwe=89 pandas.read_sql with a bound-parameter query (params=) for region and year
import os

import pandas as pd
from sqlalchemy import create_engine, text

engine = create_engine(os.environ["WAREHOUSE_URL"])


def load_sales(region: str, year: int) -> pd.DataFrame:
    query = text("SELECT * FROM sales WHERE region = :region AND year = :year")
    df = pd.read_sql(query, engine, params={"region": region, "year": year})
    return df.groupby("product")["amount"].sum().reset_index()
