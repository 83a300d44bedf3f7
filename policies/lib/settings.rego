# METADATA
# description: |
#   The user's configuration (data.config) with its defaults. Every other package reads settings
#   from here, so a missing or partial configuration behaves exactly like the documented defaults.
package souverain.lib.settings

# The keys French teams use besides ours: a value under any of them that names no class is a finding.
default classification_tag_keys := ["data-classification", "classification", "confidentialite", "sensibilite", "mention-de-protection"]

classification_tag_keys := data.config.classificationTags

default class_aliases := {}

class_aliases := data.config.classAliases

default default_classification := ""

default_classification := data.config.defaultClassification

default archives_require_secnumcloud := false

archives_require_secnumcloud := data.config.archivesRequireSecnumcloud

default enforcement_overrides := {}

enforcement_overrides := data.config.enforcement

default exemptions := []

exemptions := data.config.exemptions

default catalog_additions := {}

catalog_additions := data.config.catalog.providers

# The findings a team accepted when it adopted Souverain (souverain check --baseline), beside the
# configuration: data.baseline, entries {rule, resource, acceptedBy, expires, justification}.
default baseline := []

baseline := data.baseline
