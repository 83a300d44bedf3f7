package souverain.rules.classification_required_test

import data.souverain.rules.classification_required as rule

findings(r) := fs if {
	fs := rule.findings with input as {"resources": [r]}
}

test_unclassified_data_resource_fires if count(findings({"id": "r", "type": "t", "cloud": "aws", "region": "eu-west-3"})) == 1

test_resource_without_data_is_quiet if count(findings({"id": "r", "type": "t", "holdsData": false})) == 0

test_classified_is_quiet if count(findings({"id": "r", "type": "t", "tags": {"data-classification": "public"}})) == 0

test_unknown_class_is_mandatory if {
	[f] := [f | some f in findings({"id": "r", "type": "t", "tags": {"data-classification": "sensitve"}})]
	f.level == "mandatory"
	contains(f.message.en, "'sensitve'")
}

test_default_classification_counts if {
	count(findings({"id": "r", "type": "t"})) == 0 with data.config as {"defaultClassification": "archive"}
}

test_module_call_is_left_to_location_must_be_known if {
	count(findings({"id": "module.vpc", "type": "module", "cloud": null, "opaque": "module"})) == 0
}
