package souverain.rules.exemption_must_be_valid_test

import data.souverain.rules.exemption_must_be_valid as rule

valid := {"rule": "archives-stay-in-france", "resource": "r", "justification": "TICKET-1", "expires": "2027-01-01"}

findings(exemptions, today) := fs if {
	fs := rule.findings with data.config as {"exemptions": exemptions}
		with input as {"resources": [], "today": today}
}

test_valid_is_quiet if count(findings([valid], "2026-11-23")) == 0

test_last_day_still_holds if count(findings([valid], "2027-01-01")) == 0

test_expired_fires if {
	[f] := [f | some f in findings([valid], "2027-01-02")]
	contains(f.message.en, "expired on 2027-01-01")
}

test_missing_today_expires_everything if count(rule.findings) == 1 with data.config as {"exemptions": [valid]} with input as {"resources": []}

test_malformed_fields_are_named if {
	[f] := [f | some f in findings([{"rule": "no-such-rule", "resource": "", "expires": "2027-13-01"}], "2026-11-23")]
	contains(f.message.en, "rule must be one of the rule ids")
	contains(f.message.en, "resource must be a non-empty string")
	contains(f.message.en, "justification must be a non-empty reference")
	contains(f.message.en, "expires must be a date")
}

test_not_an_object_fires if count(findings(["archives-stay-in-france"], "2026-11-23")) == 1

test_cannot_exempt_itself if count(findings([object.union(valid, {"rule": "exemption-must-be-valid"})], "2026-11-23")) == 1

problems_of(expires) := p if {
	[f] := [f | some f in findings([object.union(valid, {"expires": expires})], "2026-11-23")]
	p := f.message.en
}

test_impossible_dates_are_malformed if {
	every date in ["2027-02-30", "2027-02-29", "2100-02-29", "2027-04-31", "2027-06-31", "2027-09-31", "2027-11-31"] {
		contains(problems_of(date), "expires must be a date YYYY-MM-DD that exists in the calendar")
	}
}

test_real_dates_are_valid if {
	every date in ["2028-02-29", "2000-02-29", "2400-02-29", "2027-02-28", "2027-01-31", "2027-04-30", "2027-12-31"] {
		count(findings([object.union(valid, {"expires": date})], "1999-01-01")) == 0
	}
}

test_year_with_leading_zeros_is_read if {
	count(findings([object.union(valid, {"expires": "0400-02-29"})], "0400-02-01")) == 0
	count(findings([object.union(valid, {"expires": "0300-02-29"})], "0300-02-01")) == 1
}

test_invisible_justification_is_empty if {
	every j in ["\u200b", "\u00a0", "\u2060\ufeff", "\t \n", "\u202f\u3000", "\u3164", " \u200b\u00a0 "] {
		[f] := [f | some f in findings([object.union(valid, {"justification": j})], "2026-11-23")]
		contains(f.message.en, "justification must be a non-empty reference")
	}
}

test_justification_with_visible_text_is_valid if {
	count(findings([object.union(valid, {"justification": "\u200bDINUM-1\u00a0"})], "2026-11-23")) == 0
}

test_invisible_resource_is_empty if {
	[f] := [f | some f in findings([object.union(valid, {"resource": "\u200b"})], "2026-11-23")]
	contains(f.message.en, "resource must be a non-empty string")
}

accepted := {"rule": "archives-stay-in-france", "resource": "r", "enforcement": "mandatory", "acceptedBy": "RSSI J. Dupont", "justification": "ADOPT-1", "expires": "2027-01-01"}

baseline_findings(entries, today) := fs if {
	fs := rule.findings with data.baseline as entries
		with input as {"resources": [], "today": today}
}

test_valid_baseline_entry_is_quiet if count(baseline_findings([accepted], "2026-11-23")) == 0

test_expired_baseline_entry_fires if {
	[f] := [f | some f in baseline_findings([accepted], "2027-01-02")]
	f.baseline == 0
	contains(f.message.en, "baseline entry #1 (rule archives-stay-in-france, resource r, accepted by RSSI J. Dupont, ADOPT-1) expired on 2027-01-01")
}

test_baseline_entry_must_name_who_accepted if {
	[f] := [f | some f in baseline_findings([object.remove(accepted, ["acceptedBy"])], "2026-11-23")]
	contains(f.message.en, "acceptedBy must name who accepted the finding")
	contains(f.message.fr, "acceptée par ?")
}

test_baseline_entry_not_an_object_fires if count(baseline_findings(["archives-stay-in-france"], "2026-11-23")) == 1

unused(entries, baseline, ids) := us if {
	us := rule.unused with data.config as {"exemptions": entries}
		with data.baseline as baseline
		with input as {"ids": ids, "today": "2026-11-24"}
}

test_an_exemption_naming_a_judged_resource_is_used if count(unused([valid], [], ["r", "s"])) == 0

test_an_exemption_naming_no_judged_resource_is_stale if {
	[u] := [u | some u in unused([valid], [], ["s"])]
	u.exemption == 0
	u.level == "advisory"
	contains(u.message.en, "names no resource of what was judged")
	contains(u.message.fr, "ne désigne aucune des ressources jugées")
}

# An expired or malformed entry is already a finding of its own: not also stale.
test_expired_or_malformed_entries_are_not_also_stale if {
	count(unused([object.union(valid, {"expires": "2026-01-01"}), {"rule": "x"}], [], [])) == 0
}

test_a_stale_baseline_entry_is_named if {
	entry := object.union(valid, {"acceptedBy": "rssi@example.gouv.fr", "enforcement": "mandatory"})
	[u] := [u | some u in unused([], [entry], [])]
	u.baseline == 0
	contains(u.message.en, "accepted by rssi@example.gouv.fr")
}

test_a_baseline_entry_without_its_level_is_malformed if {
	[f] := [f | some f in baseline_findings([object.remove(accepted, ["enforcement"])], "2026-11-23")]
	contains(f.message.en, "enforcement must be the level accepted")
}
