# The conftest side of `npm run bench:plan`: a plain region rule over the same plan, for comparison.
# Classified resources must be in an allowed region, read from the resource or its provider block.
package main

allowed := {"eu-west-3", "francecentral", "europe-west9", "gra7", "sbg5", "fr-par"}

classified := {"sensitive", "archive", "personal", "health"}

config_key[r.address] := r.provider_config_key if some r in input.configuration.root_module.resources

config_key[address] := r.provider_config_key if {
	some name, call in input.configuration.root_module.module_calls
	some r in call.module.resources
	address := sprintf("module.%s.%s", [name, r.address])
}

provider_region(change) := input.configuration.provider_config[config_key[change.address]].expressions.region.constant_value

region(change) := change.change.after.region if is_string(change.change.after.region)

region(change) := change.change.after.location if {
	not is_string(change.change.after.region)
	is_string(change.change.after.location)
}

region(change) := provider_region(change) if {
	not is_string(change.change.after.region)
	not is_string(change.change.after.location)
}

deny contains msg if {
	some change in input.resource_changes
	change.change.after.tags["data-classification"] in classified
	not lower(region(change)) in allowed
	msg := sprintf("%s: classified data outside the allowed regions", [change.address])
}
