locals {
  policy = <<EOT
{
    "Version": "1",
  "Statement":   []
}
EOT
  indented = <<-EOT
      keep    this    spacing
    and this
    EOT
  script=<<SCRIPT
#!/bin/sh
echo "${var.name}"
SCRIPT
}
