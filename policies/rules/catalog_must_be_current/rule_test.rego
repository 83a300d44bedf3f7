package souverain.rules.catalog_must_be_current_test

import data.souverain.rules.catalog_must_be_current as rule

findings(as_of, today) := fs if {
	fs := rule.findings with data.catalog.asOf as as_of with input as {"today": today, "resources": []}
}

test_180_days_is_quiet if count(findings("2026-11-23", "2027-05-22")) == 0

test_181_days_warns_once if {
	[f] := [f | some f in findings("2026-11-23", "2027-05-23")]
	f.config == "catalog"
	f.message.en == "the catalog is dated 2026-11-23, 181 days before this run (2027-05-23): qualifications and regions may have changed since; check ANSSI's and ANS's lists."
	startswith(f.message.fr, "le catalogue est daté du 23 novembre 2026, 181 jours avant cette exécution (23 mai 2027)\u00a0: ")
}

test_without_today_there_is_nothing_to_compare if count(rule.findings) == 0 with input as {"resources": []}

test_days_count_the_calendar if {
	rule.days("2000-03-01") - rule.days("2000-02-28") == 2
	rule.days("1900-03-01") - rule.days("1900-02-28") == 1
	rule.days("2025-01-01") - rule.days("2024-01-01") == 366
	rule.days("2027-01-01") - rule.days("2026-12-31") == 1
	rule.days("2028-12-17") - rule.days("2025-12-17") == 1096
}

test_malformed_date_counts_no_days if not rule.days("2026-1-1")
