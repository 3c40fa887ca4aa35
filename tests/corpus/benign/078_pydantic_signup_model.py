# corpus: benign cwe=0 pydantic model validating a signup payload
from pydantic import BaseModel, EmailStr, Field, field_validator


class Signup(BaseModel):
    email: EmailStr
    display_name: str = Field(min_length=1, max_length=40)
    password: str = Field(min_length=12, max_length=128)
    accept_terms: bool

    @field_validator("display_name")
    @classmethod
    def strip_name(cls, v: str) -> str:
        v = v.strip()
        if not v:
            raise ValueError("display name must not be blank")
        return v

    @field_validator("accept_terms")
    @classmethod
    def must_accept(cls, v: bool) -> bool:
        if not v:
            raise ValueError("terms must be accepted")
        return v
