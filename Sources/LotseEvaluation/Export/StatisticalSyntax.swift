/// The statistical package a syntax file is written for.
public enum StatisticalPackage: String, Sendable, CaseIterable {
    /// IBM SPSS Statistics (and GNU PSPP): `GET DATA`, `VARIABLE LABELS`, `VALUE LABELS`.
    case spss
    /// Stata: `import delimited`, `label variable`, `label define` on numeric companions.
    case stata
    /// R: `read.csv` with explicit column classes, factors with the code labels, `label` attributes.
    case r
    /// Python with pandas: `read_csv` with explicit dtypes, categoricals with the code labels.
    case python
}

/// Syntax files that read the CSV of `export cases` into a statistical package with its variable
/// labels, value labels, types and missing values — the set REDCap exports beside its CSV.
///
/// The rules, the same for every package:
/// - **Types.** `text` and `code` variables are read as strings, never as numbers, so codes such
///   as KldB 2010 occupations keep their leading zeros (`01104`); `integer` and `decimal` as
///   numbers; `flag` as the numbers 0/1 with the value labels no/yes; `date` as dates where the
///   export has day precision (`YYYY-MM-DD`), as text `YYYY-MM` at month precision.
/// - **Missing values.** The export writes an empty field for "unknown or not applicable"; every
///   syntax reads an empty field as missing (R `NA`, SPSS system-missing or empty string, Stata `.`
///   or `""`). There are no numeric missing codes.
/// - **Labels** come from the codebook (the same `EvaluationVariables`), in the chosen language.
///
/// The renderer is pure: it returns the text; the export writes and audits the file.
public enum StatisticalSyntax {
    /// Renders the syntax for `variables`.
    /// - Parameters:
    ///   - variables: the columns of `export cases`, in order.
    ///   - package: the target package.
    ///   - dataFile: the CSV file name the syntax reads (relative to the working directory).
    ///   - english: English labels (else German).
    ///   - dayPrecision: whether dates are exported as `YYYY-MM-DD` (else `YYYY-MM`).
    public static func render(_ variables: [Variable], for package: StatisticalPackage, dataFile: String,
                              english: Bool, dayPrecision: Bool = true) -> String {
        let sheet = Sheet(variables: variables, english: english, dayPrecision: dayPrecision)
        switch package {
        case .r: return sheet.r(dataFile)
        case .spss: return sheet.spss(dataFile)
        case .stata: return sheet.stata(dataFile)
        case .python: return sheet.python(dataFile)
        }
    }

    private struct Sheet {
        let variables: [Variable]
        let english: Bool
        let dayPrecision: Bool

        func label(_ v: Variable) -> String { english ? v.labelEN : v.labelDE }
        func label(_ c: Variable.Code) -> String { english ? c.en : c.de }
        var header: String {
            english ? "Lotse: export cases — variable and value labels, types and missing values (generated, do not edit)"
                    : "Lotse: export cases — Variablen- und Wertelabels, Typen und fehlende Werte (erzeugt, nicht bearbeiten)"
        }

        // MARK: R

        func r(_ dataFile: String) -> String {
            var out = "# \(header)\n"
            out += "# source(\"this file\") reads the CSV into the data frame `cases`; empty fields are NA.\n"
            out += "lotse_file <- if (exists(\"lotse_file\")) lotse_file else \(rString(dataFile))\n"
            out += "cases <- utils::read.csv(lotse_file, na.strings = \"\", encoding = \"UTF-8\", fileEncoding = \"UTF-8\",\n"
            out += "    check.names = FALSE, stringsAsFactors = FALSE, colClasses = c(\n"
            out += variables.map { "    \(rString($0.name)) = \(rString(rClass($0)))" }.joined(separator: ",\n")
            out += "))\n"
            for v in variables {
                let column = "cases[[\(rString(v.name))]]"
                switch v.kind {
                case .code where !v.codes.isEmpty:
                    out += "\(column) <- factor(\(column), levels = c(\(v.codes.map { rString($0.code) }.joined(separator: ", "))),\n"
                    out += "    labels = c(\(v.codes.map { rString(label($0)) }.joined(separator: ", "))))\n"
                case .flag:
                    out += "attr(\(column), \"labels\") <- c(\(v.codes.map { "\(rString(label($0))) = \($0.code)" }.joined(separator: ", ")))\n"
                case .date where dayPrecision:
                    out += "\(column) <- as.Date(\(column), format = \"%Y-%m-%d\")\n"
                default: break
                }
                out += "attr(\(column), \"label\") <- \(rString(label(v)))\n"
            }
            return out
        }

        func rClass(_ v: Variable) -> String {
            switch v.kind {
            case .integer, .flag: "integer"
            case .decimal: "numeric"
            case .text, .code, .date: "character"
            }
        }

        func rString(_ s: String) -> String {
            "\"" + s.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"")
                .replacingOccurrences(of: "\n", with: "\\n") + "\""
        }

        // MARK: Python (pandas)

        func python(_ dataFile: String) -> String {
            var out = "# \(header)\n"
            out += "# read_cases() returns a pandas DataFrame: codes as strings (leading zeros kept), empty fields as missing.\n"
            out += "import pandas as pd\n\n"
            out += "DTYPES = {\n"
            out += variables.map { "    \(pyString($0.name)): \(pyString(pyType($0)))," }.joined(separator: "\n")
            out += "\n}\n\nLABELS = {\n"
            out += variables.map { "    \(pyString($0.name)): \(pyString(label($0)))," }.joined(separator: "\n")
            out += "\n}\n\nVALUE_LABELS = {\n"
            for v in variables where (v.kind == .code || v.kind == .flag) && !v.codes.isEmpty {
                let pairs = v.codes.map { c in (v.kind == .flag ? c.code : pyString(c.code)) + ": " + pyString(label(c)) }
                out += "    \(pyString(v.name)): {\(pairs.joined(separator: ", "))},\n"
            }
            out += "}\n\nDATES = [\(dayPrecision ? variables.filter { $0.kind == .date }.map { pyString($0.name) }.joined(separator: ", ") : "")]\n\n"
            out += "def read_cases(path=\(pyString(dataFile)), labelled=False):\n"
            out += "    frame = pd.read_csv(path, dtype=DTYPES, keep_default_na=False, na_values=[\"\"], encoding=\"utf-8\")\n"
            out += "    for name in DATES:\n"
            out += "        frame[name] = pd.to_datetime(frame[name], format=\"%Y-%m-%d\")\n"
            out += "    if labelled:\n"
            out += "        for name, labels in VALUE_LABELS.items():\n"
            out += "            frame[name] = frame[name].map(labels).astype(\"category\")\n"
            out += "    frame.attrs[\"labels\"] = LABELS\n"
            out += "    return frame\n"
            return out
        }

        func pyType(_ v: Variable) -> String {
            switch v.kind {
            case .integer, .flag: "Int64"
            case .decimal: "float64"
            case .text, .code, .date: "string"
            }
        }

        func pyString(_ s: String) -> String {
            "\"" + s.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"")
                .replacingOccurrences(of: "\n", with: "\\n") + "\""
        }

        // MARK: SPSS

        func spss(_ dataFile: String) -> String {
            var out = "* \(header).\n"
            out += "* Empty fields are system-missing (numbers) or empty strings (text and codes).\n"
            out += "GET DATA /TYPE=TXT /FILE=\(spssString(dataFile)) /ENCODING='UTF8'\n"
            out += "  /ARRANGEMENT=DELIMITED /DELCASE=LINE /FIRSTCASE=2 /DELIMITERS=\",\" /QUALIFIER='\"'\n"
            out += "  /VARIABLES=\n"
            out += variables.map { "    \($0.name) \(spssFormat($0))" }.joined(separator: "\n")
            out += ".\n"
            out += "VARIABLE LABELS\n"
            out += variables.map { "    \($0.name) \(spssString(label($0)))" }.joined(separator: "\n/")
            out += ".\n"
            let labelled = variables.filter { ($0.kind == .code || $0.kind == .flag) && !$0.codes.isEmpty }
            if !labelled.isEmpty {
                out += "VALUE LABELS\n"
                out += labelled.map { v in
                    "    \(v.name) " + v.codes.map { c in
                        (v.kind == .flag ? c.code : spssString(c.code)) + " " + spssString(label(c))
                    }.joined(separator: " ")
                }.joined(separator: "\n/")
                out += ".\n"
                out += "VARIABLE LEVEL " + labelled.map(\.name).joined(separator: " ") + " (NOMINAL).\n"
            }
            out += "EXECUTE.\n"
            return out
        }

        func spssFormat(_ v: Variable) -> String {
            switch v.kind {
            case .integer, .flag: "F8.0"
            case .decimal: "F8.2"
            case .date: dayPrecision ? "SDATE10" : "A7"
            case .code: "A\(max(8, v.codes.map(\.code.utf8.count).max() ?? 0, 40))"
            case .text: "A255"
            }
        }

        func spssString(_ s: String) -> String { "'" + s.replacingOccurrences(of: "'", with: "''") + "'" }

        // MARK: Stata

        func stata(_ dataFile: String) -> String {
            var out = "* \(header)\n"
            out += "* Codes stay strings (leading zeros kept); coded variables get a labelled numeric twin NAME_n.\n"
            out += "import delimited using \(stataString(dataFile)), varnames(1) case(preserve) encoding(\"utf-8\") stringcols(_all) bindquote(strict) clear\n"
            for v in variables {
                let name = v.name
                switch v.kind {
                case .integer, .decimal, .flag:
                    out += "destring \(name), replace\n"
                case .date where dayPrecision:
                    out += "generate \(stataName(name, "_d")) = date(\(name), \"YMD\")\n"
                    out += "format \(stataName(name, "_d")) %td\n"
                default: break
                }
                out += "label variable \(name) \(stataString(stataLabel(label(v))))\n"
                if v.kind == .flag || (v.kind == .code && !v.codes.isEmpty) {
                    let labelName = stataName(name, "_l")
                    out += "label define \(labelName) "
                    if v.kind == .flag {
                        out += v.codes.map { "\($0.code) \(stataString(stataLabel(label($0))))" }.joined(separator: " ")
                        out += ", replace\nlabel values \(name) \(labelName)\n"
                    } else {
                        out += v.codes.enumerated().map { "\($0.offset + 1) \(stataString(stataLabel(label($0.element))))" }
                            .joined(separator: " ")
                        let twin = stataName(name, "_n")
                        out += ", replace\ngenerate byte \(twin) = .\n"
                        for (i, c) in v.codes.enumerated() {
                            out += "replace \(twin) = \(i + 1) if \(name) == \(stataString(c.code))\n"
                        }
                        out += "label values \(twin) \(labelName)\n"
                        out += "label variable \(twin) \(stataString(stataLabel(label(v))))\n"
                    }
                }
            }
            return out
        }

        /// Stata names are at most 32 characters: a suffix replaces the end of a long name.
        func stataName(_ name: String, _ suffix: String) -> String {
            String(name.prefix(32 - suffix.count)) + suffix
        }

        /// Stata labels are at most 80 characters.
        func stataLabel(_ s: String) -> String { String(s.prefix(80)) }

        func stataString(_ s: String) -> String { "`\"" + s + "\"'" }
    }
}
