# METADATA
# description: |
#   The user's configuration (data.config) with its defaults. Every other package reads settings
#   from here, so a missing or partial configuration behaves exactly like the documented defaults.
package souverain.lib.settings

default classification_tag_keys := ["data-classification"]

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
