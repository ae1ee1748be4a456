package dev.peerform.cli;

import picocli.CommandLine.Command;

@Command(name = "peerform",
        description = "Declarative provisioning for Alibaba Cloud Express Connect peering.",
        synopsisHeading = "Usage: ",
        customSynopsis = "peerform [global options] <subcommand> [args]",
        footer = {"", "Global options (use these before the subcommand, if any):",
                "  -chdir=DIR    Switch to a different working directory before executing the",
                "                given subcommand.",
                "  -help         Show this help output, or the help for a specified subcommand.",
                "  -version      An alias for the \"version\" subcommand."})
final class RootCommand {
}
