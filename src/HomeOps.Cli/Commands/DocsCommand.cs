using HomeOps.Core.ClusterConfig;
using HomeOps.Core.Diagnostics;

namespace HomeOps.Cli.Commands;

/// <summary>`homeops docs generate`: rewrites the generated reference docs (diagnostics, cluster.yaml keys, JSON Schema).</summary>
internal static class DocsCommand
{
    /// <summary>Repository-relative path → generator. Tests compare these with the committed files.</summary>
    public static IReadOnlyDictionary<string, Func<string>> GeneratedFiles { get; } = new Dictionary<string, Func<string>>(StringComparer.Ordinal)
    {
        ["docs/diagnostics.md"] = () => DiagnosticDocsWriter.Write(DiagnosticCatalog.All),
        ["docs/cluster-config.md"] = ClusterSchemaDocs.Markdown,
        ["docs/cluster.schema.json"] = () => ClusterSchemaDocs.JsonSchema(ConfigCommands.SchemaId),
        ["docs/init-answers.md"] = ClusterSchemaDocs.InitAnswersMarkdown,
    };

    public static Command Create(CliContext context)
    {
        var check = new Option<bool>("--check") { Description = "Do not write; exit 1 if a generated file is out of date" };
        var generate = new Command("generate", "Regenerate docs/diagnostics.md, docs/cluster-config.md, docs/cluster.schema.json and docs/init-answers.md") { check };
        generate.SetAction(parse =>
        {
            var workspace = Workspace.Locate(context.Files, context.WorkingDirectory, clusterFile: null);
            var stale = 0;
            foreach (var (relative, generator) in GeneratedFiles)
            {
                var path = workspace.PathOf(relative);
                var content = generator();
                var current = context.Files.FileExists(path) ? context.Files.ReadAllText(path) : null;
                if (current == content)
                {
                    continue;
                }

                stale++;
                if (parse.GetValue(check))
                {
                    context.Out.WriteLine($"{relative}: out of date (run 'homeops docs generate')");
                }
                else
                {
                    context.Files.WriteAllTextAtomic(path, content);
                    context.Out.WriteLine($"{relative}: written");
                }
            }

            return parse.GetValue(check) && stale > 0 ? ExitCodes.ErrorsFound : ExitCodes.Success;
        });
        var docs = new Command("docs", "Generated documentation");
        docs.Subcommands.Add(generate);
        return docs;
    }
}
