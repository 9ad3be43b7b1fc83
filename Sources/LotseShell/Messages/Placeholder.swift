/// The placeholders of usage lines (`FILE`, `CASE`, `KEY=VALUE`) in German and English: a usage
/// line or an option's name in an error is written once in English and its placeholders are
/// translated word by word; command words, option names and codes stay as they are.
enum Placeholder {
    /// `text` with every placeholder word in German (`--out FILE` → `--out DATEI`), and as it is in English.
    static func words(_ text: String) -> Wording {
        var german = "", word = ""
        func flush() {
            german += Self.german[word] ?? word
            word = ""
        }
        for character in text {
            if character.isUppercase || (character.isNumber && !word.isEmpty) {
                word.append(character)
            } else {
                flush()
                german.append(character)
            }
        }
        flush()
        return Wording(de: german, en: text)
    }

    /// The placeholders that read differently in German; the rest (`NAME`, `CODE`, `N`, `SEQ:HASH`) are the same.
    static let german: [String: String] = [
        "CASE": "FALL", "EVENT": "EREIGNIS", "FORM": "FORMULAR", "KEY": "SCHLÜSSEL", "VALUE": "WERT",
        "USER": "BENUTZER", "CLIENT": "KLIENT", "COMMAND": "BEFEHL", "FILE": "DATEI", "ROLE": "ROLLE",
        "SITE": "STANDORT", "DATE": "DATUM", "ACTION": "AKTION", "STATE": "ZUSTAND", "TYPE": "TYP", "YYYY": "JJJJ",
        "INDICATOR": "INDIKATOR", "LIST": "LISTE", "SIZES": "GRÖSSEN",
    ]
}
