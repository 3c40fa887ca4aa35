# corpus: insecure cwe=798 SMTP account password hard-coded in the smtp.login call in send_alert()
import smtplib
import ssl
from email.message import EmailMessage


def send_alert(subject: str, body: str, to: str = "oncall@example.com") -> None:
    msg = EmailMessage()
    msg["From"] = "alerts@example.com"
    msg["To"] = to
    msg["Subject"] = subject
    msg.set_content(body)
    ctx = ssl.create_default_context()
    with smtplib.SMTP_SSL("smtp.example.com", 465, context=ctx, timeout=15) as smtp:
        smtp.login("alerts@example.com", "h8Dk2!vPq7sLmW3e")
        smtp.send_message(msg)
