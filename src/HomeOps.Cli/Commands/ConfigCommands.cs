using HomeOps.Core.ClusterConfig;
using HomeOps.Core.Schema;
using HomeOps.Operations.Config;

namespace HomeOps.Cli.Commands;

/// <summary>`homeops config validate` and `homeops config schema`.</summary>
internal static class ConfigCommands
{
    public const string SchemaId = "https://homeops.local/schemas/cluster.schema.json";

    public static Command Create(CliContext context)
    {
        var config = new Command("config", "Work with cluster.yaml, the one file that describes the cluster");
        config.Subcommands.Add(Validate(context));
        config.Subcommands.Add(Schema(context));
        return config;
    }

    private static Command Validate(CliContext context)
    {
        var (file, format) = (CommonOptions.ClusterFile(), CommonOptions.Format());
        var command = new Command("validate", "Check cluster.yaml: YAML syntax, keys, types, formats, and what the values mean together")
        { file, format };
        command.SetAction(parse =>
        {
            var workspace = Workspace.Locate(context.Files, context.WorkingDirectory, parse.GetValue(file));
            var result = ClusterConfigService.Load(workspace);
            var outputFormat = parse.GetValue(format);
            DiagnosticPrinter.Print(context, workspace, outputFormat, result.Diagnostics);
            if (outputFormat == OutputFormat.Text)
            {
                var verdict = result.HasErrors ? "invalid" : "valid";
                context.Out.WriteLine($"{workspace.Display(workspace.ClusterFile)}: {verdict} ({TextDiagnosticWriter.Summary([.. result.Diagnostics])})");
            }

            return ExitCodeFor.Diagnostics(result.Diagnostics);
        });
        return command;
    }

    private static Command Schema(CliContext context)
    {
        var docs = new Option<bool>("--docs") { Description = "Print the Markdown reference (docs/cluster-config.md) instead of the JSON Schema" };
        var command = new Command("schema", "Print the JSON Schema of cluster.yaml, for editor completion and validation") { docs };
        command.SetAction(parse =>
        {
            context.Out.Write(parse.GetValue(docs) ? ClusterSchemaDocs.Markdown() : ClusterSchemaDocs.JsonSchema(SchemaId));
            return ExitCodes.Success;
        });
        return command;
    }
}
