
#ifndef DKCPR_API_H
#define DKCPR_API_H

#ifdef DKCPR_STATIC_DEFINE
#  define DKCPR_API
#  define DKCPR_NO_EXPORT
#else
#  ifndef DKCPR_API
#    ifdef dkcpr_EXPORTS
        /* We are building this library */
#      define DKCPR_API __attribute__((visibility("default")))
#    else
        /* We are using this library */
#      define DKCPR_API __attribute__((visibility("default")))
#    endif
#  endif

#  ifndef DKCPR_NO_EXPORT
#    define DKCPR_NO_EXPORT __attribute__((visibility("hidden")))
#  endif
#endif

#ifndef DKCPR_DEPRECATED
#  define DKCPR_DEPRECATED __attribute__ ((__deprecated__))
#endif

#ifndef DKCPR_DEPRECATED_EXPORT
#  define DKCPR_DEPRECATED_EXPORT DKCPR_API DKCPR_DEPRECATED
#endif

#ifndef DKCPR_DEPRECATED_NO_EXPORT
#  define DKCPR_DEPRECATED_NO_EXPORT DKCPR_NO_EXPORT DKCPR_DEPRECATED
#endif

#if 0 /* DEFINE_NO_DEPRECATED */
#  ifndef DKCPR_NO_DEPRECATED
#    define DKCPR_NO_DEPRECATED
#  endif
#endif

#endif /* DKCPR_API_H */
