#!/usr/bin/env python3
"""Counts how much of pyxform's own test material Lotse loads, and says why the rest is refused.

  Tools/pyxform-corpus.py PYXFORM_CHECKOUT [--lotse .build/debug/lotse] [--out DIR] [--list]

PYXFORM_CHECKOUT is a pyxform source tree (git clone https://github.com/XLSForm/pyxform; v4.5.0).
Needs pyxform 4.5.0 installed (pip install pyxform==4.5.0) and a built `lotse`.

Two corpora:
  1. tests/example_xls: one form per distinct base name (NAME.xlsx, .xls, .md, .csv are one form;
     the first that pyxform converts is used).
  2. the XLSForms written inline in pyxform's tests: every string literal passed as md= (or
     assigned to a variable named md) in tests/**/*.py, deduplicated; those pyxform itself
     refuses (tests of pyxform's errors) are counted apart.
Each converted XForm is checked with `lotse form check`; a form loads when it has no error.
--out keeps the converted XForms (NAME.xml); --list prints each form's verdict and first error.
"""
import argparse, ast, collections, os, re, subprocess, sys, tempfile, warnings

warnings.filterwarnings("ignore")
from pyxform.xls2xform import convert  # noqa: E402


def example_forms(root):
    folder = os.path.join(root, "tests", "example_xls")
    by_name = collections.defaultdict(list)
    for name in sorted(os.listdir(folder)):
        base, ext = os.path.splitext(name)
        path = os.path.join(folder, name)
        # A .csv is a form when it has a survey sheet (others are choice data: fruits.csv).
        if ext == ".csv" and "survey" not in open(path, encoding="utf-8", errors="replace").read(200):
            continue
        if ext in (".xlsx", ".xls", ".md", ".csv"):
            by_name[base].append(path)
    order = {".xlsx": 0, ".xls": 1, ".md": 2, ".csv": 3}
    for base in sorted(by_name):
        yield base, sorted(by_name[base], key=lambda p: order[os.path.splitext(p)[1]])


def inline_forms(root):
    seen = {}
    for folder, _, files in os.walk(os.path.join(root, "tests")):
        for name in sorted(files):
            if not name.endswith(".py"):
                continue
            path = os.path.join(folder, name)
            try:
                tree = ast.parse(open(path, encoding="utf-8").read())
            except SyntaxError:
                continue
            for node in ast.walk(tree):
                values = []
                if isinstance(node, ast.keyword) and node.arg == "md":
                    values.append(node.value)
                elif isinstance(node, ast.Assign) and any(isinstance(t, ast.Name) and t.id == "md" for t in node.targets):
                    values.append(node.value)
                for value in values:
                    if isinstance(value, ast.Constant) and isinstance(value.value, str) and "|" in value.value:
                        text = value.value
                        if text not in seen:
                            seen[text] = "%s:%d" % (os.path.relpath(path, root), value.lineno)
    return [(where, text) for text, where in seen.items()]


def to_xform(source, name):
    """XForm text, or None when pyxform refuses the form."""
    try:
        if isinstance(source, str) and os.path.exists(source):
            result = convert(xlsform=source, form_name=name, pretty_print=False)
        else:
            result = convert(xlsform=source, form_name=name, file_type=".md", pretty_print=False)
        return result.xform
    except Exception:  # pyxform's own refusals (PyxformError, ValueError, …)
        return None


def check(lotse, files):
    """file → first error line (None when it loads)."""
    verdicts = {f: None for f in files}
    with tempfile.TemporaryDirectory() as tmp:
        script = os.path.join(tmp, "check.lotse")
        with open(script, "w") as out:
            out.write("init --admin root\n")
            for chunk in range(0, len(files), 50):
                out.write("form check " + " ".join('"%s"' % f for f in files[chunk:chunk + 50]) + "\n")
        env = dict(os.environ, LOTSE_PASSWORD="corpus check password")
        # A failing `form check` stops the script, so check the files one chunk per run.
        for chunk in range(0, len(files), 50):
            part = files[chunk:chunk + 50]
            with open(script, "w") as out:
                out.write("init --admin root\nform check " + " ".join('"%s"' % f for f in part) + "\n")
            db = os.path.join(tmp, "corpus%d.db" % chunk)
            run = subprocess.run([lotse, "--db", db, script], capture_output=True, text=True, env=env)
            for line in (run.stdout + run.stderr).splitlines():
                for f in part:
                    if line.startswith(f + ":") and ": error: " in line and verdicts[f] is None:
                        verdicts[f] = line[len(f) + 1:]
    return verdicts


def reason(error):
    """A short class for a refusal: the diagnostic's code and the gist of its message."""
    m = re.search(r"error: (.*) \[(FORM_[A-Z_]+)\]", error or "")
    if not m:
        return error or "?"
    message = re.sub(r'"[^"]*"', '"…"', m.group(1))
    message = re.sub(r"'[^']*'", "'…'", message)
    return "%s %s" % (m.group(2), message[:90])


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("pyxform")
    parser.add_argument("--lotse", default=os.path.join(os.path.dirname(__file__), "..", ".build", "debug", "lotse"))
    parser.add_argument("--out")
    parser.add_argument("--list", action="store_true")
    args = parser.parse_args()
    out = args.out or tempfile.mkdtemp(prefix="pyxform-corpus-")
    os.makedirs(out, exist_ok=True)

    # 1. example_xls
    examples, unconverted = {}, []
    for base, sources in example_forms(args.pyxform):
        xform = None
        for source in sources:
            xform = to_xform(source, base)
            if xform:
                break
        if xform is None:
            unconverted.append(base)
            continue
        path = os.path.join(out, "example-%s.xml" % base)
        open(path, "w", encoding="utf-8").write(xform)
        examples[base] = path
    verdicts = check(args.lotse, list(examples.values()))
    loaded = [b for b, p in examples.items() if verdicts[p] is None]
    total = len(examples) + len(unconverted)
    print("example_xls: %d distinct forms, %d converted by pyxform, %d load in Lotse"
          % (total, len(examples), len(loaded)))
    for base in unconverted:
        print("  %-40s pyxform refuses it" % base)
    for base, path in sorted(examples.items()):
        if verdicts[path] is not None:
            print("  %-40s %s" % (base, reason(verdicts[path])))

    # 2. inline forms
    inline = inline_forms(args.pyxform)
    converted, refused_by_pyxform = {}, 0
    for i, (where, text) in enumerate(inline):
        xform = to_xform(text, "test_name")
        if xform is None:
            refused_by_pyxform += 1
            continue
        path = os.path.join(out, "inline-%04d.xml" % i)
        open(path, "w", encoding="utf-8").write(xform)
        converted[path] = where
    verdicts = check(args.lotse, list(converted))
    loaded_inline = [p for p in converted if verdicts[p] is None]
    print("inline: %d distinct XLSForms, %d converted by pyxform, %d load in Lotse"
          % (len(inline), len(converted), len(loaded_inline)))
    reasons = collections.Counter(reason(verdicts[p]) for p in converted if verdicts[p] is not None)
    for text, count in reasons.most_common(25):
        print("  %4d  %s" % (count, text))
    if args.list:
        for path, where in sorted(converted.items(), key=lambda x: x[1]):
            print("%s %s %s" % ("ok  " if verdicts[path] is None else "FAIL", where, verdicts[path] or ""))
    print("converted XForms in", out)


if __name__ == "__main__":
    main()
