using HomeOps.Core.Diagnostics;
using HomeOps.Core.Graph;
using HomeOps.Runtime.Kubernetes;

namespace HomeOps.Operations.Bootstrap;

/// <summary>
/// Runs bootstrap steps in dependency order. For each step: skip it when the state file (with --resume) or its
/// probe says it is done; otherwise record it as running, run the action, wait for the postcondition and record it
/// as done. The state file is saved after every change, so a run killed at any point resumes where it stopped.
/// </summary>
public static class BootstrapEngine
{
    /// <summary>The steps as a graph; a cycle or an unknown dependency is a bug and reported before anything runs.</summary>
    public static (DependencyGraph<BootstrapStep>? Graph, Diagnostic? Error) BuildGraph(IReadOnlyList<BootstrapStep> steps, SourceSpan location)
    {
        var graph = new DependencyGraph<BootstrapStep>();
        foreach (var step in steps)
        {
            graph.Add(step.Name, step);
        }

        foreach (var step in steps)
        {
            foreach (var dependency in step.DependsOn.Where(graph.Contains))
            {
                graph.AddDependency(step.Name, dependency);
            }
        }

        return graph.FindCycle() is { } cycle
            ? (null, DiagnosticCatalog.BootstrapStepCycle.At(location, string.Join(" → ", cycle)))
            : (graph, null);
    }

    public static async Task<IReadOnlyList<Diagnostic>> RunAsync(DependencyGraph<BootstrapStep> graph, BootstrapContext context, CancellationToken cancellationToken)
    {
        var order = graph.TopologicalOrder();
        var options = context.Options;
        foreach (var name in new[] { options.From, options.Only }.OfType<string>())
        {
            if (!graph.Contains(name))
            {
                return [DiagnosticCatalog.BootstrapUnknownStep.At(context.Location, name, string.Join(", ", order))];
            }
        }

        var selected = options.Only is { } only ? [only]
            : options.From is { } from ? order.SkipWhile(n => n != from).ToList()
            : order.ToList();
        var first = selected[0];
        if (!options.DryRun)
        {
            foreach (var dependency in graph.Ancestors(first).Where(d => !graph[d].AlwaysRuns))
            {
                if (!context.State.IsDone(dependency))
                {
                    return [DiagnosticCatalog.BootstrapDependencyNotDone.At(context.Location, first, dependency)];
                }
            }
        }

        foreach (var name in selected)
        {
            var step = graph[name];
            context.CurrentStep = name;
            if (options.DryRun)
            {
                context.Environment.Progress.StepStarted(name, step.Description);
                foreach (var line in step.Plan(context))
                {
                    context.Environment.Progress.Detail(name, line);
                }

                continue;
            }

            if (await RunStepAsync(step, context, cancellationToken).ConfigureAwait(false) is { Count: > 0 } failure)
            {
                return failure;
            }
        }

        return [];
    }

    private static async Task<IReadOnlyList<Diagnostic>> RunStepAsync(BootstrapStep step, BootstrapContext context, CancellationToken cancellationToken)
    {
        var progress = context.Environment.Progress;
        var record = context.State.Steps.TryGetValue(step.Name, out var r) ? r : context.State.Steps[step.Name] = new StepRecord();
        var started = context.Time.GetTimestamp();
        try
        {
            if (!step.AlwaysRuns && context.Options.Resume && record.Status == StepStatus.Done)
            {
                progress.StepSkipped(step.Name, "done in an earlier run");
                return [];
            }

            progress.StepStarted(step.Name, step.Description);
            if (!step.AlwaysRuns && await step.IsDoneAsync(context, cancellationToken).ConfigureAwait(false))
            {
                Finish(context, record, StepStatus.Done, null);
                progress.StepSkipped(step.Name, "already done");
                return [];
            }

            record.Status = StepStatus.Running;
            record.StartedAt = context.Time.GetUtcNow();
            record.Runs++;
            context.SaveState();
            await step.RunAsync(context, cancellationToken).ConfigureAwait(false);
            await step.WaitAsync(context, cancellationToken).ConfigureAwait(false);
            record.Seconds = Math.Round(context.Time.GetElapsedTime(started).TotalSeconds, 3);
            Finish(context, record, StepStatus.Done, null);
            progress.StepFinished(step.Name, context.Time.GetElapsedTime(started));
            return [];
        }
        catch (Exception e) when (Diagnose(e, context) is { } diagnostics)
        {
            Finish(context, record, StepStatus.Failed, $"{diagnostics[0].Code}: {diagnostics[0].Message}");
            progress.StepFailed(step.Name, context.Time.GetElapsedTime(started), diagnostics);
            return diagnostics;
        }
    }

    private static void Finish(BootstrapContext context, StepRecord record, StepStatus status, string? error)
    {
        record.Status = status;
        record.FinishedAt = context.Time.GetUtcNow();
        record.Error = error;
        context.SaveState();
    }

    private static IReadOnlyList<Diagnostic>? Diagnose(Exception e, BootstrapContext context) => e switch
    {
        BootstrapStepException s => s.Diagnostics,
        KubeApiException { IsUnreachable: true } k => [DiagnosticCatalog.ApiUnreachable.At(context.Location, context.ApiServer, $"running step '{context.CurrentStep}'", k.ServerMessage)],
        KubeApiException k => [DiagnosticCatalog.ApiRequestFailed.At(context.Location, k.Message)],
        _ => null,
    };
}
