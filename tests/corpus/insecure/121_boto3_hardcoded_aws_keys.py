# corpus: insecure cwe=798 AWS access key id and secret key hard-coded in the boto3 client in upload_report()
import boto3

s3 = boto3.client(
    "s3",
    region_name="eu-west-1",
    aws_access_key_id="AKIA1W59KWRAFJ2DWVDM",
    aws_secret_access_key="DNo3vKU7MKLeVAyV7hGBuc/Vzk693ZNSbd8zL1i6",
)


def upload_report(path: str, key: str) -> str:
    s3.upload_file(path, "acme-reports", key)
    return f"s3://acme-reports/{key}"
