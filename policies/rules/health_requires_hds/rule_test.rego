package souverain.rules.health_requires_hds_test

import data.souverain.rules.health_requires_hds as rule

res(cloud, region) := {"id": "r", "type": "t", "cloud": cloud, "region": region, "tags": {"data-classification": "santé"}}

fires(r) if count(rule.findings) > 0 with input as {"resources": [r]}

# Quiet means judged and found compliant, not skipped: the resource must have a view.
quiet(r) if {
	count(rule.findings) == 0 with input as {"resources": [r]}
	data.souverain.lib.resources.view[0] with input as {"resources": [r]}
}

test_ovh_is_quiet if quiet(res("ovh", "SBG5"))

test_azure_france_is_quiet if quiet(res("azure", "francecentral"))

test_azure_outside_eea_fires if fires(res("azure", "eastus"))

test_hetzner_fires if fires(res("hetzner", "fsn1"))

test_aws_unverified_hds_fires if fires(res("aws", "eu-west-3"))

test_cloud_temple_regionless_is_quiet if quiet({"id": "r", "type": "t", "cloud": "cloudtemple", "tags": {"data-classification": "health"}})
