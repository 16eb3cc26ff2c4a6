# Core: parsing, rules, policies, replacement numbers, lenient input, format, dates lists.
dkcpr_add_test(test_parse)
dkcpr_add_test(test_rules)
dkcpr_add_test(test_dates)
dkcpr_add_test(test_policies)
dkcpr_add_test(test_replacement)
