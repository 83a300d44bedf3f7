package souverain.main_test

import data.souverain.lib.exemptions
import data.souverain.main

res(id, cloud, region, class) := {"id": id, "type": "t", "cloud": cloud, "region": region, "tags": {"data-classification": class}}

test_exemptable_rule_ids_match_rule_packages if {
	packages := {replace(name, "_", "-") | some name, _ in data.souverain.rules; not endswith(name, "_test")}

	# Findings about the configuration are not exempted: fix the configuration or the catalog instead.
	exemptions.rule_ids == packages - {"exemption-must-be-valid", "catalog-must-be-current"}
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

test_baseline_entry_covers_and_says_who_accepted if {
	[f] := main.result.findings with input as {"today": "2026-11-23", "resources": [res("r", "aws", "eu-west-3", "sensitive")]}
		with data.baseline as [{"rule": "sensitive-requires-secnumcloud", "resource": "r", "enforcement": "mandatory", "acceptedBy": "RSSI", "justification": "ADOPT-1", "expires": "2026-12-31"}]
	f.exempt == true
	f.exemptions == [{"justification": "ADOPT-1", "expires": "2026-12-31", "source": "baseline", "acceptedBy": "RSSI"}]
}

test_expired_baseline_entry_is_a_finding_about_the_baseline if {
	fs := main.result.findings with input as {"today": "2027-01-15", "resources": [res("r", "aws", "eu-west-3", "sensitive")]}
		with data.baseline as [{"rule": "sensitive-requires-secnumcloud", "resource": "r", "enforcement": "mandatory", "acceptedBy": "RSSI", "justification": "ADOPT-1", "expires": "2026-12-31"}]
	{[f.policy, f.exempt, f.resource] | some f in fs} == {
		["sensitive-requires-secnumcloud", false, "r"],
		["exemption-must-be-valid", false, "config:baseline[0]"],
	}
}

test_configuration_exemption_cannot_pass_for_a_baseline_entry if {
	[f] := main.result.findings with input as {"today": "2026-11-23", "resources": [res("r", "aws", "eu-west-3", "sensitive")]}
		with data.config as {"exemptions": [{"rule": "sensitive-requires-secnumcloud", "resource": "r", "justification": "T-1", "expires": "2026-12-31", "source": "baseline", "acceptedBy": "x"}]}
	f.exemptions == [{"justification": "T-1", "expires": "2026-12-31"}]
}

test_old_catalog_is_one_advisory_finding_about_the_catalog if {
	fs := main.result.findings with input as {"today": "2027-06-01", "resources": [res("r", "ovh", "GRA7", "public")]}
		with data.catalog.asOf as "2026-11-23"
	[f] := [f | some f in fs; f.policy == "catalog-must-be-current"]
	f.resource == "config:catalog"
	f.enforcement == "advisory"
	f.exempt == false
}

test_recent_catalog_is_quiet if {
	fs := main.result.findings with input as {"today": "2027-05-22", "resources": [res("r", "ovh", "GRA7", "public")]}
		with data.catalog.asOf as "2026-11-23"
	count([f | some f in fs; f.policy == "catalog-must-be-current"]) == 0
}

test_classified_rule_is_mandatory if {
	some f in main.result.findings with input as {"today": "2026-11-23", "resources": [res("r", "s3ns", "u-france-east1", "Secret")]}
	f.policy == "classified-requires-homologation"
	f.enforcement == "mandatory"
}

# The engine's shapes read only the values of classification keys; "*" always counts as one.
test_prepare_names_the_classification_keys if {
	p := main.prepare with input as {"tag_keys": ["Name", "Data-Classification", "*", "owner"], "ids": []}
		with data.config as {"classificationTags": ["data-classification"]}
	sort(p.classification_keys) == ["*", "Data-Classification"]
}

# Coverage by id: only the resource an exemption names, only for its rule, only while valid.
test_prepare_gives_coverage_by_id_and_rule if {
	entries := [
		{"rule": "sensitive-requires-secnumcloud", "resource": "a", "justification": "T-1", "expires": "2027-01-01"},
		{"rule": "health-requires-hds", "resource": "b", "justification": "T-2", "expires": "2026-01-01"},
	]
	p := main.prepare with input as {"tag_keys": [], "ids": ["a", "b", "c"], "today": "2026-11-24"}
		with data.config as {"exemptions": entries}
	covered := {"exempt": true, "exemptions": [{"justification": "T-1", "expires": "2027-01-01"}]}
	p.coverage == {"a": {"sensitive-requires-secnumcloud": {"mandatory": covered, "advisory": covered}}}
}

# A baseline entry accepts its rule's findings at the level it was accepted at, not a worse one.
test_prepare_gives_baseline_coverage_by_level if {
	entry := {"rule": "personal-stays-in-eu", "resource": "a", "enforcement": "advisory", "acceptedBy": "RSSI", "justification": "ADOPT-1", "expires": "2027-01-01"}
	p := main.prepare with input as {"tag_keys": [], "ids": ["a"], "today": "2026-11-24"}
		with data.baseline as [entry]
	p.coverage.a["personal-stays-in-eu"].advisory.exempt
	not p.coverage.a["personal-stays-in-eu"].mandatory.exempt
}

test_an_advisory_acceptance_does_not_accept_a_mandatory_finding if {
	entry := {"rule": "personal-stays-in-eu", "resource": "r", "enforcement": "advisory", "acceptedBy": "RSSI", "justification": "ADOPT-1", "expires": "2027-01-01"}
	[f] := [f |
		some f in main.result.findings with input as {"today": "2026-11-24", "resources": [res("r", "aws", "us-east-1", "personal")]}
			with data.baseline as [entry]
		f.policy == "personal-stays-in-eu"
	]
	f.enforcement == "mandatory"
	not f.exempt
}

test_unused_exemptions_are_advisory_findings_about_the_configuration if {
	entry := {"rule": "sensitive-requires-secnumcloud", "resource": "gone", "justification": "T-1", "expires": "2027-01-01"}
	[f] := main.unused_exemptions with input as {"ids": ["a"], "today": "2026-11-24"}
		with data.config as {"exemptions": [entry]}
	f.resource == "config:exemptions[0]"
	f.policy == "exemption-must-be-valid"
	f.enforcement == "advisory"
	not f.exempt
}
