import LotseXPath
import Testing

/// Function library: XPath 1.0 core and ODK additions. Rows marked "enketo" come from
/// enketo/openrosa-xpath-evaluator test/integration/openrosa-xpath/*.spec.js (facts copied).
@Suite("Functions")
struct FunctionTests {
    static let strings: [Vector] = [
        b("starts-with('hello', 'he')", true), b("starts-with('hello', 'lo')", false),
        b("ends-with('hello', 'lo')", true), b("ends-with('hello', 'he')", false), b("ends-with('', '')", true),
        b("contains('hello', 'ell')", true), b("contains('hello', 'xyz')", false), b("contains('abc', '')", true),
        s("substring-before('1999/04/01', '/')", "1999"), s("substring-after('1999/04/01', '/')", "04/01"),
        s("substring-after('1999/04/01', '19')", "99/04/01"), s("substring-before('abc', 'x')", ""),
        s("substring-after('abc', 'x')", ""),
        n("string-length('hello')", 5), n("string-length('')", 0), n("string-length('größe')", 5),
        n("string-length()", 3, at: ["person", "name"]),
        s("normalize-space('  a   b  c ')", "a b c"), s("normalize-space()", "hello world", at: ["person", "note"]),
        s("translate('bar', 'abc', 'ABC')", "BAr"), s("translate('--aaa--', 'abc-', 'ABC')", "AAA"),
        s("concat(/data/words/w)", "onetwothree"),     // javarosa: one node-set argument concatenates its nodes
        s("concat('a', 1, true())", "a1true"),
        s("join(' :: ', /data/words/w)", "one :: two :: three"),     // enketo join.spec.js
        s("join('-', 'a', 'b', 'c')", "a-b-c"), s("join(', ')", ""),
        s("substr('0123456789', 5)", "56789"), s("substr('0123456789', 2, 4)", "23"),  // enketo subs.spec.js
        s("coalesce('FIRST', 'whatever')", "FIRST"), s("coalesce('', 'SECOND')", "SECOND"),    // enketo coalesce.spec.js
        s("coalesce(/data/empty, 'SECOND')", "SECOND"), s("coalesce(/data/person/name, 'x')", "Ada"),
        s("coalesce(/data/missing, /data/person/name)", "Ada"),
        s("string(/data/person/age)", "42"), s("string()", "Ada", at: ["person", "name"]),
        s("uuid()", "6e1a5a8e-0000-4000-8000-00000000abcd"), n("string-length(uuid(12))", 12),
    ]

    static let numbers: [Vector] = [
        n("sum(/data/nums/n)", 10.5), n("count(/data/nums/n)", 4), n("count(/data/nothing)", 0),
        n("int('123')", 123), n("int('123.456')", 123), n("int(-1.9)", -1), n("int(1.9)", 1),   // enketo int.spec.js
        n("int('x')", .nan),
        n("min(/data/nums/n)", -1), n("max(/data/nums/n)", 7.5), n("min(3, 1, 2)", 1), n("max(3, 1, 2)", 3),
        n("max(/data/nums/n, 10)", 10), n("min(/data/empty)", .nan), n("max(/data/nothing)", .nan),
        n("count-non-empty(/data/nums/n)", 3), n("count-non-empty(/data/nothing)", 0),
        n("round(1)", 1), n("round(1.1)", 1), n("round(1.5)", 2), n("round(-1)", -1),    // enketo round.spec.js
        n("round(-1.1)", -1), n("round(-1.55)", -2), n("round(2.44)", 2), n("round(0.001)", 0),
        n("round(5)", 5), n("round(1.000)", 1), n("round(-1.05)", -1),
        n("round(-1.5)", -1),      // XPath 1.0 and javarosa: ties toward +∞ (enketo says -2)
        n("round(-2.5)", -2), n("round(2.5)", 3),
        n("round('0', 1)", 0), n("round('1', 2)", 1), n("round('23.7825', 2)", 23.78), n("round('23.7825', 1)", 23.8),
        n("round('2.15', 1)", 2.2), n("round('2.149', 1)", 2.1),
        n("round('-1.475', 2)", -1.47),   // javarosa HALF_DOWN for negatives (enketo says -1.48)
        n("round('0', -1)", 0), n("round('1', -1)", 0), n("round('23.7825', -2)", 0), n("round('23.7825', -1)", 20),
        n("round('2.15', -1)", 0), n("round('21.5', -1)", 20), n("round('626.3', -3)", 1000), n("round('1.98', -1)", 0),
        n("round('-50.55', -2)", -100), n("round(1.234, 2)", 1.23), n("round(1.234, 5)", 1.234),
        n("round(33.33, -1)", 30), n("round(1 div 47999799999)", 0), n("round('a')", .nan),
        fails("round()", .arity), fails("round(1, 2, 3)", .arity),
        n("sqrt(16)", 4), n("exp10(2)", 100), n("log10(1000)", 3), n("abs(-0)", 0), n("pi() > 3.14", 1),
    ]

    static let odk: [Vector] = [
        n("count-selected('a b c')", 3), n("count-selected('')", 0), n("count-selected('  a   b ')", 2),
        n("count-selected(/data/person/fruits)", 2),
        s("selected-at('zero one two three', '1')", "one"), s("selected-at('zero one two three', '4')", ""),  // enketo
        s("selected-at('zero one two three', '-1')", ""), s("selected-at('', '0')", ""),
        s("selected-at('apple baby crimson', 2)", "crimson"), s("selected-at('apple baby crimson', -1)", ""),
        b("selected(/data/person/fruits, 'banana')", true), b("selected(/data/person/fruits, 'cherry')", false),
        b("selected(., 'apple')", true, at: ["person", "fruits"]),
        s("jr:choice-name(/data/choice, '/data/choice')", "Banana"),
        s("jr:choice-name('a', ' /data/choice ')", "Apple"), s("jr:choice-name('z', '/data/choice')", ""),
        b("regex('123', '[0-9]{3}')", true),
        b("regex('1234', '[0-9]{3}')", false),     // javarosa Pattern.matches: whole value (enketo finds anywhere)
        b("regex(/data/code, '^[0-9]{5}$')", true), b("regex(/data/code, '[0-9]{5}')", true),
        b("regex('ab', 'a|b')", false), b("regex('Müller', '[A-Z][a-zäöü]+')", true),
        fails("regex('a', '(')", .type),
        s("once('new')", "Ada", at: ["person", "name"]), s("once('new')", "new", at: ["empty"]),
        b("boolean-from-string('TRUE')", true), b("boolean-from-string(/data/flag)", true),
        s("if(/data/person/age > 18, 'adult', 'minor')", "adult"),
        fails("count('a')", .type), fails("sum(1)", .type), fails("count-non-empty('a')", .type),
        fails("jr:unknown-thing(1)", .unknownFunction),
    ]

    @Test(arguments: strings) func string(_ vector: Vector) { check(vector) }
    @Test(arguments: numbers) func number(_ vector: Vector) { check(vector) }
    @Test(arguments: odk) func odkFunction(_ vector: Vector) { check(vector) }

    @Test func extraFunctionHook() throws {
        var context = makeContext()
        context.functions = { name, arguments, _ throws(XPathError) in
            guard name == "lotse:double" else { return nil }
            return .number(arguments[0].numberValue() * 2)
        }
        #expect(try XPathExpression("lotse:double(/data/person/age) + 1").evaluateNumber(context) == 85)
        #expect(throws: XPathError.self) { try XPathExpression("lotse:triple(1)").evaluate(context) }
    }

    @Test func choiceNameWithoutResolverIsAnError() throws {
        var context = makeContext()
        context.choiceName = nil
        #expect(throws: XPathError.self) { try XPathExpression("jr:choice-name('a', '/data/choice')").evaluate(context) }
    }

    @Test func arityTableIsShared() {
        #expect(XPathFunction.arityTable["concat"] == XPathArity(0, nil))
        #expect(XPathFunction.arityTable["jr:choice-name"] == .exactly(2))
        #expect(XPathFunction.arityTable["round"]?.accepts(2) == true)
        #expect(XPathFunction.arityTable["round"]?.accepts(3) == false)
        #expect(XPathFunction.arityTable.count == XPathFunction.allCases.count)
    }
}
