using HomeOps.Runtime.Processes;

namespace HomeOps.Runtime.Tools;

/// <summary>helm 3: pulling charts into a cache folder and rendering them with <c>helm template</c>.</summary>
public sealed class HelmTool(ICommandRunner runner, string? pathVariable = null)
{
    public bool Available => ToolLocator.Find("helm", pathVariable) is not null;

    public static CommandSpec PullSpec(string chart, string? repositoryUrl, string? version, string destination)
    {
        var args = new List<string> { "pull", chart };
        if (repositoryUrl is not null)
        {
            args.AddRange(["--repo", repositoryUrl]);
        }

        if (version is not null)
        {
            args.AddRange(["--version", version]);
        }

        args.AddRange(["--destination", destination]);
        return new CommandSpec("helm", args) { Timeout = TimeSpan.FromMinutes(2) };
    }

    public static CommandSpec TemplateSpec(HelmTemplateRequest request)
    {
        var args = new List<string> { "template", request.ReleaseName, request.Chart, "--namespace", request.Namespace };
        if (request.KubeVersion is not null)
        {
            args.AddRange(["--kube-version", request.KubeVersion]);
        }

        if (request.IncludeCrds)
        {
            args.Add("--include-crds");
        }

        foreach (var file in request.ValuesFiles)
        {
            args.AddRange(["--values", file]);
        }

        args.Add("--skip-tests");
        return new CommandSpec("helm", args) { Timeout = TimeSpan.FromMinutes(2) };
    }

    public Task<CommandResult> PullAsync(string chart, string? repositoryUrl, string? version, string destination, CancellationToken cancellationToken) =>
        runner.RunAsync(PullSpec(chart, repositoryUrl, version, destination), cancellationToken);

    public Task<CommandResult> TemplateAsync(HelmTemplateRequest request, CancellationToken cancellationToken) =>
        runner.RunAsync(TemplateSpec(request), cancellationToken);
}

/// <summary>What <c>helm template</c> renders: a release of a chart (folder or .tgz) with values files.</summary>
public sealed record HelmTemplateRequest(string ReleaseName, string Chart, string Namespace, IReadOnlyList<string> ValuesFiles, string? KubeVersion, bool IncludeCrds);
