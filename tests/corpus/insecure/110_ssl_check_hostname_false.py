# corpus: insecure cwe=295 check_hostname=False on an SSL context used for SMTP STARTTLS (any valid cert for any host accepted) in send_mail()
import os
import smtplib
import ssl
from email.message import EmailMessage


def send_mail(to: str, subject: str, body: str) -> None:
    ctx = ssl.create_default_context()
    ctx.check_hostname = False
    msg = EmailMessage()
    msg["From"] = "noreply@example.com"
    msg["To"] = to
    msg["Subject"] = subject
    msg.set_content(body)
    with smtplib.SMTP("smtp.example.com", 587, timeout=15) as smtp:
        smtp.starttls(context=ctx)
        smtp.login(os.environ["SMTP_USER"], os.environ["SMTP_PASSWORD"])
        smtp.send_message(msg)
