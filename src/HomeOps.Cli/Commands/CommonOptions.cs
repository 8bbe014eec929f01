using System.CommandLine;
using HomeOps.Core.Diagnostics.Output;

namespace HomeOps.Cli.Commands;

/// <summary>Options several commands share, created fresh per command (System.CommandLine options are not shareable).</summary>
internal static class CommonOptions
{
    public static Option<OutputFormat> Format() => new("--format")
    {
        Description = "Output format: text, json, sarif or github",
        DefaultValueFactory = _ => OutputFormat.Text,
        CustomParser = result =>
        {
            var token = result.Tokens.Count > 0 ? result.Tokens[0].Value : "text";
            if (Enum.TryParse<OutputFormat>(token, ignoreCase: true, out var format))
            {
                return format;
            }

            result.AddError($"Unknown format '{token}'; use text, json, sarif or github");
            return OutputFormat.Text;
        },
    };

    public static Option<string?> ClusterFile() => new("--file", "-f")
    {
        Description = "Path to cluster.yaml (default: cluster.yaml in this folder or the nearest parent folder)",
    };
}
