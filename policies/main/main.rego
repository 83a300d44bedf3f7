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
	f := finding(replace(name, "_", "-"), raw)
]

finding(id, raw) := object.union(subject(raw, id, enforcement), {"policy": id, "enforcement": enforcement, "message": raw.message}) if {
	enforcement := level(id, raw)
	enforcement != "disabled"
}

# souverain/main/unused_exemptions: the exemptions and baseline entries naming none of input.ids, every
# resource a run judged (one evaluation sees only its own input).
unused_exemptions := [f |
	some raw in data.souverain.rules.exemption_must_be_valid.unused
	f := finding("exemption-must-be-valid", raw)
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
subject(raw, policy, level) := object.union({"resource": id}, coverage_of(policy, id, level)) if {
	id := resources.view[raw.index].resource.id
}

coverage_of(policy, id, level) := {"exempt": count(covering) > 0, "exemptions": covering} if {
	covering := [exemptions.shown(e) |
		some e in exemptions.covering_at(policy, id, level)
	]
}

# Findings about the configuration name the exemption entry.
subject(raw, _, _) := {"resource": sprintf("config:exemptions[%d]", [raw.exemption]), "exempt": false, "exemptions": []} if {
	is_number(raw.exemption)
}

# Findings about the baseline name its entry.
subject(raw, _, _) := {"resource": sprintf("config:baseline[%d]", [raw.baseline]), "exempt": false, "exemptions": []} if {
	is_number(raw.baseline)
}

# Findings about another part of the configuration (the catalog) name it.
subject(raw, _, _) := {"resource": concat("", ["config:", raw.config]), "exempt": false, "exemptions": []} if {
	is_string(raw.config)
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

# souverain/main/prepare: what the engine (src/engine.ts) needs besides `result` to judge each
# distinct shape of resource once, under a stand-in id: which of input.tag_keys the rules read the
# value of, and, for each of input.ids that an exemption covers, its coverage by rule and level.
prepare := {
	"classification_keys": [k | some k in input.tag_keys; classes.classification_key(k)],
	"coverage": {id: by_rule |
		some id in exemptions.named(input.ids)
		by_rule := {p: {level: coverage_of(p, id, level) | some level in {"mandatory", "advisory"}} |
			some p in exemptions.rule_ids
			count(exemptions.covering(p, id)) > 0
		}
	},
}
