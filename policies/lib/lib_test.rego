package souverain.lib_test

import data.souverain.lib.catalog
import data.souverain.lib.classes
import data.souverain.lib.location
import data.souverain.lib.text

test_slug_folds_case_spaces_accents if text.slug("  Données_Personnelles ") == "donnees-personnelles"

test_key_ignores_separators if {
	text.key("DataClassification") == "dataclassification"
	text.key("data_classification") == "dataclassification"
}

test_key_folds_unicode_dashes_and_spaces if {
	every k in [
		"data\u2013classification", "data\u2014classification", "data\u2011classification",
		"data\u00a0classification", "data\u202fclassification", "data\u200bclassification",
		"\u00a0Data \u2013 Classification\u202f",
	] {
		text.key(k) == "dataclassification"
	}
}

test_slug_folds_unicode_spaces_like_ascii if {
	text.slug("données\u00a0personnelles") == "donnees-personnelles"
	text.slug("Diffusion\u202fRestreinte") == "diffusion-restreinte"
	text.slug("données\u2013personnelles") == "donnees-personnelles"
}

test_decomposed_accents_match_precomposed if {
	text.slug("donne\u0301es de sante\u0301") == text.slug("données de santé")
	text.key("Classificatio\u0302n") == "classification"
	text.slug("E\u0301TAT") == "etat"
}

test_blank_is_only_invisible if {
	text.blank("")
	text.blank("\u200b\u00a0\u2060\ufeff\t\n\u202f")
	not text.blank("\u200bx")
}

test_decomposed_classification_value_is_recognised if {
	c := classes.of({"tags": {"data\u2013classification": "donne\u0301es de sante\u0301"}}) with input as {"resources": [{"tags": {"data\u2013classification": "donne\u0301es de sante\u0301"}}]}
	c.classes == {"health"}
}

test_list_splits_on_separators if text.list("personal, archive;santé|sensible") == ["personal", "archive", "sante", "sensible"]

test_aliases_reach_providers if {
	catalog.provider_id("Google") == "gcp"
	catalog.provider_id("AzureRM") == "azure"
	not catalog.provider_id("digitalocean")
}

test_user_alias_maps_to_class if {
	c := classes.of({"tags": {"data-classification": "Confidentiel médical"}}) with input as {"resources": [{"tags": {"data-classification": "Confidentiel médical"}}]}
		with data.config as {"classAliases": {"confidentiel-medical": "health"}}
	c.classes == {"health"}
}

test_user_offer_overrides_ours_by_id if {
	p := catalog.providers.bleu with data.config as {"catalog": {"providers": {"bleu": {"source": "ANSSI decision", "offers": [{
		"id": "bleu-cloud-de-confiance", "name": "Bleu", "scope": {},
		"secnumcloud": {"status": "qualified", "source": "ANSSI decision", "asOf": "2027-01-01"},
	}]}}}}
	[o] := p.offers
	o.secnumcloud.status == "qualified"
}

test_user_offer_adds_to_ours if {
	p := catalog.providers.ovh with data.config as {"catalog": {"providers": {"ovh": {"source": "contract", "offers": [{"id": "new", "name": "New", "scope": {}}]}}}}
	count(p.offers) == count(data.catalog.providers.ovh.offers) + 1
}

test_zone_gives_region if {
	location.resolve({"cloud": "gcp", "zone": "europe-west9-b"}).region == "europe-west9"
	location.resolve({"cloud": "scaleway", "zone": "fr-par-2"}).region == "fr-par"
	location.resolve({"cloud": "outscale", "zone": "cloudgouv-eu-west-1a"}).region == "cloudgouv-eu-west-1"
}

test_unknown_zone_is_unknown_region if location.resolve({"cloud": "aws", "zone": "mars-1a"}).reason == "unknown-region"

test_multi_region_eu_is_not_france if {
	p := location.resolve({"cloud": "gcp", "region": "EU"})
	p.in_france == "no"
	p.in_eu == "yes"
}

test_same_code_different_country if {
	location.resolve({"cloud": "aws", "region": "eu-west-2"}).in_france == "no"
	location.resolve({"cloud": "outscale", "region": "eu-west-2"}).in_france == "yes"
}

test_unknown_cloud_proves_nothing if {
	p := location.resolve({"cloud": "digitalocean", "region": "fra1"})
	p.in_france == "unknown"
	p.secnumcloud == "unknown"
	p.hds == "unknown"
	p.french_law == "unknown"
}

no_data_role := {"holdsData": false, "tags": {"data-classification": "sensitive"}, "tagSources": {"data-classification": "provider-default"}}

test_provider_default_tags_do_not_classify_what_holds_no_data if {
	c := classes.of(no_data_role) with input as {"resources": [no_data_role]}
	c.classes == set()
	c.origins == set()
}

test_stack_tags_and_default_classification_do_not_classify_what_holds_no_data if {
	role := object.union(no_data_role, {"tagSources": {"data-classification": "stack"}})
	classes.of(role).classes == set() with input as {"resources": [role]}
	untagged := {"holdsData": false}
	classes.of(untagged).classes == set() with input as {"resources": [untagged]}
		with data.config as {"defaultClassification": "archive"}
}

test_own_tag_classifies_whatever_the_type if {
	own := object.union(no_data_role, {"tagSources": {"data-classification": "resource"}})
	classes.of(own).classes == {"sensitive"} with input as {"resources": [own]}
}

test_defaults_classify_what_may_hold_data if {
	bucket := object.remove(no_data_role, ["holdsData"])
	classes.of(bucket).classes == {"sensitive"} with input as {"resources": [bucket]}
	untagged := {"type": "t"}
	classes.of(untagged).classes == {"archive"} with input as {"resources": [untagged]}
		with data.config as {"defaultClassification": "archive"}
}

test_any_key_stand_in_is_unproven_when_nothing_readable_classifies if {
	r := {"tags": {"*": "(unknown until apply)"}, "tagSources": {"*": "provider-default"}}
	c := classes.of(r) with input as {"resources": [r]}
		with data.config as {"classificationTags": ["confidentialite"]}
	c.classes == set()
	c.unrecognized == {"(unknown-until-apply)"}
}

test_any_key_stand_in_yields_to_a_readable_classification if {
	r := {"tags": {"*": "(unknown until apply)", "data-classification": "public"}}
	c := classes.of(r) with input as {"resources": [r]}
	c.classes == {"public"}
	c.unrecognized == set()
}
