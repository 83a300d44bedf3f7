package souverain.rules.archives_stay_in_france_test

import data.souverain.rules.archives_stay_in_france as rule

res(cloud, region) := {"id": "r", "type": "t", "cloud": cloud, "region": region, "tags": {"data-classification": "archives"}}

fires(r) if count(rule.findings) > 0 with input as {"today": "2026-11-24", "resources": [r]}

# Quiet means judged and found compliant, not skipped: the resource must have a view.
quiet(r) if {
	count(rule.findings) == 0 with input as {"today": "2026-11-24", "resources": [r]}
	data.souverain.lib.resources.view[0] with input as {"today": "2026-11-24", "resources": [r]}
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

message(r) := f.message if {
	[f] := [f | some f in rule.findings] with input as {"today": "2026-11-24", "resources": [r]}
}

classed(cloud, region, class) := object.union(res(cloud, region), {"tags": {"data-classification": class}})

test_definitive_archives_are_judged_under_l111_1 if {
	every class in ["archives définitives", "Archives historiques", "definitive archives"] {
		m := message(classed("ovh", "DE1", class))
		contains(m.en, "definitive or historical archive data")
		contains(m.en, "trésors nationaux, may not leave without authorisation (Code du patrimoine L111-1 2°, L111-2)")
		contains(m.fr, "trésors nationaux, ne peuvent quitter sans autorisation")
	}
}

test_other_archives_outside_france_are_this_organisations_policy if {
	every class in ["archives", "archives intermédiaires", "archives courantes", "archivage électronique", "SAE"] {
		m := message(classed("ovh", "DE1", class))
		contains(m.en, "but this organisation's policy requires it for public archives (rooted in note DGP/SIAF/2016/006 and the third-party archiving regime, L212-4)")
		not contains(m.en, "trésors nationaux")
		contains(m.fr, "alors que la politique de cette organisation l'exige pour les archives publiques")
	}
}

test_foreign_law_is_this_organisations_policy_for_both if {
	every class in ["archives", "archives définitives"] {
		m := message(classed("aws", "eu-west-3", class))
		contains(m.en, "the provider is not under French law (applicable law: United States), but this organisation's policy requires it for public archives")
	}
}

test_definitive_archives_in_france_with_french_provider_are_quiet if quiet(classed("scaleway", "fr-par", "archives historiques"))
