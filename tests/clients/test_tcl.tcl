#!/usr/bin/env tclsh
# test_tcl.tcl - sqlite-maas from Tcl's sqlite3 package (libsqlite3-tcl), and
# examples/clients/tcl/example.tcl.
#   MAAS_BUILD_DIR=build tclsh tests/clients/test_tcl.tcl
package require sqlite3

set root [file normalize [file join [file dirname [info script]] .. ..]]
set build [expr {[info exists ::env(MAAS_BUILD_DIR)] ? $::env(MAAS_BUILD_DIR) : "build"}]
set module [file join $root $build maas.so]   ;# an absolute MAAS_BUILD_DIR wins in file join
set failures 0
proc check {what actual expected} {
  if {$actual eq $expected} { puts "ok: $what = $expected" } else {
    puts "FAIL: $what: expected \[$expected\], got \[$actual\]"; incr ::failures
  }
}

sqlite3 db :memory:
check "load_extension before enable_load_extension" [catch {db eval {SELECT load_extension($module)}} msg] 1
check "its message" $msg "not authorized"
db enable_load_extension 1
db eval {SELECT load_extension($module)}
db enable_load_extension 0
check "maas_cost('DeepSeek-R1', 1000000, 1000000)" [db onecolumn {SELECT maas_cost('DeepSeek-R1', 1000000, 1000000)}] 20.0
check "count(*) FROM maas_rates" [db onecolumn {SELECT count(*) FROM maas_rates}] 131
check "maas_cost as a Tcl number" [expr {[db onecolumn {SELECT maas_cost('DeepSeek-R1', 1000000, 1000000)}] == 20}] 1
check "maas_model('xdeepseekv3')" [db onecolumn {SELECT maas_model('xdeepseekv3')}] DeepSeek-V3
set tokens 1200
check "bound Tcl variables" [db onecolumn {SELECT maas_cost('DeepSeek-R1', $tokens, 3400, '2025-09-01')}] 0.0592
check "unknown model is NULL" [db onecolumn {SELECT maas_cost('gpt-4o-mini', 1, 1) IS NULL}] 1
check "an error" [catch {db eval {SELECT maas_cost('DeepSeek-R1', -1, 0)}} msg] 1
check "its message" [string match "maas_cost: input_tokens must be a non-negative integer*" $msg] 1
check "loading switched off again" [catch {db eval {SELECT load_extension($module)}} msg] 1
db close

set example [file join $root examples clients tcl example.tcl]
set f [open [file join $root tests clients expected tcl.txt]]
set expected [string trimright [read $f]]
close $f
set f [open [file join $root VERSION]]
set expected [string map [list @VERSION@ [string trim [gets $f]]] $expected]  ;# VERSION, the one home of the version
close $f
set actual [exec [info nameofexecutable] $example $module]
if {$actual eq $expected} { puts "ok: examples/clients/tcl/example.tcl matches tests/clients/expected/tcl.txt" } else {
  puts "FAIL: examples/clients/tcl/example.tcl printed:\n$actual\nexpected:\n$expected"; incr failures
}

if {$failures} { puts "$failures failed"; exit 1 }
