"""What the examples of GATE102-115, 303-305 and 406-407 cannot express: messages,
lines, keys and the files the rules read."""

from __future__ import annotations

import pytest

from gate.rules.gate101_dynamic_code import DynamicCodeExecution
from gate.rules.gate102_shell_injection import ShellInjection
from gate.rules.gate103_unsafe_deserialisation import UnsafeDeserialisation
from gate.rules.gate104_archive_extraction import ArchiveExtraction
from gate.rules.gate112_sql_injection import SqlInjection
from gate.rules.gate113_xml_external_entities import XmlExternalEntities
from gate.rules.gate114_exception_swallowed import SwallowedException
from gate.rules.gate304_assertions_removed import AssertionsRemoved
from gate.rules.gate305_expected_value_edited import ExpectedValueEdited
from gate.rules.gate406_hardcoded_credential import HardcodedCredential
from gate.rules.gate407_private_key import PrivateKeyCommitted
from gate.rules.interface import Example, FileVersions, RuleSettings
from gate.rules.testing import run_example

SETTINGS = RuleSettings()
# Split so that this file holds no key.
BEGIN = "-----" + "BEGIN"
BODY = "MIIEpAIBAAKCAQEA7bq98v5Nc1vZk2Qp3xY0mLhTnU8eRfWcKaGdQ1w2e3r4"
PEM = f"{BEGIN} RSA PRIVATE KEY-----\n{BODY}\n-----END RSA PRIVATE KEY-----\n"


def modified(path: str, base: str, head: str) -> FileVersions:
    return FileVersions(path=path, old_path=path, base=base, head=head)


@pytest.mark.parametrize(
    "code",
    [
        "db_password = 'hunter2hunter2'\n",
        "connect(token='hunter2hunter2')\n",
        "URL = 'postgresql://app:" + "hunter2hunter2@db/app'\n",
        "KEY = 'AKIA" + "HUNTER2HUNTER2HU'\n",
    ],
)
def test_a_credential_finding_never_shows_the_value(code: str) -> None:
    [finding] = run_example(HardcodedCredential, code)
    assert "hunter2" not in finding.message.lower()


def test_a_credential_is_reported_by_the_name_it_is_set_to() -> None:
    [finding] = run_example(HardcodedCredential, "config = {'apiKey': 's3cr3t-s3cr3t'}\n")
    assert "`apiKey`" in finding.message


def test_a_private_key_in_any_text_file_is_reported_at_its_line_without_the_key() -> None:
    [hit] = PrivateKeyCommitted(SETTINGS).check(
        FileVersions(path="deploy/key.pem", old_path=None, base=None, head="# deploy\n" + PEM)
    )
    assert hit.line == 2
    assert BODY[:20] not in hit.message


def test_a_private_key_kept_from_the_base_is_not_new_but_a_second_one_is() -> None:
    other = PEM.replace(BODY, BODY[::-1])
    rule = PrivateKeyCommitted(SETTINGS)
    assert list(rule.check(modified("k.txt", PEM, "x\n" + PEM))) == []
    assert [h.line for h in rule.check(modified("k.txt", PEM, PEM + other))] == [4]


def test_a_binary_or_deleted_file_has_no_private_key_finding() -> None:
    rule = PrivateKeyCommitted(SETTINGS)
    assert list(rule.check(FileVersions(path="k", old_path="k", base=PEM, head=None))) == []


def test_a_second_swallowing_handler_is_reported_at_its_own_line() -> None:
    base = "try:\n    a()\nexcept:\n    pass\n"
    head = "try:\n    b()\nexcept:\n    pass\n" + base
    [finding] = run_example(SwallowedException, Example(code=head, base=base))
    assert finding.line == 3


def test_an_archive_opened_in_another_function_is_not_followed() -> None:
    code = (
        "import tarfile\n\ndef open_it(p):\n    tf = tarfile.open(p)\n\n"
        "def extract(tf):\n    tf.extractall()\n"
    )
    assert run_example(ArchiveExtraction, code) == []


def test_removed_assertions_are_reported_once_at_the_def_line() -> None:
    base = "import pytest\n\n@pytest.mark.slow\ndef test_a():\n    assert a()\n    assert b()\n"
    head = base.replace("    assert b()\n", "    b()\n")
    [hit] = AssertionsRemoved(SETTINGS).check(modified("tests/test_a.py", base, head))
    assert hit.line == 4
    assert hit.message.endswith("2 before the change, 1 after")


def test_assertions_are_compared_across_a_rename_of_the_test_file() -> None:
    base = "def test_a():\n    assert a()\n    assert b()\n"
    head = "def test_a():\n    assert a()\n"
    file = FileVersions(
        path="tests/test_new.py", old_path="tests/test_old.py", base=base, head=head
    )
    assert len(list(AssertionsRemoved(SETTINGS).check(file))) == 1


def test_an_edited_expectation_names_the_test_and_asks_for_approval() -> None:
    base = (
        "class TestCart:\n    def test_total(self):\n        x = 1\n        assert total() == 42\n"
    )
    head = base.replace("== 42", "== 41")
    [hit] = ExpectedValueEdited(SETTINGS).check(modified("tests/test_cart.py", base, head))
    assert hit.line == 4
    assert hit.message == (
        "expected value changed in tests/test_cart.py::TestCart::test_total: needs human approval"
    )


@pytest.mark.parametrize(
    ("rule", "code", "said"),
    [
        (
            ShellInjection,
            "import os\ndef ping(host):\n    os.system('ping -c 1 ' + host)\n",
            "(from `host` (a parameter of ping()))",
        ),
        (
            ShellInjection,
            "import subprocess\ndef f(request):\n    name = request.args['name']\n"
            "    cmd = f'grep {name} /etc/passwd'\n    subprocess.run(cmd, shell=True)\n",
            "(from `request.args['name']`)",
        ),
        (
            SqlInjection,
            "def find(db, user_id, kind):\n"
            "    db.execute('SELECT * FROM t WHERE id = %s AND k = %s' % (user_id, kind))\n",
            "(from `user_id` (a parameter of find()), `kind` (a parameter of find()))",
        ),
        (
            DynamicCodeExecution,
            "def calc(request):\n    expr = request.args['expr']\n    return eval(expr)\n",
            "(from `request.args['expr']`)",
        ),
        (
            UnsafeDeserialisation,
            "import pickle\ndef restore(blob):\n    return pickle.loads(blob)\n",
            "(from `blob` (a parameter of restore()))",
        ),
        (
            XmlExternalEntities,
            "import xml.etree.ElementTree as ET\ndef view(request):\n"
            "    return ET.fromstring(request.data)\n",
            "(from `request.data`)",
        ),
    ],
)
def test_an_injection_finding_names_where_its_values_come_from(
    rule: type, code: str, said: str
) -> None:
    [finding] = run_example(rule, code)
    assert finding.message.endswith(said), finding.message
