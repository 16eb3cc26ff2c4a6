file(REMOVE_RECURSE
  "libdkcpr_internal.a"
)
