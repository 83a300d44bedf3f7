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

test_ambiguous_marks_point_to_class_aliases if {
	every mark in ["C0", "C1", "c2", "C3", "Confidentiel", "confidential"] {
		[f] := [f | some f in findings({"id": "r", "type": "t", "tags": {"data-classification": mark}})]
		f.level == "mandatory"
		contains(f.message.en, "is ambiguous: its meaning depends on your organisation's scheme")
		contains(f.message.en, "map it to a class with classAliases")
		contains(f.message.fr, "Associez-la à une classe avec classAliases")
	}
}

test_unknown_value_points_to_class_aliases if {
	[f] := [f | some f in findings({"id": "r", "type": "t", "tags": {"data-classification": "données publiques"}})]
	contains(f.message.en, "'donnees-publiques' names no known class")
	contains(f.message.en, "map it to a class with classAliases")
}

test_mapped_ambiguous_mark_is_a_class if {
	count(findings({"id": "r", "type": "t", "tags": {"data-classification": "C2"}})) == 0 with data.config as {"classAliases": {"C2": "internal"}}
}

test_french_default_keys_are_read if {
	every key in ["classification", "Confidentialité", "sensibilite", "mention de protection", "data-classification"] {
		[f] := [f | some f in findings({"id": "r", "type": "t", "tags": {key: "C1"}})]
		f.level == "mandatory"
	}
}

test_unreadable_values_are_said_so if {
	r := {"id": "r", "type": "aws_s3_bucket", "cloud": "aws", "region": "eu-west-3", "tags": {"data-classification": "(unknown until apply)"}}
	some f in rule.findings with input as {"resources": [r]}
	f.message.en == "r: the classification value is unknown until the plan is applied; it is treated as unproven, never as unclassified."
	f.message.fr == "r\u00a0: la valeur de classification est inconnue tant que le plan n'est pas appliqué\u00a0; elle est traitée comme non établie, jamais comme une absence de classification."
}
