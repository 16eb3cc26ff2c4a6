# Core: parsing, rules, policies, replacement numbers, lenient input, format, dates lists.
dkcpr_add_test(test_parse)
dkcpr_add_test(test_rules)
dkcpr_add_test(test_dates)
dkcpr_add_test(test_policies)
dkcpr_add_test(test_replacement)
dkcpr_add_test(test_lenient)
dkcpr_add_test(test_format)
dkcpr_add_test(test_datelist)
dkcpr_add_test(test_robustness TIMEOUT 120)
# Allocation failure on demand: the test supplies __wrap_calloc/__wrap_realloc.
target_link_options(test_robustness PRIVATE -Wl,--wrap=calloc -Wl,--wrap=realloc)
