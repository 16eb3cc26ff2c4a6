# Core: parsing, rules, policies, replacement numbers, lenient input, format, dates lists.
dkcpr_add_test(test_parse)
