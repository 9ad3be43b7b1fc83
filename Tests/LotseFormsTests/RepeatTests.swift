import Foundation
import Testing
import LotseXML
import LotseXPath
@testable import LotseForms

/// Repeats (issue 12) in the pyxform-generated Fixtures/household.xml (from household.md):
/// instances added by key, numbered addresses, count(), position(..), indexed-repeat(),
/// relative references, relevance and constraints per instance, jr:count and jr:noAddRemove,
/// and the submission document read back.
@Suite struct RepeatTests {
    static let form: FormDefinition = {
        let result = FormReader.read(fileAt: Paths.fixtures + "/household.xml", name: "household.xml")
        precondition(result.isClean, result.diagnostics.map(\.description).joined(separator: "\n"))
        return result.definition!
    }()

    static let clock = XPathClock.fixed(Date(timeIntervalSince1970: 1_795_608_000), timeZone: TimeZone(identifier: "Europe/Berlin")!)

    func fresh() -> FormInstance {
        FormInstance(definition: Self.form, environment: FormEnvironment(clock: Self.clock, makeUUID: { "0000-test" }))
    }

    func value(_ instance: FormInstance, _ key: String) throws -> String {
        instance.value(of: try Self.form.resolveAddress(key))
    }

    @Test func readsTheRepeats() throws {
        let form = Self.form
        #expect(form.repeats.map { $0.path.joined(separator: "/") } == ["data/member", "data/member/job", "data/visit", "data/room"])
        #expect(form.repeatDefinition(at: ["data", "member"])?.asksToAdd == true)
        #expect(form.repeatDefinition(at: ["data", "visit"])?.count?.source.trimmed() == "/data/visits")
        #expect(form.repeatDefinition(at: ["data", "room"])?.fixed == true)
        #expect(try form.resolveAddress("member[2]/job[3]/hours").text == "member[2]/job[3]/hours")
        #expect(try form.resolveAddress("hours").text == "member[1]/job[1]/hours")
        #expect(throws: FormError.self) { try form.resolveAddress("visits[2]") }
        #expect(throws: FormError.self) { try form.resolveAddress("member[0]/age") }
    }

    @Test func startsAsCollectDoes() throws {
        let instance = fresh()
        // One member (with one job) and one visit, as the form's instance has: an empty count (and,
        // as in javarosa, a count below 1) keeps the instance the form starts with.
        #expect(instance.addresses(of: try Self.form.resolveField("age")).map(\.text) == ["member[1]/age"])
        #expect(instance.addresses(of: try Self.form.resolveField("employer")).map(\.text) == ["member[1]/job[1]/employer"])
        #expect(instance.addresses(of: try Self.form.resolveField("day")).map(\.text) == ["visit[1]/day"])
        try instance.set([("visits", "0")])
        #expect(instance.addresses(of: try Self.form.resolveField("day")).count == 1)
        #expect(instance.addresses(of: try Self.form.resolveField("area")).count == 1)
        #expect(try value(instance, "members") == "1")
    }

    @Test func keysAddInstancesAndExpressionsSeeThem() throws {
        let instance = fresh()
        try instance.set([("visits", "2"), ("member[1]/name", "Ana"), ("member[1]/age", "40"),
                          ("member[1]/job[1]/employer", "ACME"), ("member[1]/job[1]/hours", "30"),
                          ("member[1]/job[2]/employer", "Kiosk"), ("member[1]/job[2]/hours", "8"),
                          ("member[2]/name", "Ben"), ("member[2]/age", "12"),
                          ("member[3]/name", "Cleo"), ("member[3]/age", "70")])
        #expect(try value(instance, "members") == "3")
        #expect(try value(instance, "adults") == "2")
        #expect(try value(instance, "first_age") == "40")
        #expect(try value(instance, "total_hours") == "38")
        #expect(try value(instance, "member[2]/number") == "2")
        #expect(try value(instance, "member[1]/jobs") == "2")
        // A new member gets no job: the template's nested repeat has no instance.
        #expect(try value(instance, "member[3]/jobs") == "0")
        // Relevance per instance: the child has a school field and no jobs.
        #expect(instance.isRelevant(try Self.form.resolveAddress("member[2]/school")))
        #expect(!instance.isRelevant(try Self.form.resolveAddress("member[1]/school")))
        // The label reads its own instance's name (a relative reference).
        let age = try Self.form.resolveAddress("member[2]/age")
        #expect(instance.text(age.field.label, for: age, language: "en") == "Age of Ben")
        // jr:count: two visits, required each.
        #expect(instance.addresses(of: try Self.form.resolveField("day")).map(\.text) == ["visit[1]/day", "visit[2]/day"])
        #expect(instance.validate(language: "en").map(\.description) == [
            "visit[1]/day: This field is required.", "visit[2]/day: This field is required."])
        try instance.set([("visits", "1"), ("visit[1]/day", "2026-11-01")])
        #expect(instance.validate(language: "en").isEmpty)
    }

    @Test func constraintsAndRequiredArePerInstance() throws {
        let instance = fresh()
        try instance.set([("visits", "1"), ("day", "2026-11-01"), ("name", "Ana"), ("age", "40"), ("employer", "ACME"), ("hours", "60"),
                          ("member[2]/name", "Ben"), ("member[2]/age", "130")])
        #expect(instance.validate(language: "en").map(\.description) == [
            "member[2]/age: Age 0 to 119", "member[1]/job[1]/hours: at most 48"])
    }

    @Test func refusesInstancesThatCannotBe() throws {
        let instance = fresh()
        #expect(throws: FormError.repeatInstance("member[3]/name", .nextInstance(name: "member", count: 1))) {
            try instance.set([("member[3]/name", "X")])
        }
        #expect(throws: FormError.self) { try instance.set([("room[2]/area", "12")]) }
        #expect(throws: FormError.self) { try instance.set([("visits", "1"), ("visit[2]/day", "2026-01-01")]) }
        let room = try #require(Self.form.repeatDefinition(at: ["data", "room"]))
        #expect(throws: FormError.self) { try instance.addInstance(room, in: []) }
        // A job in a member who is not old enough for one.
        try instance.set([("member[1]/age", "10")])
        let job = try #require(Self.form.repeatDefinition(at: ["data", "member", "job"]))
        #expect(throws: FormError.self) { try instance.addInstance(job, in: [1]) }
    }

    @Test func theSubmissionReadsBackEqual() throws {
        let instance = fresh()
        try instance.set([("visits", "1"), ("visit[1]/day", "2026-11-01"), ("name", "Ana"), ("age", "40"),
                          ("employer", "ACME"), ("member[2]/name", "Ben"), ("member[2]/age", "17"),
                          ("member[2]/job[1]/employer", "Bäcker"), ("member[3]/name", "Cleo"), ("member[3]/age", "3")])
        let xml = instance.xml()
        #expect(!xml.contains("template"))
        #expect(xml.components(separatedBy: "<member>").count == 4)
        let again = fresh()
        try again.load(try XMLDocument.parse(bytes: Array(xml.utf8), name: "s.xml").root)
        #expect(again.xml() == xml)
        #expect(try value(again, "member[2]/job[1]/employer") == "Bäcker")
        // A submission with no member: the instance the form starts with goes.
        let none = fresh()
        let empty = xml.replacingOccurrences(of: #"<member>[\s\S]*</member>\n"#, with: "", options: .regularExpression)
        try none.load(try XMLDocument.parse(bytes: Array(empty.utf8), name: "s.xml").root)
        #expect(try value(none, "members") == "0")
    }

    /// `odk-new-repeat` (an XLSForm default inside a repeat) runs in each instance added; index 0 in
    /// indexed-repeat() is the instance the expression is in (javarosa).
    @Test func newRepeatActionsAndIndexZero() throws {
        let xml = """
            <h:html xmlns="http://www.w3.org/2002/xforms" xmlns:h="http://www.w3.org/1999/xhtml" xmlns:jr="http://openrosa.org/javarosa">
            <h:head><h:title>t</h:title><model><instance><data id="t"><p jr:template=""><n/><pos/><prev/></p><p><n/><pos/><prev/></p></data></instance>
            <bind nodeset="/data/p/n" type="string"/><bind nodeset="/data/p/pos" type="int" calculate="position(..)"/>
            <bind nodeset="/data/p/prev" type="string" calculate="indexed-repeat(/data/p/n, /data/p, ../pos - 1)"/></model></h:head>
            <h:body><group ref="/data/p"><repeat nodeset="/data/p"><input ref="/data/p/n"><label>n</label></input>
            <setvalue event="odk-new-repeat" ref="/data/p/n" value="concat('new ', position(..))"/></repeat></group></h:body></h:html>
            """
        let result = FormReader.read(bytes: Array(xml.utf8), name: "t.xml")
        let form = try #require(result.definition, "\(result.diagnostics)")
        let instance = FormInstance(definition: form)
        #expect(instance.value(of: try form.resolveAddress("p[1]/n")) == "")
        let p = try #require(form.repeatDefinition(at: ["data", "p"]))
        try instance.addInstance(p, in: [])
        #expect(instance.value(of: try form.resolveAddress("p[2]/n")) == "new 2")
        try instance.set([("p[1]/n", "Ana")])
        #expect(instance.value(of: try form.resolveAddress("p[2]/prev")) == "Ana")
        #expect(instance.value(of: try form.resolveAddress("p[1]/prev")) == "Ana")
    }
}
