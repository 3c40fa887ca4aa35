# corpus: benign cwe=798 boto3 client relies on the default credential chain (env, profile, instance role); no keys in code
import boto3

s3 = boto3.client("s3", region_name="eu-west-1")


def upload_report(path: str, key: str) -> str:
    s3.upload_file(path, "acme-reports", key, ExtraArgs={"ServerSideEncryption": "AES256"})
    return f"s3://acme-reports/{key}"
