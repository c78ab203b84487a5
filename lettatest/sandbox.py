# lettatest's stand-in for the Letta server's local tool sandbox
# (letta/services/tool_execution_sandbox.py, run_local_dir_sandbox_runpy):
# it builds the same script (arguments bound by their schema type, the
# tool's source, a call by name, the result pickled), runs it with stdout
# and stderr captured, and reports on the real stdout, after a marker, as
# JSON: status, tool_return (str of the result, or the server's error
# text), stdout, stderr.
import base64, io, json, pickle, sys, traceback

spec = json.loads(sys.stdin.read())
name = spec["name"]
VAR = "result_ZQqiequkcFwRwwGQMqkt"


def friendly(e):
    return f"Error executing function {name}: {type(e).__name__}: {e}"[:500]


def report(status, ret, out, err, dict_json=None):
    sys.__stdout__.write(spec["marker"] + json.dumps({"status": status, "tool_return": ret, "dict": dict_json, "stdout": out, "stderr": err}))
    sys.__stdout__.flush()


try:
    code = "from typing import *\nimport pickle\nimport sys\nimport base64\nagent_state = None\n"
    kwargs = []
    for k, v in spec["args"].items():
        if k not in spec["types"]:
            continue
        t = spec["types"][k]
        if t == "string":
            code += f"{k} = __letta_args[{k!r}]\n"
        elif t in ("integer", "boolean", "number", "array", "object"):
            code += f"{k} = {v}\n"
        else:
            raise TypeError(f"Unsupported type: {t}, raw_value={v}")
        kwargs.append(f"{k}={k}")
    if spec["agent_state"]:
        kwargs.append("agent_state=agent_state")
    code += "\n" + spec["source"] + "\n"
    code += VAR + ' = {"results": ' + name + "(" + ", ".join(kwargs) + '), "agent_state": agent_state}\n'
    code += f"{VAR} = base64.b64encode(pickle.dumps({VAR})).decode('utf-8')\n"
except Exception as e:
    report("error", friendly(e), [], [traceback.format_exc()])
    sys.exit(0)

g = {"__name__": "<run_path>", "__letta_args": spec["args"]}
g.update(spec["env"])
out, err = io.StringIO(), io.StringIO()
sys.stdout, sys.stderr = out, err
status, dict_json = "success", None
try:
    exec(compile(code, "<tool>", "exec"), g)
    result = pickle.loads(base64.b64decode(g[VAR]))["results"]
    ret = str(result)
    if isinstance(result, dict):
        try:
            dict_json = json.dumps(result, indent=2, default=lambda o: o.isoformat(), ensure_ascii=False)
        except Exception:
            pass
except Exception as e:
    ret = friendly(e)
    traceback.print_exc()
    status = "error"
finally:
    sys.stdout, sys.stderr = sys.__stdout__, sys.__stderr__
report(status, ret, [out.getvalue()] if out.getvalue() else [], [err.getvalue()] if err.getvalue() else [], dict_json)
