using HomeOps.Operations.Doctor;
using HomeOps.Operations.Status;

namespace HomeOps.Cli.Commands;

/// <summary>`homeops doctor`: the upgrade gates and protocol probes, then what to do next.</summary>
internal static class DoctorCommand
{
    public static Command Create(CliContext context)
    {
        var file = CommonOptions.ClusterFile();
        var format = new Option<string>("--format") { Description = "text or json", DefaultValueFactory = _ => "text" };
        format.AcceptOnlyFromAmong("text", "json");
        var endpoints = new Option<string[]>("--endpoint")
        {
            Description = "Where a probe connects, NAME=HOST:PORT (mqtt, postgresql, redis, matter, ingress), e.g. after 'kubectl port-forward'; default: the Service's LoadBalancer address",
            AllowMultipleArgumentsPerToken = false,
        };
        var only = new Option<string[]>("--only") { Description = "Run only these checks (etcd, longhorn, cnpg, flux, postgresql, redis, mqtt, matter, ingress)" };
        var timeout = new Option<int>("--timeout") { Description = "Seconds each probe may take", DefaultValueFactory = _ => 5 };
        var kubeconfig = ClusterOptions.Kubeconfig();
        var talosconfig = ClusterOptions.Talosconfig();
        var command = new Command("doctor", "Check what the cluster's users need: etcd, Longhorn volumes, the PostgreSQL primary and Flux (the upgrade gates), then talk MQTT, PostgreSQL, Redis, HTTPS and the Matter WebSocket to the real services, and say what to do next. Exit 1: something is unhealthy; 2: something could not be asked")
        {
            file, format, endpoints, only, timeout, kubeconfig, talosconfig,
        };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var overrides = new Dictionary<string, ServiceEndpoint>(StringComparer.Ordinal);
            foreach (var text in parse.GetValue(endpoints) ?? [])
            {
                if (ServiceEndpoints.ParseOverride(text) is not { } parsed)
                {
                    await context.Error.WriteLineAsync($"error: --endpoint '{text}' is not NAME=HOST:PORT").ConfigureAwait(false);
                    return ExitCodes.UsageOrEnvironment;
                }

                overrides[parsed.Name] = parsed.Endpoint;
            }

            var service = DoctorService.Default().Only(parse.GetValue(only) ?? []);
            var workspace = Workspace.Locate(context.Files, context.WorkingDirectory, parse.GetValue(file));
            var targets = StatusTargets.Resolve(workspace, parse.GetValue(kubeconfig), parse.GetValue(talosconfig), context.Environment);
            var snapshot = ClusterConnection.OpenForReading(targets, context.Files, context.Time, context.KubeRewrite);
            try
            {
                var statusContext = StatusContext.For(snapshot, targets, context.Time, context.Commands);
                var probeTimeout = TimeSpan.FromSeconds(Math.Max(1, parse.GetValue(timeout)));
                var (report, _) = await service.RunAsync(statusContext, new ServiceEndpoints(overrides),
                    c => c with { ProbeTimeout = probeTimeout, TrustedRoots = context.TrustedRoots }, cancellationToken).ConfigureAwait(false);
                await context.Out.WriteAsync(parse.GetValue(format) == "json" ? DoctorOutput.Json(report) : DoctorOutput.Text(report)).ConfigureAwait(false);
                return report.ExitCode;
            }
            finally
            {
                (snapshot.Api as IDisposable)?.Dispose();
            }
        });
        return command;
    }
}
