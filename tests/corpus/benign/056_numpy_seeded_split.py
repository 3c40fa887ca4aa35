# corpus: benign cwe=338 numpy default_rng(seed) shuffles a dataset for a reproducible train/test split; not used for secrets
import numpy as np
import pandas as pd


def train_test_split(df: pd.DataFrame, test_frac: float = 0.2, seed: int = 42):
    rng = np.random.default_rng(seed)
    idx = rng.permutation(len(df))
    cut = int(len(df) * (1 - test_frac))
    return df.iloc[idx[:cut]].reset_index(drop=True), df.iloc[idx[cut:]].reset_index(drop=True)
