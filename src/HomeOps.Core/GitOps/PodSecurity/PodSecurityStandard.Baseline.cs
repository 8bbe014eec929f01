using HomeOps.Core.GitOps.Model;
using HomeOps.Core.Yaml;

namespace HomeOps.Core.GitOps.PodSecurity;

public static partial class PodSecurityStandard
{
    private const string AppArmorAnnotationPrefix = "container.apparmor.security.beta.kubernetes.io/";

    private static readonly string[] s_sysctls1_0 = ["kernel.shm_rmid_forced", "net.ipv4.ip_local_port_range", "net.ipv4.tcp_syncookies", "net.ipv4.ping_group_range", "net.ipv4.ip_unprivileged_port_start"];
    private static readonly string[] s_sysctls1_27 = ["net.ipv4.ip_local_reserved_ports"];
    private static readonly string[] s_sysctls1_29 = ["net.ipv4.tcp_keepalive_time", "net.ipv4.tcp_fin_timeout", "net.ipv4.tcp_keepalive_intvl", "net.ipv4.tcp_keepalive_probes"];
    private static readonly string[] s_sysctls1_32 = ["net.ipv4.tcp_rmem", "net.ipv4.tcp_wmem"];

    /// <summary>check_appArmorProfile.go appArmorProfile_1_0: the profile type (pod and containers) and the beta annotations.</summary>
    private static void AppArmor(Pod p)
    {
        p.PodAndContainers("appArmorProfile", PodSecurityLevel.Baseline, ["securityContext", "appArmorProfile", "type"],
            n => n.Map("securityContext", "appArmorProfile") is { } profile && profile.Str("type") is var t && t is not ("RuntimeDefault" or "Localhost")
                ? $"must not set AppArmor profile type to \"{t}\"" : null);
        foreach (var (key, value) in p.Metadata.StringMap("annotations").Where(a => a.Key.StartsWith(AppArmorAnnotationPrefix, StringComparison.Ordinal)))
        {
            if (value.Length > 0 && value != "runtime/default" && !value.StartsWith("localhost/", StringComparison.Ordinal))
            {
                p.OnMetadata("appArmorProfile", ["annotations", key], $"must not set the AppArmor annotation to \"{value}\"");
            }
        }
    }

    /// <summary>check_seLinuxOptions.go seLinuxOptions1_0 / seLinuxOptions1_31 (container_engine_t allowed from v1.31).</summary>
    private static void SeLinux(Pod p)
    {
        HashSet<string> types = p.Policy >= 31 ? ["", "container_t", "container_init_t", "container_kvm_t", "container_engine_t"] : ["", "container_t", "container_init_t", "container_kvm_t"];
        foreach (var field in (string[])["type", "user", "role"])
        {
            p.PodAndContainers("seLinuxOptions", PodSecurityLevel.Baseline, ["securityContext", "seLinuxOptions", field], n =>
            {
                var value = n.Str("securityContext", "seLinuxOptions", field);
                return value is null ? null
                    : field == "type" ? types.Contains(value) ? null : $"must not set securityContext.seLinuxOptions.type to \"{value}\""
                    : value.Length > 0 ? $"must not set securityContext.seLinuxOptions.{field}" : null;
            });
        }
    }

    /// <summary>check_seccompProfile_baseline.go seccompProfileBaseline_1_0: the alpha annotations (policy versions before v1.19).</summary>
    private static void SeccompAnnotations(Pod p)
    {
        var annotations = p.Metadata.StringMap("annotations");
        var keys = new[] { "seccomp.security.alpha.kubernetes.io/pod" }.Concat(p.Containers.Select(c => "container.seccomp.security.alpha.kubernetes.io/" + c.Name));
        foreach (var key in keys)
        {
            if (annotations.TryGetValue(key, out var value) && value is not ("runtime/default" or "docker/default") && !value.StartsWith("localhost/", StringComparison.Ordinal))
            {
                p.OnMetadata("seccompProfile_baseline", ["annotations", key], $"must not set the seccomp annotation to \"{value}\"");
            }
        }
    }

    /// <summary>check_sysctls.go sysctlsV1Dot0 / V1Dot27 / V1Dot29 (and V1Dot32 from Kubernetes 1.32).</summary>
    private static void Sysctls(Pod p)
    {
        var allowed = s_sysctls1_0.Concat(p.Policy >= 27 ? s_sysctls1_27 : []).Concat(p.Policy >= 29 ? s_sysctls1_29 : []).Concat(p.Policy >= 32 ? s_sysctls1_32 : []).ToHashSet(StringComparer.Ordinal);
        var sysctls = p.Spec.Seq("securityContext", "sysctls");
        for (var i = 0; i < sysctls.Count; i++)
        {
            if (sysctls[i].Str("name") is { } name && !allowed.Contains(name))
            {
                p.OnPod("sysctls", PodSecurityLevel.Baseline, ["securityContext", "sysctls", i, "name"], $"must not set the sysctl {name}");
            }
        }
    }

    /// <summary>check_hostProbesAndHostLifecycle.go (policy v1.34+): probes and lifecycle handlers must not name a host.</summary>
    private static void HostProbes(Pod p)
    {
        foreach (var c in p.Containers)
        {
            foreach (var handler in (string[][])[["livenessProbe"], ["readinessProbe"], ["startupProbe"], ["lifecycle", "postStart"], ["lifecycle", "preStop"]])
            {
                foreach (var action in (string[])["httpGet", "tcpSocket"])
                {
                    object[] path = [.. handler, action, "host"];
                    if (c.Node.Str([.. handler, action, "host"]) is { Length: > 0 } host)
                    {
                        p.Container(c, "hostProbesAndHostLifecycle", PodSecurityLevel.Baseline, path, $"must not set {string.Join('.', path)} (\"{host}\")");
                    }
                }
            }
        }
    }
}
