# corpus: insecure cwe=352 Flask-WTF csrf.exempt on the cookie-session profile update view in update_email()
from flask import Flask, request
from flask_login import current_user, login_required
from flask_wtf.csrf import CSRFProtect

app = Flask(__name__)
csrf = CSRFProtect(app)


@app.post("/account/email")
@csrf.exempt
@login_required
def update_email():
    current_user.email = request.form["email"]
    current_user.save()
    return {"email": current_user.email}
