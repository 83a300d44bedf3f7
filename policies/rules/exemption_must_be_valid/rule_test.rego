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
