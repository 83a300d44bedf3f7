package souverain.rules.archives_stay_in_france_test

import data.souverain.rules.archives_stay_in_france as rule

res(cloud, region) := {"id": "r", "type": "t", "cloud": cloud, "region": region, "tags": {"data-classification": "archives"}}

fires(r) if count(rule.findings) > 0 with input as {"resources": [r]}

# Quiet means judged and found compliant, not skipped: the resource must have a view.
quiet(r) if {
	count(rule.findings) == 0 with input as {"resources": [r]}
	data.souverain.lib.resources.view[0] with input as {"resources": [r]}
}

test_ovh_gravelines_is_quiet if quiet(res("ovh", "GRA7"))

test_scaleway_paris_is_quiet if quiet(res("scaleway", "fr-par"))

test_us_provider_in_paris_fires if fires(res("aws", "eu-west-3"))

test_french_provider_abroad_fires if fires(res("ovh", "DE1"))

test_global_service_fires if fires({"id": "r", "type": "t", "cloud": "aws", "global": true, "tags": {"data-classification": "archive"}})

test_us_provider_with_unknown_region_fires if fires(res("gcp", null))

test_strict_switch_requires_secnumcloud if {
	quiet(res("scaleway", "fr-par"))
	fires(res("scaleway", "fr-par")) with data.config as {"archivesRequireSecnumcloud": true}
	quiet(res("s3ns", "u-france-east1")) with data.config as {"archivesRequireSecnumcloud": true}
}
