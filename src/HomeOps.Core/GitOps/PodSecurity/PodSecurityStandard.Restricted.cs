using HomeOps.Core.GitOps.Model;
using HomeOps.Core.Yaml;

namespace HomeOps.Core.GitOps.PodSecurity;

public static partial class PodSecurityStandard
{
    /// <summary>check_restrictedVolumes.go: the volume sources restricted allows (image from Kubernetes 1.33's plugin).</summary>
    private static readonly HashSet<string> s_restrictedVolumes = new(StringComparer.Ordinal)
    {
        "configMap", "csi", "downwardAPI", "emptyDir", "ephemeral", "persistentVolumeClaim", "projected", "secret",
    };

    private static void Restricted(Pod p)
    {
        // check_restrictedVolumes.go restrictedVolumes_1_0. A volume without a source is defaulted to emptyDir by the
        // API server before admission sees it.
        p.EachVolume("restrictedVolumes", PodSecurityLevel.Restricted, v =>
            v.Entries.Select(e => e.Key.Value).FirstOrDefault(k => k != "name") is { } source && !s_restrictedVolumes.Contains(source) && !(source == "image" && p.Server >= 33)
                ? source : null);

        // check_allowPrivilegeEscalation.go allowPrivilegeEscalation_1_8 / _1_25 (windows pods exempt)
        if (p.Policy >= 8 && !p.WindowsExempt)
        {
            p.EachContainer("allowPrivilegeEscalation", PodSecurityLevel.Restricted, ["securityContext", "allowPrivilegeEscalation"],
                c => c.Bool("securityContext", "allowPrivilegeEscalation") != false ? "must set securityContext.allowPrivilegeEscalation=false" : null);
        }

        var relaxUser = p.Policy >= 35 && p.OwnUserNamespace;

        // check_runAsNonRoot.go runAsNonRoot_1_0: false anywhere fails; a container without it needs the pod's true.
        if (!relaxUser)
        {
            var podNonRoot = p.Spec.Bool("securityContext", "runAsNonRoot");
            if (podNonRoot == false)
            {
                p.OnPod("runAsNonRoot", PodSecurityLevel.Restricted, ["securityContext", "runAsNonRoot"], "must not set securityContext.runAsNonRoot=false");
            }

            p.EachContainer("runAsNonRoot", PodSecurityLevel.Restricted, ["securityContext", "runAsNonRoot"], c => c.Bool("securityContext", "runAsNonRoot") switch
            {
                false => "must not set securityContext.runAsNonRoot=false",
                null when podNonRoot != true => "must set securityContext.runAsNonRoot=true (or the pod must)",
                _ => null,
            });
        }

        // check_runAsUser.go runAsUser_1_23
        if (p.Policy >= 23 && !relaxUser)
        {
            p.PodAndContainers("runAsUser", PodSecurityLevel.Restricted, ["securityContext", "runAsUser"],
                n => n.Str("securityContext", "runAsUser") == "0" ? "must not set runAsUser=0" : null);
        }

        // check_seccompProfile_restricted.go seccompProfileRestricted_1_19 / _1_25 (windows pods exempt)
        if (p.Policy >= 19 && !p.WindowsExempt)
        {
            var podType = p.Spec.Str("securityContext", "seccompProfile", "type");
            if (p.Spec.Map("securityContext", "seccompProfile") is not null && !ValidSeccomp(podType ?? string.Empty))
            {
                p.OnPod("seccompProfile_restricted", PodSecurityLevel.Restricted, ["securityContext", "seccompProfile", "type"], $"must not set securityContext.seccompProfile.type to \"{podType}\"");
            }

            var podSet = podType is not null && ValidSeccomp(podType);
            p.EachContainer("seccompProfile_restricted", PodSecurityLevel.Restricted, ["securityContext", "seccompProfile", "type"], c =>
                c.Map("securityContext", "seccompProfile") is not null
                    ? c.Str("securityContext", "seccompProfile", "type") is var t && !ValidSeccomp(t ?? string.Empty) ? $"must not set securityContext.seccompProfile.type to \"{t}\"" : null
                    : podSet ? null : "must set securityContext.seccompProfile.type to \"RuntimeDefault\" or \"Localhost\" (or the pod must)");
        }

        // check_capabilities_restricted.go capabilitiesRestricted_1_22 / _1_25 (windows pods exempt)
        if (p.Policy >= 22 && !p.WindowsExempt)
        {
            p.EachContainer("capabilities_restricted", PodSecurityLevel.Restricted, ["securityContext", "capabilities", "drop"],
                c => c.Seq("securityContext", "capabilities", "drop").Any(d => d.Str() == "ALL") ? null : "must set securityContext.capabilities.drop=[\"ALL\"]");
            p.EachContainer("capabilities_restricted", PodSecurityLevel.Restricted, ["securityContext", "capabilities", "add"], c =>
                c.Seq("securityContext", "capabilities", "add").Select(a => a.Str()).OfType<string>().Where(a => a != "NET_BIND_SERVICE").ToList() is { Count: > 0 } bad
                    ? $"must not include {Quote(bad)} in securityContext.capabilities.add" : null);
        }
    }
}
