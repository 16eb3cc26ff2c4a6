lib/CMakeFiles/dkcpr_objects.dir/scan_core.c.o: \
 /work/wt/engine/lib/scan_core.c /usr/include/stdc-predef.h \
 /usr/include/string.h \
 /usr/include/x86_64-linux-gnu/bits/libc-header-start.h \
 /usr/include/features.h /usr/include/features-time64.h \
 /usr/include/x86_64-linux-gnu/bits/wordsize.h \
 /usr/include/x86_64-linux-gnu/bits/timesize.h \
 /usr/include/x86_64-linux-gnu/sys/cdefs.h \
 /usr/include/x86_64-linux-gnu/bits/long-double.h \
 /usr/include/x86_64-linux-gnu/gnu/stubs.h \
 /usr/include/x86_64-linux-gnu/gnu/stubs-64.h \
 /usr/lib/gcc/x86_64-linux-gnu/12/include/stddef.h \
 /usr/include/unicode/uchar.h /usr/include/unicode/utypes.h \
 /usr/include/unicode/umachine.h /usr/include/unicode/ptypes.h \
 /usr/include/unicode/platform.h /usr/include/unicode/uconfig.h \
 /usr/include/unicode/uvernum.h \
 /usr/lib/gcc/x86_64-linux-gnu/12/include/stdint.h /usr/include/stdint.h \
 /usr/include/x86_64-linux-gnu/bits/types.h \
 /usr/include/x86_64-linux-gnu/bits/typesizes.h \
 /usr/include/x86_64-linux-gnu/bits/time64.h \
 /usr/include/x86_64-linux-gnu/bits/wchar.h \
 /usr/include/x86_64-linux-gnu/bits/stdint-intn.h \
 /usr/include/x86_64-linux-gnu/bits/stdint-uintn.h \
 /usr/lib/gcc/x86_64-linux-gnu/12/include/stdbool.h \
 /usr/include/unicode/urename.h /usr/include/unicode/uversion.h \
 /usr/lib/gcc/x86_64-linux-gnu/12/include/float.h \
 /usr/include/unicode/utf.h /usr/include/unicode/utf8.h \
 /usr/include/unicode/utf16.h /usr/include/unicode/utf_old.h \
 /usr/include/unicode/stringoptions.h /usr/include/unicode/ucpmap.h \
 /work/wt/engine/lib/internal.h /work/wt/engine/include/dkcpr.h \
 /work/wt/engine/build/include/dkcpr_export.h \
 /work/wt/engine/build/include/dkcpr_version.h \
 /work/wt/engine/lib/scan_core.h /work/wt/engine/lib/scan_skip.h
