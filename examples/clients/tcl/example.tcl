#!/usr/bin/env tclsh
# example.tcl - price usage from Tcl with sqlite-maas (Debian: libsqlite3-tcl).
#
#   tclsh examples/clients/tcl/example.tcl [path/to/maas.so]    # default: build/maas.so
#
# Tcl's sqlite3 package has no load method of its own: switch extension
# loading on, call SQL's load_extension(), and switch it off again.
package require sqlite3

set here [file dirname [file normalize [info script]]]
set module [file join $here .. .. .. build maas.so]
if {[info exists ::env(MAAS_LOADABLE_PATH)]} { set module $::env(MAAS_LOADABLE_PATH) }
if {$argc > 0} { set module [lindex $argv 0] }

sqlite3 db :memory:
db enable_load_extension 1
db eval {SELECT load_extension($module)}  ;# entry point sqlite3_maas_init, derived from maas.so
db enable_load_extension 0

puts "DeepSeek-R1, 1M input + 1M output tokens: [db onecolumn {SELECT maas_cost('DeepSeek-R1', 1000000, 1000000)}] CNY"
puts "price lines: [db onecolumn {SELECT count(*) FROM maas_rates}]"

db eval {CREATE TABLE usage(at TEXT, model TEXT, input_tokens INTEGER, output_tokens INTEGER)}
foreach {at model in out} {
  {2025-09-01 10:00:00} DeepSeek-R1 1200 3400
  {2025-09-01 10:05:00} qwen3-8b 230 300
  {2025-09-02 08:00:00} xdeepseekv3 5000 800
  {2025-09-02 09:00:00} gpt-4o-mini 100 100
} {
  db eval {INSERT INTO usage VALUES ($at, $model, $in, $out)}
}
db eval {SELECT coalesce(maas_model(model), model) AS name,
                maas_cost(model, input_tokens, output_tokens, at) AS cost
           FROM usage ORDER BY 1} {
  puts "$name: [expr {$cost eq {} ? {no price} : $cost}]"
}
db close
