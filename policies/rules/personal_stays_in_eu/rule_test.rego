package souverain.rules.personal_stays_in_eu_test

import data.souverain.rules.personal_stays_in_eu as rule

res(cloud, region) := {"id": "r", "type": "t", "cloud": cloud, "region": region, "tags": {"data-classification": "personal"}}

levels(r) := ls if {
	ls := [level_of(f) | some f in rule.findings] with input as {"resources": [r]}
}

level_of(f) := f.level

level_of(f) := "rule" if not f.level

test_scaleway_paris_is_quiet if levels(res("scaleway", "fr-par")) == []

test_aws_virginia_fires if levels(res("aws", "us-east-1")) == ["rule"]

test_aws_london_fires if levels(res("aws", "eu-west-2")) == ["rule"]

test_azure_norway_is_eea if levels(res("azure", "norwayeast")) == ["advisory"]

test_aws_paris_is_an_advisory_exposure if levels(res("aws", "eu-west-3")) == ["advisory"]
