using HomeOps.Core.GitOps.Model;
using HomeOps.Core.Yaml;

namespace HomeOps.Core.GitOps.Rules;

/// <summary>
/// Finds pod specs in workloads with their paths: the kinds whose pods admission checks (Pod, PodTemplate,
/// ReplicationController, Deployment, StatefulSet, DaemonSet, ReplicaSet, Job, CronJob).
/// </summary>
public static class PodSpecs
{
    public static IEnumerable<(YamlMapping Spec, object[] Path)> Of(KubeObject obj)
    {
        if (obj.Group is not ("" or "apps" or "batch"))
        {
            yield break;
        }

        object[]? path = obj.Kind switch
        {
            "Pod" => ["spec"],
            "PodTemplate" when obj.Group.Length == 0 => ["template", "spec"],
            "ReplicationController" when obj.Group.Length == 0 => ["spec", "template", "spec"],
            "Deployment" or "StatefulSet" or "DaemonSet" or "ReplicaSet" or "Job" => ["spec", "template", "spec"],
            "CronJob" => ["spec", "jobTemplate", "spec", "template", "spec"],
            _ => null,
        };
        if (path is not null && YamlAccess.Deepest(obj.Root, path, out var complete) is YamlMapping spec && complete)
        {
            yield return (spec, path);
        }
    }

    public static IEnumerable<(YamlMapping Container, object[] Path)> Containers(KubeObject obj)
    {
        foreach (var (spec, path) in Of(obj))
        {
            foreach (var key in (string[])["initContainers", "containers", "ephemeralContainers"])
            {
                var list = spec.Seq(key);
                for (var i = 0; i < list.Count; i++)
                {
                    if (list[i] is YamlMapping c)
                    {
                        yield return (c, [.. path, key, i]);
                    }
                }
            }
        }
    }
}
