package souverain.main_test

import data.souverain.lib.exemptions
import data.souverain.main

res(id, cloud, region, class) := {"id": id, "type": "t", "cloud": cloud, "region": region, "tags": {"data-classification": class}}

test_exemptable_rule_ids_match_rule_packages if {
	packages := {replace(name, "_", "-") | some name, _ in data.souverain.rules; not endswith(name, "_test")}
	exemptions.rule_ids == packages - {"exemption-must-be-valid"}
}

test_levels_come_from_metadata if {
	some f in main.result.findings with input as {"resources": [res("r", "aws", "eu-west-3", "sensitive")]}
	f.enforcement == "mandatory"
	f.policy == "sensitive-requires-secnumcloud"
}

test_configured_level_wins if {
	some f in main.result.findings with input as {"resources": [res("r", "aws", "eu-west-3", "sensitive")]}
		with data.config as {"enforcement": {"sensitive-requires-secnumcloud": "advisory"}}
	f.enforcement == "advisory"
}

test_disabled_rule_reports_nothing if {
	count(main.result.findings) == 0 with input as {"resources": [res("r", "aws", "eu-west-3", "sensitive")]}
		with data.config as {"enforcement": {"sensitive-requires-secnumcloud": "disabled"}}
}

test_invalid_level_falls_back_to_mandatory if {
	main.level("x", {}) == "mandatory" with data.config as {"enforcement": {"x": "maybe"}}
}

test_exempt_finding_stays_listed if {
	[f] := main.result.findings with input as {"today": "2026-11-23", "resources": [res("r", "aws", "eu-west-3", "sensitive")]}
		with data.config as {"exemptions": [{"rule": "sensitive-requires-secnumcloud", "resource": "r", "justification": "T-1", "expires": "2026-12-31"}]}
	f.exempt == true
	f.exemptions == [{"justification": "T-1", "expires": "2026-12-31"}]
}

test_expired_exemption_does_not_exempt if {
	fs := main.result.findings with input as {"today": "2027-01-15", "resources": [res("r", "aws", "eu-west-3", "sensitive")]}
		with data.config as {"exemptions": [{"rule": "sensitive-requires-secnumcloud", "resource": "r", "justification": "T-1", "expires": "2026-12-31"}]}
	{[f.policy, f.exempt, f.resource] | some f in fs} == {
		["sensitive-requires-secnumcloud", false, "r"],
		["exemption-must-be-valid", false, "config:exemptions[0]"],
	}
}

test_summary_per_resource if {
	[s] := main.result.resources with input as {"resources": [res("r", "ovh", "GRA7", "Archives")]}
	s.classes == ["archive"]
	s.classifiedBy == ["tag data-classification (resource)"]
	s.placements[0].in_france == "yes"
	s.placements[0].french_law == "yes"
}

test_every_finding_has_words_in_both_languages if {
	fs := main.result.findings with input as {"resources": [
		res("a", "digitalocean", "fra1", "personal"),
		res("b", null, null, "archive"),
		res("c", "aws", "eu-west-33", "sensitive,health"),
		res("d", "cloudwatt", "fr1", "restricted"),
		{"id": "e", "type": "t", "cloud": "aws", "global": true, "tags": {"data-classification": "archive"}},
	]}
	count(fs) > 5
	every f in fs {
		is_string(f.message.en)
		is_string(f.message.fr)
	}
}
