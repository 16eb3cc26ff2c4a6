# Pseudonymization engine: FF1, the small-class cipher, rank/unrank, pseudonyms.
dkcpr_add_test(test_ff1)
dkcpr_add_test(test_rank TIMEOUT 300)
