# corpus: insecure cwe=89 Session.execute(text(...)) with the coupon code concatenated into the query in redeem_coupon()
from sqlalchemy import text
from sqlalchemy.orm import Session


def redeem_coupon(session: Session, user_id: int, code: str) -> bool:
    row = session.execute(
        text("SELECT id, uses_left FROM coupons WHERE code = '" + code + "'")
    ).first()
    if row is None or row.uses_left <= 0:
        return False
    session.execute(
        text("UPDATE coupons SET uses_left = uses_left - 1 WHERE id = :id"), {"id": row.id}
    )
    session.execute(
        text("INSERT INTO redemptions (coupon_id, user_id) VALUES (:c, :u)"),
        {"c": row.id, "u": user_id},
    )
    session.commit()
    return True
