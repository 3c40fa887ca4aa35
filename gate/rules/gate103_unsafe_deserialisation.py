"""GATE103: data is deserialised with a format that can run code while loading."""

from __future__ import annotations

from typing import ClassVar

import libcst as cst

from gate.findings import Severity
from gate.rules.bindings import BindingRule
from gate.rules.interface import Example
from gate.rules.nodes import argument, is_true_literal

# Loading any input with these can run code.
_ALWAYS = {
    *(f"{module}.{name}" for module in ("pickle", "cPickle", "_pickle", "dill")
      for name in ("load", "loads", "Unpickler")),
    "marshal.load",
    "marshal.loads",
    "shelve.open",
    "jsonpickle.decode",
    "pandas.read_pickle",
    "pandas.io.pickle.read_pickle",
    "yaml.unsafe_load",
    "yaml.unsafe_load_all",
    "yaml.full_load",
    "yaml.full_load_all",
}  # fmt: skip
# What these make in the process itself: loading it back (a round trip in a test, a
# deep copy) runs nothing that the process did not already hold.
_DUMPS = {
    f"{module}.dumps"
    for module in ("pickle", "cPickle", "_pickle", "dill", "cloudpickle", "marshal")
}
# Safe only with a safe Loader (positional argument 1, or Loader=).
_YAML_LOAD = {"yaml.load", "yaml.load_all"}
_YAML_SAFE_LOADERS = {
    "yaml.SafeLoader",
    "yaml.CSafeLoader",
    "yaml.BaseLoader",
    "yaml.CBaseLoader",
    "yaml.loader.SafeLoader",
    "yaml.loader.BaseLoader",
    "yaml.cyaml.CSafeLoader",
    "yaml.cyaml.CBaseLoader",
}
# Safe only with weights_only=True.
_TORCH_LOAD = {"torch.load", "torch.serialization.load"}


class UnsafeDeserialisation(BindingRule):
    """Data is loaded with a deserialiser that can run code: pickle, marshal, unsafe YAML.

    Unpickling (``pickle``, ``dill``, ``shelve``, ``jsonpickle``, ``pandas.read_pickle``,
    ``torch.load`` without ``weights_only=True``) calls whatever constructors the data
    names, and ``yaml.load`` with the default or full loader builds arbitrary Python
    objects: whoever controls the bytes runs code in the process. ``marshal`` is not
    meant for untrusted data either. Use a data-only format (``json.loads``,
    ``yaml.safe_load`` or ``Loader=yaml.SafeLoader``, ``torch.load(...,
    weights_only=True)``, safetensors), or authenticate the bytes before loading them.

    Loading bytes the same function has just made with ``dumps`` (a round trip in a
    test, a deep copy) is not reported: ``pickle.loads(pickle.dumps(x))``, or a local
    name last set to such bytes.
    """

    ID = "GATE103"
    MESSAGE = "deserialising with a format that can run code while loading (pickle, unsafe YAML)"
    SEVERITY = Severity.HIGH
    CWE = 502
    VALID: ClassVar = [
        "import yaml\nconfig = yaml.safe_load(s)",
        "import yaml\nconfig = yaml.load(s, Loader=yaml.SafeLoader)",
        "import json\ndata = json.loads(s)",
        "import pickle\nblob = pickle.dumps(x)",
        "from yaml import load, CSafeLoader\nfor doc in load(s, CSafeLoader):\n    pass",
        "import torch\nstate = torch.load(path, weights_only=True)",
        "import marshal\ncode = marshal.dumps(obj)",
        "def loads(s):\n    return s\nloads(payload)",
        "class Store:\n    def load(self):\n        return self.pickle.loads(self.blob)",
        Example(
            code="import pickle\nobj = pickle.loads(blob)\nprint(obj)\n",
            base="import pickle\nobj = pickle.loads(blob)\n",
        ),
        "import pickle\ndef test_round_trip():\n    assert pickle.loads(pickle.dumps(err)) == err",
        (
            "import pickle\ndef test_round_trip():\n    data = pickle.dumps(err)\n"
            "    assert pickle.loads(data).args == err.args"
        ),
    ]
    INVALID: ClassVar = [
        "import pickle\nobj = pickle.loads(request.body)",
        "from pickle import loads as l\nobj = l(data)",
        "import cPickle\nobj = cPickle.Unpickler(f).load()",
        "import yaml\nconfig = yaml.load(s)",
        "import yaml\nconfig = yaml.load(s, Loader=yaml.Loader)",
        "from yaml import load, FullLoader\nconfig = load(s, FullLoader)",
        "import yaml as y\ndocs = y.unsafe_load(s)",
        "import yaml\nconfig = yaml.full_load(s)",
        "import torch\nmodel = torch.load(path)",
        "import torch\nmodel = torch.load(path, weights_only=False)",
        "import pandas as pd\ndf = pd.read_pickle(url)",
        "import shelve\ndb = shelve.open(path)",
        "import dill\nfn = dill.loads(blob)",
        "import jsonpickle\nobj = jsonpickle.decode(text)",
        "import marshal\ncode = marshal.loads(data)",
        (  # the name holds other bytes too
            "import pickle\ndef load(path=None):\n    data = pickle.dumps(None)\n"
            "    if path:\n        data = open(path, 'rb').read()\n    return pickle.loads(data)"
        ),
        "import pickle\ndef restore(data):\n    return pickle.loads(data)",
    ]

    def visit_Call(self, node: cst.Call) -> None:
        names = self.qualified_names(node.func)
        data = argument(node, 0, None)
        if names & _ALWAYS:
            if not self._made_here(node):
                self.report_from(node, data)
        elif names & _YAML_LOAD:
            loader = argument(node, 1, "Loader")
            if (
                loader is None
                or loader.star
                or not self.qualified_names(loader.value) & _YAML_SAFE_LOADERS
            ):
                self.report_from(node, data)
        elif names & _TORCH_LOAD:
            weights_only = argument(node, None, "weights_only")
            if weights_only is None or weights_only.star or not is_true_literal(weights_only.value):
                self.report_from(node, data)

    def _made_here(self, node: cst.Call) -> bool:
        """Whether the bytes loaded are made by ``dumps`` right here (or by the value the
        local name they are read from was last set to)."""
        data = argument(node, 0, "data")
        if data is None or data.star:
            return False
        value = self.bound_value(data.value) if isinstance(data.value, cst.Name) else data.value
        return isinstance(value, cst.Call) and bool(self.qualified_names(value.func) & _DUMPS)
