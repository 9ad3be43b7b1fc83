* Lotse: export cases — Variablen- und Wertelabels, Typen und fehlende Werte (erzeugt, nicht bearbeiten).
* Empty fields are system-missing (numbers) or empty strings (text and codes).
GET DATA /TYPE=TXT /FILE='cases.csv' /ENCODING='UTF8'
  /ARRANGEMENT=DELIMITED /DELCASE=LINE /FIRSTCASE=2 /DELIMITERS="," /QUALIFIER='"'
  /VARIABLES=
    pseudonym A255
    site A255
    group A40
    randomised F8.0
    age_class A40
    sex A40
    applicant_type A40
    lzb A40
    tg_older F8.0
    tg_single_parent F8.0
    tg_no_school F8.0
    tg_no_vocational F8.0
    tg_minijob F8.0
    case_start SDATE10
    entered_referred SDATE10
    entered_consent_pending SDATE10
    entered_profiling SDATE10
    entered_health_assessment SDATE10
    entered_case_conference SDATE10
    entered_capacity_review SDATE10
    entered_capacity_signoff SDATE10
    entered_interface_review SDATE10
    entered_objection_pending SDATE10
    entered_integration_planning SDATE10
    entered_integration_steps SDATE10
    entered_placed SDATE10
    entered_follow_up SDATE10
    entered_suspended SDATE10
    entered_transferred SDATE10
    entered_closed SDATE10
    entered_baseline SDATE10
    entered_observation SDATE10
    state A40
    capacity_decision A40
    capacity_level A40
    capacity_duration A40
    contacts F8.0
    contact_interval_days F8.0
    contacts_within_interval F8.2
    steps_activation F8.0
    steps_training F8.0
    steps_employment F8.0
    steps_werkakademie F8.0
    steps_health F8.0
    steps_rehab F8.0
    outcome A40
    integration_k2 F8.0
    minijob F8.0
    placement_subsidy A40
    placement_kldb A255
    placement_wz A255
    days_to_placement F8.0
    observed_6m SDATE10
    source_6m A40
    employment_since_6m SDATE10
    benefit_6m A40
    employment_6m A40
    left_benefits_6m F8.0
    transferred_6m F8.0
    reduced_claim_6m F8.0
    integrated_6m F8.0
    fulltime_6m F8.0
    parttime_6m F8.0
    minijob_6m F8.0
    observed_12m SDATE10
    source_12m A40
    employment_since_12m SDATE10
    benefit_12m A40
    employment_12m A40
    left_benefits_12m F8.0
    transferred_12m F8.0
    reduced_claim_12m F8.0
    integrated_12m F8.0
    fulltime_12m F8.0
    parttime_12m F8.0
    minijob_12m F8.0
    bedarfsdeckend F8.0
    nachhaltig F8.0
    rehab_therapy_started F8.0
    legal_basis A40.
VARIABLE LABELS
    pseudonym 'Pseudonym der Person (HMAC-SHA256, Projektschlüssel)'
/    site 'Standort'
/    group 'Gruppe'
/    randomised 'Randomisiert'
/    age_class 'Altersklasse bei Fallbeginn'
/    sex 'Geschlecht'
/    applicant_type 'Profillage'
/    lzb 'Langzeitleistungsbezug (21 von 24 Monaten)'
/    tg_older 'Zielgruppe: Ältere (50 Jahre und älter)'
/    tg_single_parent 'Zielgruppe: Alleinerziehende'
/    tg_no_school 'Zielgruppe: ohne Schulabschluss'
/    tg_no_vocational 'Zielgruppe: ohne Berufsabschluss'
/    tg_minijob 'Zielgruppe: bereits im Minijob'
/    case_start 'Fallbeginn'
/    entered_referred 'Eintritt: Zuweisung'
/    entered_consent_pending 'Eintritt: Einwilligung ausstehend'
/    entered_profiling 'Eintritt: Potenzialanalyse (4-Phasen-Modell, Phase 1)'
/    entered_health_assessment 'Eintritt: Gesundheitliche Abklärung (Arzt / Psychologe / ÄD)'
/    entered_case_conference 'Eintritt: Fallkonferenz'
/    entered_capacity_review 'Eintritt: Prüfung der Erwerbsfähigkeit (§ 8 SGB II)'
/    entered_capacity_signoff 'Eintritt: Vier-Augen-Prüfung'
/    entered_interface_review 'Eintritt: Schnittstelle SGB II / XII (§ 44a SGB II)'
/    entered_objection_pending 'Eintritt: Widerspruch, DRV-Stellungnahme ausstehend (Leistungen laufen weiter)'
/    entered_integration_planning 'Eintritt: Integrationsplanung / Kooperationsplan (§ 15 SGB II)'
/    entered_integration_steps 'Eintritt: Integrationsschritte (Maßnahmen, Kontakte)'
/    entered_placed 'Eintritt: Integriert'
/    entered_follow_up 'Eintritt: Nachbetreuung (+3 / +6 / +12 Monate)'
/    entered_suspended 'Eintritt: Unterbrochen (AU, Reha, Therapie)'
/    entered_transferred 'Eintritt: Übergang SGB XII / EM-Rente'
/    entered_closed 'Eintritt: Abgeschlossen'
/    entered_baseline 'Eintritt: Ausgangserhebung'
/    entered_observation 'Eintritt: Beobachtung (reguläres Fallmanagement)'
/    state 'Zustand zum Stichtag'
/    capacity_decision 'Erwerbsfähig nach § 8 SGB II'
/    capacity_level 'Leistungsvermögen'
/    capacity_duration 'Dauer der Einschränkung'
/    contacts 'Anzahl Kontakte'
/    contact_interval_days 'Vereinbarter Kontaktabstand (Tage)'
/    contacts_within_interval 'Anteil Kontakte im vereinbarten Abstand'
/    steps_activation 'Schritte: Aktivierung und berufliche Eingliederung'
/    steps_training 'Schritte: berufliche Weiterbildung'
/    steps_employment 'Schritte: Beschäftigung schaffende Maßnahme (einschließlich AGH)'
/    steps_werkakademie 'Schritte: Werkakademie (Work-First)'
/    steps_health 'Schritte: Gesundheitsförderung'
/    steps_rehab 'Schritte: Rehabilitation'
/    outcome 'Ergebniscode'
/    integration_k2 'Integration (K2)'
/    minijob 'Minijob'
/    placement_subsidy 'Förderung der Beschäftigung'
/    placement_kldb 'Beruf der Integration (KldB 2010)'
/    placement_wz 'Wirtschaftszweig (WZ 2008)'
/    days_to_placement 'Tage bis zur Integration'
/    observed_6m 'Datum der Beobachtung nach 6 Monaten'
/    source_6m 'Quelle der Beobachtung nach 6 Monaten'
/    employment_since_6m 'Beschäftigt seit (Beobachtung 6 Monate)'
/    benefit_6m 'Leistungsbezug nach 6 Monaten'
/    employment_6m 'Beschäftigung nach 6 Monaten'
/    left_benefits_6m 'Ohne Leistungsbezug nach 6 Monaten'
/    transferred_6m 'Übergang aus dem SGB II (SGB XII, Rente, Reha) nach 6 Monaten'
/    reduced_claim_6m 'Verringerter Anspruch nach 6 Monaten'
/    integrated_6m 'Integriert (K2) nach 6 Monaten'
/    fulltime_6m 'svB Vollzeit nach 6 Monaten'
/    parttime_6m 'svB Teilzeit nach 6 Monaten'
/    minijob_6m 'Minijob nach 6 Monaten'
/    observed_12m 'Datum der Beobachtung nach 12 Monaten'
/    source_12m 'Quelle der Beobachtung nach 12 Monaten'
/    employment_since_12m 'Beschäftigt seit (Beobachtung 12 Monate)'
/    benefit_12m 'Leistungsbezug nach 12 Monaten'
/    employment_12m 'Beschäftigung nach 12 Monaten'
/    left_benefits_12m 'Ohne Leistungsbezug nach 12 Monaten'
/    transferred_12m 'Übergang aus dem SGB II (SGB XII, Rente, Reha) nach 12 Monaten'
/    reduced_claim_12m 'Verringerter Anspruch nach 12 Monaten'
/    integrated_12m 'Integriert (K2) nach 12 Monaten'
/    fulltime_12m 'svB Vollzeit nach 12 Monaten'
/    parttime_12m 'svB Teilzeit nach 12 Monaten'
/    minijob_12m 'Minijob nach 12 Monaten'
/    bedarfsdeckend 'Bedarfsdeckende Integration'
/    nachhaltig 'Nachhaltige Integration'
/    rehab_therapy_started 'Reha oder Therapie begonnen'
/    legal_basis 'Rechtsgrundlage der Auswertung'.
VALUE LABELS
    group 'participant' 'Teilnahmegruppe' 'comparison' 'Vergleichsgruppe'
/    randomised 0 'nein' 1 'ja'
/    age_class 'lt25' 'unter 25 Jahre' '25to49' '25 bis 49 Jahre' '50plus' '50 Jahre und älter'
/    sex 'm' 'männlich' 'w' 'weiblich' 'd' 'divers'
/    applicant_type 'MP' 'Marktprofil' 'AP' 'Aktivierungsprofil' 'FP' 'Förderprofil' 'EP' 'Entwicklungsprofil' 'SP' 'Stabilisierungsprofil' 'UP' 'Unterstützungsprofil' 'none' 'keine Profillage zugeordnet'
/    lzb 'yes' 'ja' 'no' 'nein'
/    tg_older 0 'nein' 1 'ja'
/    tg_single_parent 0 'nein' 1 'ja'
/    tg_no_school 0 'nein' 1 'ja'
/    tg_no_vocational 0 'nein' 1 'ja'
/    tg_minijob 0 'nein' 1 'ja'
/    state 'referred' 'Zuweisung' 'consent_pending' 'Einwilligung ausstehend' 'profiling' 'Potenzialanalyse (4-Phasen-Modell, Phase 1)' 'health_assessment' 'Gesundheitliche Abklärung (Arzt / Psychologe / ÄD)' 'case_conference' 'Fallkonferenz' 'capacity_review' 'Prüfung der Erwerbsfähigkeit (§ 8 SGB II)' 'capacity_signoff' 'Vier-Augen-Prüfung' 'interface_review' 'Schnittstelle SGB II / XII (§ 44a SGB II)' 'objection_pending' 'Widerspruch, DRV-Stellungnahme ausstehend (Leistungen laufen weiter)' 'integration_planning' 'Integrationsplanung / Kooperationsplan (§ 15 SGB II)' 'integration_steps' 'Integrationsschritte (Maßnahmen, Kontakte)' 'placed' 'Integriert' 'follow_up' 'Nachbetreuung (+3 / +6 / +12 Monate)' 'suspended' 'Unterbrochen (AU, Reha, Therapie)' 'transferred' 'Übergang SGB XII / EM-Rente' 'closed' 'Abgeschlossen' 'baseline' 'Ausgangserhebung' 'observation' 'Beobachtung (reguläres Fallmanagement)'
/    capacity_decision 'yes' 'ja' 'no' 'nein'
/    capacity_level 'GE6' '6 Stunden und mehr täglich' 'H3_6' '3 bis unter 6 Stunden täglich' 'LT3' 'unter 3 Stunden täglich'
/    capacity_duration 'LE6M' 'bis zu 6 Monate' 'GT6M' 'länger als 6 Monate' 'PERMANENT' 'auf Dauer'
/    outcome 'SVB_VZ' 'sozialversicherungspflichtige Beschäftigung, Vollzeit' 'SVB_TZ' 'sozialversicherungspflichtige Beschäftigung, Teilzeit' 'AUSB' 'voll qualifizierende Berufsausbildung' 'SELBST' 'selbständige Tätigkeit' 'MINIJOB' 'geringfügige Beschäftigung (Minijob)' 'GEF_BESCH' 'öffentlich geförderte Beschäftigung' 'REHA_MED' 'medizinische Rehabilitation eingeleitet' 'REHA_LTA' 'Leistungen zur Teilhabe am Arbeitsleben eingeleitet' 'THERAPIE' 'ambulante oder stationäre Therapie eingeleitet' 'EM_SGBXII' 'Übergang in Erwerbsminderungsrente oder SGB XII' 'KOSTENTRAEGER' 'vorrangiger Kostenträger ermittelt' 'FORTSCHRITT' 'deutlicher Integrationsfortschritt' 'ABBRUCH' 'Abbruch' 'UMZUG' 'Umzug / Wechsel des Jobcenters' 'SONST' 'sonstiger Grund'
/    integration_k2 0 'nein' 1 'ja'
/    minijob 0 'nein' 1 'ja'
/    placement_subsidy 'egz' 'Eingliederungszuschuss' 'esg' 'Einstiegsgeld' '16e' 'Eingliederung von Langzeitarbeitslosen (§ 16e SGB II)' '16i' 'Teilhabe am Arbeitsmarkt (§ 16i SGB II)' 'none' 'keine Förderung'
/    source_6m 'case_file' 'Fallakte' 'statistics' 'Statistik des Jobcenters'
/    benefit_6m 'none' 'kein Leistungsbezug' 'reduced' 'verringerter Anspruch' 'unchanged' 'unverändert' 'transferred' 'Übergang aus dem SGB II (SGB XII, Rente, Reha)'
/    employment_6m 'SVB_VZ' 'sozialversicherungspflichtige Beschäftigung, Vollzeit' 'SVB_TZ' 'sozialversicherungspflichtige Beschäftigung, Teilzeit' 'AUSB' 'voll qualifizierende Berufsausbildung' 'SELBST' 'selbständige Tätigkeit' 'MINIJOB' 'geringfügige Beschäftigung (Minijob)' 'GEF_BESCH' 'öffentlich geförderte Beschäftigung' 'none' 'keine Beschäftigung'
/    left_benefits_6m 0 'nein' 1 'ja'
/    transferred_6m 0 'nein' 1 'ja'
/    reduced_claim_6m 0 'nein' 1 'ja'
/    integrated_6m 0 'nein' 1 'ja'
/    fulltime_6m 0 'nein' 1 'ja'
/    parttime_6m 0 'nein' 1 'ja'
/    minijob_6m 0 'nein' 1 'ja'
/    source_12m 'case_file' 'Fallakte' 'statistics' 'Statistik des Jobcenters'
/    benefit_12m 'none' 'kein Leistungsbezug' 'reduced' 'verringerter Anspruch' 'unchanged' 'unverändert' 'transferred' 'Übergang aus dem SGB II (SGB XII, Rente, Reha)'
/    employment_12m 'SVB_VZ' 'sozialversicherungspflichtige Beschäftigung, Vollzeit' 'SVB_TZ' 'sozialversicherungspflichtige Beschäftigung, Teilzeit' 'AUSB' 'voll qualifizierende Berufsausbildung' 'SELBST' 'selbständige Tätigkeit' 'MINIJOB' 'geringfügige Beschäftigung (Minijob)' 'GEF_BESCH' 'öffentlich geförderte Beschäftigung' 'none' 'keine Beschäftigung'
/    left_benefits_12m 0 'nein' 1 'ja'
/    transferred_12m 0 'nein' 1 'ja'
/    reduced_claim_12m 0 'nein' 1 'ja'
/    integrated_12m 0 'nein' 1 'ja'
/    fulltime_12m 0 'nein' 1 'ja'
/    parttime_12m 0 'nein' 1 'ja'
/    minijob_12m 0 'nein' 1 'ja'
/    bedarfsdeckend 0 'nein' 1 'ja'
/    nachhaltig 0 'nein' 1 'ja'
/    rehab_therapy_started 0 'nein' 1 'ja'
/    legal_basis 'consent' 'Einwilligung (Zweck Evaluation)' 'sgb10_75' '§ 75 SGB X (Genehmigung der Evaluation erfasst)' 'none' 'keine: ohne Ergebnisse exportiert'.
VARIABLE LEVEL group randomised age_class sex applicant_type lzb tg_older tg_single_parent tg_no_school tg_no_vocational tg_minijob state capacity_decision capacity_level capacity_duration outcome integration_k2 minijob placement_subsidy source_6m benefit_6m employment_6m left_benefits_6m transferred_6m reduced_claim_6m integrated_6m fulltime_6m parttime_6m minijob_6m source_12m benefit_12m employment_12m left_benefits_12m transferred_12m reduced_claim_12m integrated_12m fulltime_12m parttime_12m minijob_12m bedarfsdeckend nachhaltig rehab_therapy_started legal_basis (NOMINAL).
EXECUTE.
