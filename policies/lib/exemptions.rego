# METADATA
# description: |
#   Exemptions come from the configuration only (reviewed by a security team), never from tags on
#   the resource they exempt. input.today (YYYY-MM-DD) is the date they are judged against.
package souverain.lib.exemptions

import data.souverain.lib.settings
import data.souverain.lib.text

declared := settings.exemptions

# Baseline entries cover findings like exemptions, and also say who accepted them.
baseline := settings.baseline

# The rules an exemption may name (stable ids; main_test checks this set against the rule packages).
rule_ids := {
	"sensitive-requires-secnumcloud", "archives-stay-in-france", "health-requires-hds",
	"personal-stays-in-eu", "location-must-be-known", "classification-required",
	"classified-requires-homologation",
}

# Problems are codes; describe words them ("problem.<code>" in src/locales).
problems(e) := {"not-object"} if not is_object(e)

problems(e) := {check | some check in checks; not passes(check, e)} if is_object(e)

baseline_problems(e) := {"not-object"} if not is_object(e)

baseline_problems(e) := (problems(e) | {p | not accepted_by_someone(e); p := "accepted-by"}) | {p |
	not level_accepted(e)
	p := "enforcement"
} if is_object(e)

level_accepted(e) if e.enforcement in {"mandatory", "advisory"}

accepted_by_someone(e) if non_empty(e.acceptedBy)

checks := {"rule", "resource", "justification", "expires"}

passes("rule", e) if e.rule in rule_ids

passes("resource", e) if non_empty(e.resource)

passes("justification", e) if non_empty(e.justification)

passes("expires", e) if {
	is_string(e.expires)
	regex.match(`^[0-9]{4}-(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01])$`, e.expires)
	substring(e.expires, 8, 2) <= last_day(substring(e.expires, 0, 4), substring(e.expires, 5, 2))
}

# The last day of a month as two digits, which compare as strings: 2027-02-30 and 2027-02-29 do not exist.
# Plain arithmetic: the wasm target has no time.parse_ns (see policies/compiled/capabilities.json).
last_day(year, month) := "29" if {
	month == "02"
	leap_year(year)
} else := month_lengths[month]

month_lengths := {
	"01": "31", "02": "28", "03": "31", "04": "30", "05": "31", "06": "30",
	"07": "31", "08": "31", "09": "30", "10": "31", "11": "30", "12": "31",
}

# to_number rejects leading zeros ("0400"); 10000 is a multiple of 400, so "1" + year has the same leap years.
leap_year(year) if {
	n := to_number(concat("", ["1", year]))
	n % 4 == 0
	n % 100 != 0
}

leap_year(year) if to_number(concat("", ["1", year])) % 400 == 0

# A field of an entry for messages, whatever the entry is.
field(e, name) := object.get(e, name, "?") if is_object(e)

else := "?"

# Invisible characters (U+200B, U+00A0, U+FEFF, tabs...) are as empty as nothing.
non_empty(s) if {
	is_string(s)
	not text.blank(s)
}

# An exemption that lapses today still holds today. Without input.today, every exemption is expired.
expired(_) if not dated

dated if is_string(input.today)

expired(e) if e.expires < input.today

# A configuration entry never passes for a baseline one, whatever fields it carries.
valid contains object.remove(e, ["source"]) if {
	some e in declared
	count(problems(e)) == 0
	not expired(e)
}

valid contains object.union(e, {"source": "baseline"}) if {
	some e in baseline
	count(baseline_problems(e)) == 0
	not expired(e)
}

# The valid exemptions that cover a finding (several may; any one is enough).
covering(policy, resource_id) := [e |
	some e in valid
	e.rule == policy
	e.resource == resource_id
]

# Those that cover it at its level: a baseline entry accepts the finding at the level it was accepted
# at, or a lesser one; an advisory exposure accepted does not accept the same rule's mandatory breach.
covering_at(policy, resource_id, level) := [e |
	some e in covering(policy, resource_id)
	accepts(e, level)
]

accepts(e, _) if not e.source == "baseline"

accepts(e, level) if {
	e.source == "baseline"
	e.enforcement in {level, "mandatory"}
}

# Of the given resource ids, those some valid exemption may cover: the ones they name exactly.
named(ids) := {e.resource | some e in valid} & {id | some id in ids}

# What a finding shows of an entry that covers it: a baseline entry says so, and who accepted it.
shown(e) := {"justification": e.justification, "expires": e.expires, "source": "baseline", "acceptedBy": e.acceptedBy} if {
	e.source == "baseline"
} else := {"justification": e.justification, "expires": e.expires}
