/// Synthetic German names for the few clients registered with a name (so that name redaction
/// can be seen). Common names only; any likeness to a real person is chance.
enum DemoNames {
    static let female = [
        "Sabine", "Monika", "Petra", "Andrea", "Claudia", "Susanne", "Birgit", "Nicole", "Stefanie", "Melanie",
        "Sandra", "Katrin", "Jessica", "Jennifer", "Julia", "Anna", "Laura", "Lisa", "Sarah", "Marina",
        "Elena", "Aylin", "Fatma", "Natalia", "Ewa", "Renate", "Ursula", "Heike", "Tanja", "Kerstin",
    ]
    static let male = [
        "Thomas", "Michael", "Andreas", "Stefan", "Frank", "Markus", "Jürgen", "Uwe", "Ralf", "Oliver",
        "Sven", "Dirk", "Daniel", "Christian", "Dennis", "Kevin", "Marco", "Tobias", "Jan", "Lukas",
        "Mehmet", "Ali", "Sergej", "Piotr", "Dimitri", "Klaus", "Bernd", "Hans", "Wolfgang", "Peter",
    ]
    static let neutral = ["Kim", "Alex", "Robin", "Sascha", "Luca", "Charlie", "Noah", "Maxi"]
    static let last = [
        "Müller", "Schmidt", "Schneider", "Fischer", "Weber", "Meyer", "Wagner", "Becker", "Schulz", "Hoffmann",
        "Koch", "Richter", "Klein", "Wolf", "Schröder", "Neumann", "Schwarz", "Zimmermann", "Braun", "Krüger",
        "Hartmann", "Lange", "Werner", "Krause", "Lehmann", "Köhler", "Terhorst", "Tenbrink", "Wissing", "Bußmann",
        "Hüning", "Lensing", "Ebbert", "Kemper", "Rademacher", "Büning", "Yılmaz", "Kaya", "Nowak", "Kowalski",
    ]

    /// A first name fitting the recorded sex.
    static func first(sex: String, _ random: DemoRandom) -> String {
        switch sex {
        case "w": return random.pick(female)
        case "m": return random.pick(male)
        default: return random.pick(neutral)
        }
    }
}
