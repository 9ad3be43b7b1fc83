# Lotse: export cases — variable and value labels, types and missing values (generated, do not edit)
# source("this file") reads the CSV into the data frame `cases`; empty fields are NA.
lotse_file <- if (exists("lotse_file")) lotse_file else "cases.csv"
cases <- utils::read.csv(lotse_file, na.strings = "", encoding = "UTF-8", fileEncoding = "UTF-8",
    check.names = FALSE, stringsAsFactors = FALSE, colClasses = c(
    "pseudonym" = "character",
    "site" = "character",
    "group" = "character",
    "randomised" = "integer",
    "age_class" = "character",
    "sex" = "character",
    "applicant_type" = "character",
    "lzb" = "character",
    "tg_older" = "integer",
    "tg_single_parent" = "integer",
    "tg_no_school" = "integer",
    "tg_no_vocational" = "integer",
    "tg_minijob" = "integer",
    "case_start" = "character",
    "entered_referred" = "character",
    "entered_consent_pending" = "character",
    "entered_profiling" = "character",
    "entered_health_assessment" = "character",
    "entered_case_conference" = "character",
    "entered_capacity_review" = "character",
    "entered_capacity_signoff" = "character",
    "entered_interface_review" = "character",
    "entered_objection_pending" = "character",
    "entered_integration_planning" = "character",
    "entered_integration_steps" = "character",
    "entered_placed" = "character",
    "entered_follow_up" = "character",
    "entered_suspended" = "character",
    "entered_transferred" = "character",
    "entered_closed" = "character",
    "entered_baseline" = "character",
    "entered_observation" = "character",
    "state" = "character",
    "capacity_decision" = "character",
    "capacity_level" = "character",
    "capacity_duration" = "character",
    "contacts" = "integer",
    "contact_interval_days" = "integer",
    "contacts_within_interval" = "numeric",
    "steps_activation" = "integer",
    "steps_training" = "integer",
    "steps_employment" = "integer",
    "steps_werkakademie" = "integer",
    "steps_health" = "integer",
    "steps_rehab" = "integer",
    "outcome" = "character",
    "integration_k2" = "integer",
    "minijob" = "integer",
    "placement_subsidy" = "character",
    "placement_kldb" = "character",
    "placement_wz" = "character",
    "days_to_placement" = "integer",
    "observed_6m" = "character",
    "source_6m" = "character",
    "employment_since_6m" = "character",
    "benefit_6m" = "character",
    "employment_6m" = "character",
    "left_benefits_6m" = "integer",
    "transferred_6m" = "integer",
    "reduced_claim_6m" = "integer",
    "integrated_6m" = "integer",
    "fulltime_6m" = "integer",
    "parttime_6m" = "integer",
    "minijob_6m" = "integer",
    "observed_12m" = "character",
    "source_12m" = "character",
    "employment_since_12m" = "character",
    "benefit_12m" = "character",
    "employment_12m" = "character",
    "left_benefits_12m" = "integer",
    "transferred_12m" = "integer",
    "reduced_claim_12m" = "integer",
    "integrated_12m" = "integer",
    "fulltime_12m" = "integer",
    "parttime_12m" = "integer",
    "minijob_12m" = "integer",
    "bedarfsdeckend" = "integer",
    "nachhaltig" = "integer",
    "rehab_therapy_started" = "integer",
    "legal_basis" = "character"))
attr(cases[["pseudonym"]], "label") <- "client pseudonym (HMAC-SHA256, project key)"
attr(cases[["site"]], "label") <- "site"
cases[["group"]] <- factor(cases[["group"]], levels = c("participant", "comparison"),
    labels = c("participants", "comparison group"))
attr(cases[["group"]], "label") <- "group"
attr(cases[["randomised"]], "labels") <- c("no" = 0, "yes" = 1)
attr(cases[["randomised"]], "label") <- "randomised"
cases[["age_class"]] <- factor(cases[["age_class"]], levels = c("lt25", "25to49", "50plus"),
    labels = c("under 25", "25 to 49", "50 and over"))
attr(cases[["age_class"]], "label") <- "age class at case start"
cases[["sex"]] <- factor(cases[["sex"]], levels = c("m", "w", "d"),
    labels = c("male", "female", "diverse"))
attr(cases[["sex"]], "label") <- "sex"
cases[["applicant_type"]] <- factor(cases[["applicant_type"]], levels = c("MP", "AP", "FP", "EP", "SP", "UP", "none"),
    labels = c("market profile", "activation profile", "support profile", "development profile", "stabilisation profile", "assistance profile", "no profile assigned"))
attr(cases[["applicant_type"]], "label") <- "applicant type (Profillage)"
cases[["lzb"]] <- factor(cases[["lzb"]], levels = c("yes", "no"),
    labels = c("yes", "no"))
attr(cases[["lzb"]], "label") <- "long-term receipt (21 of 24 months)"
attr(cases[["tg_older"]], "labels") <- c("no" = 0, "yes" = 1)
attr(cases[["tg_older"]], "label") <- "target group: older people (50 and over)"
attr(cases[["tg_single_parent"]], "labels") <- c("no" = 0, "yes" = 1)
attr(cases[["tg_single_parent"]], "label") <- "target group: single parents"
attr(cases[["tg_no_school"]], "labels") <- c("no" = 0, "yes" = 1)
attr(cases[["tg_no_school"]], "label") <- "target group: no school-leaving qualification"
attr(cases[["tg_no_vocational"]], "labels") <- c("no" = 0, "yes" = 1)
attr(cases[["tg_no_vocational"]], "label") <- "target group: no vocational qualification"
attr(cases[["tg_minijob"]], "labels") <- c("no" = 0, "yes" = 1)
attr(cases[["tg_minijob"]], "label") <- "target group: already in a mini-job"
cases[["case_start"]] <- as.Date(cases[["case_start"]], format = "%Y-%m-%d")
attr(cases[["case_start"]], "label") <- "case start"
cases[["entered_referred"]] <- as.Date(cases[["entered_referred"]], format = "%Y-%m-%d")
attr(cases[["entered_referred"]], "label") <- "entered: referral"
cases[["entered_consent_pending"]] <- as.Date(cases[["entered_consent_pending"]], format = "%Y-%m-%d")
attr(cases[["entered_consent_pending"]], "label") <- "entered: awaiting consent"
cases[["entered_profiling"]] <- as.Date(cases[["entered_profiling"]], format = "%Y-%m-%d")
attr(cases[["entered_profiling"]], "label") <- "entered: profiling"
cases[["entered_health_assessment"]] <- as.Date(cases[["entered_health_assessment"]], format = "%Y-%m-%d")
attr(cases[["entered_health_assessment"]], "label") <- "entered: health assessment"
cases[["entered_case_conference"]] <- as.Date(cases[["entered_case_conference"]], format = "%Y-%m-%d")
attr(cases[["entered_case_conference"]], "label") <- "entered: team case conference"
cases[["entered_capacity_review"]] <- as.Date(cases[["entered_capacity_review"]], format = "%Y-%m-%d")
attr(cases[["entered_capacity_review"]], "label") <- "entered: work-capacity review"
cases[["entered_capacity_signoff"]] <- as.Date(cases[["entered_capacity_signoff"]], format = "%Y-%m-%d")
attr(cases[["entered_capacity_signoff"]], "label") <- "entered: four-eyes sign-off"
cases[["entered_interface_review"]] <- as.Date(cases[["entered_interface_review"]], format = "%Y-%m-%d")
attr(cases[["entered_interface_review"]], "label") <- "entered: interface review"
cases[["entered_objection_pending"]] <- as.Date(cases[["entered_objection_pending"]], format = "%Y-%m-%d")
attr(cases[["entered_objection_pending"]], "label") <- "entered: objection: DRV opinion pending"
cases[["entered_integration_planning"]] <- as.Date(cases[["entered_integration_planning"]], format = "%Y-%m-%d")
attr(cases[["entered_integration_planning"]], "label") <- "entered: integration planning"
cases[["entered_integration_steps"]] <- as.Date(cases[["entered_integration_steps"]], format = "%Y-%m-%d")
attr(cases[["entered_integration_steps"]], "label") <- "entered: integration steps"
cases[["entered_placed"]] <- as.Date(cases[["entered_placed"]], format = "%Y-%m-%d")
attr(cases[["entered_placed"]], "label") <- "entered: placed"
cases[["entered_follow_up"]] <- as.Date(cases[["entered_follow_up"]], format = "%Y-%m-%d")
attr(cases[["entered_follow_up"]], "label") <- "entered: follow-up"
cases[["entered_suspended"]] <- as.Date(cases[["entered_suspended"]], format = "%Y-%m-%d")
attr(cases[["entered_suspended"]], "label") <- "entered: suspended"
cases[["entered_transferred"]] <- as.Date(cases[["entered_transferred"]], format = "%Y-%m-%d")
attr(cases[["entered_transferred"]], "label") <- "entered: transferred"
cases[["entered_closed"]] <- as.Date(cases[["entered_closed"]], format = "%Y-%m-%d")
attr(cases[["entered_closed"]], "label") <- "entered: closed"
cases[["entered_baseline"]] <- as.Date(cases[["entered_baseline"]], format = "%Y-%m-%d")
attr(cases[["entered_baseline"]], "label") <- "entered: baseline"
cases[["entered_observation"]] <- as.Date(cases[["entered_observation"]], format = "%Y-%m-%d")
attr(cases[["entered_observation"]], "label") <- "entered: observation (regular case management)"
cases[["state"]] <- factor(cases[["state"]], levels = c("referred", "consent_pending", "profiling", "health_assessment", "case_conference", "capacity_review", "capacity_signoff", "interface_review", "objection_pending", "integration_planning", "integration_steps", "placed", "follow_up", "suspended", "transferred", "closed", "baseline", "observation"),
    labels = c("referral", "awaiting consent", "profiling", "health assessment", "team case conference", "work-capacity review", "four-eyes sign-off", "interface review", "objection: DRV opinion pending", "integration planning", "integration steps", "placed", "follow-up", "suspended", "transferred", "closed", "baseline", "observation (regular case management)"))
attr(cases[["state"]], "label") <- "state at the reference date"
cases[["capacity_decision"]] <- factor(cases[["capacity_decision"]], levels = c("yes", "no"),
    labels = c("yes", "no"))
attr(cases[["capacity_decision"]], "label") <- "capable of work (§ 8 SGB II)"
cases[["capacity_level"]] <- factor(cases[["capacity_level"]], levels = c("GE6", "H3_6", "LT3"),
    labels = c("6 hours a day or more", "3 to under 6 hours a day", "under 3 hours a day"))
attr(cases[["capacity_level"]], "label") <- "capacity"
cases[["capacity_duration"]] <- factor(cases[["capacity_duration"]], levels = c("LE6M", "GT6M", "PERMANENT"),
    labels = c("up to 6 months", "more than 6 months", "permanent"))
attr(cases[["capacity_duration"]], "label") <- "duration of the limitation"
attr(cases[["contacts"]], "label") <- "number of contacts"
attr(cases[["contact_interval_days"]], "label") <- "agreed contact interval (days)"
attr(cases[["contacts_within_interval"]], "label") <- "share of contacts within the agreed interval"
attr(cases[["steps_activation"]], "label") <- "steps: activation and vocational integration"
attr(cases[["steps_training"]], "label") <- "steps: vocational training"
attr(cases[["steps_employment"]], "label") <- "steps: job creation measure (including work opportunities)"
attr(cases[["steps_werkakademie"]], "label") <- "steps: Werkakademie (work first)"
attr(cases[["steps_health"]], "label") <- "steps: health promotion"
attr(cases[["steps_rehab"]], "label") <- "steps: rehabilitation"
cases[["outcome"]] <- factor(cases[["outcome"]], levels = c("SVB_VZ", "SVB_TZ", "AUSB", "SELBST", "MINIJOB", "GEF_BESCH", "REHA_MED", "REHA_LTA", "THERAPIE", "EM_SGBXII", "KOSTENTRAEGER", "FORTSCHRITT", "ABBRUCH", "UMZUG", "SONST"),
    labels = c("employment subject to social insurance, full time", "employment subject to social insurance, part time", "fully qualifying vocational training", "self-employment", "marginal employment (mini-job)", "publicly funded employment", "medical rehabilitation started", "vocational rehabilitation (LTA) started", "outpatient or inpatient therapy started", "moved to a reduced earning capacity pension or SGB XII", "priority payer identified", "clear progress towards integration", "dropped out", "moved away / other jobcenter", "other reason"))
attr(cases[["outcome"]], "label") <- "outcome code"
attr(cases[["integration_k2"]], "labels") <- c("no" = 0, "yes" = 1)
attr(cases[["integration_k2"]], "label") <- "integration (K2 sense)"
attr(cases[["minijob"]], "labels") <- c("no" = 0, "yes" = 1)
attr(cases[["minijob"]], "label") <- "marginal employment (Minijob)"
cases[["placement_subsidy"]] <- factor(cases[["placement_subsidy"]], levels = c("egz", "esg", "16e", "16i", "none"),
    labels = c("integration subsidy (EGZ)", "start-up allowance (Einstiegsgeld)", "integration of the long-term unemployed (§ 16e SGB II)", "participation in the labour market (§ 16i SGB II)", "no subsidy"))
attr(cases[["placement_subsidy"]], "label") <- "subsidy of the employment"
attr(cases[["placement_kldb"]], "label") <- "occupation (KldB 2010)"
attr(cases[["placement_wz"]], "label") <- "sector (WZ 2008)"
attr(cases[["days_to_placement"]], "label") <- "days to placement"
cases[["observed_6m"]] <- as.Date(cases[["observed_6m"]], format = "%Y-%m-%d")
attr(cases[["observed_6m"]], "label") <- "date of the observation at 6 months"
cases[["source_6m"]] <- factor(cases[["source_6m"]], levels = c("case_file", "statistics"),
    labels = c("case file", "jobcenter statistics"))
attr(cases[["source_6m"]], "label") <- "source of the observation at 6 months"
cases[["employment_since_6m"]] <- as.Date(cases[["employment_since_6m"]], format = "%Y-%m-%d")
attr(cases[["employment_since_6m"]], "label") <- "employed since (observation at 6 months)"
cases[["benefit_6m"]] <- factor(cases[["benefit_6m"]], levels = c("none", "reduced", "unchanged", "transferred"),
    labels = c("no benefits", "reduced claim", "unchanged", "left SGB II by transfer (SGB XII, pension, rehabilitation)"))
attr(cases[["benefit_6m"]], "label") <- "benefit status at 6 months"
cases[["employment_6m"]] <- factor(cases[["employment_6m"]], levels = c("SVB_VZ", "SVB_TZ", "AUSB", "SELBST", "MINIJOB", "GEF_BESCH", "none"),
    labels = c("employment subject to social insurance, full time", "employment subject to social insurance, part time", "fully qualifying vocational training", "self-employment", "marginal employment (mini-job)", "publicly funded employment", "not employed"))
attr(cases[["employment_6m"]], "label") <- "employment at 6 months"
attr(cases[["left_benefits_6m"]], "labels") <- c("no" = 0, "yes" = 1)
attr(cases[["left_benefits_6m"]], "label") <- "left benefits at 6 months"
attr(cases[["transferred_6m"]], "labels") <- c("no" = 0, "yes" = 1)
attr(cases[["transferred_6m"]], "label") <- "left SGB II by transfer at 6 months"
attr(cases[["reduced_claim_6m"]], "labels") <- c("no" = 0, "yes" = 1)
attr(cases[["reduced_claim_6m"]], "label") <- "reduced claim at 6 months"
attr(cases[["integrated_6m"]], "labels") <- c("no" = 0, "yes" = 1)
attr(cases[["integrated_6m"]], "label") <- "integrated (K2) at 6 months"
attr(cases[["fulltime_6m"]], "labels") <- c("no" = 0, "yes" = 1)
attr(cases[["fulltime_6m"]], "label") <- "svB full time at 6 months"
attr(cases[["parttime_6m"]], "labels") <- c("no" = 0, "yes" = 1)
attr(cases[["parttime_6m"]], "label") <- "svB part time at 6 months"
attr(cases[["minijob_6m"]], "labels") <- c("no" = 0, "yes" = 1)
attr(cases[["minijob_6m"]], "label") <- "Minijob at 6 months"
cases[["observed_12m"]] <- as.Date(cases[["observed_12m"]], format = "%Y-%m-%d")
attr(cases[["observed_12m"]], "label") <- "date of the observation at 12 months"
cases[["source_12m"]] <- factor(cases[["source_12m"]], levels = c("case_file", "statistics"),
    labels = c("case file", "jobcenter statistics"))
attr(cases[["source_12m"]], "label") <- "source of the observation at 12 months"
cases[["employment_since_12m"]] <- as.Date(cases[["employment_since_12m"]], format = "%Y-%m-%d")
attr(cases[["employment_since_12m"]], "label") <- "employed since (observation at 12 months)"
cases[["benefit_12m"]] <- factor(cases[["benefit_12m"]], levels = c("none", "reduced", "unchanged", "transferred"),
    labels = c("no benefits", "reduced claim", "unchanged", "left SGB II by transfer (SGB XII, pension, rehabilitation)"))
attr(cases[["benefit_12m"]], "label") <- "benefit status at 12 months"
cases[["employment_12m"]] <- factor(cases[["employment_12m"]], levels = c("SVB_VZ", "SVB_TZ", "AUSB", "SELBST", "MINIJOB", "GEF_BESCH", "none"),
    labels = c("employment subject to social insurance, full time", "employment subject to social insurance, part time", "fully qualifying vocational training", "self-employment", "marginal employment (mini-job)", "publicly funded employment", "not employed"))
attr(cases[["employment_12m"]], "label") <- "employment at 12 months"
attr(cases[["left_benefits_12m"]], "labels") <- c("no" = 0, "yes" = 1)
attr(cases[["left_benefits_12m"]], "label") <- "left benefits at 12 months"
attr(cases[["transferred_12m"]], "labels") <- c("no" = 0, "yes" = 1)
attr(cases[["transferred_12m"]], "label") <- "left SGB II by transfer at 12 months"
attr(cases[["reduced_claim_12m"]], "labels") <- c("no" = 0, "yes" = 1)
attr(cases[["reduced_claim_12m"]], "label") <- "reduced claim at 12 months"
attr(cases[["integrated_12m"]], "labels") <- c("no" = 0, "yes" = 1)
attr(cases[["integrated_12m"]], "label") <- "integrated (K2) at 12 months"
attr(cases[["fulltime_12m"]], "labels") <- c("no" = 0, "yes" = 1)
attr(cases[["fulltime_12m"]], "label") <- "svB full time at 12 months"
attr(cases[["parttime_12m"]], "labels") <- c("no" = 0, "yes" = 1)
attr(cases[["parttime_12m"]], "label") <- "svB part time at 12 months"
attr(cases[["minijob_12m"]], "labels") <- c("no" = 0, "yes" = 1)
attr(cases[["minijob_12m"]], "label") <- "Minijob at 12 months"
attr(cases[["bedarfsdeckend"]], "labels") <- c("no" = 0, "yes" = 1)
attr(cases[["bedarfsdeckend"]], "label") <- "integration covering needs"
attr(cases[["nachhaltig"]], "labels") <- c("no" = 0, "yes" = 1)
attr(cases[["nachhaltig"]], "label") <- "sustained integration"
attr(cases[["rehab_therapy_started"]], "labels") <- c("no" = 0, "yes" = 1)
attr(cases[["rehab_therapy_started"]], "label") <- "rehabilitation or therapy started"
cases[["legal_basis"]] <- factor(cases[["legal_basis"]], levels = c("consent", "sgb10_75", "none"),
    labels = c("consent (purpose evaluation)", "§ 75 SGB X (approval of the evaluation recorded)", "none: exported without outcomes"))
attr(cases[["legal_basis"]], "label") <- "legal basis of the evaluation"
