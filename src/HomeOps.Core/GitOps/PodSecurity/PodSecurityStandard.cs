using HomeOps.Core.GitOps.Model;
using HomeOps.Core.Yaml;

namespace HomeOps.Core.GitOps.PodSecurity;

/// <summary>
/// The Pod Security Standards as the PodSecurity admission plugin enforces them: kubernetes/pod-security-admission,
/// policy/check_*.go at v0.31.1 (292fbec, the plugin of Kubernetes 1.31), check by check and field by field, with the
/// policy-version variants up to v1.35 (docs/rules.md, HO3300, cites each check). A pod is the mapping that holds
/// <c>metadata</c> and <c>spec</c>: a Pod, or a workload's pod template.
/// </summary>
public static partial class PodSecurityStandard
{
    /// <param name="policyMinor">The policy version's minor (1.N), already clamped to what the API server knows.</param>
    /// <param name="serverMinor">The API server's minor: a few relaxations came with the binary, not the policy version.</param>
    public static IReadOnlyList<PodSecurityViolation> Evaluate(YamlMapping pod, PodSecurityLevel level, int policyMinor, int serverMinor)
    {
        var found = new List<PodSecurityViolation>();
        if (level == PodSecurityLevel.Privileged || pod.Map("spec") is not { } spec)
        {
            return found;
        }

        var p = new Pod(pod, spec, [.. Containers(spec)], policyMinor, serverMinor, level, found);
        Baseline(p);
        if (level == PodSecurityLevel.Restricted)
        {
            Restricted(p);
        }

        return found;
    }

    /// <summary>policy/visitor.go: initContainers, then containers, then ephemeralContainers.</summary>
    private static IEnumerable<PodContainer> Containers(YamlMapping spec)
    {
        foreach (var key in (string[])["initContainers", "containers", "ephemeralContainers"])
        {
            var list = spec.Seq(key);
            for (var i = 0; i < list.Count; i++)
            {
                if (list[i] is YamlMapping c)
                {
                    yield return new PodContainer(c.Str("name") ?? $"{key}[{i}]", c, ["spec", key, i]);
                }
            }
        }
    }

    private static void Baseline(Pod p)
    {
        var restricted = p.Level == PodSecurityLevel.Restricted;

        // check_windowsHostProcess.go windowsHostProcess_1_0
        if (p.Spec.Bool("securityContext", "windowsOptions", "hostProcess") == true)
        {
            p.OnPod("windowsHostProcess", PodSecurityLevel.Baseline, ["securityContext", "windowsOptions", "hostProcess"], "must not set securityContext.windowsOptions.hostProcess=true");
        }

        p.EachContainer("windowsHostProcess", PodSecurityLevel.Baseline, ["securityContext", "windowsOptions", "hostProcess"],
            c => c.Bool("securityContext", "windowsOptions", "hostProcess") == true ? "must not set securityContext.windowsOptions.hostProcess=true" : null);

        // check_hostNamespaces.go hostNamespaces_1_0
        foreach (var field in (string[])["hostNetwork", "hostPID", "hostIPC"])
        {
            if (p.Spec.Bool(field) == true)
            {
                p.OnPod("hostNamespaces", PodSecurityLevel.Baseline, [field], $"must not set {field}=true (host namespaces)");
            }
        }

        // check_privileged.go privileged_1_0
        p.EachContainer("privileged", PodSecurityLevel.Baseline, ["securityContext", "privileged"],
            c => c.Bool("securityContext", "privileged") == true ? "must not set securityContext.privileged=true" : null);

        // check_capabilities_baseline.go capabilitiesBaseline_1_0 (restricted's capabilities check overrides it from v1.22)
        if (!restricted || p.Policy < 22)
        {
            p.EachContainer("capabilities_baseline", PodSecurityLevel.Baseline, ["securityContext", "capabilities", "add"], c =>
                c.Seq("securityContext", "capabilities", "add").Select(a => a.Str()).OfType<string>().Where(a => !s_baselineCapabilities.Contains(a)).ToList() is { Count: > 0 } bad
                    ? $"must not include {Quote(bad)} in securityContext.capabilities.add (non-default capabilities)" : null);
        }

        // check_hostPathVolumes.go hostPathVolumes_1_0 (restricted's volume check overrides it)
        if (!restricted)
        {
            p.EachVolume("hostPathVolumes", PodSecurityLevel.Baseline, v => v.Map("hostPath") is not null ? "hostPath" : null);
        }

        // check_hostPorts.go hostPorts_1_0
        foreach (var c in p.Containers)
        {
            var ports = c.Node.Seq("ports");
            for (var i = 0; i < ports.Count; i++)
            {
                if (ports[i].Str("hostPort") is { } hostPort && hostPort != "0")
                {
                    p.Container(c, "hostPorts", PodSecurityLevel.Baseline, ["ports", i, "hostPort"], $"must not use hostPort {hostPort}");
                }
            }
        }

        AppArmor(p);
        SeLinux(p);

        // check_procMount.go procMount_1_0; from v1.35 baseline allows any procMount when the pod has its own user
        // namespace (hostUsers: false), restricted keeps the strict check (procMount_restricted).
        if (!(p.Level == PodSecurityLevel.Baseline && p.Policy >= 35 && p.OwnUserNamespace))
        {
            p.EachContainer("procMount", PodSecurityLevel.Baseline, ["securityContext", "procMount"],
                c => c.Str("securityContext", "procMount") is { } m && m is not ("" or "Default") ? $"must not set securityContext.procMount to \"{m}\"" : null);
        }

        // check_seccompProfile_baseline.go: annotations before v1.19, the field from v1.19 (restricted's seccomp check overrides it)
        if (p.Policy < 19)
        {
            SeccompAnnotations(p);
        }
        else if (!restricted)
        {
            p.PodAndContainers("seccompProfile_baseline", PodSecurityLevel.Baseline, ["securityContext", "seccompProfile", "type"],
                n => n.Str("securityContext", "seccompProfile", "type") is { } t && !ValidSeccomp(t) ? $"must not set securityContext.seccompProfile.type to \"{t}\"" : null);
        }

        Sysctls(p);
        if (p.Policy >= 34)
        {
            HostProbes(p);
        }
    }

    private static readonly HashSet<string> s_baselineCapabilities = new(StringComparer.Ordinal)
    {
        "AUDIT_WRITE", "CHOWN", "DAC_OVERRIDE", "FOWNER", "FSETID", "KILL", "MKNOD", "NET_BIND_SERVICE", "SETFCAP", "SETGID", "SETPCAP", "SETUID", "SYS_CHROOT",
    };

    private static bool ValidSeccomp(string type) => type is "RuntimeDefault" or "Localhost";

    private static string Quote(IEnumerable<string> values) => string.Join(", ", values.Select(v => $"\"{v}\""));
}
