using HomeOps.Testing;

namespace HomeOps.Tree.Tests.Hooks;

/// <summary>
/// The secret hooks of .pre-commit-config.yaml run through pre-commit on a corpus of planted secrets (SecretCorpus,
/// made at test time in a throwaway repository) and catch what the table below says, no less and no more; the table
/// is the one docs/development.md shows. A hook whose tool cannot be installed here is skipped with the reason.
/// </summary>
public sealed class SecretHookCorpusTests
{
    /// <summary>Which hook catches which class (true) or misses it (false), as measured with secretlint 9.3.4 and detect-secrets 1.5.0.</summary>
    private static readonly Dictionary<string, (bool Secretlint, bool DetectSecrets)> s_expected = new(StringComparer.Ordinal)
    {
        ["aws-access-key"] = (true, true),
        ["github-token"] = (true, true),
        // secretlint's 1password rule matches `ops_ey…fQ`: the base64 must end with the encoded closing brace, which
        // it does only for a JSON of 3n+1 bytes. detect-secrets has no 1Password plugin; its entropy check finds all.
        ["1password-service-account-1"] = (true, true),
        ["1password-service-account-0"] = (false, true),
        ["1password-service-account-2"] = (false, true),
        ["1password-connect-jwt"] = (false, true),
        ["pem-private-key"] = (true, true),
        // secretlint looks for PEM headers, not their base64. detect-secrets reads YAML values only in files named
        // *.yaml/*.yml; in any other file its entropy check reads quoted strings only.
        ["kubeconfig-yaml"] = (false, true),
        ["kubeconfig"] = (false, false),
        [SecretCorpus.Control] = (false, false),
    };

    public static TheoryData<string> SecretHooks() => ["secretlint", "detect-secrets"];

    [Theory]
    [MemberData(nameof(SecretHooks))]
    public async Task SecretHook_PlantedCorpus_CatchesWhatTheTableSays(string hook)
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        if (hook == "detect-secrets" && await PreCommit.DetectSecretsMissingAsync(cancellationToken) is { } missing)
        {
            Assert.Skip(missing);
        }

        using var sandbox = await HookSandbox.CreateAsync(cancellationToken);
        var corpus = SecretCorpus.Create();
        corpus.Select(s => s.Id).ShouldBe(s_expected.Keys, ignoreOrder: true);
        foreach (var secret in corpus)
        {
            await sandbox.WriteAsync(secret.Path, secret.Content, cancellationToken);
        }

        var rows = new List<(string Id, bool Expected, bool Caught)>();
        foreach (var secret in corpus)
        {
            var result = await sandbox.RunHookAsync(hook, [secret.Path], cancellationToken);
            var output = result.StandardOutput + result.StandardError;
            output.ShouldNotContain("(no files to check)Skipped", customMessage: $"{hook} did not run on {secret.Path}");
            var caught = result.ExitCode != 0;
            if (caught)
            {
                // A failure that does not name the file is the hook breaking, not a finding.
                output.ShouldContain(secret.Path, customMessage: $"{hook} failed on {secret.Path} without naming it:\n{output}");
            }

            var expected = hook == "secretlint" ? s_expected[secret.Id].Secretlint : s_expected[secret.Id].DetectSecrets;
            rows.Add((secret.Id, expected, caught));
        }

        var table = string.Join('\n', rows.Select(r => $"  {r.Id,-30} expected {(r.Expected ? "caught" : "missed"),-6}  got {(r.Caught ? "caught" : "missed")}"));
        TestContext.Current.SendDiagnosticMessage($"{hook}:\n{table}");
        rows.Where(r => r.Expected && !r.Caught).ShouldBeEmpty($"{hook} missed a planted secret it should catch:\n{table}");
        rows.Where(r => !r.Expected && r.Caught).ShouldBeEmpty(
            $"{hook} now catches what the table says it misses (or fails on the control): update the table here and in docs/development.md:\n{table}");
    }

    /// <summary>docs/development.md shows the same table, one row per class, so what it says each hook misses is measured.</summary>
    [Fact]
    public void DevelopmentDoc_SecretHookTable_IsTheMeasuredOne()
    {
        var doc = File.ReadAllText(RepositoryPaths.Combine("docs", "development.md"));
        foreach (var secret in SecretCorpus.Create())
        {
            var (secretlint, detectSecrets) = s_expected[secret.Id];
            var row = secret.Id == SecretCorpus.Control ? "| passes | passes |" : $"| {Mark(secretlint)} | {Mark(detectSecrets)} |";
            doc.ShouldContain($"| {secret.Description} {row}", customMessage: secret.Id);
        }
    }

    private static string Mark(bool caught) => caught ? "caught" : "**missed**";
}
