using HomeOps.Core.Yaml;

namespace HomeOps.Core.Platform;

/// <summary>The cluster-settings ConfigMap: every <see cref="SettingVariable"/> as a key, for Flux post-build substitution.</summary>
public static class ClusterSettingsManifest
{
    public const string Name = "cluster-settings";

    public static string Write(IReadOnlyList<SettingVariable> variables)
    {
        var yaml = PlatformFiles.NewFile()
            .Comment("Cluster-specific values for Flux post-build substitution: a Kustomization that lists this ConfigMap")
            .Comment("under spec.postBuild.substituteFrom may use ${NAME} for any key below (docs/gitops-tree.md).")
            .Document().Map()
            .Entry("apiVersion", "v1")
            .Entry("kind", "ConfigMap")
            .Key("metadata").Map()
                .Entry("name", Name)
                .Entry("namespace", "flux-system")
            .EndMap()
            .Key("data").Map();
        foreach (var variable in variables)
        {
            yaml.Comment(YamlText.CommentText(variable.Source)).Key(variable.Name).DoubleQuoted(variable.Value);
        }

        return yaml.EndMap().EndMap().ToString();
    }
}
