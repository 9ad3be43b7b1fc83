#!/usr/bin/env python3
"""Writes the probe XForm for the JavaRosa oracle: one calculated node per ODK XPath expression,
covering every function Lotse supports, so tests compare each result with JavaRosa's.

  Tools/javarosa-oracle/make-probe.py > Tests/LotseFormsTests/Fixtures/oracle/probe.xml
"""
from xml.sax.saxutils import escape, quoteattr

# Inputs the expressions read (the oracle's cases fill them).
INPUTS = [("a", "int"), ("x", "decimal"), ("s", "string"), ("d", "date"), ("t", "time"),
          ("dt", "dateTime"), ("c", "select1"), ("m", "select"), ("e", "string")]

EXPRESSIONS = [
    # arithmetic and numbers
    "1 + 2", "7 - 10", "6 * 7", "7 div 2", "7 mod 3", "-7 mod 3", "0 div 0", "1 div 0", "-1 div 0",
    "0.1 + 0.2", "1 div 3", "100000 * 100000", "0.0001", "12345678.5", "2147483647 + 1", "-0.5",
    "/data/a + 1", "/data/a * /data/x", "/data/x div 3", "/data/a div 0", "/data/a mod 4", "-/data/a",
    "/data/e + 1", "/data/s + 1", "number(/data/s)", "number('12')", "number(' 12 ')", "number('1,5')",
    "number('1e3')", "number('abc')", "number(true())", "number(false())", "number('')", "number(/data/d)",
    "round(2.5)", "round(-2.5)", "round(3.14159, 2)", "round(1234.5, -2)", "round(/data/x)", "int(2.7)",
    "int(-2.7)", "int('12.9')", "abs(-3)", "abs(/data/a - 10)", "pow(2, 10)", "pow(2, 0.5)", "pow(/data/a, 2)",
    "sqrt(16)", "sqrt(-1)", "exp(0)", "exp(1)", "exp10(2)", "log(1)", "log10(1000)", "pi()", "sin(0)",
    "cos(0)", "tan(0)", "asin(1)", "acos(1)", "atan(1)", "atan2(1, 1)",
    "min(3, 1, 2)", "max(3, 1, 2)", "min(/data/a, /data/x)", "max(/data/a, 100)", "sum(/data/a)",
    "sum(instance('list')/root/item/n)", "count(instance('list')/root/item)",
    "count(instance('list')/root/item[n > 1])", "count-non-empty(/data/e)", "count-non-empty(/data/s)",
    # comparisons (javarosa: strings are numbers or NaN, never dates)
    "1 < 2", "2 <= 1", "'2' > '10'", "'abc' < 'abd'", "'2026-01-01' < '2026-02-01'",
    "/data/d < '2026-04-01'", "/data/d <= today()", "/data/d > date('2020-01-01')", "/data/a >= 3",
    "/data/a = 3", "/data/a = '3'", "/data/x = 2.5", "/data/x = '2.50'", "/data/s = 'abc'",
    "/data/s != 'abc'", "/data/e = ''", "/data/c = 'b'", "/data/m = 'a b'", "true() = 1", "false() = ''",
    "'a' = 'a'", "1 = '1.0'", "/data/d = '2026-03-01'", "/data/a > /data/x", "/data/e < 1",
    # booleans
    "true()", "false()", "not(true())", "boolean('')", "boolean('false')", "boolean(0)", "boolean(/data/e)",
    "boolean(/data/s)", "true() and false()", "true() or false()", "/data/a > 2 and /data/s = 'abc'",
    "boolean-from-string('true')", "boolean-from-string('1')", "boolean-from-string('yes')",
    "if(/data/a > 2, 'big', 'small')", "if(/data/e = '', 1, 2)", "/data/a >= 18",
    # strings
    "string(12)", "string(1.50)", "string(1 div 3)", "string(true())", "string(/data/d)", "string(/data/a)",
    "string(/data/x)", "concat('a', 'b', 'c')", "concat(/data/s, '-', /data/a)", "concat(/data/d, '')",
    "concat(/data/x, '')", "concat(1 div 4, '')", "concat(0.0001, '')", "contains('abc', 'b')",
    "contains(/data/s, 'x')", "starts-with('abc', 'ab')", "ends-with('abc', 'bc')",
    "substring-before('2026-03-01', '-')", "substring-after('2026-03-01', '-')", "string-length('abc')",
    "string-length(/data/s)", "string-length('')", "normalize-space('  a   b  ')", "translate('abc', 'ab', 'AB')",
    "translate('abc', 'abc', 'A')", "substr('abcdef', 1, 3)", "substr('abcdef', 2)", "substr(/data/s, 0, 1)",
    "join(', ', 'a', 'b')", "join('-', instance('list')/root/item/label)", "regex('abc', '^a.c$')",
    "regex(/data/s, '[0-9]+')", "coalesce(/data/e, 'fallback')", "coalesce(/data/s, 'fallback')",
    "once(/data/a + 1)", "string-length(uuid())", "string-length(uuid(8))", "random() < 1",
    # choices
    "selected(/data/m, 'a')", "selected(/data/m, 'z')", "selected(/data/c, 'b')", "count-selected(/data/m)",
    "selected-at(/data/m, 0)", "selected-at(/data/m, 5)", "jr:choice-name(/data/c, '/data/c')",
    "jr:choice-name('a', '/data/c')", "jr:choice-name(/data/m, '/data/m')",
    # dates
    "today() > date('2020-01-01')", "now() > date('2020-01-01')", "date('2026-03-01')",
    "date('2026-03-01') + 1", "date(20000)", "date(/data/d + 30)", "date-time('2026-03-01T10:15:00Z')",
    "date-time(20000.5)", "decimal-date-time('2026-03-01T12:00:00Z')", "decimal-date-time(/data/d)",
    "decimal-time(/data/t)", "format-date(/data/d, '%Y/%m/%d')",
    "format-date(/data/d, '%e.%n.%y')", "format-date(/data/d, '%a %b')", "format-date(date('2026-12-24'), '%Y-%m-%d')",
    "format-date-time(/data/dt, '%Y-%m-%d %H:%M')", "format-date-time('2026-03-01T10:15:30Z', '%H:%M:%S')",
    "/data/d - date('2026-01-01')", "today() - /data/d > 0", "date('2026-03-01') < date('2026-03-02')",
    "/data/d + 0", "/data/t", "/data/dt", "/data/d",
    # paths, predicates, instances, current()
    "instance('list')/root/item[name = 'two']/label", "instance('list')/root/item[count(/data/e) + 2]/label",
    "instance('list')/root/item[position() = 3]/label", "instance('list')/root/item[n = /data/a]/label",
    "instance('list')/root/item[name = current()/../c]/label", "count(instance('list')/root/*)",
    "count(instance('list')/root/item[label != ''])",
    "count(randomize(instance('list')/root/item))",
]

# Typed calculations: what javarosa stores by node type (wrapData).
TYPED = [
    ("int", "7 div 2"), ("int", "-2.7"), ("int", "/data/x * 3"), ("int", "1 < 2"), ("decimal", "7 div 2"),
    ("decimal", "6 div 2"), ("decimal", "/data/x"), ("date", "date('2026-03-01') + 1"), ("date", "/data/d"),
    ("dateTime", "/data/d"), ("dateTime", "date-time('2026-03-01T10:15:00Z')"), ("time", "/data/t"),
    ("string", "date('2026-03-01')"), ("string", "today() = today()"),
]


def main():
    names = ["p%03d" % (i + 1) for i in range(len(EXPRESSIONS))]
    typed = ["q%02d" % (i + 1) for i in range(len(TYPED))]
    out = ['<?xml version="1.0"?>',
           '<h:html xmlns="http://www.w3.org/2002/xforms" xmlns:h="http://www.w3.org/1999/xhtml" '
           'xmlns:jr="http://openrosa.org/javarosa">',
           '<h:head><h:title>Probe: ODK XPath expressions</h:title><model>',
           '<instance><data id="probe" version="1">'
           + "".join("<%s/>" % n for n, _ in INPUTS) + "".join("<%s/>" % n for n in names + typed)
           + '<meta><instanceID/></meta></data></instance>',
           '<instance id="list"><root>'
           + "".join("<item><name>%s</name><label>%s</label><n>%d</n></item>" % (n, l, i)
                     for i, (n, l) in enumerate([("one", "Eins"), ("two", "Zwei"), ("three", "Drei"),
                                                 ("four", "")], start=1))
           + '</root></instance>']
    for name, kind in INPUTS:
        out.append('<bind nodeset="/data/%s" type="%s"/>' % (name, kind))
    for name, expression in zip(names, EXPRESSIONS):
        out.append('<bind nodeset="/data/%s" type="string" calculate=%s/>' % (name, quoteattr(expression)))
    for name, (kind, expression) in zip(typed, TYPED):
        out.append('<bind nodeset="/data/%s" type="%s" calculate=%s/>' % (name, kind, quoteattr(expression)))
    out.append('<bind nodeset="/data/meta/instanceID" type="string" readonly="true()" jr:preload="uid"/>')
    out.append('</model></h:head><h:body>')
    for name, kind in INPUTS:
        if kind in ("select1", "select"):
            items = "".join("<item><label>%s</label><value>%s</value></item>" % (v.upper(), v) for v in "abc")
            out.append('<%s ref="/data/%s"><label>%s</label>%s</%s>' % (kind, name, name, items, kind))
        else:
            out.append('<input ref="/data/%s"><label>%s</label></input>' % (name, name))
    out.append('</h:body></h:html>')
    print("\n".join(out))


if __name__ == "__main__":
    main()
