* Lotse: export cases — variable and value labels, types and missing values (generated, do not edit)
* Codes stay strings (leading zeros kept); coded variables get a labelled numeric twin NAME_n.
import delimited using `"cases.csv"', varnames(1) case(preserve) encoding("utf-8") stringcols(_all) bindquote(strict) clear
label variable pseudonym `"client pseudonym (HMAC-SHA256, project key)"'
label variable site `"site"'
label variable group `"group"'
label define group_l 1 `"participants"' 2 `"comparison group"', replace
generate byte group_n = .
replace group_n = 1 if group == `"participant"'
replace group_n = 2 if group == `"comparison"'
label values group_n group_l
label variable group_n `"group"'
destring randomised, replace
label variable randomised `"randomised"'
label define randomised_l 0 `"no"' 1 `"yes"', replace
label values randomised randomised_l
label variable age_class `"age class at case start"'
label define age_class_l 1 `"under 25"' 2 `"25 to 49"' 3 `"50 and over"', replace
generate byte age_class_n = .
replace age_class_n = 1 if age_class == `"lt25"'
replace age_class_n = 2 if age_class == `"25to49"'
replace age_class_n = 3 if age_class == `"50plus"'
label values age_class_n age_class_l
label variable age_class_n `"age class at case start"'
label variable sex `"sex"'
label define sex_l 1 `"male"' 2 `"female"' 3 `"diverse"', replace
generate byte sex_n = .
replace sex_n = 1 if sex == `"m"'
replace sex_n = 2 if sex == `"w"'
replace sex_n = 3 if sex == `"d"'
label values sex_n sex_l
label variable sex_n `"sex"'
label variable applicant_type `"applicant type (Profillage)"'
label define applicant_type_l 1 `"market profile"' 2 `"activation profile"' 3 `"support profile"' 4 `"development profile"' 5 `"stabilisation profile"' 6 `"assistance profile"' 7 `"no profile assigned"', replace
generate byte applicant_type_n = .
replace applicant_type_n = 1 if applicant_type == `"MP"'
replace applicant_type_n = 2 if applicant_type == `"AP"'
replace applicant_type_n = 3 if applicant_type == `"FP"'
replace applicant_type_n = 4 if applicant_type == `"EP"'
replace applicant_type_n = 5 if applicant_type == `"SP"'
replace applicant_type_n = 6 if applicant_type == `"UP"'
replace applicant_type_n = 7 if applicant_type == `"none"'
label values applicant_type_n applicant_type_l
label variable applicant_type_n `"applicant type (Profillage)"'
label variable lzb `"long-term receipt (21 of 24 months)"'
label define lzb_l 1 `"yes"' 2 `"no"', replace
generate byte lzb_n = .
replace lzb_n = 1 if lzb == `"yes"'
replace lzb_n = 2 if lzb == `"no"'
label values lzb_n lzb_l
label variable lzb_n `"long-term receipt (21 of 24 months)"'
destring tg_older, replace
label variable tg_older `"target group: older people (50 and over)"'
label define tg_older_l 0 `"no"' 1 `"yes"', replace
label values tg_older tg_older_l
destring tg_single_parent, replace
label variable tg_single_parent `"target group: single parents"'
label define tg_single_parent_l 0 `"no"' 1 `"yes"', replace
label values tg_single_parent tg_single_parent_l
destring tg_no_school, replace
label variable tg_no_school `"target group: no school-leaving qualification"'
label define tg_no_school_l 0 `"no"' 1 `"yes"', replace
label values tg_no_school tg_no_school_l
destring tg_no_vocational, replace
label variable tg_no_vocational `"target group: no vocational qualification"'
label define tg_no_vocational_l 0 `"no"' 1 `"yes"', replace
label values tg_no_vocational tg_no_vocational_l
destring tg_minijob, replace
label variable tg_minijob `"target group: already in a mini-job"'
label define tg_minijob_l 0 `"no"' 1 `"yes"', replace
label values tg_minijob tg_minijob_l
generate case_start_d = date(case_start, "YMD")
format case_start_d %td
label variable case_start `"case start"'
generate entered_referred_d = date(entered_referred, "YMD")
format entered_referred_d %td
label variable entered_referred `"entered: referral"'
generate entered_consent_pending_d = date(entered_consent_pending, "YMD")
format entered_consent_pending_d %td
label variable entered_consent_pending `"entered: awaiting consent"'
generate entered_profiling_d = date(entered_profiling, "YMD")
format entered_profiling_d %td
label variable entered_profiling `"entered: profiling"'
generate entered_health_assessment_d = date(entered_health_assessment, "YMD")
format entered_health_assessment_d %td
label variable entered_health_assessment `"entered: health assessment"'
generate entered_case_conference_d = date(entered_case_conference, "YMD")
format entered_case_conference_d %td
label variable entered_case_conference `"entered: team case conference"'
generate entered_capacity_review_d = date(entered_capacity_review, "YMD")
format entered_capacity_review_d %td
label variable entered_capacity_review `"entered: work-capacity review"'
generate entered_capacity_signoff_d = date(entered_capacity_signoff, "YMD")
format entered_capacity_signoff_d %td
label variable entered_capacity_signoff `"entered: four-eyes sign-off"'
generate entered_interface_review_d = date(entered_interface_review, "YMD")
format entered_interface_review_d %td
label variable entered_interface_review `"entered: interface review"'
generate entered_objection_pending_d = date(entered_objection_pending, "YMD")
format entered_objection_pending_d %td
label variable entered_objection_pending `"entered: objection: DRV opinion pending"'
generate entered_integration_planning_d = date(entered_integration_planning, "YMD")
format entered_integration_planning_d %td
label variable entered_integration_planning `"entered: integration planning"'
generate entered_integration_steps_d = date(entered_integration_steps, "YMD")
format entered_integration_steps_d %td
label variable entered_integration_steps `"entered: integration steps"'
generate entered_placed_d = date(entered_placed, "YMD")
format entered_placed_d %td
label variable entered_placed `"entered: placed"'
generate entered_follow_up_d = date(entered_follow_up, "YMD")
format entered_follow_up_d %td
label variable entered_follow_up `"entered: follow-up"'
generate entered_suspended_d = date(entered_suspended, "YMD")
format entered_suspended_d %td
label variable entered_suspended `"entered: suspended"'
generate entered_transferred_d = date(entered_transferred, "YMD")
format entered_transferred_d %td
label variable entered_transferred `"entered: transferred"'
generate entered_closed_d = date(entered_closed, "YMD")
format entered_closed_d %td
label variable entered_closed `"entered: closed"'
generate entered_baseline_d = date(entered_baseline, "YMD")
format entered_baseline_d %td
label variable entered_baseline `"entered: baseline"'
generate entered_observation_d = date(entered_observation, "YMD")
format entered_observation_d %td
label variable entered_observation `"entered: observation (regular case management)"'
label variable state `"state at the reference date"'
label define state_l 1 `"referral"' 2 `"awaiting consent"' 3 `"profiling"' 4 `"health assessment"' 5 `"team case conference"' 6 `"work-capacity review"' 7 `"four-eyes sign-off"' 8 `"interface review"' 9 `"objection: DRV opinion pending"' 10 `"integration planning"' 11 `"integration steps"' 12 `"placed"' 13 `"follow-up"' 14 `"suspended"' 15 `"transferred"' 16 `"closed"' 17 `"baseline"' 18 `"observation (regular case management)"', replace
generate byte state_n = .
replace state_n = 1 if state == `"referred"'
replace state_n = 2 if state == `"consent_pending"'
replace state_n = 3 if state == `"profiling"'
replace state_n = 4 if state == `"health_assessment"'
replace state_n = 5 if state == `"case_conference"'
replace state_n = 6 if state == `"capacity_review"'
replace state_n = 7 if state == `"capacity_signoff"'
replace state_n = 8 if state == `"interface_review"'
replace state_n = 9 if state == `"objection_pending"'
replace state_n = 10 if state == `"integration_planning"'
replace state_n = 11 if state == `"integration_steps"'
replace state_n = 12 if state == `"placed"'
replace state_n = 13 if state == `"follow_up"'
replace state_n = 14 if state == `"suspended"'
replace state_n = 15 if state == `"transferred"'
replace state_n = 16 if state == `"closed"'
replace state_n = 17 if state == `"baseline"'
replace state_n = 18 if state == `"observation"'
label values state_n state_l
label variable state_n `"state at the reference date"'
label variable capacity_decision `"capable of work (§ 8 SGB II)"'
label define capacity_decision_l 1 `"yes"' 2 `"no"', replace
generate byte capacity_decision_n = .
replace capacity_decision_n = 1 if capacity_decision == `"yes"'
replace capacity_decision_n = 2 if capacity_decision == `"no"'
label values capacity_decision_n capacity_decision_l
label variable capacity_decision_n `"capable of work (§ 8 SGB II)"'
label variable capacity_level `"capacity"'
label define capacity_level_l 1 `"6 hours a day or more"' 2 `"3 to under 6 hours a day"' 3 `"under 3 hours a day"', replace
generate byte capacity_level_n = .
replace capacity_level_n = 1 if capacity_level == `"GE6"'
replace capacity_level_n = 2 if capacity_level == `"H3_6"'
replace capacity_level_n = 3 if capacity_level == `"LT3"'
label values capacity_level_n capacity_level_l
label variable capacity_level_n `"capacity"'
label variable capacity_duration `"duration of the limitation"'
label define capacity_duration_l 1 `"up to 6 months"' 2 `"more than 6 months"' 3 `"permanent"', replace
generate byte capacity_duration_n = .
replace capacity_duration_n = 1 if capacity_duration == `"LE6M"'
replace capacity_duration_n = 2 if capacity_duration == `"GT6M"'
replace capacity_duration_n = 3 if capacity_duration == `"PERMANENT"'
label values capacity_duration_n capacity_duration_l
label variable capacity_duration_n `"duration of the limitation"'
destring contacts, replace
label variable contacts `"number of contacts"'
destring contact_interval_days, replace
label variable contact_interval_days `"agreed contact interval (days)"'
destring contacts_within_interval, replace
label variable contacts_within_interval `"share of contacts within the agreed interval"'
destring steps_activation, replace
label variable steps_activation `"steps: activation and vocational integration"'
destring steps_training, replace
label variable steps_training `"steps: vocational training"'
destring steps_employment, replace
label variable steps_employment `"steps: job creation measure (including work opportunities)"'
destring steps_werkakademie, replace
label variable steps_werkakademie `"steps: Werkakademie (work first)"'
destring steps_health, replace
label variable steps_health `"steps: health promotion"'
destring steps_rehab, replace
label variable steps_rehab `"steps: rehabilitation"'
label variable outcome `"outcome code"'
label define outcome_l 1 `"employment subject to social insurance, full time"' 2 `"employment subject to social insurance, part time"' 3 `"fully qualifying vocational training"' 4 `"self-employment"' 5 `"marginal employment (mini-job)"' 6 `"publicly funded employment"' 7 `"medical rehabilitation started"' 8 `"vocational rehabilitation (LTA) started"' 9 `"outpatient or inpatient therapy started"' 10 `"moved to a reduced earning capacity pension or SGB XII"' 11 `"priority payer identified"' 12 `"clear progress towards integration"' 13 `"dropped out"' 14 `"moved away / other jobcenter"' 15 `"other reason"', replace
generate byte outcome_n = .
replace outcome_n = 1 if outcome == `"SVB_VZ"'
replace outcome_n = 2 if outcome == `"SVB_TZ"'
replace outcome_n = 3 if outcome == `"AUSB"'
replace outcome_n = 4 if outcome == `"SELBST"'
replace outcome_n = 5 if outcome == `"MINIJOB"'
replace outcome_n = 6 if outcome == `"GEF_BESCH"'
replace outcome_n = 7 if outcome == `"REHA_MED"'
replace outcome_n = 8 if outcome == `"REHA_LTA"'
replace outcome_n = 9 if outcome == `"THERAPIE"'
replace outcome_n = 10 if outcome == `"EM_SGBXII"'
replace outcome_n = 11 if outcome == `"KOSTENTRAEGER"'
replace outcome_n = 12 if outcome == `"FORTSCHRITT"'
replace outcome_n = 13 if outcome == `"ABBRUCH"'
replace outcome_n = 14 if outcome == `"UMZUG"'
replace outcome_n = 15 if outcome == `"SONST"'
label values outcome_n outcome_l
label variable outcome_n `"outcome code"'
destring integration_k2, replace
label variable integration_k2 `"integration (K2 sense)"'
label define integration_k2_l 0 `"no"' 1 `"yes"', replace
label values integration_k2 integration_k2_l
destring minijob, replace
label variable minijob `"marginal employment (Minijob)"'
label define minijob_l 0 `"no"' 1 `"yes"', replace
label values minijob minijob_l
label variable placement_subsidy `"subsidy of the employment"'
label define placement_subsidy_l 1 `"integration subsidy (EGZ)"' 2 `"start-up allowance (Einstiegsgeld)"' 3 `"integration of the long-term unemployed (§ 16e SGB II)"' 4 `"participation in the labour market (§ 16i SGB II)"' 5 `"no subsidy"', replace
generate byte placement_subsidy_n = .
replace placement_subsidy_n = 1 if placement_subsidy == `"egz"'
replace placement_subsidy_n = 2 if placement_subsidy == `"esg"'
replace placement_subsidy_n = 3 if placement_subsidy == `"16e"'
replace placement_subsidy_n = 4 if placement_subsidy == `"16i"'
replace placement_subsidy_n = 5 if placement_subsidy == `"none"'
label values placement_subsidy_n placement_subsidy_l
label variable placement_subsidy_n `"subsidy of the employment"'
label variable placement_kldb `"occupation (KldB 2010)"'
label variable placement_wz `"sector (WZ 2008)"'
destring days_to_placement, replace
label variable days_to_placement `"days to placement"'
generate observed_6m_d = date(observed_6m, "YMD")
format observed_6m_d %td
label variable observed_6m `"date of the observation at 6 months"'
label variable source_6m `"source of the observation at 6 months"'
label define source_6m_l 1 `"case file"' 2 `"jobcenter statistics"', replace
generate byte source_6m_n = .
replace source_6m_n = 1 if source_6m == `"case_file"'
replace source_6m_n = 2 if source_6m == `"statistics"'
label values source_6m_n source_6m_l
label variable source_6m_n `"source of the observation at 6 months"'
generate employment_since_6m_d = date(employment_since_6m, "YMD")
format employment_since_6m_d %td
label variable employment_since_6m `"employed since (observation at 6 months)"'
label variable benefit_6m `"benefit status at 6 months"'
label define benefit_6m_l 1 `"no benefits"' 2 `"reduced claim"' 3 `"unchanged"' 4 `"left SGB II by transfer (SGB XII, pension, rehabilitation)"', replace
generate byte benefit_6m_n = .
replace benefit_6m_n = 1 if benefit_6m == `"none"'
replace benefit_6m_n = 2 if benefit_6m == `"reduced"'
replace benefit_6m_n = 3 if benefit_6m == `"unchanged"'
replace benefit_6m_n = 4 if benefit_6m == `"transferred"'
label values benefit_6m_n benefit_6m_l
label variable benefit_6m_n `"benefit status at 6 months"'
label variable employment_6m `"employment at 6 months"'
label define employment_6m_l 1 `"employment subject to social insurance, full time"' 2 `"employment subject to social insurance, part time"' 3 `"fully qualifying vocational training"' 4 `"self-employment"' 5 `"marginal employment (mini-job)"' 6 `"publicly funded employment"' 7 `"not employed"', replace
generate byte employment_6m_n = .
replace employment_6m_n = 1 if employment_6m == `"SVB_VZ"'
replace employment_6m_n = 2 if employment_6m == `"SVB_TZ"'
replace employment_6m_n = 3 if employment_6m == `"AUSB"'
replace employment_6m_n = 4 if employment_6m == `"SELBST"'
replace employment_6m_n = 5 if employment_6m == `"MINIJOB"'
replace employment_6m_n = 6 if employment_6m == `"GEF_BESCH"'
replace employment_6m_n = 7 if employment_6m == `"none"'
label values employment_6m_n employment_6m_l
label variable employment_6m_n `"employment at 6 months"'
destring left_benefits_6m, replace
label variable left_benefits_6m `"left benefits at 6 months"'
label define left_benefits_6m_l 0 `"no"' 1 `"yes"', replace
label values left_benefits_6m left_benefits_6m_l
destring transferred_6m, replace
label variable transferred_6m `"left SGB II by transfer at 6 months"'
label define transferred_6m_l 0 `"no"' 1 `"yes"', replace
label values transferred_6m transferred_6m_l
destring reduced_claim_6m, replace
label variable reduced_claim_6m `"reduced claim at 6 months"'
label define reduced_claim_6m_l 0 `"no"' 1 `"yes"', replace
label values reduced_claim_6m reduced_claim_6m_l
destring integrated_6m, replace
label variable integrated_6m `"integrated (K2) at 6 months"'
label define integrated_6m_l 0 `"no"' 1 `"yes"', replace
label values integrated_6m integrated_6m_l
destring fulltime_6m, replace
label variable fulltime_6m `"svB full time at 6 months"'
label define fulltime_6m_l 0 `"no"' 1 `"yes"', replace
label values fulltime_6m fulltime_6m_l
destring parttime_6m, replace
label variable parttime_6m `"svB part time at 6 months"'
label define parttime_6m_l 0 `"no"' 1 `"yes"', replace
label values parttime_6m parttime_6m_l
destring minijob_6m, replace
label variable minijob_6m `"Minijob at 6 months"'
label define minijob_6m_l 0 `"no"' 1 `"yes"', replace
label values minijob_6m minijob_6m_l
generate observed_12m_d = date(observed_12m, "YMD")
format observed_12m_d %td
label variable observed_12m `"date of the observation at 12 months"'
label variable source_12m `"source of the observation at 12 months"'
label define source_12m_l 1 `"case file"' 2 `"jobcenter statistics"', replace
generate byte source_12m_n = .
replace source_12m_n = 1 if source_12m == `"case_file"'
replace source_12m_n = 2 if source_12m == `"statistics"'
label values source_12m_n source_12m_l
label variable source_12m_n `"source of the observation at 12 months"'
generate employment_since_12m_d = date(employment_since_12m, "YMD")
format employment_since_12m_d %td
label variable employment_since_12m `"employed since (observation at 12 months)"'
label variable benefit_12m `"benefit status at 12 months"'
label define benefit_12m_l 1 `"no benefits"' 2 `"reduced claim"' 3 `"unchanged"' 4 `"left SGB II by transfer (SGB XII, pension, rehabilitation)"', replace
generate byte benefit_12m_n = .
replace benefit_12m_n = 1 if benefit_12m == `"none"'
replace benefit_12m_n = 2 if benefit_12m == `"reduced"'
replace benefit_12m_n = 3 if benefit_12m == `"unchanged"'
replace benefit_12m_n = 4 if benefit_12m == `"transferred"'
label values benefit_12m_n benefit_12m_l
label variable benefit_12m_n `"benefit status at 12 months"'
label variable employment_12m `"employment at 12 months"'
label define employment_12m_l 1 `"employment subject to social insurance, full time"' 2 `"employment subject to social insurance, part time"' 3 `"fully qualifying vocational training"' 4 `"self-employment"' 5 `"marginal employment (mini-job)"' 6 `"publicly funded employment"' 7 `"not employed"', replace
generate byte employment_12m_n = .
replace employment_12m_n = 1 if employment_12m == `"SVB_VZ"'
replace employment_12m_n = 2 if employment_12m == `"SVB_TZ"'
replace employment_12m_n = 3 if employment_12m == `"AUSB"'
replace employment_12m_n = 4 if employment_12m == `"SELBST"'
replace employment_12m_n = 5 if employment_12m == `"MINIJOB"'
replace employment_12m_n = 6 if employment_12m == `"GEF_BESCH"'
replace employment_12m_n = 7 if employment_12m == `"none"'
label values employment_12m_n employment_12m_l
label variable employment_12m_n `"employment at 12 months"'
destring left_benefits_12m, replace
label variable left_benefits_12m `"left benefits at 12 months"'
label define left_benefits_12m_l 0 `"no"' 1 `"yes"', replace
label values left_benefits_12m left_benefits_12m_l
destring transferred_12m, replace
label variable transferred_12m `"left SGB II by transfer at 12 months"'
label define transferred_12m_l 0 `"no"' 1 `"yes"', replace
label values transferred_12m transferred_12m_l
destring reduced_claim_12m, replace
label variable reduced_claim_12m `"reduced claim at 12 months"'
label define reduced_claim_12m_l 0 `"no"' 1 `"yes"', replace
label values reduced_claim_12m reduced_claim_12m_l
destring integrated_12m, replace
label variable integrated_12m `"integrated (K2) at 12 months"'
label define integrated_12m_l 0 `"no"' 1 `"yes"', replace
label values integrated_12m integrated_12m_l
destring fulltime_12m, replace
label variable fulltime_12m `"svB full time at 12 months"'
label define fulltime_12m_l 0 `"no"' 1 `"yes"', replace
label values fulltime_12m fulltime_12m_l
destring parttime_12m, replace
label variable parttime_12m `"svB part time at 12 months"'
label define parttime_12m_l 0 `"no"' 1 `"yes"', replace
label values parttime_12m parttime_12m_l
destring minijob_12m, replace
label variable minijob_12m `"Minijob at 12 months"'
label define minijob_12m_l 0 `"no"' 1 `"yes"', replace
label values minijob_12m minijob_12m_l
destring bedarfsdeckend, replace
label variable bedarfsdeckend `"integration covering needs"'
label define bedarfsdeckend_l 0 `"no"' 1 `"yes"', replace
label values bedarfsdeckend bedarfsdeckend_l
destring nachhaltig, replace
label variable nachhaltig `"sustained integration"'
label define nachhaltig_l 0 `"no"' 1 `"yes"', replace
label values nachhaltig nachhaltig_l
destring rehab_therapy_started, replace
label variable rehab_therapy_started `"rehabilitation or therapy started"'
label define rehab_therapy_started_l 0 `"no"' 1 `"yes"', replace
label values rehab_therapy_started rehab_therapy_started_l
label variable legal_basis `"legal basis of the evaluation"'
label define legal_basis_l 1 `"consent (purpose evaluation)"' 2 `"§ 75 SGB X (approval of the evaluation recorded)"' 3 `"none: exported without outcomes"', replace
generate byte legal_basis_n = .
replace legal_basis_n = 1 if legal_basis == `"consent"'
replace legal_basis_n = 2 if legal_basis == `"sgb10_75"'
replace legal_basis_n = 3 if legal_basis == `"none"'
label values legal_basis_n legal_basis_l
label variable legal_basis_n `"legal basis of the evaluation"'
