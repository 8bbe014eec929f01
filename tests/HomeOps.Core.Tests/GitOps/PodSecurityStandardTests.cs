using HomeOps.Core.Diagnostics;
using HomeOps.Core.GitOps.PodSecurity;
using HomeOps.Core.Yaml;

namespace HomeOps.Core.Tests.GitOps;

/// <summary>
/// The Pod Security Standards control by control, each with a pod that passes and one that fails, as
/// kubernetes/pod-security-admission v0.31.1 policy/check_*.go decides. Every pod is the restricted pod below with
/// one part changed.
/// </summary>
public sealed class PodSecurityStandardTests
{
    private const string SafeContainer = "allowPrivilegeEscalation: false\ncapabilities:\n  drop: [ALL]";

    [Fact]
    public void Evaluate_RestrictedPod_PassesEveryLevel()
    {
        foreach (var level in Enum.GetValues<PodSecurityLevel>())
        {
            Evaluate(Pod(), level).ShouldBeEmpty();
        }
    }

    [Theory]
    [InlineData("hostNamespaces", "spec", "hostNetwork: true", "spec.hostNetwork")]
    [InlineData("hostNamespaces", "spec", "hostPID: true", "spec.hostPID")]
    [InlineData("hostNamespaces", "spec", "hostIPC: true", "spec.hostIPC")]
    [InlineData("privileged", "containerSecurity", "privileged: true", "spec.containers.0.securityContext.privileged")]
    [InlineData("capabilities_baseline", "containerSecurityOnly", "allowPrivilegeEscalation: false\ncapabilities:\n  drop: [ALL]\n  add: [SYS_ADMIN]", "spec.containers.0.securityContext.capabilities.add")]
    [InlineData("hostPathVolumes", "volumes", "- name: proc\n  hostPath:\n    path: /proc", "spec.volumes.1.hostPath")]
    [InlineData("hostPorts", "container", "ports:\n  - containerPort: 80\n    hostPort: 80", "spec.containers.0.ports.0.hostPort")]
    [InlineData("appArmorProfile", "containerSecurity", "appArmorProfile:\n  type: Unconfined", "spec.containers.0.securityContext.appArmorProfile.type")]
    [InlineData("appArmorProfile", "annotations", "container.apparmor.security.beta.kubernetes.io/app: unconfined", "metadata.annotations.container.apparmor.security.beta.kubernetes.io/app")]
    [InlineData("seLinuxOptions", "containerSecurity", "seLinuxOptions:\n  type: spc_t", "spec.containers.0.securityContext.seLinuxOptions.type")]
    [InlineData("seLinuxOptions", "podSecurity", "seLinuxOptions:\n  user: system_u", "spec.securityContext.seLinuxOptions.user")]
    [InlineData("procMount", "containerSecurity", "procMount: Unmasked", "spec.containers.0.securityContext.procMount")]
    [InlineData("sysctls", "podSecurity", "sysctls:\n  - name: kernel.msgmax\n    value: \"65536\"", "spec.securityContext.sysctls.0.name")]
    [InlineData("windowsHostProcess", "containerSecurity", "windowsOptions:\n  hostProcess: true", "spec.containers.0.securityContext.windowsOptions.hostProcess")]
    public void Evaluate_BaselineControl_FailsBaselineAtTheField(string check, string part, string snippet, string path)
    {
        var pod = Pod((part, snippet));
        var found = Evaluate(pod, PodSecurityLevel.Baseline).ShouldHaveSingleItem();
        found.Check.ShouldBe(check);
        found.Level.ShouldBe(PodSecurityLevel.Baseline);
        string.Join('.', found.Path).ShouldBe(path);
        Evaluate(pod, PodSecurityLevel.Privileged).ShouldBeEmpty();
        Evaluate(pod, PodSecurityLevel.Restricted).ShouldNotBeEmpty();
    }

    [Fact]
    public void Evaluate_UnconfinedSeccomp_FailsBaselineAndRestricted()
    {
        var pod = Pod(("containerSecurity", "seccompProfile:\n  type: Unconfined"));
        Evaluate(pod, PodSecurityLevel.Baseline).ShouldHaveSingleItem().Check.ShouldBe("seccompProfile_baseline");
        Evaluate(pod, PodSecurityLevel.Restricted).ShouldHaveSingleItem().Check.ShouldBe("seccompProfile_restricted");
    }

    [Theory]
    [InlineData("allowPrivilegeEscalation", "containerSecurityOnly", "capabilities:\n  drop: [ALL]", "spec.containers.0.securityContext.allowPrivilegeEscalation")]
    [InlineData("allowPrivilegeEscalation", "containerSecurityOnly", "allowPrivilegeEscalation: true\ncapabilities:\n  drop: [ALL]", "spec.containers.0.securityContext.allowPrivilegeEscalation")]
    [InlineData("runAsNonRoot", "containerSecurity", "runAsNonRoot: false", "spec.containers.0.securityContext.runAsNonRoot")]
    [InlineData("runAsUser", "containerSecurity", "runAsUser: 0", "spec.containers.0.securityContext.runAsUser")]
    [InlineData("capabilities_restricted", "containerSecurityOnly", "allowPrivilegeEscalation: false", "spec.containers.0.securityContext.capabilities.drop")]
    [InlineData("capabilities_restricted", "containerSecurityOnly", "allowPrivilegeEscalation: false\ncapabilities:\n  drop: [ALL]\n  add: [CHOWN]", "spec.containers.0.securityContext.capabilities.add")]
    [InlineData("restrictedVolumes", "volumes", "- name: cache\n  nfs:\n    server: nas\n    path: /cache", "spec.volumes.1.nfs")]
    public void Evaluate_RestrictedControl_FailsRestrictedOnly(string check, string part, string snippet, string path)
    {
        var pod = Pod((part, snippet));
        var found = Evaluate(pod, PodSecurityLevel.Restricted).ShouldHaveSingleItem();
        found.Check.ShouldBe(check);
        string.Join('.', found.Path).ShouldBe(path);
        Evaluate(pod, PodSecurityLevel.Baseline).ShouldBeEmpty();
    }

    [Fact]
    public void Evaluate_PodLevelRunAsNonRootAndSeccomp_CoverEveryContainer()
    {
        // check_runAsNonRoot.go and check_seccompProfile_restricted.go: a container may leave the field to the pod.
        var neither = Pod(("podSecurityOnly", "fsGroup: 1000"));
        Evaluate(neither, PodSecurityLevel.Restricted).Select(v => v.Check).Order().ShouldBe(["runAsNonRoot", "seccompProfile_restricted"]);
        var containerLevel = Pod(("podSecurityOnly", "fsGroup: 1000"), ("containerSecurity", "runAsNonRoot: true\nseccompProfile:\n  type: Localhost\n  localhostProfile: app.json"));
        Evaluate(containerLevel, PodSecurityLevel.Restricted).ShouldBeEmpty();
    }

    [Fact]
    public void Evaluate_Capabilities_BaselineAllowsTheDefaultSetRestrictedOnlyNetBindService()
    {
        var pod = Pod(("containerSecurityOnly", "allowPrivilegeEscalation: false\ncapabilities:\n  drop: [ALL]\n  add: [CHOWN, NET_BIND_SERVICE]"));
        Evaluate(pod, PodSecurityLevel.Baseline).ShouldBeEmpty();
        Evaluate(pod, PodSecurityLevel.Restricted).ShouldHaveSingleItem().Problem.ShouldBe("must not include \"CHOWN\" in securityContext.capabilities.add");
    }

    [Fact]
    public void Evaluate_PolicyVersions_FollowTheCheckVariants()
    {
        // runAsUser joined restricted at v1.23 (check_runAsUser.go); container_engine_t is a baseline SELinux type from
        // v1.31 (check_seLinuxOptions.go); the keepalive sysctls from v1.29 (check_sysctls.go).
        var root = Pod(("containerSecurity", "runAsUser: 0"));
        Evaluate(root, PodSecurityLevel.Restricted, policyMinor: 22).ShouldBeEmpty();
        Evaluate(root, PodSecurityLevel.Restricted, policyMinor: 23).ShouldHaveSingleItem().Check.ShouldBe("runAsUser");
        var engine = Pod(("containerSecurity", "seLinuxOptions:\n  type: container_engine_t"));
        Evaluate(engine, PodSecurityLevel.Baseline, policyMinor: 30).ShouldHaveSingleItem().Check.ShouldBe("seLinuxOptions");
        Evaluate(engine, PodSecurityLevel.Baseline, policyMinor: 31).ShouldBeEmpty();
        var keepalive = Pod(("podSecurity", "sysctls:\n  - name: net.ipv4.tcp_keepalive_time\n    value: \"600\""));
        Evaluate(keepalive, PodSecurityLevel.Baseline, policyMinor: 28).ShouldHaveSingleItem().Check.ShouldBe("sysctls");
        Evaluate(keepalive, PodSecurityLevel.Baseline, policyMinor: 29).ShouldBeEmpty();
    }

    [Fact]
    public void Evaluate_ImageVolume_AllowedByRestrictedFromTheKubernetes133Plugin()
    {
        var pod = Pod(("volumes", "- name: model\n  image:\n    reference: models:1"));
        Evaluate(pod, PodSecurityLevel.Restricted, serverMinor: 31).ShouldHaveSingleItem().Check.ShouldBe("restrictedVolumes");
        Evaluate(pod, PodSecurityLevel.Restricted, policyMinor: 31, serverMinor: 33).ShouldBeEmpty();
    }

    [Fact]
    public void Evaluate_InitContainer_IsCheckedLikeAContainer()
    {
        var pod = Pod(("spec", "initContainers:\n  - name: init\n    image: busybox:1.36.1\n    securityContext:\n      privileged: true"));
        var found = Evaluate(pod, PodSecurityLevel.Baseline).ShouldHaveSingleItem();
        found.Container.ShouldBe("init");
        found.Field.ShouldBe("securityContext.privileged");
        string.Join('.', found.Path).ShouldBe("spec.initContainers.0.securityContext.privileged");
    }

    /// <summary>
    /// A pod that passes restricted, with parts changed: spec (added to the pod spec), podSecurity (added to the pod's
    /// securityContext), podSecurityOnly (replaces it), container (added to the container), containerSecurity (added to
    /// its securityContext), containerSecurityOnly (replaces it), volumes (added), annotations (added).
    /// </summary>
    private static string Pod(params (string Part, string Snippet)[] changes)
    {
        string Get(string part) => string.Join('\n', changes.Where(c => c.Part == part).Select(c => c.Snippet));
        var podSecurity = changes.Any(c => c.Part == "podSecurityOnly") ? Get("podSecurityOnly") : "runAsNonRoot: true\nseccompProfile:\n  type: RuntimeDefault\n" + Get("podSecurity");
        var containerSecurity = changes.Any(c => c.Part == "containerSecurityOnly") ? Get("containerSecurityOnly") : SafeContainer + "\n" + Get("containerSecurity");
        return "metadata:\n  name: app\n  annotations:\n    example.com/owner: team\n" + Indent(Get("annotations"), 4)
            + "spec:\n" + Indent(Get("spec"), 2)
            + "  securityContext:\n" + Indent(podSecurity, 4)
            + "  containers:\n    - name: app\n      image: app:1.0.0\n" + Indent(Get("container"), 6)
            + "      securityContext:\n" + Indent(containerSecurity, 8)
            + "  volumes:\n    - name: config\n      configMap:\n        name: app\n" + Indent(Get("volumes"), 4);
    }

    private static string Indent(string text, int spaces) =>
        string.Concat(text.Split('\n').Where(l => l.Length > 0).Select(l => new string(' ', spaces) + l + "\n"));

    private static IReadOnlyList<PodSecurityViolation> Evaluate(string yaml, PodSecurityLevel level, int policyMinor = 31, int serverMinor = 31)
    {
        var bag = new DiagnosticBag();
        var pod = YamlReader.ReadSingle(yaml, "pod.yaml", bag) as YamlMapping;
        bag.Items.ShouldBeEmpty(yaml);
        return PodSecurityStandard.Evaluate(pod!, level, Math.Min(policyMinor, serverMinor), serverMinor);
    }
}
