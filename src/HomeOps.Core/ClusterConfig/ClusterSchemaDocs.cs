using HomeOps.Core.Schema;

namespace HomeOps.Core.ClusterConfig;

/// <summary>The JSON Schema and Markdown reference of cluster.yaml, both generated from the config records.</summary>
public static class ClusterSchemaDocs
{
    private const string Introduction = """
        `cluster.yaml` at the repository root is the one file an operator edits. HomeOps derives the Talos machine
        configs, the cluster-specific values of the GitOps tree, the router's BGP configuration and the bootstrap plan
        from it. `homeops config validate` checks it (see [diagnostics.md](diagnostics.md) for every code) and
        `homeops config schema > cluster.schema.json` gives editors completion: add
        `# yaml-language-server: $schema=./docs/cluster.schema.json` as the first line.

        Keys are case-sensitive. Unknown keys are errors (with a "did you mean" hint), so a typo never silently
        falls back to a default.
        """;

    public static string JsonSchema(string id) =>
        JsonSchemaWriter.Write(SchemaReflector.Describe<ClusterDefinition>(), id, "HomeOps cluster.yaml");

    public static string Markdown() =>
        SchemaDocsWriter.Write(SchemaReflector.Describe<ClusterDefinition>(), "cluster.yaml reference", Introduction);

    private const string InitIntroduction = """
        `homeops init --answers FILE` reads these keys (each also a flag of `homeops init`; flags win over the file,
        and in a terminal init asks for what both leave open). Only the answers init cannot derive are needed:
        `clusterName`, `domain`, `repository`, `nodeNetwork`, `nodes` and `cloudflareTunnelId`. Unknown keys are
        errors with a "did you mean" hint. See [quickstart.md](quickstart.md) for the whole path.
        """;

    /// <summary>The reference of `homeops init`'s answers file.</summary>
    public static string InitAnswersMarkdown() =>
        SchemaDocsWriter.Write(SchemaReflector.Describe<Init.InitAnswers>(), "homeops init answers file", InitIntroduction);
}
