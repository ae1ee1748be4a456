# The parity suite for the functions Terraform 1.11 has and peerform lacked (issue 13), the `core::` prefix, the
# `provider::terraform::` functions and the smaller differences the issue names. Each output is one case; the
# expected values in functions.expected.json were produced by Terraform itself
# (engine/src/test/oracle/generate-lang-parity.sh); the tests never need Terraform. Cases whose value differs
# from run to run (or from machine to machine) are marked "deterministic": false there and carry the properties a
# test must check instead of the bytes. File paths are relative to this folder (path.module).

terraform {
  required_providers {
    # provider functions need the provider declared, even the built-in one
    terraform = { source = "terraform.io/builtin/terraform" }
  }
}

# the only variable: ephemeral values cannot be written any other way
variable "ephemeral_token" {
  type      = string
  default   = "tok-123"
  ephemeral = true
}

locals {
  greeting_tmpl = "Hello, $${name}!"
  list_tmpl     = "%%{ for r in regions ~}[$${r}]%%{ endfor ~}"
  cond_tmpl     = "%%{ if n > 1 }many%%{ else }one%%{ endif }"
  number_tmpl   = "$${n}"
  file_tmpl     = file("files/greeting.tftpl")
  tags          = { env = "prod", team = "net" }
  regions       = ["cn-hangzhou", "cn-beijing", "cn-qingdao"]
  secret        = sensitive("s3cr3t")
  stamp         = "2026-03-09T07:05:03Z"
}

# ---- filesystem paths
output "fn_basename" { value = basename("files/sub/nested.txt") }
output "fn_basename_dir_slash" { value = basename("files/sub/") }
output "fn_basename_root" { value = basename("/") }
output "fn_basename_empty" { value = basename("") }
output "fn_basename_no_dir" { value = basename("plain.tf") }
output "fn_dirname" { value = dirname("files/sub/nested.txt") }
output "fn_dirname_trailing_slash" { value = dirname("files/sub/") }
output "fn_dirname_no_dir" { value = dirname("plain.tf") }
output "fn_dirname_root" { value = dirname("/etc") }
output "fn_dirname_empty" { value = dirname("") }
output "fn_dirname_cleans" { value = dirname("a//b/../c/d") }
output "fn_abspath_absolute" { value = abspath("/already/absolute") }
output "fn_abspath_cleans" { value = abspath("/a/b/../c/./d/") }
output "fn_abspath_relative" { value = abspath("files/hello.txt") }
output "fn_abspath_dot" { value = abspath(".") }
output "fn_pathexpand_home" { value = pathexpand("~/.ssh/id_rsa") }
output "fn_pathexpand_tilde_only" { value = pathexpand("~") }
output "fn_pathexpand_absolute" { value = pathexpand("/etc/hosts") }
output "fn_pathexpand_relative" { value = pathexpand("files/hello.txt") }
output "fn_pathexpand_tilde_middle" { value = pathexpand("a/~/b") }

# ---- fileset
output "fn_fileset_txt" { value = fileset(path.module, "files/*.txt") }
output "fn_fileset_recursive" { value = fileset(path.module, "files/**") }
output "fn_fileset_recursive_txt" { value = fileset("${path.module}/files", "**/*.txt") }
output "fn_fileset_braces" { value = fileset("files", "{hello,empty}.txt") }
output "fn_fileset_class" { value = fileset("files", "[a-h]*") }
output "fn_fileset_question" { value = fileset("files", "sub/*.???l") }
output "fn_fileset_none" { value = fileset("files", "*.nothing") }
output "fn_fileset_literal" { value = fileset("files", "hello.txt") }
output "fn_fileset_dir_not_matched" { value = fileset("files", "sub") }
output "fn_fileset_missing_dir" { value = fileset("no-such-dir", "*") }

# ---- file contents: encodings and digests
output "fn_filebase64" { value = filebase64("files/hello.txt") }
output "fn_filebase64_binary" { value = filebase64("files/binary.bin") }
output "fn_filebase64_empty" { value = filebase64("files/empty.txt") }
output "fn_filebase64sha256" { value = filebase64sha256("files/hello.txt") }
output "fn_filebase64sha256_empty" { value = filebase64sha256("files/empty.txt") }
output "fn_filebase64sha512" { value = filebase64sha512("files/hello.txt") }
output "fn_filebase64sha512_binary" { value = filebase64sha512("files/binary.bin") }
output "fn_filemd5" { value = filemd5("files/hello.txt") }
output "fn_filemd5_empty" { value = filemd5("files/empty.txt") }
output "fn_filemd5_binary" { value = filemd5("files/binary.bin") }
output "fn_filesha1" { value = filesha1("files/unicode.txt") }
output "fn_filesha1_binary" { value = filesha1("files/binary.bin") }
output "fn_filesha256" { value = filesha256("files/hello.txt") }
output "fn_filesha256_unicode" { value = filesha256("files/unicode.txt") }
output "fn_filesha512" { value = filesha512("files/hello.txt") }
output "fn_filesha512_empty" { value = filesha512("files/empty.txt") }
output "fn_file_digest_equals_string_digest" { value = filesha256("files/hello.txt") == sha256(file("files/hello.txt")) }
output "fn_filebase64_roundtrip" { value = base64decode(filebase64("files/unicode.txt")) }

# ---- string digests
output "fn_base64sha256" { value = base64sha256("hello world") }
output "fn_base64sha256_empty" { value = base64sha256("") }
output "fn_base64sha256_unicode" { value = base64sha256("世界") }
output "fn_base64sha512" { value = base64sha512("hello world") }
output "fn_base64sha512_empty" { value = base64sha512("") }
output "fn_sha512" { value = sha512("hello world") }
output "fn_sha512_empty" { value = sha512("") }
output "fn_sha512_unicode" { value = sha512("café") }
output "fn_sha512_number" { value = sha512(12) }
output "fn_sha512_sensitive" {
  value     = sha512(local.secret)
  sensitive = true
}

# ---- bcrypt and uuid (random: properties only, plus deterministic checks of them)
output "fn_bcrypt" { value = bcrypt("hello") }
output "fn_bcrypt_cost" { value = bcrypt("hello", 6) }
output "fn_bcrypt_cost_below_minimum" { value = bcrypt("hello", 3) }
output "fn_bcrypt_length" { value = length(bcrypt("hello", 4)) }
output "fn_bcrypt_prefix" { value = substr(bcrypt("hello", 5), 0, 7) }
output "fn_bcrypt_differs_each_call" { value = bcrypt("hello", 4) == bcrypt("hello", 4) }
output "fn_bcrypt_sensitive" {
  value     = bcrypt(local.secret, 4)
  sensitive = true
}
output "fn_uuid" { value = uuid() }
output "fn_uuid_length" { value = length(uuid()) }
output "fn_uuid_shape" { value = can(regex("^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$", uuid())) }
output "fn_uuid_differs_each_call" { value = uuid() == uuid() }

# ---- uuidv5 (deterministic)
output "fn_uuidv5_dns" { value = uuidv5("dns", "www.terraform.io") }
output "fn_uuidv5_url" { value = uuidv5("url", "https://www.terraform.io/") }
output "fn_uuidv5_oid" { value = uuidv5("oid", "1.3.6.1.4") }
output "fn_uuidv5_x500" { value = uuidv5("x500", "CN=Example Company Name,OU=Engineering,O=Example,C=US") }
output "fn_uuidv5_custom_namespace" { value = uuidv5("6ba7b810-9dad-11d1-80b4-00c04fd430c8", "www.terraform.io") }
output "fn_uuidv5_uppercase_namespace" { value = uuidv5("6BA7B810-9DAD-11D1-80B4-00C04FD430C8", "x") }
output "fn_uuidv5_braced_namespace" { value = uuidv5("{6ba7b811-9dad-11d1-80b4-00c04fd430c8}", "x") }
output "fn_uuidv5_empty_name" { value = uuidv5("dns", "") }
output "fn_uuidv5_unicode" { value = uuidv5("url", "例え.jp") }

# ---- rsadecrypt (files/throwaway-test-rsa-key.pem is a throwaway key made for this test only)
output "fn_rsadecrypt_pkcs1" { value = rsadecrypt(file("files/rsa-ciphertext.b64"), file("files/throwaway-test-rsa-key.pem")) }
output "fn_rsadecrypt_pkcs8" { value = rsadecrypt(trimspace(file("files/rsa-ciphertext.b64")), file("files/throwaway-test-rsa-key.pkcs8.pem")) }
output "fn_rsadecrypt_sensitive_key" {
  value     = rsadecrypt(file("files/rsa-ciphertext.b64"), sensitive(file("files/throwaway-test-rsa-key.pem")))
  sensitive = true
}

# ---- formatdate
output "fn_formatdate_rfc" { value = formatdate("YYYY-MM-DD'T'hh:mm:ssZ", local.stamp) }
output "fn_formatdate_long" { value = formatdate("EEEE, DD MMMM YYYY", local.stamp) }
output "fn_formatdate_short" { value = formatdate("EEE, D MMM YY", local.stamp) }
output "fn_formatdate_numeric" { value = formatdate("M/D/YY", local.stamp) }
output "fn_formatdate_12h" { value = formatdate("h:mm AA", "2026-03-09T19:05:03Z") }
output "fn_formatdate_12h_lower" { value = formatdate("hh:mmaa", "2026-03-09T00:30:00Z") }
output "fn_formatdate_noon" { value = formatdate("h AA", "2026-03-09T12:00:00Z") }
output "fn_formatdate_24h" { value = formatdate("H:m:s", "2026-03-09T07:05:03Z") }
output "fn_formatdate_zones" { value = formatdate("Z ZZZZ ZZZZZ ZZZ", "2026-03-09T07:05:03+05:30") }
output "fn_formatdate_zones_utc" { value = formatdate("Z ZZZZ ZZZZZ ZZZ", local.stamp) }
output "fn_formatdate_negative_zone" { value = formatdate("hh:mm ZZZZZ", "2026-03-09T07:05:03-08:00") }
output "fn_formatdate_literal" { value = formatdate("'Date:' DD 'o''clock' ''", local.stamp) }
output "fn_formatdate_fraction" { value = formatdate("ss", "2026-03-09T07:05:03.987Z") }
output "fn_formatdate_leap_day" { value = formatdate("DD MMM YYYY EEE", "2024-02-29T00:00:00Z") }
output "fn_formatdate_passthrough" { value = formatdate("YYYY/MM/DD - hh.mm", local.stamp) }

# ---- timeadd and timecmp
output "fn_timeadd_minutes" { value = timeadd("2017-11-22T00:00:00Z", "10m") }
output "fn_timeadd_negative" { value = timeadd("2017-11-22T00:00:00Z", "-1h") }
output "fn_timeadd_compound" { value = timeadd("2017-11-22T00:00:00Z", "1h30m45s") }
output "fn_timeadd_fraction_hours" { value = timeadd("2017-11-22T00:00:00Z", "1.5h") }
output "fn_timeadd_small_units" { value = timeadd("2017-11-22T00:00:00Z", "1500ms") }
output "fn_timeadd_nanos" { value = timeadd("2017-11-22T00:00:00Z", "1ns") }
output "fn_timeadd_micro_sign" { value = timeadd("2017-11-22T00:00:00Z", "250µs") }
output "fn_timeadd_keeps_offset" { value = timeadd("2017-11-22T23:30:00+05:30", "1h") }
output "fn_timeadd_year_rollover" { value = timeadd("2017-12-31T23:59:59Z", "1s") }
output "fn_timeadd_large" { value = timeadd("2017-11-22T00:00:00Z", "8760h") }
output "fn_timeadd_zero" { value = timeadd("2017-11-22T00:00:00.500Z", "0s") }
output "fn_timecmp_less" { value = timecmp("2017-11-22T00:00:00Z", "2017-11-22T00:00:01Z") }
output "fn_timecmp_greater" { value = timecmp("2018-01-01T00:00:00Z", "2017-11-22T00:00:00Z") }
output "fn_timecmp_equal_across_zones" { value = timecmp("2017-11-22T01:00:00+01:00", "2017-11-22T00:00:00Z") }
output "fn_timecmp_fraction" { value = timecmp("2017-11-22T00:00:00.1Z", "2017-11-22T00:00:00Z") }

# ---- timestamp and plantimestamp (the clock: properties only)
output "fn_timestamp" { value = timestamp() }
output "fn_plantimestamp" { value = plantimestamp() }
output "fn_timestamp_shape" { value = can(regex("^\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}Z$", timestamp())) }
output "fn_plantimestamp_shape" { value = can(regex("^\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}Z$", plantimestamp())) }
output "fn_plantimestamp_before_timestamp" { value = timecmp(plantimestamp(), timestamp()) <= 0 }
output "fn_timestamp_formatdate" { value = length(formatdate("YYYY", timestamp())) }

# ---- yamlencode
output "fn_yamlencode_object" { value = yamlencode({ b = 1, a = "x", c = [true, null] }) }
output "fn_yamlencode_list" { value = yamlencode(["a", 1, false]) }
output "fn_yamlencode_string" { value = yamlencode("hello") }
output "fn_yamlencode_ambiguous_strings" { value = yamlencode(["true", "null", "1", "1.5", "yes", "~", "", " lead", "a: b", "#x", "-"]) }
output "fn_yamlencode_multiline" { value = yamlencode({ script = "echo one\necho two\n" }) }
output "fn_yamlencode_multiline_no_final_newline" { value = yamlencode("one\ntwo") }
output "fn_yamlencode_numbers" { value = yamlencode([0, -3, 2.5, 1e21, 0.1, 123456789012345678901234567890]) }
output "fn_yamlencode_empty" { value = yamlencode({ l = [], m = {} }) }
output "fn_yamlencode_null" { value = yamlencode(null) }
output "fn_yamlencode_nested" { value = yamlencode({ vpcs = [{ name = "a", cidrs = ["10.0.0.0/16"] }, { name = "b", tags = { env = "prod" } }] }) }
output "fn_yamlencode_unicode" { value = yamlencode({ "café" = "世界 😀" }) }
output "fn_yamlencode_key_quoting" { value = yamlencode({ "a b" = 1, "true" = 2, "1" = 3, "x:y" = 4 }) }
output "fn_yamlencode_set" { value = yamlencode(toset(["b", "a"])) }

# ---- yamldecode
output "fn_yamldecode_object" { value = yamldecode("a: 1\nb: hello\nc: [1, two]\n") }
output "fn_yamldecode_scalars" { value = yamldecode("[1, 1.5, true, false, null, ~, yes, no, on, 'quoted', 0x1F, 0o14, 1e3]") }
output "fn_yamldecode_infinity_compares" { value = yamldecode(".inf") > 1e300 }
output "fn_yamldecode_number" { value = yamldecode("42") }
output "fn_yamldecode_string" { value = yamldecode("hello") }
output "fn_yamldecode_null" { value = yamldecode("~") }
output "fn_yamldecode_file" { value = yamldecode(file("files/data.yaml")) }
output "fn_yamldecode_block_scalars" { value = yamldecode("keep: |+\n  a\n\nstrip: |-\n  b\nfold: >-\n  c\n  d\n") }
output "fn_yamldecode_timestamp_stays_string" { value = yamldecode("t: 2001-12-14t21:59:43.10-05:00\nd: 2002-12-14") }
output "fn_yamldecode_tags" { value = yamldecode("a: !!str 1\nb: !!int \"2\"\nc: !!float 3") }
output "fn_yamldecode_flow_map" { value = yamldecode("{x: 1, y: [a, b]}") }
output "fn_yamldecode_explicit_document" { value = yamldecode("---\na: 1\n...\n") }
output "fn_yamldecode_roundtrip" { value = yamldecode(yamlencode({ a = [1, "x"], b = { c = null } })) }
output "fn_yamldecode_mixed_list" { value = yamldecode("- 1\n- a\n- [x]\n- {k: v}\n") }
output "fn_yamldecode_unicode" { value = yamldecode("\"\\u00e9\": \"\\U0001F600\"") }
output "fn_yamldecode_duplicate_key_last_wins" { value = yamldecode("a: 1\na: 2") }

# ---- base64gzip, textencodebase64, textdecodebase64
output "fn_base64gzip" { value = base64gzip("hello world") }
output "fn_base64gzip_empty" { value = base64gzip("") }
output "fn_base64gzip_unicode" { value = base64gzip("世界") }
output "fn_textencodebase64_utf16le" { value = textencodebase64("Hello World", "UTF-16LE") }
output "fn_textencodebase64_utf8" { value = textencodebase64("café", "UTF-8") }
output "fn_textencodebase64_latin1" { value = textencodebase64("café", "ISO-8859-1") }
output "fn_textencodebase64_cp1252" { value = textencodebase64("€uro", "windows-1252") }
output "fn_textencodebase64_utf16be" { value = textencodebase64("Ab", "UTF-16BE") }
output "fn_textencodebase64_shiftjis" { value = textencodebase64("日本", "Shift_JIS") }
output "fn_textencodebase64_case_insensitive_name" { value = textencodebase64("x", "utf-16le") }
output "fn_textencodebase64_empty" { value = textencodebase64("", "UTF-16LE") }
output "fn_textdecodebase64_utf16le" { value = textdecodebase64("SABlAGwAbABvACAAVwBvAHIAbABkAA==", "UTF-16LE") }
output "fn_textdecodebase64_latin1" { value = textdecodebase64("Y2Fm6Q==", "ISO-8859-1") }
output "fn_textdecodebase64_utf8" { value = textdecodebase64("Y2Fmw6k=", "UTF-8") }
output "fn_textdecodebase64_roundtrip" { value = textdecodebase64(textencodebase64("日本語", "Shift_JIS"), "Shift_JIS") }

# ---- strcontains
output "fn_strcontains_true" { value = strcontains("hello world", "wor") }
output "fn_strcontains_false" { value = strcontains("hello world", "WOR") }
output "fn_strcontains_empty_needle" { value = strcontains("abc", "") }
output "fn_strcontains_empty_both" { value = strcontains("", "") }
output "fn_strcontains_unicode" { value = strcontains("straße", "ße") }
output "fn_strcontains_number" { value = strcontains(12345, 34) }

# ---- templatestring
output "fn_templatestring" { value = templatestring(local.greeting_tmpl, { name = "peer" }) }
output "fn_templatestring_for" { value = templatestring(local.list_tmpl, { regions = local.regions }) }
output "fn_templatestring_if" { value = templatestring(local.cond_tmpl, { n = 3 }) }
output "fn_templatestring_single_interpolation_keeps_type" { value = templatestring(local.number_tmpl, { n = 5 }) }
output "fn_templatestring_extra_vars" { value = templatestring(local.greeting_tmpl, { name = "x", unused = 1 }) }
output "fn_templatestring_from_file" { value = templatestring(local.file_tmpl, { who = "file" }) }

# ---- matchkeys
output "fn_matchkeys" { value = matchkeys(["i-1", "i-2", "i-3"], ["us-west", "us-east", "us-east"], ["us-east"]) }
output "fn_matchkeys_none" { value = matchkeys(["a", "b"], ["x", "y"], ["z"]) }
output "fn_matchkeys_numbers" { value = matchkeys([1, 2, 3], [10, 20, 30], [30, 10]) }
output "fn_matchkeys_objects" { value = matchkeys([{ id = 1 }, { id = 2 }], ["a", "b"], ["b"]) }
output "fn_matchkeys_empty" { value = matchkeys([], [], ["a"]) }
output "fn_matchkeys_duplicates" { value = matchkeys(["a", "b", "c"], ["k", "k", "j"], ["k", "k"]) }
output "fn_matchkeys_key_types_differ" { value = matchkeys(["a"], [1], ["x"]) }

# ---- issensitive and ephemeralasnull
output "fn_issensitive_true" { value = issensitive(local.secret) }
output "fn_issensitive_false" { value = issensitive("plain") }
output "fn_issensitive_derived" { value = issensitive("x-${local.secret}") }
output "fn_issensitive_nested" { value = issensitive({ a = local.secret }) }
output "fn_issensitive_after_nonsensitive" { value = issensitive(nonsensitive(local.secret)) }
output "fn_ephemeralasnull_plain" { value = ephemeralasnull("kept") }
output "fn_ephemeralasnull_object" { value = ephemeralasnull({ a = 1, b = [2] }) }
output "fn_ephemeralasnull_ephemeral" { value = ephemeralasnull(var.ephemeral_token) }
output "fn_ephemeralasnull_nested" { value = ephemeralasnull({ a = var.ephemeral_token, b = "kept" }) }
output "fn_ephemeralasnull_null" { value = ephemeralasnull(null) }

# ---- the core:: prefix
output "core_upper" { value = core::upper("x") }
output "core_length" { value = core::length(local.regions) }
output "core_nested" { value = core::join("-", core::reverse(["a", "b"])) }
output "core_new_function" { value = core::strcontains("abc", "b") }

# ---- provider::terraform:: functions
output "tf_encode_tfvars" { value = provider::terraform::encode_tfvars({ region = "cn-hangzhou", count = 3, enabled = true }) }
output "tf_encode_tfvars_nested" { value = provider::terraform::encode_tfvars({ tags = { env = "prod", "a b" = "x" }, list = [1, "two"], none = null }) }
output "tf_encode_tfvars_empty" { value = provider::terraform::encode_tfvars({}) }
output "tf_encode_tfvars_strings" { value = provider::terraform::encode_tfvars({ s = "quote \" dollar $${x} newline \n tab \t unicode é" }) }
output "tf_decode_tfvars" { value = provider::terraform::decode_tfvars("region = \"cn-hangzhou\"\ncount = 3\nenabled = true\n") }
output "tf_decode_tfvars_nested" { value = provider::terraform::decode_tfvars("tags = { env = \"prod\" }\nlist = [1, \"two\"]\n") }
output "tf_decode_tfvars_empty" { value = provider::terraform::decode_tfvars("") }
output "tf_decode_tfvars_heredoc" { value = provider::terraform::decode_tfvars("h = <<EOT\nline\nEOT\n") }
output "tf_encode_expr_string" { value = provider::terraform::encode_expr("hello \"x\" $${y}") }
output "tf_encode_expr_number" { value = provider::terraform::encode_expr(2.5) }
output "tf_encode_expr_bool" { value = provider::terraform::encode_expr(true) }
output "tf_encode_expr_list" { value = provider::terraform::encode_expr([1, "a", null]) }
output "tf_encode_expr_object" { value = provider::terraform::encode_expr({ b = 1, a = { c = [] } }) }
output "tf_encode_expr_empty_object" { value = provider::terraform::encode_expr({}) }
output "tf_encode_expr_set" { value = provider::terraform::encode_expr(toset(["b", "a"])) }
output "tf_encode_expr_map" { value = provider::terraform::encode_expr(tomap({ "key with space" = "v" })) }
output "tf_roundtrip" { value = provider::terraform::decode_tfvars(provider::terraform::encode_tfvars({ a = [1, 2], b = { c = "d" } })) }

# ---- the smaller differences
output "arith_div_mul" { value = 2 / 3 * 3 }
output "arith_tenth_sum" { value = 0.1 + 0.2 }
output "arith_third_sum" { value = 1 / 3 + 1 / 3 + 1 / 3 }
output "arith_big_div" { value = 10 / 3 }
output "arith_big_int" { value = 9007199254740993 + 0 }
output "arith_big_literal" { value = 9007199254740993 }
output "arith_two_thirds" { value = 2 / 3 }
output "arith_big_product" { value = 123456789012345678901234567890 * 10 }
output "arith_mod_fraction" { value = 5.5 % 2 }
output "arith_compare_after_div" { value = 2 / 3 * 3 == 2 }
output "tomap_unify_number_string" { value = tomap({ a = 1, b = "x" }) }
output "tomap_unify_bool_string" { value = tomap({ a = true, b = "x" }) }
output "tomap_unify_objects" { value = tomap({ a = { x = 1 }, b = { x = "s" } }) }
output "tomap_unify_lists" { value = tomap({ a = [1], b = ["s"] }) }
output "tomap_unify_null" { value = tomap({ a = null, b = 1 }) }
output "tolist_unify_number_string" { value = tolist([1, "a"]) }
output "tolist_unify_nested" { value = tolist([[1], ["a", true]]) }
output "tolist_unify_objects" { value = tolist([{ a = 1 }, { a = "x" }]) }
output "tolist_objects_different_attributes" { value = tolist([{ a = 1 }, { b = 1 }]) }
output "tolist_unify_null" { value = tolist([null, "a"]) }
output "tolist_empty" { value = tolist([]) }
output "toset_unify" { value = toset([1, "1", true]) }
output "null_output" { value = null }
output "null_from_conditional" { value = true ? null : "x" }
output "null_from_lookup" { value = lookup({ a = null }, "a", "d") }
output "null_inside_object_kept" { value = { a = null, b = 1 } }
output "format_hash_v_string" { value = format("%#v", "x") }
output "format_hash_v_number" { value = format("%#v", 1.5) }
output "format_hash_v_bool" { value = format("%#v", true) }
output "format_hash_v_list" { value = format("%#v", ["a", 1]) }
output "format_hash_v_object" { value = format("%#v", { b = "x", a = 1 }) }
output "format_hash_v_null" { value = format("%#v", null) }
output "format_hash_v_escapes" { value = format("%#v", "q\"\n<&>") }
output "format_v_string" { value = format("%v", "x") }
output "upper_sharp_s" { value = upper("straße") }
output "lower_sigma" { value = lower("ΣΑΣ") }
output "upper_dotless" { value = upper("ı i") }
output "upper_ligature" { value = upper("ﬁ") }
output "title_unicode" { value = title("élan ßtraße") }
output "replace_named_groups" { value = replace("cn-hangzhou", "/(?P<region>[a-z]+)-(?P<zone>[a-z]+)/", "$zone.$region") }
output "replace_named_groups_braced" { value = replace("cn-hangzhou", "/(?P<region>[a-z]+)-(?P<zone>[a-z]+)/", "$${zone}_x") }
output "replace_angle_named_group" { value = replace("ab", "/(?<name>a)/", "<$${name}>") }
output "replace_digit_then_letter" { value = replace("ab", "/(a)(b)/", "$1x") }
output "replace_braced_number" { value = replace("ab", "/(a)(b)/", "$${1}x") }
output "replace_dollar_dollar" { value = replace("ab", "/a/", "$$") }
output "replace_unknown_group" { value = replace("ab", "/a/", "[$nope]") }
output "replace_all_matches" { value = replace("a1b22c333", "/[0-9]+/", "#") }
output "replace_empty_match" { value = replace("abc", "/x*/", "-") }
output "replace_literal_slashes" { value = replace("/a/b/", "/", "\\") }
output "replace_case_insensitive" { value = replace("HeLLo", "/(?i)l/", "_") }
