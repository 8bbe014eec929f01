using System.Text.Json;
using HomeOps.Testing;
using HomeOps.Runtime.Processes;

namespace HomeOps.Cli.Tests.Commands;

/// <summary>
/// `homeops validate --changed-only` end to end in-process on a temporary git repository (real git, real builds): two
/// app Kustomizations, apps and web, each with one ConfigMap; `data.replicas: 2` (a number) is a schema error (HO3102).
/// </summary>
public sealed class ValidateChangedOnlyTests
{
    private const string Root = """
        apiVersion: kustomize.config.k8s.io/v1beta1
        kind: Kustomization
        resources:
          - sync.yaml
          - apps.yaml
        """;

    private static readonly string Apps = SmallFluxTree.Kustomization("apps", "./apps") + "\n---\n" + SmallFluxTree.Kustomization("web", "./web");

    [Fact]
    public async Task ValidateChangedOnly_OneFileChanged_ShowsOnlyItsDiagnostics()
    {
        using var repo = await RepositoryAsync(apps: "2", web: "2");
        repo.Write("apps/settings.yaml", Settings("apps", "3"));

        var result = await ValidateAsync(repo, "--format", "json");

        result.ExitCode.ShouldBe(1, result.Out + result.Error);
        Located(result).ShouldBe(["HO3102 apps/settings.yaml:7"]);
        var text = await ValidateAsync(repo);
        text.Out.ShouldContain("validate --changed-only: 1 file(s) differ from HEAD (");
        text.Out.ShouldContain("read by 1 of 3 Kustomization(s)");
        text.Out.ShouldContain("1 error(s), 0 warning(s) shown; 1 diagnostic(s) elsewhere not shown (1 error(s), 0 warning(s); `homeops validate` without --changed-only shows them)");
    }

    [Fact]
    public async Task ValidateChangedOnly_ErrorOnlyElsewhere_IsCountedAsHiddenAndExitsZero()
    {
        using var repo = await RepositoryAsync(apps: "\"2\"", web: "2");
        repo.Write("apps/settings.yaml", Settings("apps", "\"3\""));

        var result = await ValidateAsync(repo);

        result.ExitCode.ShouldBe(0, result.Out + result.Error);
        result.Out.ShouldNotContain("HO3102");
        result.Out.ShouldContain("0 error(s), 0 warning(s) shown; 1 diagnostic(s) elsewhere not shown (1 error(s)");
        (await CliRunner.RunAsync(repo.Path, "validate", "--path", "clusters/lab", "--offline", "--kubernetes-version", "v1.31.1")).ExitCode.ShouldBe(1);
    }

    [Fact]
    public async Task ValidateChangedOnly_UntrackedFile_CountsAsChanged()
    {
        using var repo = await RepositoryAsync(apps: "\"2\"", web: "\"2\"");
        repo.Write("web/extra.yaml", Settings("extra", "5"));

        var result = await ValidateAsync(repo, "--format", "json");

        result.ExitCode.ShouldBe(1, result.Out + result.Error);
        Located(result).ShouldBe(["HO3102 web/extra.yaml:7"]);
    }

    [Fact]
    public async Task ValidateChangedOnly_DeletedFileAKustomizationStillLists_ShowsTheBrokenBuild()
    {
        // The build of web fails at its Flux Kustomization in clusters/lab/apps.yaml, a file that did not change:
        // nothing in the tree as it is now reads the deleted file, so a deletion shows every diagnostic.
        using var repo = await RepositoryAsync(apps: "\"2\"", web: "\"2\"");
        repo.Write("web/kustomization.yaml", "apiVersion: kustomize.config.k8s.io/v1beta1\nkind: Kustomization\nresources:\n  - settings.yaml\n");
        await GitAsync(repo, "add", "-A");
        await GitAsync(repo, "commit", "--quiet", "-m", "web lists its files");
        File.Delete(Path.Combine(repo.Path, "web", "settings.yaml"));

        var result = await ValidateAsync(repo);

        result.ExitCode.ShouldBe(1, result.Out + result.Error);
        result.Out.ShouldContain("clusters/lab/apps.yaml:");
        result.Out.ShouldContain("web/settings.yaml was deleted, and what read it cannot be told from the tree as it is now: every diagnostic");
    }

    [Fact]
    public async Task ValidateChangedOnly_SpecChangeInParentFile_ShowsTheChildsDiagnostics()
    {
        // Pointing web at another folder changes clusters/lab/apps.yaml only; the error is in the folder it now builds.
        using var repo = await RepositoryAsync(apps: "\"2\"", web: "\"2\"");
        repo.Write("web2/settings.yaml", Settings("web2", "7"));
        await GitAsync(repo, "add", "web2");
        await GitAsync(repo, "commit", "--quiet", "-m", "web2");
        repo.Write("clusters/lab/apps.yaml", Apps.Replace("path: ./web", "path: ./web2", StringComparison.Ordinal));

        var result = await ValidateAsync(repo, "--format", "json");

        Located(result).ShouldBe(["HO3102 web2/settings.yaml:7"]);
    }

    [Fact]
    public async Task ValidateChangedOnly_ChangedVariable_ShowsWhatItBreaksInAFileThatDidNotChange()
    {
        using var repo = await RepositoryAsync(apps: "\"2\"", web: "${REPLICAS}", variables: "two");
        repo.Write("clusters/lab/vars.yaml", Variables("\"2\""));

        var result = await ValidateAsync(repo, "--format", "json");

        result.ExitCode.ShouldBe(1, result.Out + result.Error);
        Located(result).ShouldBe(["HO3102 web/settings.yaml:7"]);
    }

    [Fact]
    public async Task ValidateChangedOnly_SettingsChanged_ShowsEveryDiagnostic()
    {
        using var repo = await RepositoryAsync(apps: "2", web: "2");
        File.AppendAllText(Path.Combine(repo.Path, ".homeops.yaml"), "# edited\n");

        var result = await ValidateAsync(repo);

        result.ExitCode.ShouldBe(1, result.Out + result.Error);
        result.Out.ShouldContain("error HO3102: ConfigMap/flux-system/apps");
        result.Out.ShouldContain("error HO3102: ConfigMap/flux-system/web");
        result.Out.ShouldContain("read by 3 of 3 Kustomization(s)");
        result.Out.ShouldContain("2 error(s), 0 warning(s) shown (cluster.yaml, .homeops.yaml or a schema folder changed: every diagnostic); no diagnostic elsewhere");
    }

    [Fact]
    public async Task ValidateChangedOnly_Base_ComparesWithThatRevision()
    {
        using var repo = await RepositoryAsync(apps: "\"2\"", web: "\"2\"");
        repo.Write("web/settings.yaml", Settings("web", "4"));
        await GitAsync(repo, "commit", "--quiet", "-am", "web error");

        (await ValidateAsync(repo)).Out.ShouldContain("no file differs from HEAD");
        var result = await ValidateAsync(repo, "--base", "HEAD~1", "--format", "json");

        result.ExitCode.ShouldBe(1, result.Out + result.Error);
        Located(result).ShouldBe(["HO3102 web/settings.yaml:7"]);
    }

    [Fact]
    public async Task ValidateChangedOnly_NoChanges_SaysSoAndExitsZero()
    {
        using var repo = await RepositoryAsync(apps: "2", web: "2");

        var result = await ValidateAsync(repo);

        result.ExitCode.ShouldBe(0, result.Out + result.Error);
        result.Out.ShouldStartWith("validate --changed-only: no file differs from HEAD (");
        result.Out.ShouldContain("nothing to validate");
    }

    [Fact]
    public async Task ValidateChangedOnly_UnknownBase_IsADiagnostic()
    {
        using var repo = await RepositoryAsync(apps: "\"2\"", web: "\"2\"");

        var result = await ValidateAsync(repo, "--base", "no-such-branch");

        result.ExitCode.ShouldBe(2, result.Out + result.Error);
        result.Out.ShouldContain("error HO0105: Cannot compare with 'no-such-branch': git does not know that revision");
        result.Out.ShouldContain("hint: Pass --base with a branch, tag or commit git knows");
        (result.Out + result.Error).ShouldNotContain("   at ");
    }

    [Fact]
    public async Task ValidateChangedOnly_NotARepository_IsADiagnostic()
    {
        using var temp = new TempDirectory();
        temp.Write("clusters/lab/kustomization.yaml", Root);

        var result = await CliRunner.RunAsync(temp.Path, "validate", "--path", "clusters/lab", "--offline", "--changed-only", "--format", "json");

        result.ExitCode.ShouldBe(2, result.Out + result.Error);
        using var json = JsonDocument.Parse(result.Out);
        var d = json.RootElement.GetProperty("diagnostics").EnumerateArray().ShouldHaveSingleItem();
        d.GetProperty("code").GetString().ShouldBe("HO0105");
        d.GetProperty("message").GetString()!.ShouldContain("this folder is not in a git repository");
        d.GetProperty("hint").GetString().ShouldNotBeNullOrEmpty();
    }

    [Fact]
    public async Task Validate_BaseWithoutChangedOnly_IsAUsageError()
    {
        using var temp = new TempDirectory();

        var result = await CliRunner.RunAsync(temp.Path, "validate", "--base", "main");

        result.ExitCode.ShouldBe(2);
        result.Error.ShouldContain("--base needs --changed-only");
    }

    private static Task<CliRunner.Result> ValidateAsync(TempDirectory repo, params string[] more) =>
        CliRunner.RunAsync(repo.Path, ["validate", "--path", "clusters/lab", "--offline", "--kubernetes-version", "v1.31.1", "--changed-only", .. more]);

    /// <summary>"CODE path:line" of each diagnostic of a --format json run.</summary>
    private static List<string> Located(CliRunner.Result result)
    {
        using var json = JsonDocument.Parse(result.Out);
        return [.. json.RootElement.GetProperty("diagnostics").EnumerateArray()
            .Select(d => $"{d.GetProperty("code").GetString()} {d.GetProperty("path").GetString()}:{d.GetProperty("line").GetInt32()}")];
    }

    private static string Settings(string name, string replicas) => $"""
        apiVersion: v1
        kind: ConfigMap
        metadata:
          name: {name}
          namespace: flux-system
        data:
          replicas: {replicas}
        """;

    /// <summary>The ConfigMap web substitutes from, when the tree has one.</summary>
    private static string Variables(string replicas) => $"""
        apiVersion: v1
        kind: ConfigMap
        metadata:
          name: vars
          namespace: flux-system
        data:
          REPLICAS: {replicas}
        """;

    /// <summary>The tree, committed; with <paramref name="variables"/>, web substitutes ${REPLICAS} from clusters/lab/vars.yaml.</summary>
    private static async Task<TempDirectory> RepositoryAsync(string apps, string web, string? variables = null)
    {
        var repo = new TempDirectory();
        repo.Write("clusters/lab/kustomization.yaml", variables is null ? Root : Root + "\n  - vars.yaml");
        repo.Write("clusters/lab/sync.yaml", SmallFluxTree.Sync);
        repo.Write("clusters/lab/apps.yaml", variables is null ? Apps : Apps + "\n  postBuild:\n    substituteFrom:\n      - kind: ConfigMap\n        name: vars");
        if (variables is not null)
        {
            repo.Write("clusters/lab/vars.yaml", Variables(variables));
        }

        repo.Write("apps/settings.yaml", Settings("apps", apps));
        repo.Write("web/settings.yaml", Settings("web", web));
        repo.Write(".homeops.yaml", "rules:\n  flux-not-self-managed: off\n  schema-missing: off\n");
        await GitAsync(repo, "init", "--quiet");
        await GitAsync(repo, "add", "-A");
        await GitAsync(repo, "commit", "--quiet", "-m", "tree");
        return repo;
    }

    private static async Task GitAsync(TempDirectory repo, params string[] args)
    {
        string[] identity = ["-c", "user.name=test", "-c", "user.email=test@example.com", "-c", "commit.gpgsign=false"];
        var result = await InstalledPrograms.RunAsync(new CommandSpec("git", ["-C", repo.Path, .. identity, .. args]), "install git", TestContext.Current.CancellationToken);
        result.ExitCode.ShouldBe(0, result.StandardError);
    }
}
