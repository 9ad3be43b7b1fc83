#!/bin/sh
# Regenerate every XForm from its Markdown XLSForm source with pyxform 4.5:
#   Forms/xlsform/NAME.md                      -> Forms/NAME.xml
#   Tests/LotseFormsTests/Fixtures/fixture.md  -> Tests/LotseFormsTests/Fixtures/fixture.xml
# Needs: pip install pyxform==4.5.0. If java is on the PATH, ODK Validate (bundled with pyxform)
# checks each form as well; without java the forms are converted unvalidated. A source with
# `# form_title::LANG: TITLE` comment lines gets its title in every translation (titles.py).
# Usage: Forms/xlsform/build.sh [NAME.md ...]   (from any directory; no arguments = all forms)
set -eu
here=$(cd "$(dirname "$0")" && pwd)
forms=$(dirname "$here")
root=$(dirname "$forms")
fixtures="$root/Tests/LotseFormsTests/Fixtures"

if command -v xls2xform >/dev/null 2>&1; then x2x=xls2xform; else x2x="python3 -m pyxform.xls2xform"; fi
validate=""
command -v java >/dev/null 2>&1 || validate="--skip_validate"

if [ $# -gt 0 ]; then sources="$*"; else sources="$here/*.md $fixtures/fixture.md"; fi

status=0
for src in $sources; do
    [ -f "$src" ] || { echo "no such file: $src" >&2; status=1; continue; }
    src=$(cd "$(dirname "$src")" && pwd)/$(basename "$src")
    name=$(basename "$src" .md)
    case "$src" in
        "$fixtures"/*) out="$fixtures/$name.xml" ;;
        *) out="$forms/$name.xml" ;;
    esac
    python3 "$here/mdfmt.py" --check "$src" || { status=1; continue; }
    rm -f "$out"
    # xls2xform exits 0 even when it fails, so judge by its log and by the output file.
    log=$($x2x $validate --pretty_print "$src" "$out" 2>&1) || true
    if [ -s "$out" ] && printf '%s\n' "$log" | grep -q 'Conversion complete!' \
        && ! printf '%s\n' "$log" | grep -qi 'warning\|error\|traceback' \
        && { ! grep -q '^# *form_title::' "$src" || python3 "$here/titles.py" "$src" "$out"; }; then
        echo "ok    $name.xml"
    else
        echo "FAIL  $src" >&2
        printf '%s\n' "$log" >&2
        status=1
    fi
done
exit $status
