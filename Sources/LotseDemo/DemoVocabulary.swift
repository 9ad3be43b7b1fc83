/// A target occupation with where such jobs are (KldB 2010, WZ 2008) and who employs.
struct DemoOccupation {
    var kldb: String
    var title: String
    var wz: [String]
    var employers: [String]
    /// Typical weekly hours of a part-time job.
    var partTimeHours: ClosedRange<Int>
}

/// The words of the demo: occupations, reasons, topics, providers. German, as staff write them.
enum DemoVocabulary {
    static let occupations: [DemoOccupation] = [
        DemoOccupation(kldb: "54101", title: "Reinigungskraft", wz: ["81.21.0", "78.20.0"],
                       employers: ["Gebäudereinigung Ahaus", "Clean-Service Bocholt", "Personalservice Westmünsterland"],
                       partTimeHours: 15...30),
        DemoOccupation(kldb: "51312", title: "Lagerhelfer/in", wz: ["52.10.0", "78.20.0"],
                       employers: ["Logistikzentrum Bocholt-Süd", "Spedition Terhorst", "Zeitarbeit Münsterland"],
                       partTimeHours: 20...30),
        DemoOccupation(kldb: "81302", title: "Pflegehelfer/in", wz: ["87.10.0", "86.10.0"],
                       employers: ["Seniorenzentrum St. Agnes", "Pflegeheim Haus am Aa-See", "St.-Agnes-Hospital"],
                       partTimeHours: 20...30),
        DemoOccupation(kldb: "52122", title: "Berufskraftfahrer/in", wz: ["49.41.0", "52.10.0"],
                       employers: ["Spedition Hüning", "Kurierdienst Velen"], partTimeHours: 20...30),
        DemoOccupation(kldb: "62102", title: "Verkäufer/in", wz: ["47.11.0"],
                       employers: ["Supermarkt am Europaplatz", "Lebensmittelmarkt Isselburg", "Discounter Velen"],
                       partTimeHours: 15...30),
        DemoOccupation(kldb: "53112", title: "Objektschutz / Pforte", wz: ["80.10.0", "78.20.0"],
                       employers: ["Sicherheitsdienst Westmünsterland", "Wachschutz Borken"], partTimeHours: 20...30),
        DemoOccupation(kldb: "29302", title: "Küchenhilfe", wz: ["56.10.1", "56.29.0"],
                       employers: ["Gasthof zur Linde", "Betriebskantine Bocholt"], partTimeHours: 15...25),
        DemoOccupation(kldb: "25102", title: "Maschinenbedienung / Produktion", wz: ["25.62.0", "22.29.0"],
                       employers: ["Metallbau Kemper", "Kunststofftechnik Rhede"], partTimeHours: 25...30),
    ]

    static let referralReasons = [
        "langjähriger Leistungsbezug, gesundheitliche Einschränkungen stehen der Vermittlung entgegen",
        "wiederholte Arbeitsunfähigkeit, Belastbarkeit unklar",
        "psychosoziale Belastungen, mehrere Maßnahmen abgebrochen",
        "körperliche Einschränkungen, bisheriger Beruf nicht mehr ausübbar",
        "lange Erwerbslosigkeit, Tagesstruktur fehlt",
        "gesundheitliche Situation und Schulden belasten die Arbeitsuche",
    ]
    static let comparisonReasons = ["Vergleichsgruppe: reguläres Fallmanagement", "Vergleichsgruppe (Modellprojekt AmigA)"]

    static let strengths = [
        "zuverlässig, pünktlich, handwerklich geschickt", "freundlich im Umgang, Erfahrung im Verkauf",
        "Erfahrung in Reinigung und Hauswirtschaft", "Führerschein, Erfahrung im Lager", "motiviert, lernbereit",
        "Pflegeerfahrung in der Familie", "gute Deutschkenntnisse, Computerkenntnisse", "körperlich belastbar in leichten Tätigkeiten",
    ]

    static let contactTopics = [
        "Beratungsgespräch Integrationsplanung", "Bewerbungsunterlagen überarbeitet", "Rückmeldung zur Maßnahme",
        "Stellenangebote besprochen", "Gesundheitliche Situation, nächste Schritte", "Terminvereinbarung Praktikum",
        "Vorstellungsgespräch vorbereitet", "Schuldnerberatung vermittelt", "Kinderbetreuung geklärt",
        "Tagesstruktur und Motivation", "Rückmeldung Arbeitgeber", "Kurzer Statusabgleich",
    ]

    static let conferenceParticipants = [
        "Fallmanagerin, Ärztin, Psychologe", "Fallmanager, Ärztin, Teamleitung", "Fallmanagerin, Arzt, Klient/in",
        "Fallmanager, Psychologin, Reha-Berater DRV",
    ]

    /// Providers by step category.
    static let providers: [String: [String]] = [
        "werkakademie": ["Werkakademie Borken", "Werkakademie Bocholt"],
        "training": ["VHS Bocholt-Rhede-Isselburg", "Kolping-Bildungswerk", "Bildungszentrum Westmünsterland"],
        "activation": ["Caritasverband Borken", "Diakonisches Werk Borken", "Coaching-Zentrum Bocholt"],
        "employment": ["AGH Stadtwerkstatt Bocholt", "Sozialkaufhaus Velen"],
        "health": ["AOK-Gesundheitskurs Rücken", "Ambulante Psychotherapie", "Suchtberatung Caritas"],
        "rehab": ["Reha-Zentrum Münsterland", "Klinik am Hagen (stationäre Reha)"],
    ]

    /// Plan steps and the step category they lead to.
    static let planSteps: [(step: String, category: String)] = [
        ("werkakademie", "werkakademie"), ("fbw", "training"), ("activation", "activation"), ("agh", "employment"),
        ("health_promotion", "health"), ("therapy", "health"), ("med_rehab", "rehab"), ("coaching", "activation"),
        ("language_course", "training"), ("wage_subsidy", "employment"), ("childcare", "activation"),
    ]

    static let suspensionNotes = [
        "Arbeitsunfähigkeit, voraussichtlich sechs Wochen", "stationäre medizinische Rehabilitation",
        "stationäre Therapie", "Krankenhausaufenthalt", "Pflege eines Angehörigen",
    ]
}
