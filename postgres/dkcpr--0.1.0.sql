-- SPDX-License-Identifier: Apache-2.0
-- dkcpr 0.1.0: Danish CPR numbers in PostgreSQL. See docs/postgresql.md.
\echo Use "CREATE EXTENSION dkcpr" to load this file. \quit

-- The cpr type: 10 canonical characters; input takes every written form.
CREATE TYPE @extschema@.cpr;

CREATE FUNCTION @extschema@.cpr_in(cstring) RETURNS @extschema@.cpr
  AS 'MODULE_PATHNAME', 'pgdk_cpr_in' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION @extschema@.cpr_out(@extschema@.cpr) RETURNS cstring
  AS 'MODULE_PATHNAME', 'pgdk_cpr_out' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION @extschema@.cpr_recv(internal) RETURNS @extschema@.cpr
  AS 'MODULE_PATHNAME', 'pgdk_cpr_recv' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION @extschema@.cpr_send(@extschema@.cpr) RETURNS bytea
  AS 'MODULE_PATHNAME', 'pgdk_cpr_send' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

CREATE TYPE @extschema@.cpr (
  INPUT = @extschema@.cpr_in, OUTPUT = @extschema@.cpr_out,
  RECEIVE = @extschema@.cpr_recv, SEND = @extschema@.cpr_send,
  INTERNALLENGTH = 10, ALIGNMENT = char, STORAGE = plain);
COMMENT ON TYPE @extschema@.cpr IS
  'Danish CPR number (or replacement number), stored as its 10 canonical characters';

-- Comparison: bytewise on the canonical characters, like their text.
CREATE FUNCTION @extschema@.cpr_eq(@extschema@.cpr, @extschema@.cpr) RETURNS boolean
  AS 'MODULE_PATHNAME', 'pgdk_cpr_eq' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE LEAKPROOF;
CREATE FUNCTION @extschema@.cpr_ne(@extschema@.cpr, @extschema@.cpr) RETURNS boolean
  AS 'MODULE_PATHNAME', 'pgdk_cpr_ne' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE LEAKPROOF;
CREATE FUNCTION @extschema@.cpr_lt(@extschema@.cpr, @extschema@.cpr) RETURNS boolean
  AS 'MODULE_PATHNAME', 'pgdk_cpr_lt' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE LEAKPROOF;
CREATE FUNCTION @extschema@.cpr_le(@extschema@.cpr, @extschema@.cpr) RETURNS boolean
  AS 'MODULE_PATHNAME', 'pgdk_cpr_le' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE LEAKPROOF;
CREATE FUNCTION @extschema@.cpr_gt(@extschema@.cpr, @extschema@.cpr) RETURNS boolean
  AS 'MODULE_PATHNAME', 'pgdk_cpr_gt' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE LEAKPROOF;
CREATE FUNCTION @extschema@.cpr_ge(@extschema@.cpr, @extschema@.cpr) RETURNS boolean
  AS 'MODULE_PATHNAME', 'pgdk_cpr_ge' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE LEAKPROOF;
CREATE FUNCTION @extschema@.cpr_cmp(@extschema@.cpr, @extschema@.cpr) RETURNS integer
  AS 'MODULE_PATHNAME', 'pgdk_cpr_cmp' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE LEAKPROOF;
CREATE FUNCTION @extschema@.cpr_hash(@extschema@.cpr) RETURNS integer
  AS 'MODULE_PATHNAME', 'pgdk_cpr_hash' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE LEAKPROOF;
CREATE FUNCTION @extschema@.cpr_hash_extended(@extschema@.cpr, bigint) RETURNS bigint
  AS 'MODULE_PATHNAME', 'pgdk_cpr_hash_extended' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE LEAKPROOF;

CREATE OPERATOR @extschema@.= (LEFTARG = @extschema@.cpr, RIGHTARG = @extschema@.cpr,
  FUNCTION = @extschema@.cpr_eq, COMMUTATOR = OPERATOR(@extschema@.=),
  NEGATOR = OPERATOR(@extschema@.<>), RESTRICT = eqsel, JOIN = eqjoinsel,
  HASHES, MERGES);
CREATE OPERATOR @extschema@.<> (LEFTARG = @extschema@.cpr, RIGHTARG = @extschema@.cpr,
  FUNCTION = @extschema@.cpr_ne, COMMUTATOR = OPERATOR(@extschema@.<>),
  NEGATOR = OPERATOR(@extschema@.=), RESTRICT = neqsel, JOIN = neqjoinsel);
CREATE OPERATOR @extschema@.< (LEFTARG = @extschema@.cpr, RIGHTARG = @extschema@.cpr,
  FUNCTION = @extschema@.cpr_lt, COMMUTATOR = OPERATOR(@extschema@.>),
  NEGATOR = OPERATOR(@extschema@.>=), RESTRICT = scalarltsel, JOIN = scalarltjoinsel);
CREATE OPERATOR @extschema@.<= (LEFTARG = @extschema@.cpr, RIGHTARG = @extschema@.cpr,
  FUNCTION = @extschema@.cpr_le, COMMUTATOR = OPERATOR(@extschema@.>=),
  NEGATOR = OPERATOR(@extschema@.>), RESTRICT = scalarlesel, JOIN = scalarlejoinsel);
CREATE OPERATOR @extschema@.> (LEFTARG = @extschema@.cpr, RIGHTARG = @extschema@.cpr,
  FUNCTION = @extschema@.cpr_gt, COMMUTATOR = OPERATOR(@extschema@.<),
  NEGATOR = OPERATOR(@extschema@.<=), RESTRICT = scalargtsel, JOIN = scalargtjoinsel);
CREATE OPERATOR @extschema@.>= (LEFTARG = @extschema@.cpr, RIGHTARG = @extschema@.cpr,
  FUNCTION = @extschema@.cpr_ge, COMMUTATOR = OPERATOR(@extschema@.<=),
  NEGATOR = OPERATOR(@extschema@.<), RESTRICT = scalargesel, JOIN = scalargejoinsel);

CREATE OPERATOR CLASS @extschema@.cpr_ops DEFAULT FOR TYPE @extschema@.cpr USING btree AS
  OPERATOR 1 @extschema@.<, OPERATOR 2 @extschema@.<=, OPERATOR 3 @extschema@.=,
  OPERATOR 4 @extschema@.>=, OPERATOR 5 @extschema@.>,
  FUNCTION 1 @extschema@.cpr_cmp(@extschema@.cpr, @extschema@.cpr);
CREATE OPERATOR CLASS @extschema@.cpr_hash_ops DEFAULT FOR TYPE @extschema@.cpr USING hash AS
  OPERATOR 1 @extschema@.=,
  FUNCTION 1 @extschema@.cpr_hash(@extschema@.cpr),
  FUNCTION 2 @extschema@.cpr_hash_extended(@extschema@.cpr, bigint);

-- Text columns convert implicitly (an invalid value is an error); cpr
-- values become text on assignment or with a cast.
CREATE CAST (text AS @extschema@.cpr) WITH INOUT AS IMPLICIT;
CREATE CAST (varchar AS @extschema@.cpr) WITH INOUT AS IMPLICIT;
CREATE CAST (@extschema@.cpr AS text) WITH INOUT AS ASSIGNMENT;
CREATE CAST (@extschema@.cpr AS varchar) WITH INOUT AS ASSIGNMENT;

-- Validation and what a number says. is_valid applies the library's
-- defaults, with CURRENT_DATE for the not-yet-born check (hence STABLE).
CREATE FUNCTION @extschema@.is_valid(cpr text, policy text DEFAULT 'default')
  RETURNS boolean AS 'MODULE_PATHNAME', 'pgdk_is_valid'
  LANGUAGE C STABLE STRICT PARALLEL SAFE;

CREATE TYPE @extschema@.cpr_parts AS (
  digits @extschema@.cpr, birth_date date, sex text, kind text,
  mod11 boolean, known_date boolean);

CREATE FUNCTION @extschema@.parse(cpr text) RETURNS @extschema@.cpr_parts
  AS 'MODULE_PATHNAME', 'pgdk_parse_text' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION @extschema@.parse(cpr @extschema@.cpr) RETURNS @extschema@.cpr_parts
  AS 'MODULE_PATHNAME', 'pgdk_parse_cpr' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION @extschema@.birth_date(cpr @extschema@.cpr) RETURNS date
  AS 'MODULE_PATHNAME', 'pgdk_birth_date' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION @extschema@.sex(cpr @extschema@.cpr) RETURNS text
  AS 'MODULE_PATHNAME', 'pgdk_sex' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION @extschema@.cpr_age(cpr @extschema@.cpr, on_date date DEFAULT CURRENT_DATE)
  RETURNS integer AS 'MODULE_PATHNAME', 'pgdk_age'
  LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION @extschema@.cpr_format(cpr @extschema@.cpr, style text DEFAULT 'dashed')
  RETURNS text AS 'MODULE_PATHNAME', 'pgdk_format'
  LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION @extschema@.mask(cpr @extschema@.cpr, full_mask boolean DEFAULT false)
  RETURNS text AS 'MODULE_PATHNAME', 'pgdk_mask'
  LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

-- Keyed functions. key names a file in dkcpr.key_directory ('' means the
-- dkcpr.key_name setting). STABLE: the result depends on the key file.
CREATE FUNCTION @extschema@.pseudonymize(cpr text, key text DEFAULT '',
    keep text DEFAULT 'year,sex', context text DEFAULT '',
    never_real boolean DEFAULT false, policy text DEFAULT 'default')
  RETURNS text AS 'MODULE_PATHNAME', 'pgdk_pseudonymize_text'
  LANGUAGE C STABLE STRICT PARALLEL SAFE;
CREATE FUNCTION @extschema@.pseudonymize(cpr @extschema@.cpr, key text DEFAULT '',
    keep text DEFAULT 'year,sex', context text DEFAULT '',
    never_real boolean DEFAULT false, policy text DEFAULT 'default')
  RETURNS @extschema@.cpr AS 'MODULE_PATHNAME', 'pgdk_pseudonymize_cpr'
  LANGUAGE C STABLE STRICT PARALLEL SAFE;
CREATE FUNCTION @extschema@.pseudonymize(cpr bigint, key text DEFAULT '',
    keep text DEFAULT 'year,sex', context text DEFAULT '',
    never_real boolean DEFAULT false, policy text DEFAULT 'default')
  RETURNS bigint AS 'MODULE_PATHNAME', 'pgdk_pseudonymize_int'
  LANGUAGE C STABLE STRICT PARALLEL SAFE;

CREATE FUNCTION @extschema@.reveal(cpr text, key text DEFAULT '',
    keep text DEFAULT 'year,sex', context text DEFAULT '',
    never_real boolean DEFAULT false, policy text DEFAULT 'default')
  RETURNS text AS 'MODULE_PATHNAME', 'pgdk_reveal_text'
  LANGUAGE C STABLE STRICT PARALLEL SAFE;
CREATE FUNCTION @extschema@.reveal(cpr @extschema@.cpr, key text DEFAULT '',
    keep text DEFAULT 'year,sex', context text DEFAULT '',
    never_real boolean DEFAULT false, policy text DEFAULT 'default')
  RETURNS @extschema@.cpr AS 'MODULE_PATHNAME', 'pgdk_reveal_cpr'
  LANGUAGE C STABLE STRICT PARALLEL SAFE;
CREATE FUNCTION @extschema@.reveal(cpr bigint, key text DEFAULT '',
    keep text DEFAULT 'year,sex', context text DEFAULT '',
    never_real boolean DEFAULT false, policy text DEFAULT 'default')
  RETURNS bigint AS 'MODULE_PATHNAME', 'pgdk_reveal_int'
  LANGUAGE C STABLE STRICT PARALLEL SAFE;
-- Revealing gives back real numbers: only roles granted it may.
REVOKE ALL ON FUNCTION @extschema@.reveal(text, text, text, text, boolean, text) FROM PUBLIC;
REVOKE ALL ON FUNCTION @extschema@.reveal(@extschema@.cpr, text, text, text, boolean, text) FROM PUBLIC;
REVOKE ALL ON FUNCTION @extschema@.reveal(bigint, text, text, text, boolean, text) FROM PUBLIC;

CREATE FUNCTION @extschema@.token(cpr text, key text DEFAULT '', context text DEFAULT '',
    chars integer DEFAULT 26, policy text DEFAULT 'default')
  RETURNS text AS 'MODULE_PATHNAME', 'pgdk_token_text'
  LANGUAGE C STABLE STRICT PARALLEL SAFE;
CREATE FUNCTION @extschema@.token(cpr @extschema@.cpr, key text DEFAULT '',
    context text DEFAULT '', chars integer DEFAULT 26, policy text DEFAULT 'default')
  RETURNS text AS 'MODULE_PATHNAME', 'pgdk_token_cpr'
  LANGUAGE C STABLE STRICT PARALLEL SAFE;
CREATE FUNCTION @extschema@.token(cpr bigint, key text DEFAULT '', context text DEFAULT '',
    chars integer DEFAULT 26, policy text DEFAULT 'default')
  RETURNS text AS 'MODULE_PATHNAME', 'pgdk_token_int'
  LANGUAGE C STABLE STRICT PARALLEL SAFE;

-- Free text: every CPR number in it replaced (modes pseudonym, mask,
-- token, redact; mask and redact need no key). No reveal mode: that is
-- reveal()'s, under its own privilege.
CREATE FUNCTION @extschema@.wash(doc text, key text DEFAULT '',
    mode text DEFAULT 'pseudonym', keep text DEFAULT 'year,sex',
    context text DEFAULT '', never_real boolean DEFAULT false,
    policy text DEFAULT 'default')
  RETURNS text AS 'MODULE_PATHNAME', 'pgdk_wash'
  LANGUAGE C STABLE STRICT PARALLEL SAFE;
