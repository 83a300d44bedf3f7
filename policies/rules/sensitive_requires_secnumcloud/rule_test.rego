package souverain.rules.sensitive_requires_secnumcloud_test

import data.souverain.rules.sensitive_requires_secnumcloud as rule

res(cloud, region, class) := {"id": "r", "type": "t", "cloud": cloud, "region": region, "tags": {"data-classification": class}}

fires(r) if count(rule.findings) > 0 with input as {"today": "2026-11-24", "resources": [r]}

# Quiet means judged and found compliant, not skipped: the resource must have a view.
quiet(r) if {
	count(rule.findings) == 0 with input as {"today": "2026-11-24", "resources": [r]}
	data.souverain.lib.resources.view[0] with input as {"today": "2026-11-24", "resources": [r]}
}

test_aws_paris_sensitive_fires if fires(res("aws", "eu-west-3", "sensitive"))

test_restricted_fires_like_sensitive if fires(res("azure", "francecentral", "diffusion restreinte"))

test_s3ns_qualified_region_is_quiet if quiet(res("s3ns", "u-france-east1", "sensitive"))

# Changed in the November 2026 review: the visa date of Outscale's 3.2 qualification was not found, so
# its three-year term cannot be checked and the catalog marks it unverified.
test_outscale_cloudgouv_unverified_fires if fires(res("outscale", "cloudgouv-eu-west-1", "sensible"))

test_outscale_cloudgouv_qualified_by_the_user_is_quiet if {
	quiet(res("outscale", "cloudgouv-eu-west-1", "sensible")) with data.config as {"catalog": {"providers": {"outscale": {
		"source": "RSSI check of ANSSI's list, ticket SEC-12",
		"offers": [{"id": "outscale-iaas-cloudgouv", "name": "Outscale IaaS", "scope": {"regions": ["cloudgouv-eu-west-1"]}, "secnumcloud": {"status": "qualified", "qualifiedOn": "2025-01-10", "source": "ANSSI list, checked 2026-11-20", "asOf": "2026-11-20"}}],
	}}}}
}

test_message_says_france_is_this_tools_choice if {
	r := object.union(res("s3ns", "u-france-east1", "sensitive"), {"copies": [{"kind": "backup", "cloud": "ovh", "region": "DE1"}]})
	some f in rule.findings with input as {"today": "2026-11-24", "resources": [r]}
	contains(f.message.en, "it is not in France, but this tool requires France")
	contains(f.message.en, "requiring France is this tool's own, stricter choice")
	contains(f.message.fr, "elles ne sont pas en France, alors que cet outil l'exige")
}

test_lapsed_qualification_fires_with_its_term if {
	r := res("s3ns", "u-france-east1", "sensitive")
	[f] := [f | some f in rule.findings] with input as {"today": "2028-12-18", "resources": [r]}
	contains(f.message.en, "PREMI3NS: qualified, past its term (2028-12-17)")
	count(rule.findings) == 0 with input as {"today": "2028-12-17", "resources": [r]}
}

test_outscale_unverified_region_fires if fires(res("outscale", "eu-west-2", "sensitive"))

test_bleu_in_process_fires if fires(res("bleu", "bleufrancecentral", "sensitive"))

test_public_data_is_quiet if quiet(res("aws", "us-east-1", "public"))

test_unknown_region_on_provider_without_offer_fires if fires(res("aws", null, "sensitive"))

test_unknown_region_on_qualified_provider_defers_to_location_rule if quiet(res("s3ns", null, "sensitive"))

test_replica_outside_france_fires if {
	r := object.union(res("s3ns", "u-france-east1", "sensitive"), {"copies": [{"kind": "backup", "cloud": "aws", "region": "eu-west-1"}]})
	fires(r)
}

test_message_names_resource_and_reason if {
	some f in rule.findings with input as {"resources": [res("aws", "eu-west-3", "sensitive")]}
	contains(f.message.en, "no SecNumCloud-qualified offer")
	contains(f.message.fr, "aucune offre qualifiée SecNumCloud")
	startswith(f.message.en, "r: sensitive data on Amazon Web Services eu-west-3")
}

test_state_internal_cloud_is_quiet if {
	quiet(res("pi", "pi-1", "sensitive")) with data.config as {"catalog": {"providers": {"pi": {
		"name": "Cloud Pi", "jurisdiction": "FR", "stateInternal": true, "source": "test",
		"regions": {"pi-1": {"country": "FR", "source": "test", "asOf": "2026-01-01"}},
	}}}}
}

# Words are data: without them a message prints its keys, and the finding still fires.
test_fires_without_the_catalog_of_words if {
	some f in rule.findings with input as {"resources": [res("aws", "eu-west-3", "sensitive")]} with data.words as {}
	startswith(f.message.fr, "finding")
}
