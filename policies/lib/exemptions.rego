# METADATA
# description: |
#   Exemptions come from the configuration only (reviewed by a security team), never from tags on
#   the resource they exempt. input.today (YYYY-MM-DD) is the date they are judged against.
package souverain.lib.exemptions

import data.souverain.lib.settings

declared := settings.exemptions

# The rules an exemption may name (stable ids; main_test checks this set against the rule packages).
rule_ids := {
	"sensitive-requires-secnumcloud", "archives-stay-in-france", "health-requires-hds",
	"personal-stays-in-eu", "location-must-be-known", "classification-required",
}

# Problems are in English only: they name configuration fields, which are English.
problems(e) := {"not an object"} if not is_object(e)

problems(e) := {p | some check, p in checks; not passes(check, e)} if is_object(e)

checks := {
	"rule": "rule must be one of the rule ids",
	"resource": "resource must be a non-empty string",
	"justification": "justification must be a non-empty reference (ticket, decision)",
	"expires": "expires must be a date YYYY-MM-DD",
}

passes("rule", e) if e.rule in rule_ids

passes("resource", e) if non_empty(e.resource)

passes("justification", e) if non_empty(e.justification)

passes("expires", e) if {
	is_string(e.expires)
	regex.match(`^[0-9]{4}-(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01])$`, e.expires)
}

# A field of an entry for messages, whatever the entry is.
field(e, name) := object.get(e, name, "?") if is_object(e)

else := "?"

non_empty(s) if {
	is_string(s)
	trim_space(s) != ""
}

# An exemption that lapses today still holds today. Without input.today, every exemption is expired.
expired(_) if not dated

dated if is_string(input.today)

expired(e) if e.expires < input.today

valid contains e if {
	some e in declared
	count(problems(e)) == 0
	not expired(e)
}

# The valid exemptions that cover a finding (several may; any one is enough).
covering(policy, resource_id) := [e |
	some e in valid
	e.rule == policy
	e.resource == resource_id
]
