/// The closed sets of the evaluation, as types shared by cases, the export and the reports.
/// Each raw value is the code stored, exported and documented in the codebook.

/// The randomised group of a case (the Borken design). A case without an assignment has no
/// group: it was opened by hand for a client outside the pool (`randomised = no`).
public enum CaseGroup: String, CaseIterable, Sendable, Codable {
    case participant
    case comparison

    /// The workflow a case of this group runs in.
    public var workflow: String { self == .participant ? "amiga" : "comparison" }
}

/// Sex as recorded on the client (`m w d`).
public enum Sex: String, CaseIterable, Sendable {
    case m, w, d
}

/// Applicant type / Profillage (DOMAIN §4).
public enum ApplicantType: String, CaseIterable, Sendable {
    case MP, AP, FP, EP, SP, UP, none
}

/// The legal basis on which a case's data enter the evaluation export.
public enum LegalBasis: String, CaseIterable, Sendable {
    /// Consent with the purpose `evaluation`, given and not revoked by the reference date.
    case consent
    /// § 75 SGB X: the evaluation's approval by the supreme authority is recorded at `randomise setup`.
    case sgb10_75
    /// Neither: the case is exported without its outcomes and counted in a "no legal basis" row.
    case none
}

/// What an outcome observation says about SGB II receipt (form `observation`, field `benefit_status`).
public enum BenefitStatus: String, CaseIterable, Sendable {
    case none, reduced, unchanged
    /// Left SGB II by transfer (SGB XII, a pension, rehabilitation): its own outcome, never "left benefits".
    case transferred
}

/// Outcome codes (DOMAIN §9.4).
public enum OutcomeCode: String, CaseIterable, Sendable {
    case SVB_VZ, SVB_TZ, AUSB, SELBST, MINIJOB, GEF_BESCH
    case REHA_MED, REHA_LTA, THERAPIE, EM_SGBXII, KOSTENTRAEGER, FORTSCHRITT, ABBRUCH, UMZUG, SONST
    case none

    /// Integrations in the sense of the §48a SGB II key figure K2 (§ 5 SGB2§48aFKV): employment
    /// subject to social insurance, fully qualifying vocational training, self-employment.
    public var isIntegration: Bool { [.SVB_VZ, .SVB_TZ, .AUSB, .SELBST].contains(self) }
    /// Employment subject to social insurance (svB).
    public var isSVB: Bool { [.SVB_VZ, .SVB_TZ].contains(self) }
}

/// Consent purposes (form `consent`, field `purposes`).
public enum ConsentPurpose: String, CaseIterable, Sendable {
    case team_diagnostics, exchange_physician, exchange_insurer, exchange_drv, evaluation
}
