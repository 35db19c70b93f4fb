#!/usr/bin/env python3
"""Runs docs/tutorial.md as a reader would: in a new empty folder, in order,
writes each file the text shows and runs each ```sh block, with the folio
being tested first on the PATH. Directives in HTML comments (invisible once
rendered) say what a block is for:

  <!-- write: PATH -->    the next fenced block is the whole of PATH
  <!-- append: PATH -->   the next fenced block is added to the end of PATH
  <!-- fails -->          the next ```sh block must exit with status 1, not 0
  <!-- skip -->           the next ```sh block is not run (it runs until Ctrl-C)
  <!-- output: TEXT -->   the last command's output contained TEXT
  <!-- pdf: PATH pages=N text=WORDS -->  PATH is a PDF of N pages whose text holds WORDS
  <!-- exists: PATH... --> each PATH exists
  <!-- copy: PATH... -->   copies these files or folders of the repository
                          (the folder of the .md file) into the working folder

A fenced block with no directive before it (an example of output, say) is
only read. Usage: run_tutorial.py TUTORIAL.md FOLIO_BINARY_FOLDER"""
import os
import re
import shutil
import subprocess
import sys
import tempfile

DIRECTIVE = re.compile(
    r"<!--\s*(write|append|fails|skip|output|pdf|exists|copy)\s*:?\s*(.*?)\s*-->")
FENCE = re.compile(r"^```(\w*)\s*$")


def fail(step, message):
    print(f"tutorial step {step}: {message}")
    sys.exit(1)


def blocks(text):
    """Yields ("directive", name, argument) and ("code", language, body) in order."""
    lines = text.split("\n")
    i = 0
    while i < len(lines):
        line = lines[i]
        fence = FENCE.match(line)
        if fence:
            body = []
            i += 1
            while i < len(lines) and not lines[i].startswith("```"):
                body.append(lines[i])
                i += 1
            yield ("code", fence.group(1), "\n".join(body) + "\n")
        else:
            for m in DIRECTIVE.finditer(line):
                yield ("directive", m.group(1), m.group(2))
        i += 1


def main():
    tutorial, folio_dir = sys.argv[1], os.path.abspath(sys.argv[2])
    env = dict(os.environ, PATH=folio_dir + os.pathsep + os.environ["PATH"], LC_ALL="C")
    root = tempfile.mkdtemp(prefix="folio-tutorial-")
    cwd = root
    pending = None  # the directive waiting for the next code block
    last_output = ""
    commands = 0
    step = 0
    try:
        for kind, name, arg in blocks(open(tutorial, encoding="utf-8").read()):
            step += 1
            if kind == "directive" and name in ("write", "append", "fails"):
                pending = (name, arg)
            elif kind == "directive" and name == "skip":
                pending = (name, "")
            elif kind == "directive" and name == "copy":
                repository = os.path.dirname(os.path.abspath(tutorial))
                for path in arg.split():
                    source = os.path.join(repository, path)
                    if os.path.isdir(source):
                        shutil.copytree(source, os.path.join(cwd, path))
                    else:
                        shutil.copy(source, os.path.join(cwd, path))
            elif kind == "directive" and name == "output":
                if arg not in last_output:
                    fail(step, f"expected {arg!r} in the output:\n{last_output}")
            elif kind == "directive" and name == "exists":
                for path in arg.split():
                    if not os.path.exists(os.path.join(cwd, path)):
                        fail(step, f"{path} was not written")
            elif kind == "directive" and name == "pdf":
                words = arg.split()
                path = os.path.join(cwd, words[0])
                fields = dict(w.split("=", 1) for w in words[1:] if "=" in w and w.startswith("pages="))
                expected_text = arg.split("text=", 1)[1] if "text=" in arg else ""
                info = subprocess.run(["pdfinfo", path], capture_output=True, text=True)
                if info.returncode != 0:
                    fail(step, f"{words[0]} is not a PDF: {info.stderr}")
                pages = re.search(r"^Pages:\s+(\d+)", info.stdout, re.M).group(1)
                if "pages" in fields and pages != fields["pages"]:
                    fail(step, f"{words[0]} has {pages} pages, not {fields['pages']}")
                text = subprocess.run(["pdftotext", "-layout", path, "-"], capture_output=True,
                                      text=True).stdout
                if expected_text and expected_text not in " ".join(text.split()):
                    fail(step, f"{words[0]} does not say {expected_text!r}:\n{text}")
            elif kind == "code" and pending and pending[0] in ("write", "append"):
                path = os.path.join(cwd, pending[1])
                os.makedirs(os.path.dirname(path), exist_ok=True)
                with open(path, "a" if pending[0] == "append" else "w", encoding="utf-8") as f:
                    f.write(("\n" if pending[0] == "append" else "") + arg)
                pending = None
            elif kind == "code" and name == "sh":
                if pending and pending[0] == "skip":
                    pending = None
                    continue
                expected = 1 if pending and pending[0] == "fails" else 0
                pending = None
                # Each block runs in one shell; `cd` carries over to the next block.
                script = arg + f'\npwd > "{root}/.tutorial-cwd"\n'
                run = subprocess.run(["bash", "-e", "-c", script], cwd=cwd, env=env,
                                     capture_output=True, text=True)
                last_output = run.stdout + run.stderr
                commands += 1
                if run.returncode != expected:
                    fail(step, f"exit status {run.returncode}, not {expected}, for:\n{arg}\n"
                               f"{last_output}")
                if expected == 0:
                    cwd = open(os.path.join(root, ".tutorial-cwd")).read().strip()
            elif kind == "code":
                pending = None  # an example to read, not to run
        if commands < int(os.environ.get("MIN_COMMANDS", "5")):
            fail(step, f"only {commands} command blocks ran; is the tutorial marked up?")
        print(f"ran {commands} command blocks of {tutorial}")
    finally:
        shutil.rmtree(root, ignore_errors=True)


if __name__ == "__main__":
    main()
