# The language specification suite: each output is one case. The expected values in cases.expected.json were
# produced by Terraform itself (see ../oracle/README.md); the tests never need Terraform.

locals {
  cidr    = "10.0.0.0/16"
  regions = ["cn-hangzhou", "cn-beijing", "cn-qingdao"]
  tags    = { env = "prod", team = "net" }
  nested  = { vpcs = [{ name = "a", cidr = "10.0.0.0/16" }, { name = "b", cidr = "10.1.0.0/16" }] }
  n       = 3
}

# ---- literals and numbers
output "num_int" { value = 42 }
output "num_float" { value = 3.25 }
output "num_exp" { value = 1.5e3 }
output "num_exp_neg" { value = 25e-2 }
output "num_negative" { value = -7 }
output "num_big" { value = 123456789012345678901234567890 }
output "bool_true" { value = true }
output "null_value" { value = null }

# ---- strings, escapes, templates
output "str_plain" { value = "hello" }
output "str_escapes" { value = "tab\there \"q\" back\\slash\nnl" }
output "str_unicode" { value = "caf\u00e9 \U0001F600" }
output "str_interp" { value = "vpc-${local.n}-${local.regions[0]}" }
output "str_interp_unwrap" { value = "${local.n}" }
output "str_escaped_interp" { value = "$${not} and %%{not}" }
output "str_if" { value = "%{if local.n > 2}big%{else}small%{endif}" }
output "str_for" { value = "%{for r in local.regions}${r},%{endfor}" }
output "str_for_kv" { value = "%{for k, v in local.tags}${k}=${v};%{endfor}" }
output "str_strip" { value = "a ${~ "b" ~} c" }
output "str_strip_directive" { value = "x %{~ if true ~} y %{~ endif ~} z" }
output "heredoc" {
  value = <<EOT
line one
  line ${local.n}
EOT
}
output "heredoc_indented" {
  value = <<-EOT
    indented
      more
    back
  EOT
}
output "heredoc_for" {
  value = <<-EOT
    %{~ for r in local.regions ~}
    region ${r}
    %{~ endfor ~}
  EOT
}

# ---- operators and precedence
output "op_precedence" { value = 1 + 2 * 3 }
output "op_parens" { value = (1 + 2) * 3 }
output "op_sub" { value = 10 - 4 - 3 }
output "op_div" { value = 7 / 2 }
output "op_mod" { value = 7 % 3 }
output "op_mod_neg" { value = -7 % 3 }
output "op_unary" { value = -local.n + 1 }
output "op_string_number" { value = "5" + 1 }
output "op_compare" { value = 2 >= 2 && 1 < 2 }
output "op_or" { value = false || !false }
output "op_eq_types" { value = 1 == "1" }
output "op_eq_lists" { value = [1, 2] == [1, 2] }
output "op_neq" { value = "a" != "b" }
output "op_logic_precedence" { value = true || false && false }
output "op_cmp_precedence" { value = 1 + 1 == 2 }
output "cond" { value = local.n > 2 ? "many" : "few" }
output "cond_unify" { value = true ? 1 : "x" }
output "cond_nested" { value = false ? 1 : true ? 2 : 3 }

# ---- collections, index, attribute, splat
output "tuple" { value = [1, "a", true] }
output "tuple_trailing_comma" { value = [1, 2, ] }
output "object_equals" { value = { a = 1, b = "x" } }
output "object_colon" { value = { "a b" : 1, c : 2 } }
output "object_newlines" {
  value = {
    a = 1
    b = [
      1,
      2
    ]
  }
}
output "object_computed_key" { value = { (local.regions[0]) = 1 } }
output "index_list" { value = local.regions[1] }
output "index_map" { value = local.tags["env"] }
output "index_legacy" { value = local.regions.2 }
output "attr_nested" { value = local.nested.vpcs[1].cidr }
output "splat_full" { value = local.nested.vpcs[*].name }
output "splat_attr" { value = local.nested.vpcs.*.cidr }
output "splat_scalar" { value = local.tags[*] }
output "splat_null" { value = null[*] }

# ---- for expressions
output "for_tuple" { value = [for r in local.regions : upper(r)] }
output "for_tuple_if" { value = [for i, r in local.regions : "${i}:${r}" if i > 0] }
output "for_object" { value = { for r in local.regions : r => length(r) } }
output "for_object_group" { value = { for r in local.regions : substr(r, 0, 4) => r... } }
output "for_over_map" { value = [for k, v in local.tags : "${k}=${v}"] }
output "for_nested" { value = flatten([for v in local.nested.vpcs : [for s in [0, 1] : cidrsubnet(v.cidr, 8, s)]]) }

# ---- numeric functions
output "fn_abs" { value = abs(-12.5) }
output "fn_ceil" { value = ceil(4.1) }
output "fn_floor" { value = floor(-4.1) }
output "fn_log" { value = log(16, 2) }
output "fn_max" { value = max(5, 12, 9) }
output "fn_min" { value = min(5, 12, 9) }
output "fn_max_expand" { value = max([3, 8, 1]...) }
output "fn_parseint" { value = parseint("FF", 16) }
output "fn_parseint_bin" { value = parseint("-1011", 2) }
output "fn_pow" { value = pow(3, 4) }
output "fn_signum" { value = signum(-3) }

# ---- string functions
output "fn_chomp" { value = chomp("hello\n\n") }
output "fn_endswith" { value = endswith("hello world", "world") }
output "fn_startswith" { value = startswith("hello world", "hello") }
output "fn_format" { value = format("%s has %d VPCs (%.2f%%) %5s|%-5s|%03d %v %t %q", "acct", 3, 12.345, "r", "l", 7, 1.5, true, "q") }
output "fn_format_index" { value = format("%[2]s-%[1]s", "a", "b") }
output "fn_formatlist" { value = formatlist("%s-%s", ["a", "b"], "x") }
output "fn_indent" { value = indent(2, "a\nb\nc") }
output "fn_join" { value = join(",", ["a", "b"], ["c"]) }
output "fn_lower" { value = lower("HeLLo") }
output "fn_upper" { value = upper("HeLLo") }
output "fn_title" { value = title("hello world-wide web") }
output "fn_regex" { value = regex("[a-z]+", "123abc456") }
output "fn_regex_groups" { value = regex("^(\\d+)-(\\d+)$", "10-20") }
output "fn_regex_named" { value = regex("(?P<region>[a-z]+)-(?P<zone>[a-z]+)", "cn-hangzhou") }
output "fn_regexall" { value = regexall("[0-9]+", "a1b22c333") }
output "fn_replace" { value = replace("a-b-c", "-", "+") }
output "fn_replace_regex" { value = replace("vpc-123", "/vpc-(\\d+)/", "id $1") }
output "fn_split" { value = split(",", "a,b,,c") }
output "fn_strrev" { value = strrev("abc") }
output "fn_substr" { value = substr("hello world", 1, 4) }
output "fn_substr_neg" { value = substr("hello world", -5, -1) }
output "fn_trim" { value = trim("?!hello?!", "!?") }
output "fn_trimprefix" { value = trimprefix("helloworld", "hello") }
output "fn_trimsuffix" { value = trimsuffix("helloworld", "world") }
output "fn_trimspace" { value = trimspace("  hello\n ") }

# ---- collection functions
output "fn_alltrue" { value = alltrue([true, true]) }
output "fn_anytrue" { value = anytrue([false, true]) }
output "fn_chunklist" { value = chunklist(["a", "b", "c", "d", "e"], 2) }
output "fn_coalesce" { value = coalesce("", "b", "c") }
output "fn_coalesce_num" { value = coalesce(null, 2) }
output "fn_coalescelist" { value = coalescelist([], ["a"]) }
output "fn_compact" { value = compact(["a", "", "b"]) }
output "fn_concat" { value = concat(["a"], ["b", "c"]) }
output "fn_contains" { value = contains(local.regions, "cn-beijing") }
output "fn_distinct" { value = distinct(["a", "b", "a"]) }
output "fn_element" { value = element(local.regions, 4) }
output "fn_flatten" { value = flatten([["a", ["b"]], [], ["c"]]) }
output "fn_index" { value = index(local.regions, "cn-qingdao") }
output "fn_keys" { value = keys(local.tags) }
output "fn_length_list" { value = length(local.regions) }
output "fn_length_str" { value = length("café") }
output "fn_length_map" { value = length(local.tags) }
output "fn_lookup" { value = lookup(local.tags, "env", "none") }
output "fn_lookup_default" { value = lookup(local.tags, "x", "none") }
output "fn_merge" { value = merge(local.tags, { env = "dev", extra = true }) }
output "fn_one" { value = one(["x"]) }
output "fn_one_empty" { value = one([]) }
output "fn_range1" { value = range(3) }
output "fn_range3" { value = range(1, 10, 3) }
output "fn_range_down" { value = range(3, 0) }
output "fn_reverse" { value = reverse([1, 2, 3]) }
output "fn_setintersection" { value = setintersection(["a", "b"], ["b", "c"]) }
output "fn_setproduct" { value = setproduct(["a", "b"], ["x"]) }
output "fn_setsubtract" { value = setsubtract(["a", "b", "c"], ["b"]) }
output "fn_setunion" { value = setunion(["b"], ["a"]) }
output "fn_slice" { value = slice(["a", "b", "c", "d"], 1, 3) }
output "fn_sort" { value = sort(["b", "c", "a"]) }
output "fn_sum" { value = sum([1, 2.5, 3]) }
output "fn_transpose" { value = transpose({ a = ["1", "2"], b = ["2", "3"] }) }
output "fn_values" { value = values(local.tags) }
output "fn_zipmap" { value = zipmap(["a", "b"], [1, 2]) }

# ---- encoding functions
output "fn_base64encode" { value = base64encode("Hello, 世界") }
output "fn_base64decode" { value = base64decode("SGVsbG8=") }
output "fn_jsonencode" { value = jsonencode({ b = [1, "x", null, true], a = "<&>" }) }
output "fn_jsondecode" { value = jsondecode("{\"a\": [1, 2.5], \"b\": null, \"c\": {\"d\": true}}") }
output "fn_urlencode" { value = urlencode("a b&c=d/e~f*") }
output "fn_csvdecode" { value = csvdecode("a,b\n1,\"x,y\"\n3,4\n") }

# ---- type conversion functions
output "fn_tostring" { value = tostring(12) }
output "fn_tonumber" { value = tonumber("3.5") }
output "fn_tobool" { value = tobool("true") }
output "fn_tolist" { value = tolist(["a", 1]) }
output "fn_toset" { value = toset(["b", "a", "b"]) }
output "fn_tomap" { value = tomap({ a = 1, b = "2" }) }
output "fn_try" { value = try(local.tags.missing, "fallback") }
output "fn_try_first" { value = try(local.tags.env, "fallback") }
output "fn_can_false" { value = can(local.regions[10]) }
output "fn_can_true" { value = can(local.regions[0]) }

# ---- network functions
output "fn_cidrhost" { value = cidrhost("10.12.112.0/20", 16) }
output "fn_cidrhost_neg" { value = cidrhost("10.12.112.0/20", -2) }
output "fn_cidrnetmask" { value = cidrnetmask("172.16.0.0/12") }
output "fn_cidrsubnet" { value = cidrsubnet("172.16.0.0/12", 4, 2) }
output "fn_cidrsubnet_v6" { value = cidrsubnet("fd00:fd12:3456:7890::/56", 16, 162) }
output "fn_cidrhost_v6" { value = cidrhost("fd00:fd12:3456:7890::/56", 34) }
output "fn_cidrsubnets" { value = cidrsubnets("10.1.0.0/16", 4, 4, 8, 4) }

# ---- filesystem and hash functions
output "fn_file" { value = file("${path.module}/files/hello.txt") }
output "fn_fileexists" { value = fileexists("${path.module}/files/none.txt") }
output "fn_templatefile" { value = templatefile("${path.module}/files/greeting.tftpl", { names = ["a", "b"], region = "cn-beijing" }) }
output "fn_md5" { value = md5("hello") }
output "fn_sha1" { value = sha1("hello") }
output "fn_sha256" { value = sha256("hello") }

# ---- sensitive values
output "sensitive_propagates" {
  value     = "key-${sensitive("secret")}"
  sensitive = true
}
output "nonsensitive_removes" { value = nonsensitive(sensitive("visible")) }
