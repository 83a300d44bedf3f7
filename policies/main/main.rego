# METADATA
# description: |
#   The entry point compiled to wasm (souverain/main/result): every rule's findings with their
#   enforcement level and exemption, and what was resolved for every resource.
package souverain.main

import data.souverain.lib.classes
import data.souverain.lib.exemptions
import data.souverain.lib.resources
import data.souverain.lib.settings

result := {"findings": findings, "resources": summaries}

levels := {"mandatory", "advisory", "disabled"}

findings := [f |
	some name
	some raw in data.souverain.rules[name].findings
	id := replace(name, "_", "-")
	enforcement := level(id, raw)
	enforcement != "disabled"
	f := object.union(subject(raw, id), {"policy": id, "enforcement": enforcement, "message": raw.message})
]

# A rule's own fixed level (advisory exposure, mandatory unknown class) yields only to "disabled".
level(id, raw) := "disabled" if settings.enforcement_overrides[id] == "disabled"

else := raw.level if raw.level

else := configured if {
	configured := settings.enforcement_overrides[id]
	configured in levels
} else := data.rule_metadata[id].enforcement if data.rule_metadata[id].enforcement in levels

else := "mandatory"

# Findings about a resource say whether a valid exemption covers them.
subject(raw, policy) := object.union({"resource": id}, coverage_of(policy, id)) if {
	id := resources.view[raw.index].resource.id
}

coverage_of(policy, id) := {"exempt": count(covering) > 0, "exemptions": covering} if {
	covering := [{"justification": e.justification, "expires": e.expires} |
		some e in exemptions.covering(policy, id)
	]
}

# Findings about the configuration name the exemption entry.
subject(raw, _) := {"resource": sprintf("config:exemptions[%d]", [raw.exemption]), "exempt": false, "exemptions": []} if {
	is_number(raw.exemption)
}

summaries := [{
	"index": i,
	"id": v.resource.id,
	"type": v.resource.type,
	"classes": sort([c | some c in v.classification.classes]),
	"unrecognizedClasses": sort([c | some c in v.classification.unrecognized]),
	"classifiedBy": sort([o | some o in v.classification.origins]),
	"placements": v.placements,
} |
	some i, v in resources.view
]

# The engine (src/engine.ts) judges each distinct shape of resource once, under a stand-in id, through
# `result`; these two entry points give it what `result` decides from the rest of a resource.

# souverain/main/classification_keys: which of input.tag_keys the rules read the value of.
classification_keys := [k | some k in input.tag_keys; classes.classification_key(k)]

# souverain/main/coverage: for each input.findings[_] {"policy", "resource"}, the exemptions covering it.
coverage := [coverage_of(f.policy, f.resource) | some f in input.findings]
