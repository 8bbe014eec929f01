using HomeOps.Core.GitOps.Model;
using HomeOps.Core.Yaml;

namespace HomeOps.Core.GitOps.PodSecurity;

public static partial class PodSecurityStandard
{
    private sealed record PodContainer(string Name, YamlMapping Node, object[] Path);

    /// <summary>The pod being evaluated and the violations found so far, with helpers that record one per field.</summary>
    private sealed class Pod(YamlMapping root, YamlMapping spec, List<PodContainer> containers, int policy, int server, PodSecurityLevel level, List<PodSecurityViolation> found)
    {
        public YamlMapping Spec => spec;

        public YamlMapping? Metadata => root.Map("metadata");

        public List<PodContainer> Containers => containers;

        public int Policy => policy;

        public int Server => server;

        public PodSecurityLevel Level => level;

        /// <summary>hostUsers: false, the pod runs in its own user namespace (relaxes some checks from policy v1.35).</summary>
        public bool OwnUserNamespace => spec.Bool("hostUsers") == false;

        /// <summary>spec.os.name: windows exempts a pod from the Linux-only restricted checks from policy v1.25.</summary>
        public bool WindowsExempt => policy >= 25 && spec.Str("os", "name") == "windows";

        public void OnPod(string check, PodSecurityLevel checkLevel, object[] specPath, string problem) =>
            found.Add(new PodSecurityViolation(check, checkLevel, null, ["spec", .. specPath], FieldName(specPath), problem));

        public void Container(PodContainer c, string check, PodSecurityLevel checkLevel, object[] path, string problem) =>
            found.Add(new PodSecurityViolation(check, checkLevel, c.Name, [.. c.Path, .. path], FieldName(path), problem));

        public void OnMetadata(string check, object[] path, string problem) =>
            found.Add(new PodSecurityViolation(check, PodSecurityLevel.Baseline, null, ["metadata", .. path], FieldName(path), problem));

        public void EachContainer(string check, PodSecurityLevel checkLevel, object[] path, Func<YamlMapping, string?> problem)
        {
            foreach (var c in containers)
            {
                if (problem(c.Node) is { } p)
                {
                    Container(c, check, checkLevel, path, p);
                }
            }
        }

        /// <summary>A field that may sit in the pod's securityContext and in each container's.</summary>
        public void PodAndContainers(string check, PodSecurityLevel checkLevel, object[] path, Func<YamlMapping, string?> problem)
        {
            if (problem(spec) is { } p)
            {
                OnPod(check, checkLevel, path, p);
            }

            EachContainer(check, checkLevel, path, problem);
        }

        /// <param name="kind">The volume's forbidden source (hostPath, nfs, ...), or null when the volume is allowed.</param>
        public void EachVolume(string check, PodSecurityLevel checkLevel, Func<YamlMapping, string?> kind)
        {
            var volumes = spec.Seq("volumes");
            for (var i = 0; i < volumes.Count; i++)
            {
                if (volumes[i] is YamlMapping v && kind(v) is { } k)
                {
                    var name = v.Str("name") ?? $"#{i}";
                    found.Add(new PodSecurityViolation(check, checkLevel, null, ["spec", "volumes", i, k], $"volumes[{i}].{k}", $"must not use the {k} volume '{name}'"));
                }
            }
        }

        private static string FieldName(object[] path) =>
            string.Concat(path.Select((p, i) => p is int n ? $"[{n}]" : i == 0 ? (string)p : "." + p));
    }
}
