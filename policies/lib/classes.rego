# METADATA
# description: |
#   The data classes a resource carries, read from its tags (any configured key, forgiving of
#   spelling), else from the configured default classification.
package souverain.lib.classes

import data.souverain.lib.settings
import data.souverain.lib.text

# Canonical classes and the spellings (already slugged) that name them.
synonyms := {
	"public": "public", "publique": "public", "public-data": "public", "open-data": "public",
	"opendata": "public", "donnees-ouvertes": "public",
	"internal": "internal", "interne": "internal", "usage-interne": "internal",
	"diffusion-interne": "internal", "np": "internal", "non-protege": "internal",
	"personal": "personal", "personnel": "personal", "personnelle": "personal", "personnelles": "personal",
	"personal-data": "personal", "pii": "personal", "gdpr": "personal", "rgpd": "personal", "dcp": "personal",
	"donnees-personnelles": "personal", "donnee-personnelle": "personal",
	"donnees-a-caractere-personnel": "personal", "donnee-a-caractere-personnel": "personal",
	"donnees-nominatives": "personal", "nominatif": "personal", "nir": "personal",
	"health": "health", "health-data": "health", "sante": "health", "donnees-de-sante": "health",
	"donnee-de-sante": "health", "medical": "health", "medicale": "health", "hds": "health", "phi": "health",
	"donnees-de-sante-a-caractere-personnel": "health", "dscp": "health", "secret-medical": "health",
	"dossier-patient": "health", "medico-social": "health",
	"sensitive": "sensitive", "sensitive-data": "sensitive", "sensible": "sensitive", "sensibles": "sensitive",
	"donnees-sensibles": "sensitive", "sensibilite-particuliere": "sensitive",
	"donnees-d-une-sensibilite-particuliere": "sensitive",
	"restricted": "restricted", "diffusion-restreinte": "restricted", "dr": "restricted",
	"restreint": "restricted", "restreinte": "restricted",
	"dr-sf": "restricted", "dr-special-france": "restricted", "special-france": "restricted",
	"diffusion-restreinte-special-france": "restricted",
	"classified": "classified", "classifie": "classified", "classifiee": "classified",
	"information-classifiee": "classified", "informations-classifiees": "classified",
	"secret": "classified", "tres-secret": "classified",
	"confidentiel-defense": "classified", "secret-defense": "classified", "tres-secret-defense": "classified",
	"archive": "archive", "archives": "archive", "archival": "archive", "archives-publiques": "archive",
	"public-archives": "archive", "archive-publique": "archive",
	"archives-intermediaires": "archive", "archives-courantes": "archive",
	"archivage-electronique": "archive", "sae": "archive",
	"definitive-archive": "definitive-archive", "definitive-archives": "definitive-archive",
	"archives-definitives": "definitive-archive", "archive-definitive": "definitive-archive",
	"archives-historiques": "definitive-archive", "archive-historique": "definitive-archive",
	"historical-archives": "definitive-archive",
}

# Marks whose meaning depends on the organisation's own scheme: never guessed, the user maps them
# with classAliases.
ambiguous := {"c0", "c1", "c2", "c3", "confidentiel", "confidential"}

# Classes that place a requirement on where data lives.
located := {"personal", "health", "sensitive", "restricted", "classified", "archive", "definitive-archive"}

user_synonyms[text.slug(name)] := class if some name, class in settings.class_aliases

known_synonym(value) := user_synonyms[value]

known_synonym(value) := synonyms[value] if not user_synonyms[value]

# The default keys, already normalised (text.key of settings' defaults; lib_test checks they agree):
# normalising costs more than the rest of a one-resource evaluation, which the pack makes per resource.
default configured_keys := {"dataclassification", "classification", "confidentialite", "sensibilite", "mentiondeprotection"}

configured_keys := {text.key(k) | some k in keys} if keys := data.config.classificationTags

# Tag keys and values repeat across a batch: each distinct one is normalised once.
tag_keys := {k |
	some r in input.resources
	some k, _ in object.get(r, "tags", {})
}

classification_keys := {k | some k in tag_keys; classification_key(k)}

classification_key(k) if text.key(k) in configured_keys

# "*" stands for every classification key: front doors put there what a tag map they could not read
# (unknown until apply, sensitive) may hold, whatever keys the configuration names.
classification_key("*")

classification_values := {v |
	some r in input.resources
	some k in classification_keys
	v := r.tags[k]
}

value_lists := {v: text.list(v) | some v in classification_values}

# Every classification tag on a resource: {"key", "value", "origin"}. The "*" stand-in counts only
# where no readable classification tag says what the resource holds.
classification_tags(resource) := named if {
	named := readable_classification_tags(resource)
	count(named) > 0
} else := [{"key": "*", "value": resource.tags["*"], "origin": tag_origin(resource, "*")} |
	resource.tags["*"]
	applies(resource, tag_origin(resource, "*"))
]

readable_classification_tags(resource) := [{"key": k, "value": resource.tags[k], "origin": tag_origin(resource, k)} |
	some k in classification_keys
	k != "*"
	resource.tags[k]
	applies(resource, tag_origin(resource, k))
]

# A resource's own tag is believed whatever its type. Provider default tags, stack tags and the default
# classification say what a deployment holds: a resource known to hold no data (an IAM role, a network)
# holds none of it.
applies(_, "resource")

applies(resource, _) if may_hold_data(resource)

may_hold_data(resource) if not resource.holdsData == false

tag_origin(resource, k) := resource.tagSources[k]

tag_origin(resource, k) := "resource" if not resource.tagSources[k]

default_values := text.list(settings.default_classification)

# The spelled values that decide the resource's classes, and where they came from. The resource's
# classification tags are read once (functions are not cached within an evaluation).
declared(resource) := declaration(resource, tags, [v | some t in tags; some v in value_lists[t.value]]) if {
	tags := classification_tags(resource)
}

declaration(resource, tags, values) := {"values": values, "origins": {concat("", ["tag ", t.key, " (", t.origin, ")"]) | some t in tags}} if {
	count(values) > 0
} else := {"values": default_values, "origins": {"configuration defaultClassification"}} if {
	count(default_values) > 0
	may_hold_data(resource)
} else := {"values": [], "origins": set()}

of(resource) := {
	"classes": {c | some v in d.values; c := known_synonym(v)},
	"unrecognized": {v | some v in d.values; not known_synonym(v)},
	"origins": d.origins,
} if {
	d := declared(resource)
}
