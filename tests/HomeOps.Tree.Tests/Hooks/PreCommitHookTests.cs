using HomeOps.Testing;

namespace HomeOps.Tree.Tests.Hooks;

/// <summary>
/// Every hook of .pre-commit-config.yaml, run by pre-commit on every file of the repository as `pre-commit run
/// --all-files` runs it (one hook at a time, so each passes or fails on its own), and the prettier hook's split: a
/// syntax error fails the commit, formatting only warns.
/// </summary>
public sealed class PreCommitHookTests
{
    public static TheoryData<string> Hooks() =>
        [.. File.ReadAllLines(RepositoryPaths.Combine(".pre-commit-config.yaml"))
            .Select(l => l.Trim()).Where(l => l.StartsWith("- id: ", StringComparison.Ordinal)).Select(l => l["- id: ".Length..].Trim())];

    [Theory]
    [MemberData(nameof(Hooks))]
    public async Task Hook_EveryFileOfTheRepository_Passes(string hook)
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        if (hook == "homeops-check")
        {
            Assert.Skip("its command, homeops check --offline on this repository, runs in-process in HomeOps.Cli.Tests "
                + "(CheckCommandTests); through ./homeops it would publish a Release build of the CLI inside the test run");
        }

        if (hook == "detect-secrets" && await PreCommit.DetectSecretsMissingAsync(cancellationToken) is { } missing)
        {
            Assert.Skip(missing);
        }

        var result = await PreCommit.RunAsync(RepositoryPaths.Root, ["run", hook, "--all-files"], cancellationToken);

        var output = result.StandardOutput + result.StandardError;
        result.ExitCode.ShouldBe(0, $"pre-commit run {hook} --all-files\n{output}");
        output.ShouldContain("Passed", customMessage: output);
    }

    [Fact]
    public async Task Prettier_FormattingWarns_ASyntaxErrorFails_IgnoredFilesAreNotRead()
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        using var sandbox = await HookSandbox.CreateAsync(cancellationToken);
        await sandbox.WriteAsync("apps/demo/values.yaml", "quote: \"\\\"\"\nitems:   [a, b]\n", cancellationToken);
        await sandbox.WriteAsync("apps/demo/settings.json", "{\"replicas\": 2,, }\n", cancellationToken);
        await sandbox.WriteAsync("charts/demo/templates/configmap.yaml", "{{- if .Values.enabled }}\nkind: ConfigMap\n{{- end }}\n", cancellationToken);
        await sandbox.WriteAsync("apps/demo/kustomization.yaml", "---\nresources:\n  - values.yaml\n", cancellationToken);

        var warned = await sandbox.RunHookAsync("prettier", ["apps/demo/values.yaml", "apps/demo/kustomization.yaml"], cancellationToken);
        warned.ExitCode.ShouldBe(0, warned.StandardOutput + warned.StandardError);
        warned.StandardOutput.ShouldContain("warning: 1 file(s) not in prettier's format");
        warned.StandardOutput.ShouldContain("  apps/demo/values.yaml");
        warned.StandardOutput.ShouldNotContain("kustomization.yaml");

        var failed = await sandbox.RunHookAsync("prettier", ["apps/demo/settings.json", "apps/demo/values.yaml"], cancellationToken);
        failed.ExitCode.ShouldBe(1, failed.StandardOutput + failed.StandardError);
        failed.StandardOutput.ShouldContain("apps/demo/settings.json: SyntaxError");

        // A Helm template is not YAML until rendered: .prettierignore keeps prettier away from it.
        var template = await sandbox.RunHookAsync("prettier", ["charts/demo/templates/configmap.yaml"], cancellationToken);
        template.ExitCode.ShouldBe(0, template.StandardOutput + template.StandardError);
        template.StandardOutput.ShouldNotContain("warning");
    }
}
