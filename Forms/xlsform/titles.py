#!/usr/bin/env python3
"""Give an XForm its title in every language: an itext entry `form_title` in each translation.

XLSForm's settings `form_title` is one text (pyxform has no `form_title::LANG`), so the other
languages' titles are written in the Markdown source as comment lines that pyxform ignores:

    # form_title::English (en): Contact

Usage: titles.py SOURCE.md FORM.xml   (rewrites FORM.xml in place; the default language's entry
is the settings' form_title, the same text as <h:title>). Fails when a translation of the form
has no title given, or when a language named in a comment is not a translation of the form.
"""
import re
import sys
from xml.sax.saxutils import escape


def settings_title(lines):
    """The settings sheet's form_title and default_language."""
    for i, line in enumerate(lines):
        if line.strip().startswith("| settings"):
            header = [c.strip() for c in lines[i + 1].split("|")]
            values = [c.strip() for c in lines[i + 2].split("|")]
            row = dict(zip(header, values))
            return row.get("form_title", ""), row.get("default_language", "")
    return "", ""


def main(source, form):
    lines = open(source, encoding="utf-8").read().splitlines()
    title, default = settings_title(lines)
    titles = {default: title}
    for line in lines:
        m = re.match(r"#\s*form_title::(.+?):\s*(.+?)\s*$", line)
        if m:
            titles[m.group(1)] = m.group(2)
    text = open(form, encoding="utf-8").read()
    languages = re.findall(r'<translation lang="([^"]+)"', text)
    missing = [lang for lang in languages if lang not in titles]
    unknown = [lang for lang in titles if lang not in languages]
    if missing or unknown:
        sys.exit(f"{source}: form_title missing for {missing}, given for unknown languages {unknown}")
    if 'id="form_title"' in text:
        sys.exit(f"{form}: already has a form_title text")

    def insert(match):
        lang = match.group(2)
        indent = re.search(r"\n(\s*)<text ", text[match.end():]).group(1)
        entry = f'\n{indent}<text id="form_title">\n{indent}  <value>{escape(titles[lang])}</value>\n{indent}</text>'
        return match.group(0) + entry

    text = re.sub(r'(<translation lang="([^"]+)"[^>]*>)', insert, text)
    open(form, "w", encoding="utf-8").write(text)


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
