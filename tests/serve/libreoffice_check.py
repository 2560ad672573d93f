"""Drive LibreOffice Writer's LanguageTool remote checker headless, over UNO.

Run with Debian's /usr/bin/python3 (it has the `uno` module; a venv does not):

    /usr/bin/python3 libreoffice_check.py PROFILE_DIR XCU_ITEMS_FILE OUT.json PARAGRAPH...

Writes the registry items (the LanguageTool settings a user makes in Tools > Options,
copied from docs/editors.md by the test) into a throw-away profile, starts soffice
headless on a free port, types the paragraphs into a new Writer document in en-US, asks
the proofreading iterator to check each paragraph, and writes what LibreOffice reports:
per paragraph, each error's start, length (UTF-16, relative to the paragraph), rule,
comments and suggestions.
"""

from __future__ import annotations

import contextlib
import json
import os
import socket
import subprocess
import sys
import time
from pathlib import Path

import uno  # type: ignore[import-not-found]
from com.sun.star.lang import Locale  # type: ignore[import-not-found]
from com.sun.star.text.ControlCharacter import PARAGRAPH_BREAK  # type: ignore[import-not-found]


def prop(name: str, value: object) -> object:
    p = uno.createUnoStruct("com.sun.star.beans.PropertyValue")
    p.Name = name
    p.Value = value
    return p


def main() -> int:
    profile, items_file, out = Path(sys.argv[1]), Path(sys.argv[2]), Path(sys.argv[3])
    paragraphs = sys.argv[4:]
    user = profile / "user"
    user.mkdir(parents=True, exist_ok=True)
    (user / "registrymodifications.xcu").write_text(
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        '<oor:items xmlns:oor="http://openoffice.org/2001/registry" '
        'xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">\n'
        + items_file.read_text(encoding="utf-8")
        + "\n</oor:items>\n",
        encoding="utf-8",
    )
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    office = subprocess.Popen(
        [
            "soffice", "--headless", "--invisible", "--norestore", "--nologo", "--nodefault",
            f"-env:UserInstallation={profile.as_uri()}",
            f"--accept=socket,host=127.0.0.1,port={port};urp;StarOffice.ComponentContext",
        ],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        local = uno.getComponentContext()
        resolver = local.ServiceManager.createInstanceWithContext("com.sun.star.bridge.UnoUrlResolver", local)
        deadline = time.monotonic() + 60
        while True:
            try:
                ctx = resolver.resolve(f"uno:socket,host=127.0.0.1,port={port};urp;StarOffice.ComponentContext")
                break
            except Exception:
                if time.monotonic() > deadline or office.poll() is not None:
                    raise
                time.sleep(0.3)
        smgr = ctx.ServiceManager
        desktop = smgr.createInstanceWithContext("com.sun.star.frame.Desktop", ctx)
        doc = desktop.loadComponentFromURL("private:factory/swriter", "_blank", 0, (prop("Hidden", True),))
        locale = Locale("en", "US", "")
        text = doc.getText()
        cursor = text.createTextCursor()
        for i, para in enumerate(paragraphs):
            if i:
                text.insertControlCharacter(cursor, PARAGRAPH_BREAK, False)
            text.insertString(cursor, para, False)
        cursor.gotoStart(False)
        cursor.gotoEnd(True)
        cursor.setPropertyValue("CharLocale", locale)

        iterator = smgr.createInstanceWithContext("com.sun.star.linguistic2.ProofreadingIterator", ctx)
        from com.sun.star.text.TextMarkupType import PROOFREADING  # type: ignore[import-not-found]

        flat = doc.getFlatParagraphIterator(PROOFREADING, True)
        results = []
        para = flat.getFirstPara()
        while para is not None:
            content = para.getText()
            errors = []
            if content:
                result = iterator.checkSentenceAtPosition(doc, para, content, locale, 0, len(content.encode("utf-16-le")) // 2, -1)
                for e in result.aErrors:
                    errors.append(
                        {
                            "start": e.nErrorStart,
                            "length": e.nErrorLength,
                            "rule": e.aRuleIdentifier,
                            "short": e.aShortComment,
                            "long": e.aFullComment,
                            "suggestions": list(e.aSuggestions),
                        }
                    )
            results.append({"text": content, "errors": errors})
            para = flat.getParaAfter(para)
        out.write_text(json.dumps(results, ensure_ascii=False, indent=1), encoding="utf-8")
        doc.close(True)
        with contextlib.suppress(Exception):  # the bridge closes as soffice exits
            desktop.terminate()
    finally:
        try:
            office.wait(timeout=20)
        except subprocess.TimeoutExpired:
            office.kill()
            office.wait()
    return 0


if __name__ == "__main__":
    os.environ.setdefault("SAL_USE_VCLPLUGIN", "svp")
    sys.exit(main())
