package souverain.rules.location_must_be_known_test

import data.souverain.rules.location_must_be_known as rule

res(cloud, region) := {"id": "r", "type": "t", "cloud": cloud, "region": region, "tags": {"data-classification": "personal"}}

fires(r) if count(rule.findings) > 0 with input as {"resources": [r]}

# Quiet means judged and found compliant, not skipped: the resource must have a view.
quiet(r) if {
	count(rule.findings) == 0 with input as {"resources": [r]}
	data.souverain.lib.resources.view[0] with input as {"resources": [r]}
}

test_known_region_is_quiet if quiet(res("aws", "eu-west-3"))

test_unknown_region_fires if fires(res("aws", null))

test_typo_region_fires if fires(res("aws", "eu-west-33"))

test_unknown_cloud_fires if fires(res("digitalocean", "fra1"))

test_missing_cloud_fires if fires({"id": "r", "type": "t", "region": "eu-west-3", "tags": {"data-classification": "personal"}})

test_retired_cloud_fires if fires(res("cloudwatt", "fr1"))

test_zone_outside_region_fires if fires(object.union(res("aws", "eu-west-3"), {"zone": "eu-west-1a"}))

test_public_data_needs_no_location if quiet({"id": "r", "type": "t", "cloud": "x", "tags": {"data-classification": "public"}})

test_unknown_reason_still_has_words if {
	rule.reason("future-reason").en == "its location cannot be established (future-reason)"
}

module_call := {"id": "prod/module.vpc", "name": "module.vpc", "type": "module", "cloud": null, "region": null, "opaque": "module"}

test_module_call_is_mandatory_whatever_its_classes if {
	[f] := [f | some f in rule.findings] with input as {"resources": [module_call]}
	f.level == "mandatory"
	f.message.en == "module.vpc: a module call, whose resources are not visible in this input: neither their data nor their location can be established; judge the Terraform plan instead (terraform plan, then terraform show -json)."
	startswith(f.message.fr, "module.vpc\u00a0: appel de module dont les ressources ne sont pas visibles dans cette entrée")
}

test_classified_module_call_is_one_finding if {
	count(rule.findings) == 1 with input as {"resources": [object.union(module_call, {"tags": {"data-classification": "sensitive"}})]}
}

test_other_opaque_kind_still_has_words if {
	[f] := [f | some f in rule.findings] with input as {"resources": [object.union(module_call, {"opaque": "bundle"})]}
	contains(f.message.en, "its contents are not visible in this input (bundle)")
	contains(f.message.fr, "son contenu n'est pas visible dans cette entrée (bundle)")
}
